"""Tasks (nhiệm vụ), their named parties, per-agency assignments, progress and evidence."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, event, false, text
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, enum_check, utcnow
from dxtrack.documents.models import ReviewState
from dxtrack.search import search_key


class Recurrence(StrEnum):
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half-yearly"
    yearly = "yearly"
    continuous = "continuous"


class PartyRole(StrEnum):
    lead = "lead"
    coordinator = "coordinator"


class ProgressState(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    blocked = "blocked"


PROGRESS_LABELS = {
    ProgressState.not_started: "Chưa triển khai",
    ProgressState.in_progress: "Đang thực hiện",
    ProgressState.done: "Hoàn thành",
    ProgressState.blocked: "Gặp vướng mắc",
}


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint(enum_check("review_state", ReviewState), name="review_state"),
        CheckConstraint(
            f"recurrence IS NULL OR {enum_check('recurrence', Recurrence)}", name="recurrence"
        ),
        Index("uq_tasks_external_id", "external_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    clause: Mapped[str] = mapped_column(String(60), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    full_text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None]
    recurrence: Mapped[str | None] = mapped_column(String(16))
    # Day of the period a recurring task is due ("20": the 20th; "12-31": MM-DD, yearly).
    period_day: Mapped[str | None] = mapped_column(String(5))
    # First day of its first period when it does not start from the document's date.
    recurrence_start: Mapped[date | None]
    optional: Mapped[bool] = mapped_column(default=False)
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    review_state: Mapped[str] = mapped_column(String(16), default=ReviewState.draft)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # search.py
    # Sync (sync/upsert.py): the source system's id `system:id` (unique), the SHA-256 of the
    # source's fields last applied, and for a confirmed task whose source changed: why it needs
    # another look ("cần xem lại") and the source's new fields, applied only by a person.
    external_id: Mapped[str | None] = mapped_column(String(200))
    sync_hash: Mapped[str | None] = mapped_column(String(64))
    review_note: Mapped[str | None] = mapped_column(Text)
    sync_incoming: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Reporting rhythm when undated (tasks/rhythm.py); None: its document's, else monthly.
    update_cadence: Mapped[str | None] = mapped_column(String(16))


@event.listens_for(Task, "before_insert")
@event.listens_for(Task, "before_update")
def _task_search_key(_mapper: Any, _connection: Any, task: Task) -> None:
    task.search_key = search_key(task.clause, task.summary)


class TaskParty(Base):
    """An agency named by a task as printed, resolved to an agency or a group when possible."""

    __tablename__ = "task_parties"
    __table_args__ = (CheckConstraint(enum_check("role", PartyRole), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("agency_groups.id"))
    # Marked "ngoài danh mục" on purpose by a coordinator (tasks/parties.py).
    outside: Mapped[bool] = mapped_column(default=False, server_default=false())


class Assignment(Base):
    """One agency's share of a confirmed task (one per period for recurring tasks)."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint(enum_check("role", PartyRole), name="role"),
        CheckConstraint(enum_check("state", ProgressState), name="state"),
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent"),
        Index("ix_assignments_agency_deadline", "agency_id", "deadline", "completed_on"),
        Index("ix_assignments_completed_deadline", "completed_on", "deadline"),
        Index("ix_assignments_deadline", "deadline", "id"),
        Index("uq_assignments_task_agency_period", "task_id", "agency_id", "period", unique=True),
        Index("ix_assignments_parent_id", "parent_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(16), default="")
    deadline: Mapped[date | None]
    # Set when an extension is accepted (notifications): `deadline` is then the extended one.
    original_deadline: Mapped[date | None]
    state: Mapped[str] = mapped_column(String(16), default=ProgressState.not_started)
    percent: Mapped[int] = mapped_column(default=0)
    completed_on: Mapped[date | None]
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Delegation (tasks/delegation.py): the assignment this one was split from (None: top
    # level, counted in province figures), the delegating agency's note, and the weight of
    # this part in its parent's percent (None: equal weights).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    weight: Mapped[int | None]
    # Reporting rhythm (tasks/rhythm.py): the effective cadence of its task (kept by the
    # service) and the local date of its latest progress report.
    cadence: Mapped[str] = mapped_column(String(16), default="monthly", server_default="monthly")
    last_report_on: Mapped[date | None]


FEEDBACK_WHERE = "difficulties <> '' OR proposals <> ''"


class ProgressReport(Base):
    """Append-only history of an assignment's progress; the latest one is current."""

    __tablename__ = "progress_reports"
    __table_args__ = (
        CheckConstraint(enum_check("state", ProgressState), name="state"),
        # The reports that state a difficulty or a proposal (tasks/feedback.py reads only these).
        Index(
            "ix_progress_reports_feedback",
            "assignment_id",
            "id",
            postgresql_where=text(FEEDBACK_WHERE),
            sqlite_where=text(FEEDBACK_WHERE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(16))
    percent: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None]
    # Why the assignment was marked done while sub-assignments were still open.
    open_children_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Evidence(Base):
    """A file (minh chứng) attached to a progress report, stored once by SHA-256."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("progress_reports.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    stored_path: Mapped[str] = mapped_column(String(300))


class OverdueSpan(Base):
    """The days a task has an overdue assignment, as disjoint spans per task, for all agencies
    (agency_id 0) and per agency; kept by database triggers on `assignments`, counted in
    `assignment_counts` (tasks/spans.py)."""

    __tablename__ = "overdue_spans"
    __table_args__ = (Index("ix_overdue_spans_task_agency", "task_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int]  # no foreign key: the triggers take a deleted task's spans off
    agency_id: Mapped[int]
    first_day: Mapped[date]
    last_day: Mapped[date]


class AssignmentCount(Base):
    """Maintained prefix counts of assignments per agency (0: all agencies), kept by database
    triggers on `assignments`; kinds, grains and the status formulas in tasks/counts.py."""

    __tablename__ = "assignment_counts"
    __table_args__ = (
        CheckConstraint("grain IN ('day', 'month', 'year')", name="grain"),
        Index("uq_assignment_counts_key", "agency_id", "kind", "grain", "day", "day2", unique=True),
        Index("ix_assignment_counts_scan", "kind", "grain", "day", "agency_id", "day2", "n"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    grain: Mapped[str] = mapped_column(String(8))
    day: Mapped[date]
    day2: Mapped[date]
    n: Mapped[int] = mapped_column(default=0)


class TaskLink(Base):
    """`child` implements `parent` (a task of another document): the directive chain
    (tasks/chain.py). Proposals (tasks/proposals.py) are computed, not stored, until a
    coordinator confirms one."""

    __tablename__ = "task_links"
    __table_args__ = (
        Index("uq_task_links_child_parent", "child_id", "parent_id", unique=True),
        Index("ix_task_links_parent_id", "parent_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    parent_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    # Why: the proposal's grounds (clause reference, lead, text similarity), else empty.
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RhythmCount(Base):
    """Open, undated, top-level assignments per agency (0: all), cadence and month of their
    latest report (01/01/1900: never reported), kept by database triggers
    (tasks/rhythm_counts.py): "đã cập nhật trong kỳ" at today reads a few rows."""

    __tablename__ = "rhythm_counts"
    __table_args__ = (
        Index("uq_rhythm_counts_key", "agency_id", "cadence", "month", unique=True),
        Index("ix_rhythm_counts_scan", "cadence", "month", "agency_id", "n"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int]
    cadence: Mapped[str] = mapped_column(String(16))
    month: Mapped[date]
    n: Mapped[int] = mapped_column(default=0)
