"""Recent activity: the latest progress reports, for the dashboard's "Cập nhật gần đây"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.tasks.models import Assignment, ProgressReport, Task
from dxtrack.tasks.queries import Filters, apply_filters
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class ActivityRow:
    report_id: int
    created_at: datetime
    state: str
    percent: int
    assignment_id: int
    task_id: int
    clause: str
    summary: str
    agency_code: str
    agency_name: str


def list_recent_reports(
    db: Session,
    *,
    user: User | None,
    filters: Filters | None = None,
    limit: int = 10,
    at: date | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> list[ActivityRow]:
    """The newest progress reports on assignments visible to `user` (and matching `filters`)."""
    query = (
        select(
            ProgressReport.id,
            ProgressReport.created_at,
            ProgressReport.state,
            ProgressReport.percent,
            Assignment.id,
            Task.id,
            Task.clause,
            Task.summary,
            Agency.code,
            Agency.name,
        )
        .join(Assignment, Assignment.id == ProgressReport.assignment_id)
        .join(Task, Task.id == Assignment.task_id)
        .join(Agency, Agency.id == Assignment.agency_id)
    )
    query = apply_filters(
        query,
        filters or Filters(),
        at=at or vn.today(),
        user=user,
        due_soon_days=due_soon_days,
    )
    rows = db.execute(query.order_by(ProgressReport.id.desc()).limit(limit))
    return [ActivityRow(*row) for row in rows]
