"""/api/v1/documents: upload (ingest), list, read, confirm."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy import select

from dxtrack.db import outside_transaction
from dxtrack.deps import AppSettings, CurrentUser, Db, Staff
from dxtrack.documents import service
from dxtrack.documents.models import Document, ReviewState
from dxtrack.documents.reading import ingest_upload, read_or_defer
from dxtrack.documents.references import link_reference, list_candidates
from dxtrack.documents.schemas import (
    CandidateRead,
    CitingRead,
    DocumentDetail,
    DocumentPage,
    DocumentRead,
    IngestRead,
    ReferenceLink,
    ReferenceRead,
    SignerRead,
)
from dxtrack.errors import error_body
from dxtrack.tasks.models import Task
from dxtrack.tasks.preview import preview_confirmation
from dxtrack.tasks.service import confirm_document

router = APIRouter(tags=["documents"])


def document_read(document: Document) -> DocumentRead:
    signer = None
    if document.signer_name or document.signer_title:
        signer = SignerRead(name=document.signer_name, title=document.signer_title)
    return DocumentRead(
        id=document.id,
        filename=document.filename,
        sha256=document.sha256,
        doc_type=document.doc_type,
        number=document.number,
        issuer=document.issuer,
        place=document.place,
        issued_date=document.issued_date,
        subject=document.subject,
        recipients=list(document.recipients),
        signer=signer,
        review_state=document.review_state,
        created_at=document.created_at,
    )


def _unresolved(detail: object) -> list[Any]:
    """The unresolved names a refused confirmation carries in its detail."""
    return list(detail.get("unresolved", [])) if isinstance(detail, dict) else []


def ingest_read(outcome: service.IngestOutcome) -> IngestRead:
    result, error = outcome.result, outcome.error
    if result is None:
        assert error is not None
        return IngestRead(
            filename=outcome.filename,
            status="failed",
            document=None,
            duplicate=False,
            tasks=0,
            unresolved=[],
            error=error.code,
            detail=error.message,
        )
    return IngestRead(
        filename=outcome.filename,
        status="duplicate" if result.duplicate else ("reading" if result.job_id else "created"),
        document=document_read(result.document),
        duplicate=result.duplicate,
        tasks=result.tasks,
        unresolved=result.unresolved,
        detail=result.same_letter_message if result.same_letter else None,
        same_letter=result.same_letter,
        confirm_error=result.refused.message if result.refused else None,
        unresolved_tasks=_unresolved(result.refused.detail) if result.refused else [],
        job=result.job_id,
    )


def _nothing_ingested(items: list[IngestRead]) -> Response:
    """422 when every file failed: the usual error body, plus each file's reason in `files`."""
    codes = {item.error or "invalid" for item in items}
    code = codes.pop() if len(codes) == 1 else "invalid"
    if len(items) == 1 and items[0].detail:
        detail = items[0].detail
    else:
        detail = f"Không nhập được tệp nào trong {len(items)} tệp; lý do từng tệp ở «files»."
    files = [item.model_dump(mode="json") for item in items]
    return JSONResponse(error_body(code, detail, files=files), status_code=422)


UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    201: {"description": "Kết quả từng tệp (có thể có tệp lỗi, `status` = `failed`)."},
    422: {"description": "Không nhập được tệp nào: `{error, detail, files}`."},
}


