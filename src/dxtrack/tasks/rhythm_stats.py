"""The reporting rhythm's figures and its setting (vocabulary: tasks/rhythm.py).

Figures are at today (the latest report is what the rhythm reads; a past date has no such
state). With no filter but agencies or a group they come from the maintained `rhythm_counts`
rows (a few per agency and cadence); any other filter reads the matching open undated
assignments. "812/1.075 nhiệm vụ thường xuyên chưa cập nhật trong tháng 11/2025".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, literal, select, update
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff, visible_agency_id
from dxtrack.documents.models import Document
from dxtrack.errors import Invalid, NotFound
from dxtrack.tasks.models import Assignment, RhythmCount, Task
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    apply_filters,
    effective_levels,
    only_agency_filters,
    restrict_agencies,
)
from dxtrack.tasks.rhythm import (
    DEFAULT_CADENCE,
    Cadence,
    current_period,
    open_undated,
    parse_cadence,
    period_start,
    rhythm_label,
)
from dxtrack.tasks.rhythm_counts import TOTAL

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class Rhythm:
    """Open undated assignments and how many were updated in their current period."""

    today: date
    total: int = 0
    updated: int = 0
    cadences: set[str] = field(default_factory=set)

    @property
    def stale(self) -> int:
        return self.total - self.updated

    @property
    def period_label(self) -> str:
        """ "tháng 11/2025", or every current period when cadences are mixed."""
        order = [c.value for c in Cadence]
        kinds = sorted(self.cadences or {DEFAULT_CADENCE.value}, key=order.index)
        return ", ".join(current_period(k, self.today).label for k in kinds)

    @property
    def sentence(self) -> str:
        return (
            f"{vn.number(self.stale)}/{vn.number(self.total)} nhiệm vụ thường xuyên chưa cập "
            f"nhật trong {self.period_label}"
        )

    def to_dict(self) -> dict[str, Any]:
        period = current_period(DEFAULT_CADENCE, self.today)
        return {"total": self.total, "updated": self.updated, "stale": self.stale,
                "period": period.code, "sentence": self.sentence}  # fmt: skip


def _month_start(today: date) -> Any:
    whens = [(RhythmCount.cadence == c.value, current_period(c, today).start) for c in Cadence]
    return case(*whens, else_=current_period(DEFAULT_CADENCE, today).start)


def _counted(
    db: Session, today: date, filters: Filters, user: User | None, per_agency: bool
) -> list[Any]:
    """(agency id, cadence, total, updated) from the maintained rows (agency 0: all)."""
    c = RhythmCount
    scoped = per_agency or bool(filters.agency or filters.group)
    scoped = scoped or (user is not None and visible_agency_id(user) is not None)
    updated = func.sum(case((c.month >= _month_start(today), c.n), else_=0))
    query = select(c.agency_id, c.cadence, func.sum(c.n), updated).where(c.n != 0)
    query = restrict_agencies(query, c.agency_id, filters, user)
    query = query.where(c.agency_id != TOTAL if scoped else c.agency_id == TOTAL)
    return list(db.execute(query.group_by(c.agency_id, c.cadence)))


def _scanned(db: Session, today: date, filters: Filters, user: User | None) -> list[Any]:
    """The same read from the matching assignments."""
    a = Assignment
    updated = func.sum(case((a.last_report_on >= period_start(today), 1), else_=0))
    query = select(a.agency_id, a.cadence, func.count(), updated).where(open_undated())
    query = apply_filters(query, filters, at=today, user=user, due_soon_days=0)
    return list(db.execute(query.group_by(a.agency_id, a.cadence)))


def _rows(
    db: Session, today: date, filters: Filters, user: User | None, per_agency: bool
) -> list[Any]:
    levels = effective_levels(filters, user)
    if not only_agency_filters(filters) or levels == "sub":
        return _scanned(db, today, filters, user)
    rows = _counted(db, today, filters, user, per_agency)
    if levels == "all":  # the counts hold top-level ones: add the delegated ones, scanned
        rows += _scanned(db, today, replace(filters, levels="sub"), user)
    return rows


def _gather(rows: list[Any], found: dict[int, Rhythm], today: date, by_agency: bool) -> None:
    for agency_id, cadence, total, updated in rows:
        item = found.setdefault(int(agency_id) if by_agency else 0, Rhythm(today))
        item.total += int(total or 0)
        item.updated += int(updated or 0)
        if total:
            item.cadences.add(cadence)


def rhythm_summary(
    db: Session, *, today: date | None = None, filters: Filters | None = None, user: User | None
) -> Rhythm:
    """The rhythm over everything the filters and the user's scope cover."""
    day = today or vn.today()
    found = {0: Rhythm(day)}
    _gather(_rows(db, day, filters or Filters(), user, per_agency=False), found, day, False)
    return found[0]


