"""XLSX export of the current assignment list view."""

from __future__ import annotations

from dxtrack import vn
from dxtrack.spreadsheet import Column, Style, Workbook
from dxtrack.tasks.queries import AssignmentRow
from dxtrack.web.params import View
from dxtrack.web.templating import ROLE_NAMES, progress_label, status_label

EXPORT_LIMIT = 50_000
COLUMNS = (
    Column("Văn bản", 18),
    Column("Mục", 8),
    Column("Nhiệm vụ", 60),
    Column("Cơ quan", 36),
    Column("Vai trò", 10),
    Column("Kỳ", 10),
    Column("Thời hạn", 12),
    Column("Tình trạng", 22),
    Column("Trạng thái báo cáo", 18),
    Column("Tiến độ (%)", 10, Style.integer),
    Column("Ngày hoàn thành", 12),
)


def _describe(view: View) -> str:
    f = view.filters
    parts = [f"Tình trạng tại ngày {vn.date_text(view.at)}"]
    labels = (
        ("cơ quan", f.agency),
        ("nhóm", f.group),
        ("tình trạng", status_label(f.status) if f.status else None),
        ("văn bản #", f.document_id),
        ("từ khóa", f.q),
    )
    parts += [f"{label}: {value}" for label, value in labels if value]
    return "; ".join(parts)


def assignments_xlsx(rows: list[AssignmentRow], *, view: View, truncated: bool) -> bytes:
    preamble = [_describe(view)]
    if truncated:
        preamble.append(
            f"Chỉ xuất {vn.number(EXPORT_LIMIT)} dòng đầu tiên; hãy lọc hẹp hơn để xuất đủ."
        )
    values = (
        [
            r.document_number or "",
            r.clause,
            r.summary,
            r.agency_name,
            ROLE_NAMES.get(r.role, r.role),
            r.period,
            r.deadline,
            status_label(r.status),
            progress_label(r.state),
            r.percent,
            r.completed_on,
        ]
        for r in rows
    )
    workbook = Workbook()
    workbook.add_sheet("Nhiệm vụ", COLUMNS, values, preamble=preamble)
    return workbook.close()
