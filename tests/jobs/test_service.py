"""Jobs: queued, claimed under a lease, fenced writes, progress, failure and retry."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from builders import make_user
from jobhelp import agency_csv
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.audit.models import AuditEntry
from dxtrack.config import Settings
from dxtrack.db import utcnow
from dxtrack.errors import Invalid
from dxtrack.jobs import service
from dxtrack.jobs.imports import AGENCY_IMPORT, enqueue_import
from dxtrack.jobs.models import Job, JobState
from dxtrack.jobs.worker import Worker

LEASE = timedelta(seconds=60)


def queue_agencies(db: Session, settings: Settings, data: bytes, name: str = "co-quan.csv") -> Job:
    actor = make_user(db, "dieuphoi")
    return enqueue_import(
        db, kind=AGENCY_IMPORT, data=data, filename=name, params={}, settings=settings, actor=actor
    )


class TestClaim:
    def test_queued_job_is_claimed_once(self, db: Session, settings: Settings):
        job = queue_agencies(db, settings, agency_csv(2))
        first = service.claim_next(db, worker="a", lease=LEASE, kinds={AGENCY_IMPORT})
        assert first is not None and first.id == job.id and first.state == JobState.running
        assert service.claim_next(db, worker="b", lease=LEASE, kinds={AGENCY_IMPORT}) is None

    def test_expired_lease_is_taken_again(self, db: Session, settings: Settings):
        job = queue_agencies(db, settings, agency_csv(2))
        service.claim_next(db, worker="a", lease=LEASE, kinds={AGENCY_IMPORT})
        db.execute(update(Job).values(locked_until=utcnow() - timedelta(seconds=1)))
        again = service.claim_next(db, worker="b", lease=LEASE, kinds={AGENCY_IMPORT})
        assert again is not None and again.id == job.id and again.locked_by == "b"
        assert again.attempts == 2

    def test_the_old_worker_can_write_nothing_more(self, db: Session, settings: Settings):
        job = queue_agencies(db, settings, agency_csv(2))
        service.claim_next(db, worker="a", lease=LEASE, kinds={AGENCY_IMPORT})
        db.execute(update(Job).values(locked_until=utcnow() - timedelta(seconds=1)))
        service.claim_next(db, worker="b", lease=LEASE, kinds={AGENCY_IMPORT})
        with pytest.raises(service.LeaseLost):
            service.save_checkpoint(db, job_id=job.id, worker="a", checkpoint={"agencies": 1})
        with pytest.raises(service.LeaseLost):
            service.complete(db, job_id=job.id, worker="a", result={}, report_path=None)

    def test_unknown_kinds_are_left(self, db: Session, settings: Settings):
        queue_agencies(db, settings, agency_csv(1))
        assert service.claim_next(db, worker="a", lease=LEASE, kinds={"other"}) is None

    def test_a_job_killed_too_often_fails_with_a_reason(self, db: Session, settings: Settings):
        job = queue_agencies(db, settings, agency_csv(1))
        service.claim_next(db, worker="a", lease=LEASE, kinds={AGENCY_IMPORT})
        db.execute(update(Job).values(locked_until=utcnow() - LEASE, attempts=service.MAX_ATTEMPTS))
        assert service.give_up_stale(db) == 1
        db.refresh(job)
        assert job.state == JobState.failed and "dừng đột ngột" in (job.error or "")


class TestAgencyImportJob:
    def test_runs_in_batches_with_progress_and_audit(
        self, db: Session, settings: Settings, worker: Worker
    ):
        worker.settings = settings.model_copy(update={"job_batch_rows": 2})
        job = queue_agencies(db, settings, agency_csv(5))
        assert worker.drain() == 1
        db.refresh(job)
        assert job.state == JobState.done, job.error
        assert job.result == {"created": 5, "updated": 0, "groups": 0, "rows": 5}
        assert (job.done, job.total) == (5, 5) and job.checkpoint["agencies"] == 5
        assert job.label.startswith("Đã nhập 5 dòng: 5 cơ quan mới")
        codes = db.scalars(select(Agency.code).where(Agency.code.like("so-nhap-%")))
        assert len(list(codes)) == 5
        actions = set(db.scalars(select(AuditEntry.action).where(AuditEntry.entity == "job")))
        assert {"job.create", "job.update"} <= actions

    def test_resumed_job_starts_after_its_checkpoint(
        self, db: Session, settings: Settings, worker: Worker
    ):
        """A job taken again after a kill: the committed batches are not written twice."""
        job = queue_agencies(db, settings, agency_csv(4))
        counts = {"created": 2, "updated": 0, "groups": 0}
        db.execute(update(Job).values(checkpoint={"agencies": 2, "counts": counts}))
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.done and job.result["created"] == 4
        created = db.scalar(
            select(func.count()).where(
                AuditEntry.action == "agency.create",
                AuditEntry.after["code"].as_string().like("so-nhap-%"),
            )
        )
        assert created == 2  # only the batch after the checkpoint was written by this run

    def test_bad_rows_fail_with_a_reason_and_a_report(
        self, db: Session, settings: Settings, worker: Worker
    ):
        job = queue_agencies(db, settings, agency_csv(3, bad={2: "khong-ro"}))
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.failed
        assert "dòng 3" in (job.error or "") and "khong-ro" in (job.error or "")
        report = (settings.jobs_dir / str(job.report_path)).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(report)))
        assert rows[0] == ["Dòng", "Lỗi"] and rows[1][0] == "3"
        assert db.scalar(select(func.count()).where(Agency.code.like("so-nhap-%"))) == 0

    def test_failed_job_is_retried(self, db: Session, settings: Settings, worker: Worker):
        groups = b"code,name,members\nnhom-moi,Nhom moi,so-y-te|so-chua-co\n"
        job = queue_agencies(db, settings, groups, name="nhom.csv")
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.failed and "so-chua-co" in (job.error or "")
        db.add(Agency(code="so-chua-co", name="Sở Chưa Có", kind="department", aliases=[]))
        db.flush()
        service.retry_job(db, job_id=job.id, actor=make_user(db, "dieuphoi"))
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.done and job.result["groups"] == 1
        retried = db.scalar(select(func.count()).where(AuditEntry.action == "job.retry"))
        assert retried == 1

    def test_only_failed_jobs_are_retried(self, db: Session, settings: Settings):
        job = queue_agencies(db, settings, agency_csv(1))
        with pytest.raises(Invalid):
            service.retry_job(db, job_id=job.id, actor=make_user(db, "dieuphoi"))

    def test_unexpected_error_is_logged_and_explained(
        self, db: Session, settings: Settings, worker: Worker, caplog: pytest.LogCaptureFixture
    ):
        job = queue_agencies(db, settings, agency_csv(1))
        (settings.jobs_dir / str(job.payload["file"])).unlink()  # the stored file went away
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.failed and "FileNotFoundError" in (job.error or "")
        assert any(r.exc_info for r in caplog.records if "job error" in r.getMessage())
