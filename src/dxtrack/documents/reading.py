"""Uploads that need OCR: stored at once, read by a background job, then ingested as usual.

An upload whose file needs OCR (a scan, a photo: `extraction.readers.needs_ocr`) is not read in
the request: `ingest_upload()` stores the original, creates the document with no text yet and
queues a `document.read` job, and the upload answers at once. The job (`run_document_read`)
reads the stored original with no transaction open, saving "Đang nhận dạng chữ: trang 3/12"
after each page, then fills the document and creates its draft tasks through the same
`add_extraction()` as any upload, in the same transaction that marks the job done: a worker
killed mid-way leaves the document as it was, and the job taken again after its lease creates
the tasks once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.config import Settings
from dxtrack.documents import service
from dxtrack.documents.models import Document
from dxtrack.errors import DxError
from dxtrack.extraction.readers import needs_ocr
from dxtrack.files import clean_filename, sha256_hex
from dxtrack.jobs.context import JobContext
from dxtrack.jobs.models import Job, JobState
from dxtrack.jobs.service import enqueue, find_latest_job

if TYPE_CHECKING:
    from dxtrack.auth.models import User

DOCUMENT_READ = "document.read"
WAITING = "Đang chờ nhận dạng chữ"


def read_or_defer(data: bytes, filename: str, *, max_bytes: int) -> service.Extraction:
    """`read_upload()`, except that a file needing OCR is left for a background job."""
    if len(data) <= max_bytes and needs_ocr(data, clean_filename(filename)):
        return service.Extraction(data, filename, deferred=True)
    return service.read_upload(data, filename, max_bytes=max_bytes)


def ingest_upload(
    db: Session,
    *,
    read: service.Extraction,
    settings: Settings,
    actor: User,
    confirm: bool = False,
) -> service.IngestOutcome:
    """One uploaded file: ingested now, or (needing OCR) stored and queued for reading."""
    if not read.deferred:
        return service.ingest_isolated(
            db,
            data=read.data,
            filename=read.filename,
            settings=settings,
            actor=actor,
            confirm=confirm,
            read=read,
        )
    try:
        with db.begin_nested():
            result = ingest_deferred(
                db, data=read.data, filename=read.filename, settings=settings, actor=actor,
                confirm=confirm,
            )  # fmt: skip
    except DxError as error:
        return service.IngestOutcome(read.filename, error=error)
    return service.IngestOutcome(read.filename, result=result)


def ingest_deferred(
    db: Session,
    *,
    data: bytes,
    filename: str,
    settings: Settings,
    actor: User,
    confirm: bool = False,
) -> service.IngestResult:
    """Store the original, create the document (no text yet) and queue its reading."""
    require_staff(actor)
    existing = service.find_by_sha256(db, sha256_hex(data))
    if existing is not None:
        return service.IngestResult(existing, duplicate=True)
    document = Document(filename=clean_filename(filename), size=len(data), text="")
    stored = service.store_document(db, document, data=data, settings=settings, actor=actor)
    if stored is not document:
        return service.IngestResult(stored, duplicate=True)
    job = enqueue(
        db,
        kind=DOCUMENT_READ,
        payload={"document_id": document.id, "confirm": confirm},
        actor=actor,
        entity="document",
        entity_id=document.id,
        label=WAITING,
    )
    return service.IngestResult(document, job_id=job.id)


def reading_job(db: Session, document_id: int) -> Job | None:
    """The document's reading job while it is not done (the document page shows it)."""
    job = find_latest_job(db, entity="document", entity_id=document_id)
    return job if job is not None and job.state != JobState.done else None


def reading_states(db: Session, document_ids: list[int]) -> dict[int, str]:
    """{document id: job state} of the documents among `document_ids` still being read (or
    whose reading failed): the list marks them."""
    query = select(Job.entity_id, Job.state).where(
        Job.entity == "document", Job.entity_id.in_(document_ids), Job.kind == DOCUMENT_READ
    )
    states: dict[int, str] = {}
    for document_id, state in db.execute(query.order_by(Job.id)):
        if document_id is not None:
            states[document_id] = state
    return {d: s for d, s in states.items() if s != JobState.done}


FILLED = (
    "doc_type", "number", "number_key", "issuer", "place", "issued_date", "subject",
    "recipients", "signer_name", "signer_title", "text", "ocr_pages",
)  # fmt: skip


def complete_reading(
    db: Session, *, document_id: int, fields: dict[str, Any], actor: User | None, confirm: bool
) -> dict[str, Any]:
    """Fill the document from its extraction and create its draft tasks (as any upload).
    Another file of a stored letter is removed in favour of that letter."""
    document = service.get_document(db, document_id)
    if document.text:  # filled already: nothing twice
        return {"document_id": document.id}
    extracted = service.new_document(fields, filename=document.filename, size=document.size)
    twin = service.find_same_letter(db, extracted)
    if twin is not None and twin.id != document.id:
        record(
            db,
            events.deleted("document", document.id, service.document_snapshot(document)),
            actor=actor,
        )
        db.delete(document)
        db.flush()
        return {"document_id": twin.id, "same_letter": twin.id}
    before = service.document_snapshot(document)
    for name in FILLED:
        setattr(document, name, getattr(extracted, name))
    db.flush()
    record(
        db,
        events.updated("document", document.id, before, service.document_snapshot(document)),
        actor=actor,
    )
    result = service.add_extraction(db, document, fields, actor=actor, confirm=confirm)
    return {"document_id": document.id, "tasks": result.tasks, "unresolved": len(result.unresolved)}


def run_document_read(ctx: JobContext) -> dict[str, Any]:
    """The `document.read` job: OCR with no transaction open, then one short write."""
    document_id = int(ctx.payload["document_id"])
    with ctx.unit() as db:
        document = service.get_document(db, document_id)
        path, filename = service.original_path(ctx.settings, document), document.filename
    ctx.progress(0, 0, "Đang nhận dạng chữ")

    def progress(done: int, total: int) -> None:
        ctx.progress(done, total, f"Đang nhận dạng chữ: trang {done}/{total}")

    fields = service.engine_extract(path.read_bytes(), filename, progress=progress)
    with ctx.unit() as db:
        result = complete_reading(
            db, document_id=document_id, fields=fields, actor=ctx.actor(db),
            confirm=bool(ctx.payload.get("confirm")),
        )  # fmt: skip
        if "same_letter" in result:
            ctx.label = (
                f"Cùng một văn bản với văn bản #{result['same_letter']} đã có; không nhập lại."
            )
        else:
            ctx.label = f"Đã nhận dạng chữ: {result['tasks']} nhiệm vụ chờ rà soát."
        ctx.complete(db, result)
    return result
