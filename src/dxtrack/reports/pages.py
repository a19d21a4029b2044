"""Báo cáo page: pick kind, period, scope and format, then download the file."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from dxtrack import vn
from dxtrack.agencies.service import list_agencies, list_groups
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.deps import AppSettings, Db
from dxtrack.documents.choices import find_document_choice
from dxtrack.documents.service import list_document_choices
from dxtrack.errors import Invalid
from dxtrack.indicators.service import list_plans
from dxtrack.reports.periods import default_cutoff, resolve_period
from dxtrack.reports.routes import attachment
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report
from dxtrack.web.security import PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)

KINDS = [
    (ReportKind.tasks.value, "Thực hiện nhiệm vụ"),
    (ReportKind.overdue.value, "Nhiệm vụ quá hạn"),
    (ReportKind.plan.value, "Thực hiện kế hoạch"),
]
FORMATS = [
    (ReportFormat.docx.value, "DOCX (báo cáo)"),
    (ReportFormat.xlsx.value, "XLSX (phụ lục)"),
    (ReportFormat.pdf.value, "PDF"),
]


def _this_quarter() -> str:
    today = vn.today()
    return vn.period_code("quarter", today.year, (today.month - 1) // 3 + 1)


@router.get("/reports", name="reports_index")
def reports_index(request: Request, db: Db, user: PageUser) -> Response:
    own = visible_agency_id(user)
    agencies = [a for a in list_agencies(db) if own is None or a.id == own]
    context = {
        "kinds": KINDS,
        "formats": FORMATS,
        "agencies": [(a.code, a.name) for a in vn.sorted_vn(agencies, key=lambda a: a.name)],
        "groups": [] if own is not None else [(g.code, g.name) for g in list_groups(db)],
        "plans": [(p.code, p.name) for p in list_plans(db)],
        "documents": list_document_choices(db) if own is None else [],
        "period": _this_quarter(),
    }
    return render(request, "reports/index.html", context)


def _day(value: str | None, label: str) -> date | None:
    try:
        return vn.parse_date(value)
    except ValueError:
        raise Invalid(f"{label}: ngày không hợp lệ «{value}» (định dạng dd/mm/yyyy).") from None


@router.get("/reports/download", name="reports_download")
def reports_download(
    db: Db,
    user: PageUser,
    settings: AppSettings,
    kind: ReportKind = ReportKind.tasks,
    period: str = "",
    calendar: bool = False,
    date_from: str = "",
    date_to: str = "",
    at: str = "",
    agency: str = "",
    group: str = "",
    plan: str = "",
    under: str = "",
    fmt: ReportFormat = ReportFormat.docx,
) -> Response:
    """The same file as GET /api/v1/reports/{kind}, for the browser's session."""
    custom = bool(date_from or date_to)
    chosen = resolve_period(
        None if custom else period or None,
        calendar=calendar,
        date_from=_day(date_from, "Từ ngày"),
        date_to=_day(date_to, "Đến ngày"),
    )
    request = ReportRequest(
        kind=kind,
        period=chosen,
        at=_day(at, "Ngày lấy số liệu") or default_cutoff(chosen),
        fmt=fmt,
        agency=agency or None,
        group=group or None,
        plan=plan or None,
        under=find_document_choice(db, under, label="Triển khai văn bản"),
    )
    rendered = render_report(db, request=request, settings=settings, user=user)
    return Response(
        rendered.content, media_type=rendered.media_type, headers=attachment(rendered.filename)
    )
