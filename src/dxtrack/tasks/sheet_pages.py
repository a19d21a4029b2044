"""Phiếu cập nhật tiến độ (`/progress-sheet`): download the sheet, upload it, read the per-row
result table."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.agencies.service import list_agencies
from dxtrack.auth.models import Role, User
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Invalid
from dxtrack.jobs.imports import is_large
from dxtrack.jobs.progress_import import enqueue_progress_import
from dxtrack.tasks.sheet import COLUMNS, STATE_LABELS, export_sheet, require_sheet_user
from dxtrack.tasks.sheet_cli import RESULT_LABELS
from dxtrack.tasks.sheet_import import SheetReport, import_progress_sheet
from dxtrack.tasks.sheet_routes import read_upload, sheet_response
from dxtrack.web.security import PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _context(db: Db, user: User, report: SheetReport | None = None) -> dict[str, Any]:
    require_sheet_user(user)
    agencies = [] if user.role == Role.officer else list_agencies(db)
    return {
        "agency_options": [(a.code, a.name) for a in vn.sorted_vn(agencies, key=lambda a: a.name)],
        "columns": COLUMNS,
        "state_labels": list(STATE_LABELS.values()),
        "result_labels": RESULT_LABELS,
        "report": report,
        "summary": report.to_dict() if report else None,
        "today": vn.today(),
    }


@router.get("/progress-sheet", name="progress_sheet")
def sheet_page(request: Request, db: Db, user: PageUser) -> Response:
    return render(request, "tasks/progress_sheet.html", _context(db, user))


@router.get("/progress-sheet/download", name="progress_sheet_download")
def sheet_download(
    db: Db,
    user: PageUser,
    settings: AppSettings,
    agency: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies it
    at: str = "",
    rhythm: str = "",
) -> Response:
    try:
        day = vn.parse_date(at) or vn.today()
    except ValueError:
        raise Invalid(f"Ngày «{at}» không hợp lệ (dd/mm/yyyy).") from None
    codes = [code for code in agency if code]
    data = export_sheet(
        db,
        user=user,
        agencies=codes,
        at=day,
        due_soon_days=settings.due_soon_days,
        rhythm="stale" if rhythm == "stale" else None,
    )
    return sheet_response(data, day)


@router.post("/progress-sheet")
def sheet_upload(
    request: Request,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    file: Annotated[UploadFile, File()],
    evidence: Annotated[UploadFile | None, File()] = None,
) -> Response:
    data = read_upload(file, limit=settings.max_upload_bytes)
    if data is None:
        raise Invalid("Chưa chọn tệp phiếu cập nhật tiến độ.")
    bundle = read_upload(evidence, limit=settings.max_request_mb * 1024 * 1024)
    if is_large(settings, data, "phieu.xlsx"):  # a background job: follow it on its page
        job = enqueue_progress_import(db, data=data, evidence=bundle, settings=settings, actor=user)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)
    report = import_progress_sheet(db, data, actor=user, evidence=bundle, settings=settings)
    return render(request, "tasks/progress_sheet.html", _context(db, user, report))
