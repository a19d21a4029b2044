"""The figures of a report, read through the tasks domain's service functions only.

Totals and the per-agency table come from `tasks.stats.summarize()` / `scorecard()` (what
`/api/v1/status` serves), lists from `tasks.queries.list_assignments()`, quotes from
`tasks.feedback.list_latest_feedback()`. Nothing here computes a status: it only groups the
six computed statuses into the Government Office's four (done on time / late, not done within
the deadline / overdue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.agencies.service import get_agency, get_group
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.errors import Invalid
from dxtrack.indicators.overview import dashboard_plans
from dxtrack.reports.periods import Period
from dxtrack.tasks.feedback import FeedbackRow, list_latest_feedback
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    OverdueTask,
    list_assignments,
    overdue_tasks,
)
from dxtrack.tasks.stats import ScoreRow, scorecard, summarize
from dxtrack.tasks.status import Status

if TYPE_CHECKING:
    from dxtrack.auth.models import User

WITHIN = (Status.in_progress, Status.due_soon, Status.no_deadline)
# Not done and not overdue (the Government Office's "trong hạn"): the three statuses above
# together, under a name of its own so no figure reuses a status's label for another number.
WITHIN_LABEL = "Còn hạn"
FEEDBACK_LIMIT = 40


@dataclass(frozen=True)
class Scope:
    """Whole province, one group (`--group`) or one agency (`--agency`); a plan's tasks only."""

    agency: str | None = None
    group: str | None = None
    name: str = ""
    plan_name: str = ""
    task_ids: Any = None  # a SELECT of task ids (a plan's tasks), see Filters.task_ids

    def filters(self, **extra: object) -> Filters:
        return Filters(
            agency=self.agency,
            group=self.group,
            task_ids=self.task_ids,
            **extra,  # type: ignore[arg-type]
        )


def resolve_scope(db: Session, *, agency: str | None, group: str | None) -> Scope:
    if agency and group:
        raise Invalid("Chỉ chọn một trong hai: một cơ quan hoặc một nhóm cơ quan.")
    if agency:
        return Scope(agency=agency, name=get_agency(db, agency).name)
    if group:
        return Scope(group=group, name=get_group(db, group).name)
    return Scope()


@dataclass(frozen=True)
class Breakdown:
    """The Government Office's counting: shares are over all assigned."""

    counts: dict[str, int]

    @property
    def assigned(self) -> int:
        return sum(self.counts.values())

    @property
    def on_time(self) -> int:
        return self.counts[Status.done_on_time]

    @property
    def late(self) -> int:
        return self.counts[Status.done_late]

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def within(self) -> int:
        return sum(self.counts[s] for s in WITHIN)

    @property
    def overdue(self) -> int:
        return self.counts[Status.overdue]

    @property
    def not_done(self) -> int:
        return self.within + self.overdue

    def share(self, value: int) -> float | None:
        return value / self.assigned if self.assigned else None


@dataclass
class OverdueItem:
    row: AssignmentRow
    days_late: int


@dataclass
class TaskReport:
    period: Period
    at: date
    scope: Scope
    totals: Breakdown
    in_period: Breakdown
    agencies: list[ScoreRow]
    overdue: list[OverdueItem]
    feedback: list[FeedbackRow] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)  # indicators.overview
    overdue_tasks: list[OverdueTask] = field(default_factory=list)  # the longest overdue
    overdue_task_count: int = 0  # tasks with an overdue assignment


def scope_agency_ids(db: Session, scope: Scope, user: User | None) -> set[int] | None:
    """The agencies whose indicators a report covers (None: every agency)."""
    own = visible_agency_id(user) if user is not None else None
    if own is not None:
        return {own}
    if scope.agency:
        return set(db.scalars(select(Agency.id).where(Agency.code == scope.agency)))
    if scope.group:
        return {agency.id for agency in get_group(db, scope.group).members}
    return None


def collect_plans(
    db: Session, *, scope: Scope, at: date, user: User | None
) -> list[dict[str, Any]]:
    """Indicator achievement of the latest plans for the report's agencies (what the dashboard
    shows), every indicator missing its target listed; none for a plan's own report."""
    if scope.task_ids is not None:
        return []
    ids = scope_agency_ids(db, scope, user)
    return dashboard_plans(db, at=at, agency_ids=ids, missed_shown=None)


def list_overdue(
    db: Session, *, scope: Scope, at: date, user: User | None, limit: int, due_soon_days: int
) -> list[OverdueItem]:
    """Overdue assignments at `at`, most overdue first (the list's deadline order)."""
    rows, _more = list_assignments(
        db,
        filters=scope.filters(status=Status.overdue),
        at=at,
        user=user,
        page_size=limit,
        due_soon_days=due_soon_days,
    )
    return overdue_items(rows, at)


def overdue_items(rows: list[AssignmentRow], at: date) -> list[OverdueItem]:
    """The overdue ones among `rows`, in their order, with their days late at `at`."""
    return [
        OverdueItem(row, (at - row.deadline).days)
        for row in rows
        if row.status == Status.overdue and row.deadline
    ]


def collect_task_report(
    db: Session,
    *,
    period: Period,
    at: date,
    scope: Scope,
    user: User | None,
    due_soon_days: int,
    overdue_limit: int,
) -> TaskReport:
    soon = due_soon_days
    window = scope.filters(deadline_from=period.start, deadline_to=period.end)
    return TaskReport(
        period=period,
        at=at,
        scope=scope,
        totals=Breakdown(
            summarize(db, at=at, filters=scope.filters(), user=user, due_soon_days=soon)
        ),
        in_period=Breakdown(summarize(db, at=at, filters=window, user=user, due_soon_days=soon)),
        agencies=scorecard(db, at=at, filters=scope.filters(), user=user, due_soon_days=soon),
        overdue=list_overdue(
            db, scope=scope, at=at, user=user, limit=overdue_limit, due_soon_days=soon
        )
        if overdue_limit
        else [],
        feedback=list_latest_feedback(
            db, at=at, filters=scope.filters(), user=user, limit=FEEDBACK_LIMIT, due_soon_days=soon
        ),
        plans=collect_plans(db, scope=scope, at=at, user=user),
        **_overdue_tasks(db, scope=scope, at=at, user=user, limit=overdue_limit, soon=soon),
    )


def _overdue_tasks(
    db: Session, *, scope: Scope, at: date, user: User | None, limit: int, soon: int
) -> dict[str, Any]:
    """The longest overdue tasks, each agency list in Vietnamese order."""
    if not limit:
        return {}
    rows, total = overdue_tasks(
        db, filters=scope.filters(), at=at, user=user, limit=limit, due_soon_days=soon
    )
    for row in rows:
        row.agencies = vn.sorted_vn(row.agencies)
    return {"overdue_tasks": rows, "overdue_task_count": total or 0}


def list_scope_assignments(
    db: Session, *, scope: Scope, at: date, user: User | None, due_soon_days: int
) -> list[AssignmentRow]:
    """Every assignment in scope with its status at `at` (the annex's raw sheet)."""
    rows, _more = list_assignments(
        db,
        filters=scope.filters(),
        at=at,
        user=user,
        page_size=10_000_000,
        due_soon_days=due_soon_days,
    )
    return rows
