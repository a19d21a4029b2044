"""/api/v1: upserts by external id, the change feed, the status export at a date."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile
from fastapi.responses import JSONResponse

from dxtrack import vn
from dxtrack.auth.models import User
from dxtrack.auth.permissions import READ_ALL, require_role
from dxtrack.db import outside_transaction
from dxtrack.deps import AppSettings, CurrentUser, Db, Staff
from dxtrack.documents.models import Document
from dxtrack.documents.service import read_upload
from dxtrack.sync import upsert
from dxtrack.sync.changes import parse_cursor
from dxtrack.sync.export import export_lines
from dxtrack.sync.feed import MAX_LIMIT, changes_page
from dxtrack.sync.schemas import ReviewDecision, TaskSync, UpsertRead
from dxtrack.tasks.models import Task

router = APIRouter(tags=["sync"])


def _reader(user: CurrentUser) -> User:
    require_role(user, *READ_ALL)
    return user


Reader = Annotated[User, Depends(_reader)]
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def _answer(db: Db, done: upsert.Upserted, document: bool = False) -> Any:
    row = db.get(Document, done.entity_id) if document else db.get(Task, done.entity_id)
    assert row is not None
    body = UpsertRead(
        result=done.result,
        id=done.entity_id,
        external_id=row.external_id or "",
        review_note=row.review_note,
    )
    status = 201 if done.result == "created" else 200
    return JSONResponse(body.model_dump(), status_code=status)


@router.put("/sync/tasks/{external_id:path}", response_model=UpsertRead)
def upsert_task(external_id: str, body: TaskSync, db: Db, user: Staff) -> Any:
    """Create (201), leave (`unchanged`), update a draft (`updated`) or flag a confirmed task
    "cần xem lại" (`flagged`), by the source system's id `system:id`."""
    source = upsert.TaskSource(
        clause=body.clause,
        summary=body.summary,
        deadline=body.deadline,
        recurrence=body.recurrence,
        lead=body.lead,
        coordinators=body.coordinators,
    )
    done = upsert.upsert_task(
        db,
        external_id=external_id,
        source=source,
        actor=user,
        document_id=body.document_id,
        document_external_id=body.document_external_id,
    )
    return _answer(db, done)


@router.put("/sync/documents/{external_id:path}", response_model=UpsertRead)
def upsert_document(
    external_id: str,
    db: Db,
    settings: AppSettings,
    user: Staff,
    file: Annotated[UploadFile, File(description="Văn bản: PDF, DOCX, TXT ...")],
) -> Any:
    """The document's file under its external id: the same bytes again change nothing."""
    upsert.check_external_id(external_id)
    with outside_transaction(db):
        read = read_upload(
            file.file.read(settings.max_upload_bytes + 1),
            file.filename or "van-ban",
            max_bytes=settings.max_upload_bytes,
        )
    if read.error is not None:
        raise read.error
    assert read.fields is not None
    done = upsert.upsert_document(
        db,
        external_id=external_id,
        data=read.data,
        filename=read.filename,
        fields=read.fields,
        settings=settings,
        actor=user,
    )
    return _answer(db, done, document=True)


@router.post("/tasks/{task_id}/sync-review", response_model=UpsertRead)
def resolve_review(task_id: int, body: ReviewDecision, db: Db, user: Staff) -> UpsertRead:
    """Apply the source's pending change to a flagged task, or dismiss it."""
    task = upsert.resolve_review(db, task_id=task_id, apply=body.apply, actor=user)
    result = "updated" if body.apply else "unchanged"
    return UpsertRead(result=result, id=task.id, external_id=task.external_id or "")


@router.post("/documents/{document_id}/sync-review", response_model=UpsertRead)
def dismiss_document_review(document_id: int, db: Db, user: Staff) -> UpsertRead:
    """The coordinator has looked at a confirmed document whose source changed."""
    document = upsert.dismiss_document_review(db, document_id=document_id, actor=user)
    return UpsertRead(result="unchanged", id=document.id, external_id=document.external_id or "")


@router.get("/changes")
def list_changes(
    db: Db,
    settings: AppSettings,
    user: Reader,
    since: str | None = None,
    limit: int = Query(500, ge=1, le=MAX_LIMIT),
    at: date | None = None,
) -> dict[str, Any]:
    """Changes of documents, tasks, assignments and progress reports after `since`."""
    return changes_page(
        db,
        since=parse_cursor(since),
        limit=limit,
        at=at or vn.today(),
        due_soon_days=settings.due_soon_days,
    )


@router.get("/exports/assignments")
def export_assignments(
    db: Db,
    settings: AppSettings,
    user: Reader,
    at: date | None = None,
    fmt: Literal["csv", "jsonl"] = Query("csv", alias="format"),
) -> Response:
    """Every assignment with its status at `at` (default today)."""
    day = at or vn.today()
    lines = export_lines(db, at=day, fmt=fmt, due_soon_days=settings.due_soon_days)
    name = f"phan-cong-{day.isoformat()}.{fmt}"
    return Response(
        "".join(lines),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
