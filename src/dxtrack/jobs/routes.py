"""/api/v1/jobs: follow a background job, download its error report, retry it."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.errors import NotFound
from dxtrack.jobs import service
from dxtrack.jobs.kinds import kind_label
from dxtrack.jobs.models import STATE_LABELS, Job, JobState
from dxtrack.jobs.schemas import JobPage, JobRead

router = APIRouter(tags=["jobs"])


def job_read(job: Job) -> JobRead:
    return JobRead(
        id=job.id,
        kind=job.kind,
        kind_label=kind_label(job.kind),
        state=job.state,
        state_label=STATE_LABELS[JobState(job.state)],
        done=job.done,
        total=job.total,
        label=job.label,
        error=job.error,
        result=dict(job.result or {}),
        report=f"/api/v1/jobs/{job.id}/report" if job.report_path else None,
        attempts=job.attempts,
        entity=job.entity,
        entity_id=job.entity_id,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


@router.get("/jobs", response_model=JobPage)
def list_jobs(
    db: Db,
    user: CurrentUser,
    state: JobState | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> JobPage:
    """Background jobs, newest first (staff: all; others: the jobs they asked for)."""
    rows, total = service.list_jobs(db, user=user, state=state, page=page, page_size=page_size)
    return JobPage(items=[job_read(j) for j in rows], total=total, page=page, page_size=page_size)


@router.get("/jobs/{job_id}", response_model=JobRead)
def read_job(job_id: int, db: Db, user: CurrentUser) -> JobRead:
    """State, progress (`done`/`total`, `label`), the reason of a failure, the result."""
    return job_read(service.get_visible_job(db, job_id, user=user))


@router.get("/jobs/{job_id}/report", response_class=FileResponse)
def download_report(job_id: int, db: Db, settings: AppSettings, user: CurrentUser) -> FileResponse:
    """The bad rows of an import (CSV, Vietnamese headers)."""
    job = service.get_visible_job(db, job_id, user=user)
    if not job.report_path:
        raise NotFound(f"Công việc nền #{job_id} không có báo cáo lỗi.")
    path = settings.jobs_dir / job.report_path
    return FileResponse(path, filename=f"bao-cao-loi-{job_id}.csv", media_type="text/csv")


@router.post("/jobs/{job_id}/retry", response_model=JobRead)
def retry_job(job_id: int, db: Db, user: CurrentUser) -> JobRead:
    """Queue a failed job again; it resumes after its last committed batch."""
    return job_read(service.retry_job(db, job_id=job_id, actor=user))
