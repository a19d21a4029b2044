"""Jobs: enqueue, claim with a lease, progress, finish, fail, retry (each a short write).

Every function takes the session of ONE short unit of work; the slow work between them runs
with no transaction open (jobs/worker.py). The worker's own writes are fenced by its lease:
`save_progress`, `save_checkpoint` and `complete` only touch a job still running under the
same worker token, so a worker whose lease expired (and whose job another worker took) can
commit nothing more — its results are rolled back with the fenced write that refused them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import STAFF
from dxtrack.db import rowcount, utcnow
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.jobs.models import Job, JobState

if TYPE_CHECKING:
    from dxtrack.auth.models import User

# A job killed this many times (its worker died holding it) is not taken again by itself.
MAX_ATTEMPTS = 5


class LeaseLost(Conflict):
    """This worker's lease expired and the job is another worker's now: stop, write nothing."""

    code = "lease_lost"


def job_snapshot(job: Job) -> dict[str, Any]:
    return {"kind": job.kind, "state": job.state, "entity": job.entity, "entity_id": job.entity_id}


def enqueue(
    db: Session,
    *,
    kind: str,
    payload: dict[str, Any],
    actor: User | None,
    entity: str | None = None,
    entity_id: int | None = None,
    label: str = "Đang chờ xử lý",
) -> Job:
    """A new queued job (picked up by the server's worker thread or `dxtrack worker`)."""
    job = Job(
        kind=kind,
        payload=payload,
        entity=entity,
        entity_id=entity_id,
        label=label,
        created_by=actor.id if actor else None,
    )
    db.add(job)
    db.flush()
    record(db, events.created("job", job.id, job_snapshot(job)), actor=actor)
    return job


def get_job(db: Session, job_id: int) -> Job:
    job = db.get(Job, job_id)
    if job is None:
        raise NotFound(f"Không tìm thấy công việc nền #{job_id}.")
    return job


def get_visible_job(db: Session, job_id: int, *, user: User) -> Job:
    """The job if `user` may follow it: staff every job, others the jobs they asked for
    (NotFound otherwise: another user's import is not told)."""
    job = db.get(Job, job_id)
    if job is None or (user.role not in STAFF and job.created_by != user.id):
        raise NotFound(f"Không tìm thấy công việc nền #{job_id}.")
    return job


def find_latest_job(db: Session, *, entity: str, entity_id: int) -> Job | None:
    """The newest job working on an entity (the document page shows its progress)."""
    query = select(Job).where(Job.entity == entity, Job.entity_id == entity_id)
    return db.scalar(query.order_by(Job.id.desc()).limit(1))


def list_jobs(
    db: Session,
    *,
    user: User | None = None,
    state: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> tuple[list[Job], int]:
    """Newest first; a user who is not staff sees the jobs they asked for."""
    query = select(Job)
    if user is not None and user.role not in STAFF:
        query = query.where(Job.created_by == user.id)
    if state:
        query = query.where(Job.state == state)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(query.order_by(Job.id.desc()).offset((page - 1) * page_size).limit(page_size))
    return list(rows), total


def _claimable(now: datetime) -> Any:
    expired = (Job.state == JobState.running) & (Job.locked_until < now)
    return or_(Job.state == JobState.queued, expired)


def claim_next(db: Session, *, worker: str, lease: timedelta, kinds: set[str]) -> Job | None:
    """Take the oldest queued job, or a running one whose worker's lease expired (it was
    killed). The UPDATE re-checks the condition, so two workers never take the same job."""
    now = utcnow()
    candidates = select(Job.id).where(_claimable(now), Job.kind.in_(kinds)).order_by(Job.id)
    for job_id in db.scalars(candidates.limit(5).with_for_update(skip_locked=True)):
        taken = db.execute(
            update(Job)
            .where(Job.id == job_id, _claimable(now))
            .values(
                state=JobState.running,
                locked_by=worker,
                locked_until=now + lease,
                attempts=Job.attempts + 1,
                started_at=func.coalesce(Job.started_at, now),
                error=None,
            )
        )
        if rowcount(taken):
            job = db.get(Job, job_id, populate_existing=True)
            assert job is not None
            return job
    return None


def _mine(job_id: int, worker: str) -> Any:
    return (Job.id == job_id) & (Job.state == JobState.running) & (Job.locked_by == worker)


def renew_lease(db: Session, *, job_id: int, worker: str, lease: timedelta) -> None:
    """The worker is alive: push its lease forward (raises LeaseLost when it is not ours)."""
    changed = db.execute(
        update(Job).where(_mine(job_id, worker)).values(locked_until=utcnow() + lease)
    )
    if not rowcount(changed):
        raise LeaseLost(f"Công việc nền #{job_id} đã được tiến trình khác tiếp nhận.")


def save_progress(
    db: Session, *, job_id: int, worker: str, lease: timedelta, done: int, total: int, label: str
) -> None:
    """Progress in its own short transaction (renews the lease too)."""
    values = {"done": done, "total": total, "label": label[:300], "locked_until": utcnow() + lease}
    if not rowcount(db.execute(update(Job).where(_mine(job_id, worker)).values(**values))):
        raise LeaseLost(f"Công việc nền #{job_id} đã được tiến trình khác tiếp nhận.")


def save_checkpoint(db: Session, *, job_id: int, worker: str, checkpoint: dict[str, Any]) -> None:
    """Where a resumed job starts again; call it in the SAME transaction as the work it
    describes (a batch of rows), so the two commit or roll back together."""
    changed = db.execute(update(Job).where(_mine(job_id, worker)).values(checkpoint=checkpoint))
    if not rowcount(changed):
        raise LeaseLost(f"Công việc nền #{job_id} đã được tiến trình khác tiếp nhận.")


def complete(
    db: Session,
    *,
    job_id: int,
    worker: str,
    result: dict[str, Any],
    report_path: str | None,
    label: str | None = None,
) -> None:
    """Mark the job done, in the same transaction as its last write (exactly once)."""
    values: dict[str, Any] = {
        "state": JobState.done,
        "result": result,
        "report_path": report_path,
        "finished_at": utcnow(),
        "locked_by": None,
        "locked_until": None,
    }
    if label:
        values["label"] = label[:300]
    if not rowcount(db.execute(update(Job).where(_mine(job_id, worker)).values(**values))):
        raise LeaseLost(f"Công việc nền #{job_id} đã được tiến trình khác tiếp nhận.")
    job = db.get(Job, job_id, populate_existing=True)
    assert job is not None
    record(db, events.updated("job", job_id, {"state": "running"}, job_snapshot(job)), actor=None)


def fail(
    db: Session,
    *,
    job_id: int,
    worker: str | None,
    reason: str,
    report_path: str | None = None,
) -> bool:
    """Record why the job failed (Vietnamese); False when the job was no longer this worker's."""
    condition = _mine(job_id, worker) if worker else (Job.id == job_id)
    values = {
        "state": JobState.failed,
        "error": reason,
        "report_path": report_path,
        "finished_at": utcnow(),
        "locked_by": None,
        "locked_until": None,
    }
    if not rowcount(db.execute(update(Job).where(condition).values(**values))):
        return False
    before = {"state": "running"}
    record(
        db, events.updated("job", job_id, before, {"state": "failed", "error": reason}), actor=None
    )
    return True


def retry_job(db: Session, *, job_id: int, actor: User) -> Job:
    """A failed job queued again (from where its last committed batch left off): by staff or
    by the user who asked for it."""
    job = get_visible_job(db, job_id, user=actor)
    if job.state != JobState.failed:
        raise Invalid(f"Công việc nền #{job_id} không ở trạng thái lỗi; không cần chạy lại.")
    before = job_snapshot(job) | {"error": job.error}
    job.state, job.error, job.finished_at = JobState.queued, None, None
    job.attempts, job.label = 0, "Đang chờ chạy lại"
    db.flush()
    record(db, events.Event("job.retry", "job", job.id, before, job_snapshot(job)), actor=actor)
    return job


def give_up_stale(db: Session, *, now: datetime | None = None) -> int:
    """Jobs killed MAX_ATTEMPTS times are failed with a reason instead of taken once more."""
    now = now or utcnow()
    stale = select(Job.id).where(
        Job.state == JobState.running, Job.locked_until < now, Job.attempts >= MAX_ATTEMPTS
    )
    ids = list(db.scalars(stale))
    for job_id in ids:
        reason = (
            f"Tiến trình xử lý bị dừng đột ngột {MAX_ATTEMPTS} lần khi đang làm công việc này; "
            "đã tạm dừng. Hãy kiểm tra nhật ký máy chủ rồi bấm «Chạy lại»."
        )
        fail(db, job_id=job_id, worker=None, reason=reason)
    return len(ids)
