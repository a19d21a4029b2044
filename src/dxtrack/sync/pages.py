"""The "cần xem lại" decision on the task page: apply the source's change or dismiss it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.responses import RedirectResponse, Response

from dxtrack.deps import Db
from dxtrack.sync import upsert
from dxtrack.sync.upsert import resolve_review
from dxtrack.web.security import PageStaff

router = APIRouter(include_in_schema=False)


@router.post("/tasks/{task_id}/sync-review", name="task_sync_review_page")
def review_task(
    task_id: int, db: Db, user: PageStaff, apply: Annotated[str, Form()] = ""
) -> Response:
    resolve_review(db, task_id=task_id, apply=apply == "1", actor=user)
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.post("/documents/{document_id}/sync-review", name="document_sync_review_page")
def review_document(document_id: int, db: Db, user: PageStaff) -> Response:
    upsert.dismiss_document_review(db, document_id=document_id, actor=user)
    return RedirectResponse(f"/documents/{document_id}", status_code=303)
