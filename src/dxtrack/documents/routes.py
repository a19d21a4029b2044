"""/api/v1/documents: upload (ingest), list, read, confirm."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy import select

from dxtrack.deps import AppSettings, CurrentUser, Db, Staff
from dxtrack.documents import service
from dxtrack.documents.models import Document, ReviewState
from dxtrack.documents.schemas import (
    CitingRead,
    DocumentDetail,
    DocumentPage,
    DocumentRead,
    IngestRead,
    ReferenceRead,
    SignerRead,
)
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Task
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


@router.post("/documents", response_model=list[IngestRead], status_code=201)
def upload_documents(
    db: Db,
    settings: AppSettings,
    user: Staff,
    files: Annotated[list[UploadFile], File(description="Văn bản: PDF, DOCX, DOC, TXT ...")],
    confirm: Annotated[bool, Form()] = False,
) -> list[IngestRead]:
    results = []
    for upload in files:
        data = upload.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise Invalid(f"Tệp «{upload.filename}» vượt quá {settings.max_upload_mb} MB.")
        name = upload.filename or "van-ban"
        result = service.ingest_bytes(
            db, data=data, filename=name, settings=settings, actor=user, confirm=confirm
        )
        results.append(
            IngestRead(
                filename=name,
                document=document_read(result.document),
                duplicate=result.duplicate,
                tasks=result.tasks,
                unresolved=result.unresolved,
            )
        )
    return results


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    db: Db,
    _user: CurrentUser,
    q: str | None = None,
    review_state: ReviewState | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> DocumentPage:
    rows, total = service.list_documents(
        db, q=q, review_state=review_state, page=page, page_size=page_size
    )
    items = [document_read(d) for d in rows]
    return DocumentPage(items=items, total=total, page=page, page_size=page_size)


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def read_document(document_id: int, db: Db, _user: CurrentUser) -> DocumentDetail:
    document = service.get_document(db, document_id)
    refs = [
        ReferenceRead(
            number=r.number,
            doc_type=r.doc_type,
            date=r.ref_date,
            issuer=r.issuer,
            cited_id=r.cited_id,
        )
        for r in service.list_references(db, document_id)
    ]
    citing = [
        CitingRead(id=d.id, number=d.number, subject=d.subject)
        for d in service.list_cited_by(db, document_id)
    ]
    task_ids = list(
        db.scalars(
            select(Task.id).where(Task.document_id == document_id).order_by(Task.position, Task.id)
        )
    )
    return DocumentDetail(
        **document_read(document).model_dump(),
        text=document.text,
        references=refs,
        cited_by=citing,
        task_ids=task_ids,
    )


@router.get("/documents/{document_id}/original", response_class=FileResponse)
def download_original(
    document_id: int, db: Db, settings: AppSettings, _user: CurrentUser
) -> FileResponse:
    document = service.get_document(db, document_id)
    return FileResponse(service.original_path(settings, document), filename=document.filename)


@router.post("/documents/{document_id}/confirm", response_model=DocumentRead)
def confirm(document_id: int, db: Db, user: Staff) -> DocumentRead:
    return document_read(confirm_document(db, document_id=document_id, actor=user))
