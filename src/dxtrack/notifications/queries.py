"""Reads for the explanation pages: each request with its task, agency and deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.notifications.models import ExplanationRequest
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.status import compute_status, within_extension


@dataclass(frozen=True)
class ExplanationRow:
    request: ExplanationRequest
    task_id: int
    clause: str
    summary: str
    agency_code: str
    agency_name: str
    deadline: date | None
    original_deadline: date | None
    completed_on: date | None
    status: str
    within_extension: bool

    @property
    def requested_on(self) -> datetime:
        return self.request.requested_at


def describe(
    db: Session, items: list[ExplanationRequest], *, at: date, due_soon_days: int = 7
) -> list[ExplanationRow]:
    """The requests with what the pages show beside them, in the given order."""
    ids = {item.assignment_id for item in items}
    if not ids:
        return []
    query = (
        select(Assignment, Task.clause, Task.summary, Agency.code, Agency.name)
        .join(Task, Task.id == Assignment.task_id)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.id.in_(ids))
    )
    found = {row[0].id: row for row in db.execute(query)}
    rows = []
    for item in items:
        a, clause, summary, code, name = found[item.assignment_id]
        status = compute_status(
            deadline=a.deadline, completed_on=a.completed_on, at=at, due_soon_days=due_soon_days
        )
        flag = within_extension(
            original_deadline=a.original_deadline,
            deadline=a.deadline,
            completed_on=a.completed_on,
            at=at,
        )
        rows.append(
            ExplanationRow(
                item,
                a.task_id,
                clause,
                summary,
                code,
                name,
                a.deadline,
                a.original_deadline,
                a.completed_on,
                status.value,
                flag,
            )
        )
    return rows