def rhythm_by_agency(
    db: Session, *, today: date | None = None, filters: Filters | None = None, user: User | None
) -> dict[int, Rhythm]:
    """agency id -> its Rhythm (agencies without open undated work are absent)."""
    day = today or vn.today()
    found: dict[int, Rhythm] = {}
    _gather(_rows(db, day, filters or Filters(), user, per_agency=True), found, day, True)
    return found


def rhythm_labels(db: Session, rows: Sequence[AssignmentRow], today: date) -> dict[int, str]:
    """assignment id -> "Đã / Chưa cập nhật trong kỳ ..." for the open undated ones."""
    ids = [r.id for r in rows if r.deadline is None and r.completed_on is None]
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        query = select(Assignment.id, Assignment.cadence, Assignment.last_report_on).where(
            Assignment.id.in_(ids[start : start + 500])
        )
        for assignment_id, cadence, last in db.execute(query):
            found[assignment_id] = rhythm_label(None, None, cadence, last, today)
    return found


# --- the setting ---------------------------------------------------------------------------


def effective_cadence(db: Session, task: Task) -> str:
    """The task's cadence, else its document's, else monthly."""
    if task.update_cadence:
        return task.update_cadence
    document = db.get(Document, task.document_id)
    return (document.update_cadence if document else None) or DEFAULT_CADENCE.value


def refresh_cadence(db: Session, task_ids: Sequence[int]) -> None:
    """Copy each task's effective cadence onto its assignments (the counts follow by trigger)."""
    if not task_ids:
        return
    effective = (
        select(func.coalesce(Task.update_cadence, Document.update_cadence, literal("monthly")))
        .join(Document, Document.id == Task.document_id)
        .where(Task.id == Assignment.task_id)
        .scalar_subquery()
    )
    db.execute(
        update(Assignment).where(Assignment.task_id.in_(task_ids)).values(cadence=effective),
        execution_options={"synchronize_session": False},
    )
    db.expire_all()


def set_cadence(
    db: Session,
    *,
    cadence: str | None,
    actor: User | None,
    task_id: int | None = None,
    document_id: int | None = None,
) -> list[int]:
    """Set (None: inherit) the update cadence of a task or of a document's tasks; staff only.
    Returns the ids of the tasks whose assignments follow it."""
    if actor is not None:
        require_staff(actor)
    try:
        value = parse_cadence(cadence)
    except ValueError as error:
        raise Invalid(str(error)) from None
    owner: Task | Document | None
    owner = db.get(Task, task_id) if task_id else db.get(Document, document_id or 0)
    if owner is None:
        what = f"nhiệm vụ #{task_id}" if task_id else f"văn bản #{document_id}"
        raise NotFound(f"Không tìm thấy {what}.")
    before = owner.update_cadence
    owner.update_cadence = value.value if value else None
    db.flush()
    ids = [owner.id] if isinstance(owner, Task) else list(
        db.scalars(select(Task.id).where(Task.document_id == owner.id))
    )  # fmt: skip
    refresh_cadence(db, ids)
    entity = "task" if isinstance(owner, Task) else "document"
    event = Event(f"{entity}.cadence", entity, owner.id, {"cadence": before},
                  {"cadence": owner.update_cadence, "tasks": len(ids)})  # fmt: skip
    record(db, event, actor=actor)
    return ids
