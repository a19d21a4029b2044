"""Tasks: create from extraction, review edits, confirm, and fan out to assignments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.resolver import Resolver, build_resolver
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.db import utcnow
from dxtrack.documents.models import Document, ReviewState
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.tasks.fanout import sync_assignments
from dxtrack.tasks.models import (
    Assignment,
    PartyRole,
    ProgressReport,
    Recurrence,
    Task,
    TaskParty,
)
from dxtrack.tasks.parties import require_resolved
from dxtrack.tasks.periods import next_period_start, parse_period_day

if TYPE_CHECKING:
    from dxtrack.auth.models import User

EDITABLE = ("clause", "summary", "full_text", "deadline", "recurrence", "period_day", "optional")


@dataclass
class TaskFields:
    clause: str = ""
    summary: str = ""
    full_text: str = ""
    deadline: date | None = None
    recurrence: str | None = None
    optional: bool = False
    span: tuple[int, int] | None = None
    period_day: str | None = None


def task_snapshot(task: Task, parties: list[TaskParty] | None = None) -> dict[str, Any]:
    snap: dict[str, Any] = {name: getattr(task, name) for name in EDITABLE}
    snap["review_state"] = task.review_state
    if parties is not None:
        snap["lead"] = [p.name for p in parties if p.role == PartyRole.lead]
        snap["coordinators"] = [p.name for p in parties if p.role == PartyRole.coordinator]
    return snap


def _check_recurrence(value: str | None) -> str | None:
    if value is None or value in set(Recurrence):
        return value
    raise Invalid(f"Chu kỳ lặp lại không hợp lệ: «{value}».")


def _check_period_day(value: str | None) -> str | None:
    if not value or parse_period_day(value):
        return value or None
    raise Invalid(f"Ngày trong kỳ không hợp lệ: «{value}» (vd. «20» hoặc «12-31»).")


START_NEXT = "next"
START_CHOICES = ("document", START_NEXT)
CHECKS = {"recurrence": _check_recurrence, "period_day": _check_period_day}


def get_task(db: Session, task_id: int) -> Task:
    task = db.get(Task, task_id)
    if task is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}.")
    return task


def list_parties(db: Session, task_id: int) -> list[TaskParty]:
    query = select(TaskParty).where(TaskParty.task_id == task_id).order_by(TaskParty.id)
    return list(db.scalars(query))


def _set_parties(
    db: Session, task: Task, *, lead: list[str], coordinators: list[str], resolver: Resolver
) -> list[str]:
    """Replace the task's parties; returns the names that resolved to nothing.

    A name marked outside the directory before stays marked while it still resolves to nothing.
    """
    outside = {p.name for p in list_parties(db, task.id) if p.outside}
    db.execute(delete(TaskParty).where(TaskParty.task_id == task.id))
    unresolved: list[str] = []
    for role, names in ((PartyRole.lead, lead), (PartyRole.coordinator, coordinators)):
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            match = resolver.resolve(name)
            party = TaskParty(task_id=task.id, role=role.value, name=name)
            if match is None and name in outside:
                party.outside = True
            elif match is None:
                unresolved.append(name)
            elif match.kind == "agency":
                party.agency_id = match.id
            else:
                party.group_id = match.id
            db.add(party)
    db.flush()
    return unresolved


def create_task(
    db: Session,
    *,
    document: Document,
    fields: TaskFields,
    lead: list[str],
    coordinators: list[str],
    actor: User | None,
    resolver: Resolver | None = None,
    position: int | None = None,
) -> tuple[Task, list[str]]:
    """A draft task of `document` with its named parties; returns it and unresolved names."""
    if actor is not None:
        require_staff(actor)
    span = fields.span or (None, None)
    task = Task(
        document_id=document.id,
        position=position if position is not None else 0,
        clause=fields.clause,
        summary=fields.summary,
        full_text=fields.full_text,
        deadline=fields.deadline,
        recurrence=_check_recurrence(fields.recurrence),
        period_day=_check_period_day(fields.period_day),
        optional=fields.optional,
        span_start=span[0],
        span_end=span[1],
        review_state=ReviewState.draft.value,
    )
    db.add(task)
    db.flush()
    resolver = resolver or build_resolver(db)
    unresolved = _set_parties(db, task, lead=lead, coordinators=coordinators, resolver=resolver)
    snapshot = task_snapshot(task, list_parties(db, task.id))
    record(db, events.created("task", task.id, snapshot), actor=actor)
    return task, unresolved


def _fields_from_extraction(item: dict[str, Any], text: str) -> TaskFields:
    span = item.get("span")
    full = text[span[0] : span[1]] if span and text else item.get("summary") or ""
    deadline = item.get("deadline")
    return TaskFields(
        clause=item.get("clause") or "",
        summary=item.get("summary") or "",
        full_text=full,
        deadline=date.fromisoformat(deadline) if deadline else None,
        recurrence=item.get("recurrence"),
        period_day=item.get("period_day"),
        optional=bool(item.get("optional")),
        span=(span[0], span[1]) if span else None,
    )


def create_extracted_tasks(
    db: Session,
    *,
    document: Document,
    tasks: list[dict[str, Any]],
    resolver: Resolver,
    actor: User | None,
) -> tuple[list[Task], list[str]]:
    """Draft tasks from the extraction engine's task dicts; unresolved names are kept."""
    created: list[Task] = []
    unresolved: list[str] = []
    for position, item in enumerate(tasks):
        task, missing = create_task(
            db,
            document=document,
            fields=_fields_from_extraction(item, document.text),
            lead=list(item.get("lead") or []),
            coordinators=list(item.get("coordinators") or []),
            resolver=resolver,
            actor=actor,
            position=position,
        )
        created.append(task)
        unresolved.extend(name for name in missing if name not in unresolved)
    return created, unresolved


