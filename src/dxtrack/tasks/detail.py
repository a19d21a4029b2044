"""A task as one user may see it: the API's `GET /tasks/{id}` and the task page both read it here.

The scoping rule lives in one place: the assignments are those `list_assignments()` shows the
user (an officer: their agency's), and an officer with none of the task's assignments gets
NotFound, as if the task did not exist. The progress history of the visible assignments is
read in three queries, whatever the number of assignments and reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.auth.models import Role, User
from dxtrack.errors import NotFound
from dxtrack.tasks.models import Evidence, ProgressReport, Task, TaskParty
from dxtrack.tasks.queries import AssignmentRow, Filters, list_assignments
from dxtrack.tasks.service import get_task, list_parties


@dataclass
class HistoryEntry:
    """One progress report with its author and evidence files."""

    report: ProgressReport
    author: User | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class TaskDetail:
    task: Task
    parties: list[TaskParty]
    rows: list[AssignmentRow]


def get_task_detail(
    db: Session, task_id: int, *, user: User, at: date, due_soon_days: int
) -> TaskDetail:
    """The task, its parties and the assignments `user` may see, with statuses at `at`."""
    task = get_task(db, task_id)
    rows, _ = list_assignments(
        db,
        filters=Filters(task_id=task.id, levels="all"),  # delegated ones shown, marked
        at=at,
        user=user,
        page_size=10_000,
        due_soon_days=due_soon_days,
    )
    if user.role == Role.officer and not rows:
        raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}.")
    return TaskDetail(task, list_parties(db, task.id), rows)


def list_history(db: Session, assignment_ids: list[int]) -> dict[int, list[HistoryEntry]]:
    """Progress reports (oldest first) with evidence and author, per assignment: 3 queries."""
    out: dict[int, list[HistoryEntry]] = {assignment_id: [] for assignment_id in assignment_ids}
    if not assignment_ids:
        return out
    query = select(ProgressReport).where(ProgressReport.assignment_id.in_(assignment_ids))
    reports = list(db.scalars(query.order_by(ProgressReport.id)))
    author_ids = {r.author_id for r in reports if r.author_id is not None}
    authors = {u.id: u for u in db.scalars(select(User).where(User.id.in_(author_ids)))}
    entries: dict[int, HistoryEntry] = {}
    for report in reports:
        entry = HistoryEntry(report, authors.get(report.author_id) if report.author_id else None)
        entries[report.id] = entry
        out[report.assignment_id].append(entry)
    if entries:
        files = select(Evidence).where(Evidence.report_id.in_(list(entries)))
        for evidence in db.scalars(files.order_by(Evidence.id)):
            entries[evidence.report_id].evidence.append(evidence)
    return out