@router.post(
    "/documents", response_model=list[IngestRead], status_code=201, responses=UPLOAD_RESPONSES
)
def upload_documents(
    db: Db,
    settings: AppSettings,
    user: Staff,
    files: Annotated[list[UploadFile], File(description="Văn bản: PDF, DOCX, DOC, TXT ...")],
    confirm: Annotated[bool, Form()] = False,
) -> Any:
    """Each file is stored and extracted on its own: a broken file is reported, not fatal.

    The files are read and extracted first, holding no transaction; then written. A file
    that needs OCR is stored and read by a background job (`status` `reading`, `job`)."""
    with outside_transaction(db):
        reads = [
            read_or_defer(
                upload.file.read(settings.max_upload_bytes + 1),
                upload.filename or "van-ban",
                max_bytes=settings.max_upload_bytes,
            )
            for upload in files
        ]
    outcomes = [
        ingest_upload(db, read=read, settings=settings, actor=user, confirm=confirm)
        for read in reads
    ]
    items = [ingest_read(outcome) for outcome in outcomes]
    if all(item.status == "failed" for item in items):
        return _nothing_ingested(items)
    return items


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    db: Db,
    user: CurrentUser,
    q: str | None = None,
    review_state: ReviewState | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> DocumentPage:
    rows, total = service.list_documents(
        db, user=user, q=q, review_state=review_state, page=page, page_size=page_size
    )
    items = [document_read(d) for d in rows]
    return DocumentPage(items=items, total=total, page=page, page_size=page_size)


def reference_reads(db: Db, document_id: int) -> list[ReferenceRead]:
    refs = service.list_references(db, document_id)
    candidates = list_candidates(db, refs)
    return [
        ReferenceRead(
            id=r.id,
            number=r.number,
            doc_type=r.doc_type,
            date=r.ref_date,
            issuer=r.issuer,
            cited_id=r.cited_id,
            candidates=[CandidateRead(**vars(c)) for c in candidates.get(r.id, [])],
        )
        for r in refs
    ]


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def read_document(document_id: int, db: Db, user: CurrentUser) -> DocumentDetail:
    """The document, its text and tasks, the documents it cites (`cited_id` only when number,
    issuer and date agree; a number match alone is listed in `candidates`) and citing it.

    Officers read only the documents that assign their agency a task (404 otherwise)."""
    document = service.get_readable_document(db, document_id, user=user)
    citing = [
        CitingRead(id=d.id, number=d.number, subject=d.subject)
        for d in service.list_cited_by(db, document_id, user=user)
    ]
    task_ids = list(
        db.scalars(
            select(Task.id).where(Task.document_id == document_id).order_by(Task.position, Task.id)
        )
    )
    return DocumentDetail(
        **document_read(document).model_dump(),
        text=document.text,
        references=reference_reads(db, document_id),
        cited_by=citing,
        task_ids=task_ids,
    )


@router.put("/documents/{document_id}/references/{reference_id}", response_model=ReferenceRead)
def confirm_reference(
    document_id: int, reference_id: int, body: ReferenceLink, db: Db, user: Staff
) -> ReferenceRead:
    """A person confirms which stored document a reference designates (`cited_id`), or that
    none does (`null`)."""
    link_reference(
        db, document_id=document_id, reference_id=reference_id, cited_id=body.cited_id, actor=user
    )
    return next(r for r in reference_reads(db, document_id) if r.id == reference_id)


@router.get("/documents/{document_id}/original", response_class=FileResponse)
def download_original(
    document_id: int, db: Db, settings: AppSettings, user: CurrentUser
) -> FileResponse:
    """The stored original file (officers: of the documents that assign their agency a task)."""
    document = service.get_readable_document(db, document_id, user=user)
    return FileResponse(service.original_path(settings, document), filename=document.filename)


@router.get("/documents/{document_id}/preview")
def preview(document_id: int, db: Db, _user: Staff, at: date | None = None) -> dict[str, Any]:
    """What confirming would create: assignments per agency and period, how many overdue at
    once, for each start of recurring tasks (`document`: the document's date; `next`: the
    next period), and the names still to map."""
    return asdict(preview_confirmation(db, document_id=document_id, at=at))


@router.post("/documents/{document_id}/confirm", response_model=DocumentRead)
def confirm(
    document_id: int,
    db: Db,
    user: Staff,
    start: Literal["document", "next"] = Query("document"),
) -> DocumentRead:
    """Confirm the draft tasks (422 with `unresolved` while a name resolves to nothing);
    `start=next`: recurring tasks begin at the next period instead of the document's date."""
    return document_read(confirm_document(db, document_id=document_id, actor=user, start=start))
