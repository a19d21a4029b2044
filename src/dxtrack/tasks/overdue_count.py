"""How many tasks have an overdue assignment at a date, from the maintained spans' counts
(tasks/spans.py): two sums of a few dozen rows, at today or years back alike."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AssignmentMove
from dxtrack.tasks.counts import TOTAL, prefix_rows
from dxtrack.tasks.models import AssignmentCount


def tasks_overdue(db: Session, *, at: date, agency_id: int) -> int:
    """Tasks with an overdue top-level assignment at `at`, of one agency or of all (TOTAL):
    spans begun by `at` minus spans ended before it."""
    c = AssignmentCount
    signed = [(1, prefix_rows("span_first", at)), (-1, prefix_rows("span_last", at - timedelta(1)))]
    total = 0
    for sign, conditions in signed:
        query = select(func.coalesce(func.sum(c.n), 0)).where(
            c.agency_id == agency_id, or_(*conditions)
        )
        total += sign * int(db.scalar(query) or 0)
    return total


def counted_overdue_tasks(db: Session, *, at: date, agency: str | None) -> int | None:
    """The province's (or one agency's) overdue tasks at `at`; None when the assignments must
    be read instead: an agency whose assignments moved after `at` (agencies/changes.py)."""
    if agency is None:
        return tasks_overdue(db, at=at, agency_id=TOTAL)
    agency_id = db.scalar(select(Agency.id).where(Agency.code == agency))
    if agency_id is None or db.scalar(select(exists().where(AssignmentMove.on > at))):
        return None
    return tasks_overdue(db, at=at, agency_id=agency_id)
