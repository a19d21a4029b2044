"""render_report(): one entry point for the CLI, the API and the page.

Kinds: `tasks` (tình hình thực hiện nhiệm vụ), `overdue` (danh sách nhiệm vụ quá hạn),
`plan` (kết quả thực hiện kế hoạch). Formats: `docx` (Decree 30 layout), `xlsx` (annex),
`pdf` (the DOCX converted by LibreOffice).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from docx.document import Document
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.reports import docx_layout as layout
from dxtrack.reports.data import (
    Scope,
    TaskReport,
    collect_task_report,
    list_scope_assignments,
    overdue_items,
    resolve_scope,
)
from dxtrack.reports.docx_overdue import overdue_body
from dxtrack.reports.docx_tasks import task_body
from dxtrack.reports.pdf import docx_to_pdf
from dxtrack.reports.periods import Period
from dxtrack.reports.plan import PlanPart, collect_plan, plan_body, plan_scope
from dxtrack.reports.requester import Issuer, issuer_for, scoped_request
from dxtrack.reports.xlsx_annex import task_annex
from dxtrack.tasks.chain import document_label, under_document_query

if TYPE_CHECKING:
    from dxtrack.auth.models import User

DECREE_09 = (
    "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo "
    "của cơ quan hành chính nhà nước"
)
OVERDUE_LIMIT = {"tasks": 30, "overdue": 500, "plan": 30}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


Body = Callable[[Document], None]


class ReportKind(StrEnum):
    tasks = "tasks"
    plan = "plan"
    overdue = "overdue"


class ReportFormat(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    pdf = "pdf"


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    period: Period
    at: date
    fmt: ReportFormat = ReportFormat.docx
    agency: str | None = None
    group: str | None = None
    plan: str | None = None
    issued_on: date | None = None
    under: int | None = None  # only the tasks descending from this document (tasks/chain.py)


@dataclass(frozen=True)
class RenderedReport:
    content: bytes
    filename: str
    media_type: str


def _topic(request: ReportRequest, scope: Scope, issuer: Issuer) -> str:
    """What the report is about, as it follows "báo cáo" (lower case)."""
    if request.kind == ReportKind.overdue:
        owner = f" của {scope.name}" if scope.name else ""
        return f"danh sách nhiệm vụ quá hạn{owner} tính đến ngày {vn.date_text(request.at)}"
    if scope.plan_name:
        owner = f" (phần của {scope.name})" if scope.name else ""
        return f"kết quả thực hiện {scope.plan_name} {request.period.label}{owner}"
    if scope.name and not (issuer.name == scope.name and not issuer.province_wide):
        owner = f" của {scope.name}"
    else:
        owner = " trên địa bàn tỉnh" if issuer.province_wide else ""
    return f"tình hình thực hiện nhiệm vụ được giao {request.period.label}{owner}"


def subject_of(request: ReportRequest, scope: Scope, issuer: Issuer) -> str:
    topic = _topic(request, scope, issuer)
    if not issuer.province_wide and scope.name and scope.name not in topic:
        topic += f" của {scope.name}"
    return topic[0].upper() + topic[1:]


def _intro(request: ReportRequest, scope: Scope, issuer: Issuer) -> str:
    period = request.period
    basis = "" if period.calendar else f"Thực hiện chế độ báo cáo định kỳ theo {DECREE_09}, "
    text = f"{basis}{issuer.name} báo cáo {_topic(request, scope, issuer)} "
    text += (
        f"(kỳ báo cáo {period.window}; số liệu tính đến ngày {vn.date_text(request.at)}) như sau:"
    )
    return text[0].upper() + text[1:]


def _letterhead(request: ReportRequest, settings: Settings, issuer: Issuer) -> layout.Letterhead:
    return layout.Letterhead(
        issuer=issuer.name,
        parent=issuer.parent,
        symbol=issuer.symbol,
        place=settings.report_place,
        issued_on=request.issued_on,
        year=(request.issued_on or vn.today()).year,
    )


def _signature(issuer: Issuer) -> layout.Signature:
    return layout.Signature(
        authority=issuer.authority,
        title=issuer.title,
        name=issuer.signer,
        recipients=issuer.recipients,
        archive=f"VT, {issuer.symbol}",
    )


def build_docx(
    request: ReportRequest, settings: Settings, scope: Scope, body: Body, issuer: Issuer
) -> bytes:
    doc = layout.new_document()
    layout.add_letterhead(doc, _letterhead(request, settings, issuer))
    layout.add_title(doc, "BÁO CÁO", subject_of(request, scope, issuer))
    if request.kind != ReportKind.overdue:
        layout.para(doc, _intro(request, scope, issuer), indent=True)
    body(doc)
    closing = f"Trên đây là báo cáo {_topic(request, scope, issuer)} của {issuer.name}./."
    layout.para(doc, closing, indent=True)
    layout.add_closing(doc, _signature(issuer))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _task_report(
    db: Session, request: ReportRequest, scope: Scope, settings: Settings, user: User | None
) -> TaskReport:
    limit = 0 if request.fmt == ReportFormat.xlsx else OVERDUE_LIMIT[request.kind]
    return collect_task_report(
        db,
        period=request.period,
        at=request.at,
        scope=scope,
        user=user,
        due_soon_days=settings.due_soon_days,
        overdue_limit=limit,
    )


def _body(request: ReportRequest, report: TaskReport, plan: PlanPart | None) -> Body:
    if plan is not None:
        return lambda doc: plan_body(doc, report, plan)
    if request.kind == ReportKind.overdue:
        return lambda doc: overdue_body(doc, report)
    return lambda doc: task_body(doc, report)


def render_report(
    db: Session, *, request: ReportRequest, settings: Settings, user: User | None = None
) -> RenderedReport:
    """The report file (bytes, a file name, its media type); an officer's is their agency's
    (another agency's or a group's is Forbidden)."""
    request = scoped_request(db, request, user)
    issuer = issuer_for(db, user, settings)
    scope = resolve_scope(db, agency=request.agency, group=request.group)
    plan = None
    if request.kind == ReportKind.plan:
        scope = plan_scope(db, request.plan, scope)
        plan = collect_plan(db, code=request.plan or "", at=request.at)
    if request.under is not None:
        label = f"các nhiệm vụ triển khai {document_label(db, request.under)}"
        scope = dataclasses.replace(
            scope, plan_name=label, task_ids=under_document_query(request.under)
        )
    report = _task_report(db, request, scope, settings, user)
    if request.fmt == ReportFormat.xlsx:
        rows = list_scope_assignments(
            db, scope=scope, at=request.at, user=user, due_soon_days=settings.due_soon_days
        )
        report.overdue = overdue_items(rows, request.at)  # the annex lists every one
        content = task_annex(report, rows, plan.indicators if plan else None)
    else:
        content = build_docx(request, settings, scope, _body(request, report, plan), issuer)
        if request.fmt == ReportFormat.pdf:
            content = docx_to_pdf(content)
    name = f"bao-cao-{request.kind.value}-{request.period.code}.{request.fmt.value}"
    return RenderedReport(content, name, MEDIA_TYPES[request.fmt.value])
