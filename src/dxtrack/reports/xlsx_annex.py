"""The XLSX annex: the report's tables plus raw task and assignment sheets.

Typed cells (integers, rates as fractions with a percent format, real dates shown dd/mm/yyyy),
a bold frozen header row with a filter on every sheet, fixed column widths. Written with
openpyxl's write-only mode so 100k assignments stream instead of building a cell tree.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dxtrack.reports.data import Breakdown, TaskReport
from dxtrack.tasks.models import PROGRESS_LABELS
from dxtrack.tasks.queries import AssignmentRow
from dxtrack.tasks.status import STATUS_LABELS, Status

# Identifiers and small numbers stay plain cells: a styled cell costs openpyxl several times more.
INT, RATE, DATE = "#,##0", "0.00%", "DD/MM/YYYY"
HEADER_FONT = Font(name="Times New Roman", bold=True)
BODY_FONT = Font(name="Times New Roman")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    fmt: str | None = None


def _sheet(
    wb: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, column.title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        header.append(cell)
    ws.append(header)
    count = 0
    for values in rows:
        count += 1
        ws.append([_cell(ws, value, column) for value, column in zip(values, columns, strict=True)])
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    return ws


def _cell(ws: WriteOnlyWorksheet, value: Any, column: Column) -> Any:
    if value is None or column.fmt is None:
        return value
    cell = WriteOnlyCell(ws, value)
    cell.number_format = column.fmt
    return cell


def _summary(wb: Workbook, report: TaskReport) -> None:
    totals = report.totals
    columns = [Column("Trạng thái", 40), Column("Số nhiệm vụ", 14, INT), Column("Tỷ lệ", 12, RATE)]
    rows = [
        [label, totals.counts[status], totals.share(totals.counts[status])]
        for status, label in STATUS_LABELS.items()
    ]
    rows += [
        ["Đã hoàn thành", totals.done, totals.share(totals.done)],
        ["Chưa hoàn thành", totals.not_done, totals.share(totals.not_done)],
        ["Đang thực hiện trong hạn (chưa hoàn thành)", totals.within, totals.share(totals.within)],
        ["Tổng số được giao", totals.assigned, totals.share(totals.assigned)],
    ]
    _sheet(wb, "Tổng hợp", columns, rows)


AGENCY_COLUMNS = [
    Column("STT", 6, INT),
    Column("Mã cơ quan", 22),
    Column("Cơ quan, đơn vị", 45),
    Column("Được giao", 11, INT),
    Column("Hoàn thành đúng hạn", 12, INT),
    Column("Hoàn thành quá hạn", 12, INT),
    Column("Đang thực hiện trong hạn", 13, INT),
    Column("Quá hạn", 10, INT),
    Column("Tỷ lệ hoàn thành", 12, RATE),
    Column("Tỷ lệ đúng hạn", 12, RATE),
]


def _agencies(wb: Workbook, report: TaskReport) -> None:
    rows = []
    for index, row in enumerate(report.agencies, start=1):
        counts = Breakdown(row.counts)
        rows.append(
            [
                index, row.code, row.name, counts.assigned, counts.on_time, counts.late,
                counts.within, counts.overdue, row.completion_rate, row.on_time_rate,
            ]
        )  # fmt: skip
    _sheet(wb, "Theo cơ quan", AGENCY_COLUMNS, rows)


def _overdue(wb: Workbook, report: TaskReport) -> None:
    columns = [
        Column("STT", 6), Column("Cơ quan, đơn vị", 40), Column("Mục", 8),
        Column("Nhiệm vụ", 70), Column("Văn bản giao", 20), Column("Thời hạn", 12, DATE),
        Column("Số ngày quá hạn", 12, INT), Column("Mã phân công", 12),
    ]  # fmt: skip
    rows = (
        [i, item.row.agency_name, item.row.clause, item.row.summary,
         item.row.document_number, item.row.deadline, item.days_late, item.row.id]
        for i, item in enumerate(report.overdue, start=1)
    )  # fmt: skip
    _sheet(wb, "Quá hạn", columns, rows)


def _feedback(wb: Workbook, report: TaskReport) -> None:
    columns = [
        Column("Cơ quan, đơn vị", 40), Column("Mục", 8), Column("Nhiệm vụ", 50),
        Column("Khó khăn, vướng mắc", 60), Column("Kiến nghị, đề xuất", 60),
        Column("Ngày báo cáo", 12, DATE),
    ]  # fmt: skip
    rows = (
        [r.agency_name, r.clause, r.summary, r.difficulties, r.proposals, r.reported_at.date()]
        for r in report.feedback
    )
    _sheet(wb, "Khó khăn, kiến nghị", columns, rows)


def _tasks(wb: Workbook, assignments: list[AssignmentRow]) -> None:
    """One row per task: its assignments counted by computed status."""
    tasks: dict[int, list[Any]] = {}
    for a in assignments:
        row = tasks.setdefault(
            a.task_id, [a.task_id, a.document_number, a.clause, a.summary, 0, 0, 0, 0]
        )
        row[4] += 1
        row[5] += a.status in (Status.done_on_time, Status.done_late)
        row[6] += a.status == Status.overdue
        row[7] += a.status not in (Status.done_on_time, Status.done_late, Status.overdue)
    columns = [
        Column("Mã nhiệm vụ", 10), Column("Văn bản giao", 20), Column("Mục", 8),
        Column("Nội dung nhiệm vụ", 70), Column("Số cơ quan được giao", 12, INT),
        Column("Đã hoàn thành", 12, INT), Column("Quá hạn", 10, INT),
        Column("Đang thực hiện trong hạn", 13, INT),
    ]  # fmt: skip
    _sheet(wb, "Nhiệm vụ", columns, tasks.values())


ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


def _assignments(wb: Workbook, assignments: list[AssignmentRow]) -> None:
    columns = [
        Column("Mã phân công", 10), Column("Mã nhiệm vụ", 10),
        Column("Văn bản giao", 20), Column("Mục", 8), Column("Nhiệm vụ", 60),
        Column("Mã cơ quan", 20), Column("Cơ quan, đơn vị", 40), Column("Vai trò", 10),
        Column("Kỳ", 10), Column("Thời hạn", 12, DATE), Column("Tiến độ", 16),
        Column("Phần trăm", 10), Column("Ngày hoàn thành", 12, DATE),
        Column("Trạng thái", 28),
    ]  # fmt: skip
    labels = {s.value: label for s, label in STATUS_LABELS.items()}
    states = {s.value: label for s, label in PROGRESS_LABELS.items()}
    rows = (
        [a.id, a.task_id, a.document_number, a.clause, a.summary, a.agency_code, a.agency_name,
         ROLE_LABELS.get(a.role, a.role), a.period, a.deadline,
         states.get(a.state, a.state), a.percent,
         a.completed_on, labels[a.status]]
        for a in assignments
    )  # fmt: skip
    _sheet(wb, "Phân công", columns, rows)


def _indicators(wb: Workbook, rows: list[dict[str, Any]]) -> None:
    columns = [
        Column("STT", 6, INT), Column("Mã", 10), Column("Chỉ tiêu", 60), Column("Đơn vị tính", 12),
        Column("Chiều", 8), Column("Mục tiêu", 12), Column("Kết quả", 12), Column("Đánh giá", 14),
        Column("Lý do", 40), Column("Cơ quan chủ trì", 20),
    ]  # fmt: skip
    directions = {"gte": "≥", "lte": "≤", "eq": "=", "yes_no": "Đạt/Không"}
    values = (
        [i, r["code"], r["name"], r["unit_label"] or r["unit"], directions.get(r["direction"]),
         r["target"], r["value"], r["achievement_label"], r["reason"], r["agency"]]
        for i, r in enumerate(rows, start=1)
    )  # fmt: skip
    _sheet(wb, "Chỉ tiêu", columns, values)


def task_annex(
    report: TaskReport,
    assignments: list[AssignmentRow],
    indicators: list[dict[str, Any]] | None = None,
) -> bytes:
    wb = Workbook(write_only=True)
    _summary(wb, report)
    if indicators is not None:
        _indicators(wb, indicators)
    _agencies(wb, report)
    _overdue(wb, report)
    _feedback(wb, report)
    _tasks(wb, assignments)
    _assignments(wb, assignments)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
