"""Named parties that resolve to nothing: refuse to confirm them; tasks not delivered.

A party (the lead or a coordinator as printed) resolves to a directory agency or group, or
to nothing. Nothing is confirmed while a party resolves to nothing: the coordinator maps the
name to an agency or a group (saved as an alias, so the next document resolves), or marks it
"ngoài danh mục" on purpose; such a task is tracked as "chưa giao được", never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from dxtrack.agencies.lineage import ended_ids
from dxtrack.agencies.models import Agency
from dxtrack.agencies.names import is_generic_name
from dxtrack.documents.models import Document, ReviewState
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Assignment, PartyRole, Task, TaskParty

ROLE_LABELS = {PartyRole.lead: "chủ trì", PartyRole.coordinator: "phối hợp"}


@dataclass(frozen=True)
class Unresolved:
    """A party of a draft task that resolves to nothing and is not marked outside."""

    party_id: int
    task_id: int
    clause: str
    role: str
    name: str

    @property
    def task_label(self) -> str:
        return f"nhiệm vụ {self.clause}" if self.clause else f"nhiệm vụ #{self.task_id}"

    def as_dict(self) -> dict[str, object]:
        return {
            "party_id": self.party_id,
            "task_id": self.task_id,
            "clause": self.clause,
            "role": self.role,
            "name": self.name,
        }


def is_unresolved() -> object:
    return (
        TaskParty.agency_id.is_(None) & TaskParty.group_id.is_(None) & TaskParty.outside.is_(False)
    )


def list_unresolved(
    db: Session, *, document_id: int | None = None, task_ids: list[int] | None = None
) -> list[Unresolved]:
    """Unresolved parties of the draft tasks of a document (or of the given tasks); a generic
    addressee ("Các cơ quan liên quan") names nobody in particular and is not one."""
    query = (
        select(TaskParty.id, Task.id, Task.clause, TaskParty.role, TaskParty.name)
        .join(Task, Task.id == TaskParty.task_id)
        .where(is_unresolved(), Task.review_state == ReviewState.draft)  # type: ignore[arg-type]
        .order_by(Task.position, Task.id, TaskParty.id)
    )
    if document_id is not None:
        query = query.where(Task.document_id == document_id)
    if task_ids is not None:
        query = query.where(Task.id.in_(task_ids))
    return [Unresolved(*row) for row in db.execute(query) if not is_generic_name(row[4])]


def refusal_message(missing: list[Unresolved]) -> str:
    names = "; ".join(
        f"{m.task_label}: «{m.name}» ({ROLE_LABELS[PartyRole(m.role)]})" for m in missing
    )
    return (
        f"Chưa xác nhận được: {len(missing)} tên cơ quan chưa có trong danh mục — {names}. "
        "Hãy chọn cơ quan hoặc nhóm trong danh mục cho từng tên, hoặc đánh dấu «ngoài danh mục»; "
        "chưa nhiệm vụ nào được xác nhận."
    )


def require_resolved(
    db: Session, *, document_id: int | None = None, task_ids: list[int] | None = None
) -> None:
    """Refuse (422, nothing written) while a party of these draft tasks resolves to nothing."""
    missing = list_unresolved(db, document_id=document_id, task_ids=task_ids)
    if missing:
        detail = {"unresolved": [m.as_dict() for m in missing]}
        raise Invalid(refusal_message(missing), detail=detail)


@dataclass(frozen=True)
class Undelivered:
    """A confirmed task some of whose share reaches nobody ("chưa giao được")."""

    task_id: int
    document_id: int
    document_number: str | None
    clause: str
    summary: str
    names: list[str]
    assignments: int
    ended: list[str] = field(default_factory=list)  # agencies no longer there holding its work


def _left_behind(ended: list[int]) -> Any:
    """Open work held by an agency merged, split or dissolved (nobody took it over)."""
    return exists().where(
        Assignment.task_id == Task.id,
        Assignment.completed_on.is_(None),
        Assignment.agency_id.in_(ended),
    )


def list_undelivered(db: Session, *, limit: int = 50) -> tuple[list[Undelivered], int]:
    """Confirmed tasks with a party marked outside the directory, with no assignment at all
    (nobody received them), or with open work left with an agency that was merged, split or
    dissolved (agencies/restructure.py); newest first, and their total."""
    outside = exists().where(TaskParty.task_id == Task.id, TaskParty.outside.is_(True))
    assigned = exists().where(Assignment.task_id == Task.id)
    ended = ended_ids(db)
    reasons = [outside, ~assigned, *([_left_behind(ended)] if ended else [])]
    where = (Task.review_state == ReviewState.confirmed, or_(*reasons))
    total = db.scalar(select(func.count()).select_from(Task).where(*where)) or 0
    query = (
        select(Task, Document.number)
        .join(Document, Document.id == Task.document_id)
        .where(*where)
        .order_by(Task.id.desc())
        .limit(limit)
    )
    rows = db.execute(query).all()
    ids = [task.id for task, _ in rows]
    names: dict[int, list[str]] = {i: [] for i in ids}
    counts: dict[int, int] = dict.fromkeys(ids, 0)
    for task_id, name in db.execute(
        select(TaskParty.task_id, TaskParty.name)
        .where(TaskParty.task_id.in_(ids), TaskParty.outside.is_(True))
        .order_by(TaskParty.id)
    ):
        names[task_id].append(name)
    for task_id, n in db.execute(
        select(Assignment.task_id, func.count())
        .where(Assignment.task_id.in_(ids))
        .group_by(Assignment.task_id)
    ):
        counts[task_id] = n
    left = _ended_holders(db, ids, ended)
    found = [
        Undelivered(
            t.id,
            t.document_id,
            number,
            t.clause,
            t.summary,
            names[t.id],
            counts[t.id],
            left.get(t.id, []),
        )
        for t, number in rows
    ]
    return found, total


def _ended_holders(db: Session, task_ids: list[int], ended: list[int]) -> dict[int, list[str]]:
    """task id -> names of the ended agencies still holding its open work."""
    if not ended or not task_ids:
        return {}
    query = (
        select(Assignment.task_id, Agency.name)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.task_id.in_(task_ids), Assignment.completed_on.is_(None))
        .where(Assignment.agency_id.in_(ended))
        .distinct()
        .order_by(Assignment.task_id, Agency.name)
    )
    found: dict[int, list[str]] = {}
    for task_id, name in db.execute(query):
        found.setdefault(task_id, []).append(name)
    return found
