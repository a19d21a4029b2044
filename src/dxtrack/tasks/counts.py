"""Maintained assignment counts (`assignment_counts`) for fast summaries and scorecards.

Each assignment is counted under canonical (deadline, completed_on) keys, per agency and again
with agency NULL for the totals, in one of three grains:

- `static`: done ones under (NULL, EPOCH) when done on time, (EPOCH, EPOCH + 1) when late
  (classified by the status definition itself), and undated open ones under (NULL, NULL);
- `day`:    dated open ones under (deadline, NULL);
- `month`:  the same again under (last day of the deadline's month, NULL).

At a date `at` on or after the latest completion (today always is), the exact counts are
`status_case()` applied to, and weighted by `n` of: every static row, the day rows whose
deadline lies in the months from `at` to `at + due_soon_days`, and the month rows outside those
months (a whole month there is overdue, or in progress, for every deadline in it alike).
That reads a few thousand rows whatever the number of assignments. Every write that creates,
deletes or changes an assignment's deadline or completion calls `move()`; `rebuild()`
recomputes the table from the assignments (bulk loads, repairs).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from dxtrack.tasks.models import Assignment, AssignmentCount
from dxtrack.tasks.status import Status, compute_status, status_case

EPOCH = date(1900, 1, 1)
_ON_TIME = (None, EPOCH)
_LATE = (EPOCH, EPOCH + timedelta(days=1))
_FAR = date(9999, 12, 1)
STATIC, DAY, MONTH = "static", "day", "month"

Key = tuple[str, date | None, date | None]


def month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def keys(deadline: date | None, completed_on: date | None) -> list[Key]:
    """The count rows one assignment in this state belongs to (per agency, and in totals)."""
    if completed_on is not None:
        status = compute_status(deadline=deadline, completed_on=completed_on, at=completed_on)
        return [(STATIC, *(_ON_TIME if status == Status.done_on_time else _LATE))]
    if deadline is None:
        return [(STATIC, None, None)]
    return [(DAY, deadline, None), (MONTH, month_end(deadline), None)]


def _is(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def _bump(db: Session, agency_id: int | None, key: Key, delta: int) -> None:
    grain, deadline, completed_on = key
    where = and_(
        _is(AssignmentCount.agency_id, agency_id),
        AssignmentCount.grain == grain,
        _is(AssignmentCount.deadline, deadline),
        _is(AssignmentCount.completed_on, completed_on),
    )
    row_id = db.scalar(select(AssignmentCount.id).where(where).limit(1))
    if row_id is None:
        db.add(
            AssignmentCount(
                agency_id=agency_id,
                grain=grain,
                deadline=deadline,
                completed_on=completed_on,
                n=delta,
            )
        )
    else:
        db.execute(
            update(AssignmentCount)
            .where(AssignmentCount.id == row_id)
            .values(n=AssignmentCount.n + delta)
        )


State = tuple[date | None, date | None]


def move(db: Session, agency_id: int, *, old: State | None, new: State | None) -> None:
    """Count an assignment's change: old/new are raw (deadline, completed_on); None = absent."""
    before = keys(*old) if old is not None else []
    after = keys(*new) if new is not None else []
    if before == after:
        return
    for agency in (agency_id, None):
        for key in before:
            _bump(db, agency, key, -1)
        for key in after:
            _bump(db, agency, key, +1)


def state_of(assignment: Assignment) -> State:
    return assignment.deadline, assignment.completed_on


def month_end_sql(db: Session, column: Any) -> Any:
    """SQL for the last day of `column`'s month, on SQLite and PostgreSQL."""
    if db.get_bind().dialect.name == "sqlite":
        return func.date(column, "start of month", "+1 month", "-1 day")
    return cast(func.date_trunc("month", column) + text("interval '1 month - 1 day'"), Date)


def _canonical_rows(db: Session) -> Any:
    status = status_case(Assignment.deadline, Assignment.completed_on, at=_FAR)
    on_time = status == Status.done_on_time.value
    open_ = Assignment.completed_on.is_(None)
    grain = case(
        (and_(open_, Assignment.deadline.is_not(None)), literal(DAY)), else_=literal(STATIC)
    )
    deadline = case((open_, Assignment.deadline), (on_time, None), else_=literal(_LATE[0]))
    completed = case((open_, None), (on_time, literal(EPOCH)), else_=literal(_LATE[1]))
    inner = select(
        Assignment.agency_id.label("agency_id"),
        grain.label("grain"),
        deadline.label("deadline"),
        completed.label("completed_on"),
    ).subquery()
    columns = (inner.c.agency_id, inner.c.grain, inner.c.deadline, inner.c.completed_on)
    return select(*columns, func.count()).group_by(*columns)


def rebuild(db: Session) -> int:
    """Recompute every count from the assignments; returns the number of count rows."""
    columns = ["agency_id", "grain", "deadline", "completed_on", "n"]
    c = AssignmentCount
    db.execute(delete(c))
    db.execute(insert(c).from_select(columns, _canonical_rows(db)))
    end = month_end_sql(db, c.deadline)
    months = (
        select(c.agency_id, literal(MONTH), end, c.completed_on, func.sum(c.n))
        .where(c.grain == DAY)
        .group_by(c.agency_id, end, c.completed_on)
    )
    db.execute(insert(c).from_select(columns, months))
    totals = (
        select(literal(None), c.grain, c.deadline, c.completed_on, func.sum(c.n))
        .where(c.agency_id.is_not(None))
        .group_by(c.grain, c.deadline, c.completed_on)
    )
    db.execute(insert(c).from_select(columns, totals))
    return db.scalar(select(func.count()).select_from(c)) or 0


def row_sets(at: date, due_soon_days: int) -> list[ColumnElement[bool]]:
    """The count rows giving the exact counts at `at` (module docstring), as four disjoint
    conditions, each served by the (grain, deadline) index; read them with UNION ALL."""
    low = at.replace(day=1)
    high = month_end(at + timedelta(days=due_soon_days))
    c = AssignmentCount
    return [
        c.grain == STATIC,
        and_(c.grain == DAY, c.deadline >= low, c.deadline <= high),
        and_(c.grain == MONTH, c.deadline < low),
        and_(c.grain == MONTH, c.deadline > high),
    ]


def latest_completion(db: Session) -> date | None:
    return db.scalar(select(func.max(Assignment.completed_on)))
