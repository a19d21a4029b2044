"""Công việc nền: the list, one job's page, its self-refreshing progress, the retry button."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dxtrack.auth.models import User
from dxtrack.auth.permissions import STAFF
from dxtrack.deps import Db
from dxtrack.jobs import service
from dxtrack.jobs.kinds import kind_label
from dxtrack.jobs.models import STATE_LABELS, Job, JobState
from dxtrack.web.security import PageUser, safe_next
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
RESULT_LABELS = {
    "created": "Thêm mới",
    "updated": "Cập nhật",
    "groups": "Nhóm thay đổi",
    "rows": "Số dòng",
    "document_id": "Văn bản",
    "tasks": "Nhiệm vụ",
    "unresolved": "Tên cơ quan chưa nhận diện",
    "same_letter": "Trùng văn bản đã có",
    "applied": "Đã ghi",
    "unchanged": "Không đổi",
    "conflict": "Xung đột phiên bản",
    "invalid": "Không hợp lệ",
    "resumed_after": "Tiếp tục sau dòng",
    "done_without_evidence": "Hoàn thành chưa có minh chứng",
    "indicators_created": "Chỉ tiêu mới",
    "indicators_updated": "Chỉ tiêu cập nhật",
    "measurements": "Kết quả ghi nhận",
    "projects_created": "Dự án mới",
    "projects_updated": "Dự án cập nhật",
}


def progress_context(job: Job, user: User, *, next_url: str, reload: bool = False) -> dict:
    """What `jobs/_progress.html` needs (the document page includes it too)."""
    return {
        "job": job,
        "can_retry": user.role in STAFF or job.created_by == user.id,
        "next_url": next_url,
        "reload": reload,
    }


def _common() -> dict:
    return {"kind_label": kind_label, "state_labels": STATE_LABELS, "result_labels": RESULT_LABELS}


@router.get("/jobs", name="jobs_index")
def jobs_index(request: Request, db: Db, user: PageUser, page: int = 1) -> Response:
    page = max(page, 1)
    rows, total = service.list_jobs(db, user=user, page=page, page_size=PAGE_SIZE)
    context = {"rows": rows, "total": total, "page": page, "has_more": page * PAGE_SIZE < total}
    return render(request, "jobs/list.html", context | _common())


@router.get("/jobs/{job_id}", name="job_page")
def job_page(request: Request, job_id: int, db: Db, user: PageUser) -> Response:
    job = service.get_visible_job(db, job_id, user=user)
    context = progress_context(job, user, next_url=f"/jobs/{job_id}")
    return render(request, "jobs/detail.html", context | _common())


@router.get("/jobs/{job_id}/progress", name="job_progress")
def job_progress(
    request: Request, job_id: int, db: Db, user: PageUser, reload: int = 0
) -> Response:
    """The progress fragment (HTMX polls it); with `reload`, a finished job reloads the page
    that shows its result (the document page then shows the extracted draft)."""
    job = service.get_visible_job(db, job_id, user=user)
    headers = {"HX-Refresh": "true"} if reload and job.state == JobState.done else None
    next_url = request.headers.get("HX-Current-URL", f"/jobs/{job_id}")
    context = progress_context(job, user, next_url=next_url, reload=bool(reload))
    return render(request, "jobs/_progress.html", context, headers=headers)


@router.post("/jobs/{job_id}/retry", name="job_retry")
def job_retry(
    job_id: int, db: Db, user: PageUser, next_url: Annotated[str, Form(alias="next")] = ""
) -> Response:
    service.retry_job(db, job_id=job_id, actor=user)
    return RedirectResponse(safe_next(next_url or f"/jobs/{job_id}"), status_code=303)
