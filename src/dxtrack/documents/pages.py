"""Văn bản: upload (several files, progress), list with search, the document / review page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack.auth.permissions import STAFF
from dxtrack.deps import AppSettings, Db
from dxtrack.documents import service
from dxtrack.documents.highlight import segments
from dxtrack.documents.models import ReviewState
from dxtrack.documents.review_pages import task_cards
from dxtrack.errors import Invalid
from dxtrack.tasks.listing import list_document_tasks
from dxtrack.tasks.service import confirm_document
from dxtrack.web.security import PageReader, PageStaff
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 30
ACCEPT = ".pdf,.docx,.doc,.txt,.md,application/pdf,text/plain"


@router.get("/documents", name="documents_index")
def documents_index(
    request: Request,
    db: Db,
    user: PageReader,
    q: str = "",
    review_state: str = "",
    page: int = 1,
) -> Response:
    state = ReviewState(review_state) if review_state in set(ReviewState) else None
    rows, total = service.list_documents(
        db, q=q.strip() or None, review_state=state, page=max(page, 1), page_size=PAGE_SIZE
    )
    context = {
        "rows": rows,
        "total": total,
        "q": q,
        "review_state": review_state,
        "page": max(page, 1),
        "has_more": page * PAGE_SIZE < total,
        "can_upload": user.role in STAFF,
        "accept": ACCEPT,
    }
    return render(request, "documents/list.html", context)


@router.post("/documents/upload", name="documents_upload")
def documents_upload(
    request: Request,
    db: Db,
    user: PageStaff,
    settings: AppSettings,
    files: Annotated[list[UploadFile], File()],
) -> Response:
    items = [
        service.ingest_isolated(  # each file in its own SAVEPOINT: a bad one is reported
            db,
            data=upload.file.read(settings.max_upload_bytes + 1),
            filename=upload.filename,
            settings=settings,
            actor=user,
            max_bytes=settings.max_upload_bytes,
        )
        for upload in files
        if upload.filename
    ]
    if not items:
        raise Invalid("Vui lòng chọn ít nhất một tệp văn bản.")
    return render(request, "documents/_upload_results.html", {"items": items})


@router.get("/documents/{document_id}", name="document_page")
def document_page(request: Request, document_id: int, db: Db, user: PageReader) -> Response:
    document = service.get_document(db, document_id)
    tasks = list_document_tasks(db, document_id=document_id)
    context = {
        "document": document,
        "segments": segments(document.text, tasks),
        "cards": task_cards(db, tasks),
        "references": service.list_references(db, document_id),
        "cited_by": service.list_cited_by(db, document_id),
        "can_edit": user.role in STAFF,
        "drafts": sum(1 for t in tasks if t.review_state == ReviewState.draft),
        "confirmed": request.query_params.get("confirmed"),
    }
    return render(request, "documents/detail.html", context)


@router.post("/documents/{document_id}/confirm", name="document_confirm")
def document_confirm(document_id: int, db: Db, user: PageStaff) -> Response:
    confirm_document(db, document_id=document_id, actor=user)
    return RedirectResponse(f"/documents/{document_id}?confirmed=1", status_code=303)
