"""Fan-out: a confirmed task's assignments, one per agency of its parties and per period."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.changes import successor_map
from dxtrack.agencies.service import group_member_ids
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.documents.models import Document, ReviewState
from dxtrack.tasks.models import Assignment, PartyRole, ProgressReport, Recurrence, Task, TaskParty
from dxtrack.tasks.periods import occurrences
from dxtrack.tasks.rhythm_stats import effective_cadence

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def wanted_agencies(db: Session, task_id: int) -> dict[int, str]:
    """agency id -> role for a task's parties, groups expanded; lead wins over coordinator."""
    wanted: dict[int, str] = {}
    parties = db.scalars(
        select(TaskParty).where(TaskParty.task_id == task_id).order_by(TaskParty.id)
    )
    successors = successor_map(db)  # a merged agency's work goes to its successor
    for party in sorted(parties, key=lambda p: p.role != PartyRole.lead):
        ids = [party.agency_id] if party.agency_id else []
        if party.group_id:
            ids = group_member_ids(db, party.group_id)
        for agency_id in ids:
            wanted.setdefault(successors.get(agency_id, agency_id), party.role)
    return wanted


def _periods(db: Session, task: Task, until: date | None) -> dict[str, date | None]:
    """The task's occurrences, from its chosen start, else its document's date (else its
    creation), to its deadline, else to the end of start's year or the latest of today,
    `until` and its last period."""
    start = task.recurrence_start or task_start(db, task)
    last = db.scalar(select(func.max(Assignment.deadline)).where(Assignment.task_id == task.id))
    horizon = max(d for d in (until, last, vn.today()) if d is not None)
    return dict(
        occurrences(
            task.recurrence,
            deadline=task.deadline,
            start=start,
            until=horizon,
            period_day=task.period_day,
        )
    )


def task_start(db: Session, task: Task) -> date:
    """Where a recurring task starts by default: its document's date, else its creation."""
    document = db.get(Document, task.document_id)
    return (document.issued_date if document else None) or task.created_at.date()


def _redate(assignment: Assignment, deadline: date | None) -> None:
    """A new task deadline; an accepted extension later than it still applies."""
    current = assignment.deadline
    extended = assignment.original_deadline is not None and current is not None
    if extended and deadline is not None and current is not None and deadline < current:
        assignment.original_deadline = deadline
    else:
        assignment.deadline, assignment.original_deadline = deadline, None


def _cap_children(every: list[Assignment], parent: Assignment) -> None:
    """A delegated deadline stays no later than its parent's (after a task edit)."""
    cap = parent.deadline
    if cap is None:
        return
    for child in every:
        if child.parent_id == parent.id and child.deadline is not None and child.deadline > cap:
            child.deadline = cap


def sync_assignments(db: Session, task: Task, *, until: date | None = None) -> int:
    """Make the task's top-level assignments match its parties and periods (keeps reported or
    delegated ones; sub-assignments are the delegation's own).

    Returns the number of assignments created.
    """
    periods = _periods(db, task, until)
    wanted = wanted_agencies(db, task.id)
    every = list(db.scalars(select(Assignment).where(Assignment.task_id == task.id)))
    have = {(a.agency_id, a.period): a for a in every}
    for assignment in (a for a in every if a.parent_id is None):  # delegated ones stay
        key_ok = assignment.agency_id in wanted and assignment.period in periods
        has_report = db.scalar(
            select(exists().where(ProgressReport.assignment_id == assignment.id))
        )
        has_children = any(a.parent_id == assignment.id for a in every)
        if not key_ok and not has_report and not has_children:
            db.delete(assignment)
        elif key_ok:
            assignment.role = wanted[assignment.agency_id]
            _redate(assignment, periods[assignment.period])
            _cap_children(every, assignment)
    created, cadence = 0, effective_cadence(db, task)
    for agency_id, role in wanted.items():
        for period, deadline in periods.items():
            if (agency_id, period) not in have:
                created += 1
                db.add(
                    Assignment(
                        task_id=task.id,
                        agency_id=agency_id,
                        role=role,
                        period=period,
                        deadline=deadline,
                        cadence=cadence,
                    )
                )
    db.flush()
    return created


def roll_recurring(db: Session, *, until: date, actor: User | None) -> int:
    """Create the occurrences of confirmed recurring tasks up to `until`; returns how many."""
    if actor is not None:
        require_staff(actor)
    query = select(Task).where(
        Task.review_state == ReviewState.confirmed,
        Task.recurrence.is_not(None),
        Task.recurrence != Recurrence.continuous.value,
        Task.deadline.is_(None),
    )
    created = sum(sync_assignments(db, task, until=until) for task in db.scalars(query).all())
    event = events.Event("tasks.roll", "task", None, None, {"until": until, "created": created})
    record(db, event, actor=actor)
    return created
