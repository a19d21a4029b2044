"""The worker: claims jobs with a lease, runs their handlers, records the outcome.

Runs as a thread of `dxtrack serve` (unless DXTRACK_WORKER_IN_SERVER=false) and as
`dxtrack worker` (until stopped; `--once` drains the queue and exits). While a handler runs, a
heartbeat thread renews the lease every third of it; a worker killed with its job stops
renewing, and once `DXTRACK_JOB_LEASE_SECONDS` have passed another worker takes the job again
from its last checkpoint. A handler that raises a DxError fails the job with that Vietnamese
message; anything else is logged with its traceback and fails the job with a short reason.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from uuid import uuid4

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.db import begin_writing, transaction
from dxtrack.errors import DxError
from dxtrack.jobs import service
from dxtrack.jobs.context import Commit, JobContext, JobKind, Units

logger = logging.getLogger(__name__)
UNEXPECTED = (
    "Lỗi không mong đợi khi xử lý ({name}); chi tiết đã ghi vào nhật ký máy chủ. "
    "Hãy thử «Chạy lại»; nếu vẫn lỗi, báo quản trị viên."
)


def _commit_and_go_on(db: Session) -> None:
    db.commit()
    begin_writing(db)  # the next batch takes the write lock first (SQLite: BEGIN IMMEDIATE)


def _flush(db: Session) -> None:
    db.flush()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:8]}"


class Worker:
    def __init__(
        self,
        settings: Settings,
        kinds: Mapping[str, JobKind],
        *,
        units: Units | None = None,
        commit: Commit | None = None,
        heartbeat: bool = True,
        poll_seconds: float = 2.0,
    ) -> None:
        self.settings = settings
        self.kinds = dict(kinds)
        self.name = worker_name()
        self.lease = timedelta(seconds=settings.job_lease_seconds)
        self.units: Units = units or self._own_units
        self.commit: Commit = commit or (_flush if units else _commit_and_go_on)
        self.heartbeat = heartbeat
        self.poll_seconds = poll_seconds

    @contextmanager
    def _own_units(self) -> Iterator[Session]:
        with transaction(self.settings, write=True) as db:
            yield db

    def run_once(self) -> bool:
        """Claim one job and run it; False when there was nothing to do."""
        with self.units() as db:
            service.give_up_stale(db)
            job = service.claim_next(db, worker=self.name, lease=self.lease, kinds=set(self.kinds))
            if job is None:
                return False
            ctx = JobContext(
                job_id=job.id,
                payload=dict(job.payload),
                checkpoint=dict(job.checkpoint or {}),
                settings=self.settings,
                worker=self.name,
                lease=self.lease,
                units=self.units,
                created_by=job.created_by,
                commit=self.commit,
            )
            kind = self.kinds[job.kind]
        logger.info("job start id=%s kind=%s worker=%s", ctx.job_id, kind.name, self.name)
        self._run(kind, ctx)
        return True

    def drain(self) -> int:
        """Run jobs until none is left to take; how many were run."""
        count = 0
        while self.run_once():
            count += 1
        return count

    def run_forever(self, stop: threading.Event) -> None:
        """Until `stop` is set: run what is queued, then wait for more."""
        while not stop.is_set():
            try:
                if self.run_once():
                    continue
            except Exception:  # the database went away a moment: log, wait, go on
                logger.exception("worker loop error worker=%s", self.name)
            stop.wait(self.poll_seconds)

    def _run(self, kind: JobKind, ctx: JobContext) -> None:
        beating = threading.Event()
        beat = threading.Thread(target=self._beat, args=(ctx, beating), daemon=True)
        if self.heartbeat:
            beat.start()
        try:
            result = kind.run(ctx)
            if not ctx.completed:
                with self.units() as db:
                    ctx.complete(db, result)
            logger.info("job done id=%s kind=%s", ctx.job_id, kind.name)
        except service.LeaseLost:
            logger.warning("job lease lost id=%s worker=%s: nothing written", ctx.job_id, self.name)
        except DxError as error:
            logger.info("job failed id=%s kind=%s reason=%r", ctx.job_id, kind.name, error.message)
            self._fail(ctx, error.message)
        except Exception as error:
            logger.exception("job error id=%s kind=%s", ctx.job_id, kind.name)
            self._fail(ctx, UNEXPECTED.format(name=type(error).__name__))
        finally:
            beating.set()
            if beat.is_alive():
                beat.join()

    def _fail(self, ctx: JobContext, reason: str) -> None:
        with self.units() as db:
            service.fail(
                db, job_id=ctx.job_id, worker=self.name, reason=reason, report_path=ctx.report_path
            )

    def _beat(self, ctx: JobContext, done: threading.Event) -> None:
        while not done.wait(self.lease.total_seconds() / 3):
            try:
                with self.units() as db:
                    service.renew_lease(db, job_id=ctx.job_id, worker=self.name, lease=self.lease)
            except service.LeaseLost:
                return
            except OperationalError as error:  # the lock held long by another writer: next beat
                logger.warning("job heartbeat delayed id=%s: %s", ctx.job_id, error.orig)
            except Exception:
                logger.exception("job heartbeat error id=%s", ctx.job_id)


def start_thread(settings: Settings, kinds: Mapping[str, JobKind]) -> threading.Event:
    """The server's worker thread; set the returned event to stop it."""
    stop = threading.Event()
    worker = Worker(settings, kinds)
    thread = threading.Thread(
        target=worker.run_forever, args=(stop,), name="dxtrack-worker", daemon=True
    )
    thread.start()
    return stop
