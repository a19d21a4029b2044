"""/api/v1/progress-sheet: download the Phiếu cập nhật tiến độ, upload it back (per-row report)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, UploadFile
from starlette.responses import Response

from dxtrack import vn
from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.errors import Invalid
from dxtrack.jobs.imports import is_large
from dxtrack.jobs.progress_import import enqueue_progress_import
from dxtrack.tasks.sheet import export_sheet
from dxtrack.tasks.sheet_import import import_progress_sheet

router = APIRouter(tags=["assignments"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheet_response(data: bytes, day: date) -> Response:
    name = f"phieu-tien-do-{day.isoformat()}.xlsx"
    return Response(
        data, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def read_upload(upload: UploadFile | None, *, limit: int) -> bytes | None:
    """An uploaded file's bytes (None when no file was chosen); Invalid when over `limit`."""
    if upload is None or not upload.filename:
        return None
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise Invalid(f"Tệp «{upload.filename}» vượt quá {limit // (1024 * 1024)} MB.")
    return data


@router.get("/progress-sheet", response_class=Response)
def download_sheet(
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    agency: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies it
    at: date | None = None,
    rhythm: Literal["stale", "updated"] | None = None,
) -> Response:
    day = at or vn.today()
    data = export_sheet(
        db,
        user=user,
        agencies=agency,
        at=day,
        due_soon_days=settings.due_soon_days,
        rhythm=rhythm,
    )
    return sheet_response(data, day)


@router.post("/progress-sheet")
def upload_sheet(
    response: Response,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    file: Annotated[UploadFile, File(description="Phiếu đã điền (XLSX)")],
    evidence: Annotated[UploadFile | None, File(description="ZIP minh chứng")] = None,
) -> dict[str, Any]:
    data = read_upload(file, limit=settings.max_upload_bytes)
    if data is None:
        raise Invalid("Chưa chọn tệp phiếu cập nhật tiến độ.")
    bundle = read_upload(evidence, limit=settings.max_request_mb * 1024 * 1024)
    if is_large(settings, data, "phieu.xlsx"):  # a background job: 202 with the job to follow
        job = enqueue_progress_import(db, data=data, evidence=bundle, settings=settings, actor=user)
        response.status_code = 202
        return {"job": job.id, "status": job.state, "detail": job.label}
    report = import_progress_sheet(db, data, actor=user, evidence=bundle, settings=settings)
    return report.to_dict()
