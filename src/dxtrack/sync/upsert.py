"""Upserts by external id (`system:id`), so a nightly sync never duplicates anything.

A task's source fields are hashed (SHA-256 of their canonical JSON); a document's source is
its file (its SHA-256). The same source again: nothing is written (`unchanged`). A changed
source: a draft is updated (`updated`); a confirmed task or document is not overwritten but
flagged "cần xem lại" (`flagged`) with what changed, until a coordinator applies or dismisses
the change (`resolve_review`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.resolver import build_resolver
from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.models import User
from dxtrack.auth.permissions import require_staff
from dxtrack.config import Settings
from dxtrack.documents.models import Document, DocumentReference, ReviewState
from dxtrack.documents.references import add_references
from dxtrack.documents.service import find_by_sha256, get_document, ingest_bytes, new_document
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.files import clean_filename, safe_suffix, sha256_hex, store_blob
from dxtrack.tasks.models import Task
from dxtrack.tasks.service import (
    TaskFields,
    create_extracted_tasks,
    create_task,
    delete_task,
    get_task,
    list_parties,
    task_snapshot,
    update_task,
)

EXTERNAL_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}:[^\s:][^\s]{0,150}$")
FIELD_NAMES = {
    "clause": "điều khoản",
    "summary": "nội dung",
    "deadline": "thời hạn",
    "recurrence": "chu kỳ",
    "lead": "cơ quan chủ trì",
    "coordinators": "cơ quan phối hợp",
}


def check_external_id(value: str) -> str:
    value = unicodedata.normalize("NFC", value.strip())
    if not EXTERNAL_ID.match(value):
        raise Invalid(
            f"Mã đồng bộ «{value}» không hợp lệ: dùng dạng «hệ-thống:mã», ví dụ "
            "«qlvb:2025-000123» (tên hệ thống viết thường, không dấu, không khoảng trắng)."
        )
    return value


@dataclass
class TaskSource:
    """A task as the source system sends it."""

    clause: str = ""
    summary: str = ""
    deadline: date | None = None
    recurrence: str | None = None
    lead: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)

    def values(self) -> dict[str, Any]:
        data = asdict(self)
        data["deadline"] = self.deadline.isoformat() if self.deadline else None
        return data

    def digest(self) -> str:
        canonical = json.dumps(self.values(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class Upserted:
    result: str  # created, linked, unchanged, updated, flagged
    entity_id: int


def find_task(db: Session, external_id: str) -> Task | None:
    return db.scalar(select(Task).where(Task.external_id == external_id))


def find_document(db: Session, external_id: str) -> Document | None:
    return db.scalar(select(Document).where(Document.external_id == external_id))


def _audit(db: Session, entity: str, entity_id: int, after: dict[str, Any], actor: User) -> None:
    record(db, Event(f"{entity}.sync", entity, entity_id, None, after), actor=actor)


def _changes(source: TaskSource) -> dict[str, Any]:
    values = asdict(source)
    return {k: v for k, v in values.items() if k in FIELD_NAMES}


def _difference(before: dict[str, Any], source: TaskSource) -> str:
    """What the source changed, in Vietnamese: "thời hạn 31/12/2025 → 30/06/2026; ..."."""

    def shown(value: Any) -> str:
        if isinstance(value, date):
            return vn.date_text(value)
        if isinstance(value, list):
            return ", ".join(value) or "(trống)"
        return str(value) if value not in (None, "") else "(trống)"

    parts = []
    for name, label in FIELD_NAMES.items():
        old, new = before.get(name), getattr(source, name)
        if (old or None) != (new or None):
            parts.append(f"{label} {shown(old)} → {shown(new)}")
    return "; ".join(parts)


def _document_for(
    db: Session, document_id: int | None, document_external_id: str | None
) -> Document:
    if document_external_id:
        found = find_document(db, check_external_id(document_external_id))
        if found is None:
            raise NotFound(f"Chưa có văn bản mang mã đồng bộ «{document_external_id}».")
        return found
    if document_id is None:
        raise Invalid("Cần văn bản của nhiệm vụ: «document_id» hoặc «document_external_id».")
    return get_document(db, document_id)


def upsert_task(
    db: Session,
    *,
    external_id: str,
    source: TaskSource,
    actor: User,
    document_id: int | None = None,
    document_external_id: str | None = None,
) -> Upserted:
    """Create, leave, update (draft) or flag (confirmed) the task with this external id."""
    require_staff(actor)
    external_id = check_external_id(external_id)
    digest = source.digest()
    task = find_task(db, external_id)
    if task is None:
        document = _document_for(db, document_id, document_external_id)
        task = _create(db, document, source, actor)
        task.external_id, task.sync_hash = external_id, digest
        _audit(db, "task", task.id, {"external_id": external_id, "result": "created"}, actor)
        return Upserted("created", task.id)
    pending = (task.sync_incoming or {}).get("hash")
    if digest in (task.sync_hash, pending):
        return Upserted("unchanged", task.id)
    if task.review_state == ReviewState.draft:
        update_task(db, task_id=task.id, version=None, changes=_changes(source), actor=actor)
        task.sync_hash = digest
        _audit(db, "task", task.id, {"external_id": external_id, "result": "updated"}, actor)
        return Upserted("updated", task.id)
    before = task_snapshot(task, list_parties(db, task.id))
    task.review_note = "Nguồn đồng bộ đã thay đổi: " + (_difference(before, source) or "nội dung")
    task.sync_incoming = {**source.values(), "hash": digest}
    after = {"external_id": external_id, "result": "flagged", "note": task.review_note}
    _audit(db, "task", task.id, after, actor)
    return Upserted("flagged", task.id)


def _create(db: Session, document: Document, source: TaskSource, actor: User) -> Task:
    fields = TaskFields(
        clause=source.clause,
        summary=source.summary,
        deadline=source.deadline,
        recurrence=source.recurrence,
    )
    task, _ = create_task(
        db,
        document=document,
        fields=fields,
        lead=source.lead,
        coordinators=source.coordinators,
        actor=actor,
    )
    return task


def dismiss_document_review(db: Session, *, document_id: int, actor: User) -> Document:
    """A coordinator has looked at a confirmed document whose source changed."""
    require_staff(actor)
    document = get_document(db, document_id)
    if document.review_note is None:
        raise Conflict("Văn bản này không có thay đổi nào cần xem lại.")
    after = {"note": document.review_note}
    document.review_note = None
    record(db, Event("document.sync_review", "document", document.id, None, after), actor=actor)
    return document


def resolve_review(db: Session, *, task_id: int, apply: bool, actor: User) -> Task:
    """A coordinator applies the source's pending change to a flagged task, or dismisses it."""
    require_staff(actor)
    task = get_task(db, task_id)
    incoming = dict(task.sync_incoming or {})
    if task.review_note is None:
        raise Conflict("Nhiệm vụ này không có thay đổi nào cần xem lại.")
    digest = incoming.pop("hash", None)
    if apply and incoming:
        deadline = incoming.get("deadline")
        incoming["deadline"] = date.fromisoformat(deadline) if deadline else None
        changes = {k: v for k, v in incoming.items() if k in FIELD_NAMES}
        update_task(db, task_id=task.id, version=None, changes=changes, actor=actor)
    task.sync_hash = digest  # this source version is decided: only a newer one flags again
    note = task.review_note
    task.review_note, task.sync_incoming = None, None
    after = {"applied": apply, "note": note}
    record(db, Event("task.sync_review", "task", task.id, None, after), actor=actor)
    return task


