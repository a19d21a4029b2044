"""What a job handler sees: its payload and checkpoint, and short units of work.

A handler is `run(ctx) -> dict` (the job's result). It does its slow work (reading a file,
OCR, parsing) with no transaction open, reports progress with `ctx.progress()` (its own short
transaction), and writes in short units: `with ctx.unit() as db:`. A handler that writes in
batches saves its checkpoint in the same unit as each batch (`ctx.save_checkpoint(db, ...)`),
and writes its last rows in the same unit as `ctx.complete(db, result)`, so a job killed at any
point and taken again by another worker neither loses nor repeats a committed write.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from dxtrack.auth.models import User
from dxtrack.config import Settings
from dxtrack.files import store_blob
from dxtrack.jobs import service

Units = Callable[[], AbstractContextManager[Session]]
Commit = Callable[[Session], None]
Handler = Callable[["JobContext"], dict[str, Any]]


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str  # Vietnamese, shown on the jobs page
    run: Handler


@dataclass
class JobContext:
    job_id: int
    payload: dict[str, Any]
    checkpoint: dict[str, Any]
    settings: Settings
    worker: str
    lease: timedelta
    units: Units
    created_by: int | None = None
    # Commits a batch inside a long unit and begins the next (a worker's own units: COMMIT
    # then a new writing transaction; tests' units: a flush).
    commit: Commit | None = None
    completed: bool = False
    report_path: str | None = None
    label: str | None = None  # the job's last words, shown when it is done

    def unit(self) -> AbstractContextManager[Session]:
        """One short writing unit of work (commit at the end of the block)."""
        return self.units()

    def actor(self, db: Session) -> User | None:
        """The user who asked for the job (its writes are audited under their name)."""
        return db.get(User, self.created_by) if self.created_by is not None else None

    def progress(self, done: int, total: int, label: str) -> None:
        """Save progress in its own short transaction (renews the worker's lease)."""
        with self.units() as db:
            service.save_progress(
                db,
                job_id=self.job_id,
                worker=self.worker,
                lease=self.lease,
                done=done,
                total=total,
                label=label,
            )

    def save_checkpoint(self, db: Session, checkpoint: dict[str, Any]) -> None:
        service.save_checkpoint(db, job_id=self.job_id, worker=self.worker, checkpoint=checkpoint)
        self.checkpoint = checkpoint

    def commit_batch(
        self, db: Session, checkpoint: dict[str, Any], *, done: int, total: int, label: str
    ) -> None:
        """Inside a service that runs over many rows in one session: save the checkpoint and
        the progress, and commit what was written so far, so the write lock is held for one
        batch at a time (progress goes in the same transaction: a second one would wait for
        this one's lock)."""
        self.save_checkpoint(db, checkpoint)
        service.save_progress(
            db, job_id=self.job_id, worker=self.worker, lease=self.lease, done=done, total=total,
            label=label,
        )  # fmt: skip
        if self.commit is not None:
            self.commit(db)

    def complete(self, db: Session, result: dict[str, Any]) -> None:
        """Done, in the same transaction as the job's last write."""
        service.complete(
            db,
            job_id=self.job_id,
            worker=self.worker,
            result=result,
            report_path=self.report_path,
            label=self.label,
        )
        self.completed = True

    def store_report(self, data: bytes, suffix: str) -> str:
        """Keep a file the user downloads from the job (the bad rows of an import)."""
        _digest, relative = store_blob(self.settings.jobs_dir, data, suffix=suffix)
        self.report_path = relative
        return relative

    def input_path(self) -> Path:
        """The uploaded file the job works on (stored under jobs/ when it was queued)."""
        return self.settings.jobs_dir / str(self.payload["file"])
