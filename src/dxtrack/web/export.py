"""XLSX export of the current assignment list view (openpyxl, write-only)."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from dxtrack.web.templating import ROLE_NAMES, progress_label, status_label

if TYPE_CHECKING:
    from dxtrack.tasks.queries import AssignmentRow
    from dxtrack.web.params import View

EXPORT_LIMIT = 50_000
HEADERS = (
    "Văn bản",
    "Mục",
    "Nhiệm vụ",
    "Cơ quan",
    "Vai trò",
    "Kỳ",
    "Thời hạn",
    "Tình trạng",
    "Trạng thái báo cáo",
    "Tiến độ (%)",
    "Ngày hoàn thành",
)


def _describe(view: View) -> str:
    f = view.filters
    parts = [f"Tình trạng tại ngày {view.at.strftime('%d/%m/%Y')}"]
    labels = (
        ("cơ quan", f.agency),
        ("nhóm", f.group),
        ("tình trạng", status_label(f.status) if f.status else None),
        ("văn bản #", f.document_id),
        ("từ khóa", f.q),
    )
    parts += [f"{label}: {value}" for label, value in labels if value]
    return "; ".join(parts)


def _date(sheet: object, value: date | None) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
    cell.number_format = "dd/mm/yyyy"
    return cell


def assignments_xlsx(rows: list[AssignmentRow], *, view: View, truncated: bool) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Nhiệm vụ")
    bold = Font(bold=True)
    title = WriteOnlyCell(sheet, value=_describe(view))
    title.font = bold
    sheet.append([title])
    if truncated:
        sheet.append([f"Chỉ xuất {EXPORT_LIMIT} dòng đầu tiên; hãy lọc hẹp hơn để xuất đủ."])
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for r in rows:
        sheet.append(
            [
                r.document_number or "",
                r.clause,
                r.summary,
                r.agency_name,
                ROLE_NAMES.get(r.role, r.role),
                r.period,
                _date(sheet, r.deadline),
                status_label(r.status),
                progress_label(r.state),
                r.percent,
                _date(sheet, r.completed_on),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