def _replace_draft(
    db: Session, document: Document, *, data: bytes, filename: str, fields: dict[str, Any],
    settings: Settings, actor: User,
) -> None:  # fmt: skip
    """A draft document's source changed: new original, metadata, references, draft tasks."""
    twin = find_by_sha256(db, sha256_hex(data))
    if twin is not None:
        raise Conflict(f"Tệp mới trùng với văn bản #{twin.id} đã lưu: không thay thế.")
    for task_id in db.scalars(select(Task.id).where(Task.document_id == document.id)).all():
        delete_task(db, task_id=task_id, actor=actor)
    db.execute(delete(DocumentReference).where(DocumentReference.document_id == document.id))
    fresh = new_document(fields, filename=clean_filename(filename), size=len(data))
    for name in ("filename", "size", "doc_type", "number", "number_key", "issuer", "place",
                 "issued_date", "subject", "recipients", "signer_name", "signer_title", "text"):  # fmt: skip
        setattr(document, name, getattr(fresh, name))
    document.sha256, document.stored_path = store_blob(
        settings.originals_dir, data, suffix=safe_suffix(filename)
    )
    db.flush()
    add_references(db, document, list(fields.get("references") or []))
    tasks = fields.get("tasks") or []
    create_extracted_tasks(
        db, document=document, tasks=tasks, resolver=build_resolver(db), actor=actor
    )


def _first(
    db: Session, external_id: str, *, data: bytes, filename: str, fields: dict[str, Any],
    settings: Settings, actor: User,
) -> Upserted:  # fmt: skip
    """A new external id: ingest the file, or give the id to the stored copy of it."""
    result = ingest_bytes(
        db, data=data, filename=filename, settings=settings, actor=actor, fields=fields
    )
    document = result.document
    if document.external_id not in (None, external_id):
        raise Conflict(f"Văn bản này đã có trong hệ thống với mã đồng bộ «{document.external_id}».")
    document.external_id = external_id
    outcome = "linked" if result.duplicate else "created"
    _audit(db, "document", document.id, {"external_id": external_id, "result": outcome}, actor)
    return Upserted(outcome, document.id)


def upsert_document(
    db: Session,
    *,
    external_id: str,
    data: bytes,
    filename: str,
    fields: dict[str, Any],
    settings: Settings,
    actor: User,
) -> Upserted:
    """Ingest the file under this external id; the same bytes again change nothing."""
    require_staff(actor)
    external_id = check_external_id(external_id)
    document = find_document(db, external_id)
    if document is None:
        return _first(db, external_id, data=data, filename=filename, fields=fields,
                      settings=settings, actor=actor)  # fmt: skip
    if document.sha256 == sha256_hex(data):
        return Upserted("unchanged", document.id)
    if document.review_state == ReviewState.draft:
        _replace_draft(
            db,
            document,
            data=data,
            filename=filename,
            fields=fields,
            settings=settings,
            actor=actor,
        )
        _audit(
            db, "document", document.id, {"external_id": external_id, "result": "updated"}, actor
        )
        return Upserted("updated", document.id)
    document.review_note = (
        f"Văn bản nguồn đã thay đổi (tệp mới «{filename}» nhận ngày {vn.date_text(vn.today())}): "
        "đối chiếu và cập nhật các nhiệm vụ nếu cần."
    )
    after = {"external_id": external_id, "result": "flagged", "note": document.review_note}
    _audit(db, "document", document.id, after, actor)
    return Upserted("flagged", document.id)
