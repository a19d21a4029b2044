"""Difficulties and proposals (khó khăn, vướng mắc; kiến nghị, đề xuất) from the latest reports.

For periodic reports: each assignment's latest progress report made on or before the reference
date, when it states a difficulty or a proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from dxtrack.agencies.models import Agency
from dxtrack.tasks.models import Assignment, ProgressReport, Task
from dxtrack.tasks.queries import Filters, apply_filters
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS

if TYPE_CHECKING:
    from dxtrack.auth.models import User


# Written out (no bound parameters) so that both databases match it to the partial index
# ix_progress_reports_feedback: the reports that state something, not every report.
STATES_SOMETHING = or_(
    ProgressReport.difficulties != literal_column("''"),
    ProgressReport.proposals != literal_column("''"),
)


@dataclass
class FeedbackRow:
    assignment_id: int
    agency_code: str
    agency_name: str
    clause: str
    summary: str
    difficulties: str
    proposals: str
    reported_at: datetime


def list_latest_feedback(
    db: Session,
    *,
    at: date,
    filters: Filters | None = None,
    user: User | None = None,
    limit: int = 50,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> list[FeedbackRow]:
    """Latest report per assignment (made by the end of `at`) that names a difficulty or proposal.

    Ordered by agency name, then newest first.
    """
    end = datetime.combine(at + timedelta(days=1), time.min)
    later = aliased(ProgressReport)
    # The reports that state something, unless a later one (made by `end`) replaced them: reads
    # the few reports with text, not every report.
    replaced = (
        select(later.id)
        .where(
            later.assignment_id == ProgressReport.assignment_id,
            later.id > ProgressReport.id,
            later.created_at < end,
        )
        .exists()
    )
    query = (
        select(
            Assignment.id,
            Agency.code,
            Agency.name,
            Task.clause,
            Task.summary,
            ProgressReport.difficulties,
            ProgressReport.proposals,
            ProgressReport.created_at,
        )
        .select_from(ProgressReport)
        .join(Assignment, Assignment.id == ProgressReport.assignment_id)
        .join(Task, Task.id == Assignment.task_id)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(STATES_SOMETHING)
        .where(ProgressReport.created_at < end, ~replaced)
    )
    query = apply_filters(
        query, filters or Filters(), at=at, user=user, due_soon_days=due_soon_days
    )
    query = query.order_by(Agency.name, ProgressReport.id.desc()).limit(limit)
    return [FeedbackRow(*row) for row in db.execute(query)]
