"""GET /api/v1/reports/{kind}: the report file (DOCX, XLSX annex or PDF)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import Response

from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.reports.periods import default_cutoff, resolve_period
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report

router = APIRouter(tags=["reports"])

FILE_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "content": {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
            "application/pdf": {},
        },
        "description": "Tệp báo cáo",
    }
}


def attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}


@router.get("/reports/{kind}", response_class=Response, responses=FILE_RESPONSES)
def download_report(
    kind: ReportKind,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    period: str | None = None,
    calendar: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
    at: date | None = None,
    agency: str | None = None,
    group: str | None = None,
    plan: str | None = None,
    under: int | None = None,
    fmt: ReportFormat = Query(ReportFormat.docx, alias="format"),
) -> Response:
    """The periodic report for a period at a cut-off date (officers: their agency's figures)."""
    chosen = resolve_period(period, calendar=calendar, date_from=date_from, date_to=date_to)
    request = ReportRequest(
        kind=kind,
        period=chosen,
        at=at or default_cutoff(chosen),
        fmt=fmt,
        agency=agency,
        group=group,
        plan=plan,
        under=under,
    )
    rendered = render_report(db, request=request, settings=settings, user=user)
    return Response(
        rendered.content, media_type=rendered.media_type, headers=attachment(rendered.filename)
    )
