"""Background jobs: slow work (OCR of a scan, a 10,000-row import) done outside requests.

A job is a row: its kind and payload, its state, its progress (done / total and a Vietnamese
label), why it failed, what it produced, and the lease of the worker running it
(`locked_by`, `locked_until`): a worker killed mid-job stops renewing its lease, and once the
lease has expired another worker takes the job again (jobs/worker.py).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, enum_check, utcnow


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


STATE_LABELS = {
    JobState.queued: "Đang chờ xử lý",
    JobState.running: "Đang xử lý",
    JobState.done: "Đã xong",
    JobState.failed: "Lỗi",
}


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(enum_check("state", JobState), name="state"),
        Index("ix_jobs_state_id", "state", "id"),
        Index("ix_jobs_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default=JobState.queued)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # What the job works on, for its pages (e.g. "document", 12): the document page shows it.
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[int | None]
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    label: Mapped[str] = mapped_column(String(300), default="")
    # Where a resumed job starts again (committed with the work it describes).
    checkpoint: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)  # Vietnamese, shown to the user
    report_path: Mapped[str | None] = mapped_column(String(300))  # the bad rows, under jobs/
    attempts: Mapped[int] = mapped_column(default=0)
    locked_by: Mapped[str | None] = mapped_column(String(200))
    locked_until: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
