"""Documents: ingest through the extraction engine, read, link cited documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dxtrack.agencies.importer import default_directory
from dxtrack.agencies.resolver import build_resolver
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import READ_ALL, require_staff
from dxtrack.config import Settings
from dxtrack.documents.choices import choice_label
from dxtrack.documents.identity import same_document
from dxtrack.documents.models import Document, DocumentReference, ReviewState
from dxtrack.documents.references import add_references, issued, number_key, parse_date
from dxtrack.errors import DxError, ExtractionFailed, InternalError, Invalid, NotFound
from dxtrack.extraction import ExtractionError, extract_bytes
from dxtrack.extraction.ocr_pdf import page_png
from dxtrack.extraction.reader_errors import ReaderBug
from dxtrack.files import clean_filename, safe_suffix, sha256_hex, store_blob
from dxtrack.search import contains
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.service import confirm_document, create_extracted_tasks

if TYPE_CHECKING:
    from dxtrack.auth.models import User


Extractor = Callable[[bytes, str], dict[str, Any]]
Progress = Callable[[int, int], None]


def engine_extract(
    data: bytes, filename: str, *, progress: Progress | None = None
) -> dict[str, Any]:
    """The engine's extraction; `progress(pages_done, pages_total)` after each OCR'd page.
    A defect of ours met while reading (logged by the reader) is an internal error, not an
    unreadable file."""
    try:
        directory = extraction_directory()
        return extract_bytes(data, filename, directory=directory, progress=progress).to_dict()
    except ReaderBug as exc:
        raise InternalError(exc.message) from None
    except ExtractionError as exc:
        raise ExtractionFailed(exc.message) from None


@lru_cache(maxsize=1)
def extraction_directory() -> tuple[str, ...]:
    """Agency names and aliases the engine recognises: the packaged directory's provincial
    bodies (communes and wards are matched by the engine's unit rule, not by name). Plural
    aliases that let the resolver map a group addressee to the province ("UBND các tỉnh")
    are left to the engine's group rule, which reads the whole group ("Ủy ban nhân dân các
    tỉnh, thành phố trực thuộc Trung ương")."""
    names: list[str] = []
    for row in default_directory().agencies:
        if row.kind in {"commune", "ward", "special_zone"}:
            continue
        names.append(row.name)
        names.extend(a for a in row.aliases if len(a) > 6 and " các " not in f" {a.lower()} ")
    return tuple(names)


@dataclass(frozen=True)
class Extraction:
    """A file read and extracted before any database work: its fields, or why it failed."""

    data: bytes
    filename: str
    fields: dict[str, Any] | None = None
    error: DxError | None = None
    deferred: bool = False  # needs OCR: read later by a background job (documents/reading.py)


def read_upload(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    extract: Extractor | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Check the size and extract a file; no database (run it before the writing transaction,
    see db.outside_transaction: a batch of long PDFs then blocks no one's writes).
    `progress(pages_done, pages_total)` is called after each page read by OCR."""
    try:
        if max_bytes is not None and len(data) > max_bytes:
            raise Invalid(f"Tệp «{filename}» vượt quá {max_bytes // (1024 * 1024)} MB.")
        name = clean_filename(filename)
        if extract is not None:
            fields = extract(data, name)
        else:
            fields = engine_extract(data, name, progress=progress)
    except DxError as error:
        return Extraction(data, filename, error=error)
    return Extraction(data, filename, fields=fields)


@dataclass
class IngestResult:
    document: Document
    duplicate: bool = False
    tasks: int = 0
    unresolved: list[str] = field(default_factory=list)
    # Confirming was asked for and refused (a party resolves to nothing): tasks stay draft.
    refused: Invalid | None = None
    # Another file of the same letter (same number, issuer and date): `document` is that one.
    same_letter: bool = False
    # Stored and being read by a background job (OCR): its tasks come when the job is done.
    job_id: int | None = None

    @property
    def same_letter_message(self) -> str:
        d = self.document
        return (
            f"Trùng số {d.number}, cơ quan ban hành và ngày ban hành với văn bản #{d.id} đã có "
            f"(«{d.filename}»): cùng một văn bản ở tệp khác, không nhập lại."
        )


@dataclass
class IngestOutcome:
    """One file of a batch: its result, or the error that undid this file's writes only."""

    filename: str
    result: IngestResult | None = None
    error: DxError | None = None


def document_snapshot(document: Document) -> dict[str, Any]:
    return {
        "filename": document.filename,
        "sha256": document.sha256,
        "doc_type": document.doc_type,
        "number": document.number,
        "subject": document.subject,
        "review_state": document.review_state,
    }


def find_by_sha256(db: Session, sha256: str) -> Document | None:
    return db.scalar(select(Document).where(Document.sha256 == sha256))


def find_same_letter(db: Session, document: Document) -> Document | None:
    """A stored document with the same number, issuer and date (the letter in another file)."""
    if not document.number_key:
        return None
    query = select(Document).where(Document.number_key == document.number_key)
    found = (d for d in db.scalars(query.order_by(Document.id)))
    return next((d for d in found if same_document(issued(d), issued(document))), None)


def readable_by(user: User) -> ColumnElement[bool] | None:
    """The one rule of who reads a document: staff and viewers every one; an officer the
    documents that assign their agency a task (text and original, read-only). None: all."""
    if user.role in READ_ALL:
        return None
    own = (
        select(Task.document_id)
        .join(Assignment, Assignment.task_id == Task.id)
        .where(Assignment.agency_id == (user.agency_id if user.agency_id is not None else -1))
    )
    return Document.id.in_(own)


def readable_ids(db: Session, user: User, ids: list[int | None]) -> set[int]:
    """The documents among `ids` that `user` may open (pages link only to those)."""
    wanted = {i for i in ids if i is not None}
    rule = readable_by(user)
    if rule is None or not wanted:
        return wanted
    return set(db.scalars(select(Document.id).where(Document.id.in_(wanted), rule)))


def get_readable_document(db: Session, document_id: int, *, user: User) -> Document:
    """The document if `user` may read it; NotFound otherwise (its existence is not told)."""
    rule = readable_by(user)
    document = db.get(Document, document_id)
    if document is not None and rule is not None:
        document = db.scalar(select(Document).where(Document.id == document_id, rule))
    if document is None:
        raise NotFound(f"Không tìm thấy văn bản #{document_id}.")
    return document


def get_document(db: Session, document_id: int) -> Document:
    document = db.get(Document, document_id)
    if document is None:
        raise NotFound(f"Không tìm thấy văn bản #{document_id}.")
    return document


def new_document(extracted: dict[str, Any], *, filename: str, size: int) -> Document:
    signer = extracted.get("signer") or {}
    return Document(
        filename=filename,
        size=size,
        doc_type=extracted.get("doc_type"),
        number=extracted.get("number"),
        number_key=number_key(extracted.get("number")),
        issuer=extracted.get("issuer"),
        place=extracted.get("place"),
        issued_date=parse_date(extracted.get("issued_date")),
        subject=extracted.get("subject"),
        recipients=list(extracted.get("recipients") or []),
        signer_name=signer.get("name"),
        signer_title=signer.get("title"),
        text=extracted.get("text") or "",
        ocr_pages=list(extracted.get("pages") or []) or None,
    )


def ingest_bytes(
    db: Session,
    *,
    data: bytes,
    filename: str,
    settings: Settings,
    actor: User | None,
    confirm: bool = False,
    extract: Extractor | None = None,
    start: str = "document",
    fields: dict[str, Any] | None = None,
) -> IngestResult:
    """Store the original once, extract metadata and tasks (draft), optionally confirm
    (recurring tasks from the document's date, or with start="next" from the next period).

    `fields`: the extraction already made (read_upload); else `extract(data, filename)` returns
    it (default: the extraction engine).
    """
    if actor is not None:
        require_staff(actor)
    existing = find_by_sha256(db, sha256_hex(data))
    if existing is not None:
        return IngestResult(existing, duplicate=True)
    filename = clean_filename(filename)
    if fields is None:  # an unreadable file stores nothing
        fields = (extract or engine_extract)(data, filename)
    extracted = fields
    document = new_document(extracted, filename=filename, size=len(data))
    if (twin := find_same_letter(db, document)) is not None:
        return IngestResult(twin, duplicate=True, same_letter=True)
    stored = store_document(db, document, data=data, settings=settings, actor=actor)
    if stored is not document:
        return IngestResult(stored, duplicate=True)
    return add_extraction(db, document, extracted, actor=actor, confirm=confirm, start=start)


def store_document(
    db: Session, document: Document, *, data: bytes, settings: Settings, actor: User | None
) -> Document:
    """Write the original once and insert `document` (audited); the stored twin instead when
    the same file was uploaded at the same moment by someone else."""
    digest, relative = store_blob(
        settings.originals_dir, data, suffix=safe_suffix(document.filename)
    )
    document.sha256, document.stored_path = digest, relative
    document.created_by = actor.id if actor else None
    try:
        with db.begin_nested():
            db.add(document)
            db.flush()
    except IntegrityError:
        existing = find_by_sha256(db, digest)
        if existing is None:
            raise
        return existing
    record(db, events.created("document", document.id, document_snapshot(document)), actor=actor)
    return document


def add_extraction(
    db: Session,
    document: Document,
    extracted: dict[str, Any],
    *,
    actor: User | None,
    confirm: bool = False,
    start: str = "document",
) -> IngestResult:
    """A stored document's references and draft tasks from its extraction; optionally
    confirmed. The second half of every ingest (upload, CLI, a background read)."""
    add_references(db, document, list(extracted.get("references") or []))
    resolver = build_resolver(db)
    tasks, unresolved = create_extracted_tasks(
        db, document=document, tasks=extracted.get("tasks") or [], resolver=resolver, actor=actor
    )
    result = IngestResult(document, tasks=len(tasks), unresolved=unresolved)
    if confirm:
        try:
            confirm_document(db, document_id=document.id, actor=actor, start=start)
        except Invalid as refused:  # raised before anything is confirmed
            result.refused = refused
    return result


def ingest_isolated(
    db: Session,
    *,
    data: bytes,
    filename: str,
    settings: Settings,
    actor: User | None,
    confirm: bool = False,
    max_bytes: int | None = None,
    extract: Extractor | None = None,
    start: str = "document",
    read: Extraction | None = None,
) -> IngestOutcome:
    """`ingest_bytes()` for one file of several, inside its own SAVEPOINT.

    A file that fails (too large, unreadable, refused) rolls back to its savepoint and comes
    back as an outcome with the error; the files before and after it are kept.
    """
    if read is not None and read.error is not None:
        return IngestOutcome(filename, error=read.error)
    try:
        if max_bytes is not None and len(data) > max_bytes:
            raise Invalid(f"Tệp «{filename}» vượt quá {max_bytes // (1024 * 1024)} MB.")
        with db.begin_nested():
            result = ingest_bytes(
                db,
                data=data,
                filename=filename,
                settings=settings,
                actor=actor,
                confirm=confirm,
                extract=extract,
                start=start,
                fields=read.fields if read is not None else None,
            )
    except DxError as error:
        return IngestOutcome(filename, error=error)
    return IngestOutcome(filename, result=result)


def ingest_file(
    db: Session, path: Path, *, settings: Settings, actor: User | None, confirm: bool = False
) -> IngestResult:
    return ingest_bytes(
        db,
        data=path.read_bytes(),
        filename=path.name,
        settings=settings,
        actor=actor,
        confirm=confirm,
    )


def list_documents(
    db: Session,
    *,
    user: User | None = None,
    q: str | None = None,
    review_state: ReviewState | None = None,
    page: int = 1,
    page_size: int = 50,
) -> tuple[list[Document], int]:
    query = select(Document)
    if user is not None and (rule := readable_by(user)) is not None:
        query = query.where(rule)
    if q:
        query = query.where(contains(Document.search_key, q))
    if review_state:
        query = query.where(Document.review_state == review_state)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(Document.id.desc()).offset((page - 1) * page_size).limit(page_size)
    )
    return list(rows), total


def list_references(db: Session, document_id: int) -> list[DocumentReference]:
    """The documents this one cites (cited_id set when that document is in the database)."""
    query = select(DocumentReference).where(DocumentReference.document_id == document_id)
    return list(db.scalars(query.order_by(DocumentReference.id)))


def list_cited_by(db: Session, document_id: int, *, user: User | None = None) -> list[Document]:
    """The documents that cite this one (those `user` may read)."""
    query = (
        select(Document)
        .join(DocumentReference, DocumentReference.document_id == Document.id)
        .where(DocumentReference.cited_id == document_id)
        .order_by(Document.id)
    )
    if user is not None and (rule := readable_by(user)) is not None:
        query = query.where(rule)
    return list(db.scalars(query))


def original_path(settings: Settings, document: Document) -> Path:
    return settings.originals_dir / document.stored_path


def page_image(settings: Settings, document: Document, page: int) -> bytes:
    """One page of a document read by OCR, rendered from its stored original as a PNG (the
    review screen shows it beside the recognised text)."""
    if not document.read_by_ocr:
        raise NotFound(f"Văn bản #{document.id} không được đọc bằng nhận dạng chữ (OCR).")
    data = original_path(settings, document).read_bytes()
    ext = Path(document.filename).suffix.lower().lstrip(".")
    png = page_png(data, ext, page)
    if png is None:
        raise NotFound(f"Văn bản #{document.id} không có trang {page}.")
    return png


def list_document_choices(db: Session, *, limit: int = 500) -> list[tuple[int, str]]:
    """(id, label) of the newest documents for filter menus, without loading their text."""
    query = select(Document.id, Document.number, Document.subject, Document.filename)
    rows = db.execute(query.order_by(Document.id.desc()).limit(limit))
    return [(document_id, choice_label(*rest)) for document_id, *rest in rows]