def _check_version(task: Task, version: int | None) -> None:
    if version is not None and version != task.version:
        raise Conflict(
            "Nhiệm vụ đã được người khác cập nhật (phiên bản "
            f"{task.version}, bạn gửi {version}). Vui lòng tải lại và thử lại."
        )


def update_task(
    db: Session,
    *,
    task_id: int,
    version: int | None,
    changes: dict[str, Any],
    actor: User | None,
) -> Task:
    """Edit a task (draft or confirmed); `lead`/`coordinators` lists replace the parties."""
    if actor is not None:
        require_staff(actor)
    task = get_task(db, task_id)
    _check_version(task, version)
    before = task_snapshot(task, list_parties(db, task.id))
    for name in EDITABLE:
        if name in changes:
            value = changes[name]
            check = CHECKS.get(name)
            setattr(task, name, check(value) if check else value)
    if "lead" in changes or "coordinators" in changes:
        _set_parties(
            db,
            task,
            lead=changes.get("lead", before["lead"]),
            coordinators=changes.get("coordinators", before["coordinators"]),
            resolver=build_resolver(db),
        )
    task.version += 1
    task.updated_at = utcnow()
    db.flush()
    if task.review_state == ReviewState.confirmed:
        sync_assignments(db, task)
    after = task_snapshot(task, list_parties(db, task.id))
    record(db, events.updated("task", task.id, before, after), actor=actor)
    return task


def delete_task(db: Session, *, task_id: int, actor: User | None) -> None:
    if actor is not None:
        require_staff(actor)
    task = get_task(db, task_id)
    reported = exists().where(ProgressReport.assignment_id == Assignment.id)
    if db.scalar(select(exists().where(Assignment.task_id == task.id).where(reported))):
        raise Conflict("Không thể xóa nhiệm vụ đã có báo cáo tiến độ.")
    record(
        db,
        events.deleted("task", task.id, task_snapshot(task, list_parties(db, task.id))),
        actor=actor,
    )
    db.execute(delete(Assignment).where(Assignment.task_id == task.id))
    db.execute(delete(TaskParty).where(TaskParty.task_id == task.id))
    db.delete(task)
    db.flush()


def confirm_task(
    db: Session, *, task_id: int, version: int | None = None, actor: User | None
) -> Task:
    if actor is not None:
        require_staff(actor)
    task = get_task(db, task_id)
    _check_version(task, version)
    if task.review_state != ReviewState.confirmed:
        require_resolved(db, task_ids=[task.id])
        task.review_state = ReviewState.confirmed.value
        task.version += 1
        sync_assignments(db, task)
        record(
            db,
            events.Event(
                "task.confirm",
                "task",
                task.id,
                {"review_state": "draft"},
                {"review_state": "confirmed"},
            ),
            actor=actor,
        )
    return task


def confirm_document(
    db: Session, *, document_id: int, actor: User | None, start: str = "document"
) -> Document:
    """Confirm every draft task of a document: each named agency gets its assignment.

    Refused (Invalid, nothing confirmed) while a party of any draft task resolves to nothing.
    `start`: recurring tasks begin at the document's date ("document") or at the next period
    after today ("next", so past periods are not born overdue).
    """
    if actor is not None:
        require_staff(actor)
    if start not in START_CHOICES:
        raise Invalid(f"Cách bắt đầu không hợp lệ: «{start}» (document hoặc next).")
    document = db.get(Document, document_id)
    if document is None:
        raise NotFound(f"Không tìm thấy văn bản #{document_id}.")
    require_resolved(db, document_id=document_id)
    query = select(Task.id).where(Task.document_id == document_id)
    drafts = db.scalars(query.where(Task.review_state == ReviewState.draft)).all()
    for task_id in drafts:
        if start == START_NEXT:
            task = get_task(db, task_id)
            task.recurrence_start = next_period_start(task.recurrence, vn.today())
        confirm_task(db, task_id=task_id, actor=actor)
    if document.review_state != ReviewState.confirmed:
        document.review_state = ReviewState.confirmed.value
        document.confirmed_at = utcnow()
        record(
            db,
            events.Event(
                "document.confirm",
                "document",
                document.id,
                {"review_state": "draft"},
                {"review_state": "confirmed", "tasks": len(drafts)},
            ),
            actor=actor,
        )
    db.flush()
    return document
