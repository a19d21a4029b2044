"""Báo cáo tiến độ: the report form of one assignment (officers of its agency, staff)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.auth.permissions import require_can_report
from dxtrack.config import Settings
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Invalid
from dxtrack.files import EVIDENCE_TYPES
from dxtrack.tasks import progress
from dxtrack.tasks.models import ProgressState
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.service import get_task
from dxtrack.web.security import PageUser
from dxtrack.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)

ACCEPT = "image/*,application/pdf,.pdf,.docx,.xlsx,.jpg,.jpeg,.png," + ",".join(
    sorted(set(EVIDENCE_TYPES.values()))
)


@router.get("/assignments/{assignment_id}/report", name="report_form")
def report_form(
    request: Request, assignment_id: int, db: Db, user: PageUser, settings: AppSettings
) -> Response:
    assignment = progress.get_assignment(db, assignment_id, viewer=user)
    require_can_report(user, assignment.agency_id)
    rows, _ = list_assignments(
        db,
        filters=Filters(assignment_id=assignment_id),
        at=vn.today(),
        user=user,
        page_size=1,
        due_soon_days=settings.due_soon_days,
    )
    context = {
        "row": rows[0],
        "assignment": assignment,
        "task": get_task(db, assignment.task_id),
        "accept": ACCEPT,
        "max_mb": settings.max_upload_mb,
        "today": vn.today(),
        "open_children": progress.open_children(db, assignment_id),
    }
    return render(request, "tasks/report.html", context)


def _read_files(files: list[UploadFile] | None, settings: Settings) -> list[tuple[str, bytes]]:
    uploads = []
    for upload in files or []:
        if not upload.filename:  # an empty file input
            continue
        data = upload.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise Invalid(f"Tệp «{upload.filename}» vượt quá {settings.max_upload_mb} MB.")
        uploads.append((upload.filename, data))
    return uploads


def _percent(value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise Invalid("Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
    return int(value)


def _completed_on(value: str) -> date | None:
    try:
        return vn.parse_date(value)
    except ValueError as exc:
        raise Invalid(f"Ngày hoàn thành không hợp lệ: «{value}» (dd/mm/yyyy).") from exc


@router.post("/assignments/{assignment_id}/report")
def submit_report(
    request: Request,
    assignment_id: int,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    state: Annotated[ProgressState, Form()],
    version: Annotated[int, Form()],
    percent: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    difficulties: Annotated[str, Form()] = "",
    proposals: Annotated[str, Form()] = "",
    completed_on: Annotated[str, Form()] = "",
    open_children_reason: Annotated[str, Form()] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    data = progress.ProgressInput(
        state=state,
        percent=_percent(percent),
        note=note.strip(),
        difficulties=difficulties.strip(),
        proposals=proposals.strip(),
        completed_on=_completed_on(completed_on),
        files=_read_files(files, settings),
        open_children_reason=open_children_reason,
    )
    report = progress.report_progress(
        db,
        assignment_id=assignment_id,
        data=data,
        expected_version=version,
        settings=settings,
        actor=user,
    )
    assignment = progress.get_assignment(db, report.assignment_id)
    target = f"/tasks/{assignment.task_id}?reported=1#a{assignment.id}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)
