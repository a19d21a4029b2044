"""Maintained assignment counts (`assignment_counts`) for fast summaries and scorecards.

Each assignment is counted twice, under (agency, canonical deadline, canonical completed_on)
and under (NULL, same key) for the totals:
open ones under (deadline, NULL); done ones under (NULL, EPOCH) when done on time and
(EPOCH, EPOCH + 1 day) when late, classified by the status definition itself. Applying
`status_case()` to these rows, weighted by `n`, gives the exact counts at any date on or after
the latest completion (always true at today's date, since completions cannot be in the future).
Every write that creates, deletes or changes an assignment's deadline or completion calls
`move()`; `rebuild()` recomputes the table from the assignments (bulk loads, repairs).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from dxtrack.tasks.models import Assignment, AssignmentCount
from dxtrack.tasks.status import Status, compute_status, status_case

EPOCH = date(1900, 1, 1)
_ON_TIME = (None, EPOCH)
_LATE = (EPOCH, EPOCH + timedelta(days=1))
_FAR = date(9999, 12, 1)

Key = tuple[date | None, date | None]


def canonical(deadline: date | None, completed_on: date | None) -> Key:
    if completed_on is None:
        return deadline, None
    status = compute_status(deadline=deadline, completed_on=completed_on, at=completed_on)
    return _ON_TIME if status == Status.done_on_time else _LATE


def _is(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def _bump(db: Session, agency_id: int | None, key: Key, delta: int) -> None:
    where = (
        _is(AssignmentCount.agency_id, agency_id)
        & _is(AssignmentCount.deadline, key[0])
        & _is(AssignmentCount.completed_on, key[1])
    )
    row_id = db.scalar(select(AssignmentCount.id).where(where).limit(1))
    if row_id is None:
        db.add(AssignmentCount(agency_id=agency_id, deadline=key[0], completed_on=key[1], n=delta))
    else:
        db.execute(
            update(AssignmentCount)
            .where(AssignmentCount.id == row_id)
            .values(n=AssignmentCount.n + delta)
        )


def move(db: Session, agency_id: int, *, old: Key | None, new: Key | None) -> None:
    """Count an assignment's change: old/new are raw (deadline, completed_on); None = absent."""
    before = canonical(*old) if old is not None else None
    after = canonical(*new) if new is not None else None
    if before == after:
        return
    for agency in (agency_id, None):
        if before is not None:
            _bump(db, agency, before, -1)
        if after is not None:
            _bump(db, agency, after, +1)


def state_of(assignment: Assignment) -> Key:
    return assignment.deadline, assignment.completed_on


def rebuild(db: Session) -> int:
    """Recompute every count from the assignments; returns the number of count rows."""
    status = status_case(Assignment.deadline, Assignment.completed_on, at=_FAR)
    on_time = status == Status.done_on_time.value
    open_ = Assignment.completed_on.is_(None)
    deadline = case((open_, Assignment.deadline), (on_time, None), else_=literal(_LATE[0]))
    completed = case((open_, None), (on_time, literal(EPOCH)), else_=literal(_LATE[1]))
    inner = select(
        Assignment.agency_id.label("agency_id"),
        deadline.label("deadline"),
        completed.label("completed_on"),
    ).subquery()
    columns = ["agency_id", "deadline", "completed_on", "n"]
    per_agency = select(inner.c.agency_id, inner.c.deadline, inner.c.completed_on, func.count())
    per_agency = per_agency.group_by(inner.c.agency_id, inner.c.deadline, inner.c.completed_on)
    db.execute(delete(AssignmentCount))
    db.execute(insert(AssignmentCount).from_select(columns, per_agency))
    totals = select(
        literal(None).label("agency_id"),
        AssignmentCount.deadline,
        AssignmentCount.completed_on,
        func.sum(AssignmentCount.n),
    ).group_by(AssignmentCount.deadline, AssignmentCount.completed_on)
    db.execute(insert(AssignmentCount).from_select(columns, totals))
    return db.scalar(select(func.count()).select_from(AssignmentCount)) or 0


def latest_completion(db: Session) -> date | None:
    return db.scalar(select(func.max(Assignment.completed_on)))
