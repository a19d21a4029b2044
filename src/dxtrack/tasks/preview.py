"""Preview of a confirmation: the assignments it would create, before anything is written.

For each way a recurring task may start (the document's date, or the next period after
today), how many assignments each agency and each period would get and how many of them
would be overdue at once; plus the names still to map (confirming is refused until then).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.documents.models import ReviewState
from dxtrack.documents.service import get_document
from dxtrack.tasks.fanout import task_start, wanted_agencies
from dxtrack.tasks.models import Recurrence, Task
from dxtrack.tasks.parties import Unresolved, list_unresolved
from dxtrack.tasks.periods import next_period_start, occurrences
from dxtrack.tasks.service import START_CHOICES, START_NEXT


@dataclass
class Share:
    """One agency's (or one period's) part of the preview."""

    key: str
    label: str
    assignments: int = 0
    overdue: int = 0


@dataclass
class PreviewOption:
    start: str
    assignments: int = 0
    overdue: int = 0
    agencies: list[Share] = field(default_factory=list)
    periods: list[Share] = field(default_factory=list)


@dataclass
class Preview:
    document_id: int
    at: date
    tasks: int
    recurring: int
    options: dict[str, PreviewOption]
    unresolved: list[Unresolved]


def _start(db: Session, task: Task, choice: str, at: date) -> date:
    if choice == START_NEXT and (following := next_period_start(task.recurrence, at)):
        return following
    return task.recurrence_start or task_start(db, task)


def _option(
    db: Session, tasks: list[Task], choice: str, at: date, agencies: dict[int, tuple[str, str]]
) -> PreviewOption:
    made: Counter[tuple[int, str]] = Counter()
    late: Counter[tuple[int, str]] = Counter()
    for task in tasks:
        start = _start(db, task, choice, at)
        periods = occurrences(
            task.recurrence,
            deadline=task.deadline,
            start=start,
            until=at,
            period_day=task.period_day,
        )
        for agency_id in wanted_agencies(db, task.id):
            for period, deadline in periods:
                key = (agency_id, period or "")
                made[key] += 1
                late[key] += int(deadline is not None and deadline < at)
    option = PreviewOption(choice, sum(made.values()), sum(late.values()))
    by_agency: dict[int, Share] = {}
    by_period: dict[str, Share] = {}
    for (agency_id, period), n in made.items():
        code, name = agencies[agency_id]
        agency = by_agency.setdefault(agency_id, Share(code, name))
        cycle = by_period.setdefault(period, Share(period, period or "Một lần"))
        for share in (agency, cycle):
            share.assignments += n
            share.overdue += late[(agency_id, period)]
    option.agencies = sorted(by_agency.values(), key=lambda s: (-s.overdue, s.label))
    option.periods = sorted(by_period.values(), key=lambda s: s.key)
    return option


def preview_confirmation(db: Session, *, document_id: int, at: date | None = None) -> Preview:
    """What confirming the document's draft tasks would create, for each start choice."""
    get_document(db, document_id)
    at = at or vn.today()
    query = select(Task).where(
        Task.document_id == document_id, Task.review_state == ReviewState.draft
    )
    tasks = list(db.scalars(query.order_by(Task.position, Task.id)))
    rows = db.execute(select(Agency.id, Agency.code, Agency.name))
    agencies = {agency_id: (code, name) for agency_id, code, name in rows}
    options = {choice: _option(db, tasks, choice, at, agencies) for choice in START_CHOICES}
    recurring = sum(
        1 for t in tasks if t.recurrence and t.recurrence != Recurrence.continuous.value
    )
    unresolved = list_unresolved(db, document_id=document_id)
    return Preview(document_id, at, len(tasks), recurring, options, unresolved)
