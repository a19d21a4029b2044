"""The XLSX annex: the report's tables plus raw task and assignment sheets.

Typed cells (integers, rates as fractions with a percent format, real dates shown dd/mm/yyyy),
a bold frozen header row with a filter on every sheet, fixed column widths. Written by
`dxtrack.spreadsheet`, which streams 100k assignments in about a second (openpyxl took 20 s).
"""

from __future__ import annotations

from typing import Any

from dxtrack.reports.data import WITHIN_LABEL, Breakdown, TaskReport
from dxtrack.spreadsheet import Column, Style, Workbook
from dxtrack.tasks.models import PROGRESS_LABELS
from dxtrack.tasks.queries import AssignmentRow
from dxtrack.tasks.status import STATUS_LABELS, Status

INT, RATE, DECIMAL = Style.integer, Style.percent, Style.decimal  # dates format themselves


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
        [f"{WITHIN_LABEL} (chưa hoàn thành)", totals.within, totals.share(totals.within)],
        ["Tổng số được giao", totals.assigned, totals.share(totals.assigned)],
    ]
    wb.add_sheet("Tổng hợp", columns, rows)


AGENCY_COLUMNS = [
    Column("STT", 6, INT),
    Column("Mã cơ quan", 22),
    Column("Cơ quan, đơn vị", 45),
    Column("Được giao", 11, INT),
    Column("Hoàn thành đúng hạn", 12, INT),
    Column("Hoàn thành quá hạn", 12, INT),
    Column(WITHIN_LABEL, 13, INT),
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
    wb.add_sheet("Theo cơ quan", AGENCY_COLUMNS, rows)


def _overdue(wb: Workbook, report: TaskReport) -> None:
    columns = [
        Column("STT", 6), Column("Cơ quan, đơn vị", 40), Column("Mục", 8),
        Column("Nhiệm vụ", 70), Column("Văn bản giao", 20), Column("Thời hạn", 12),
        Column("Số ngày quá hạn", 12, INT), Column("Mã phân công", 12),
    ]  # fmt: skip
    rows = (
        [i, item.row.agency_name, item.row.clause, item.row.summary,
         item.row.document_number, item.row.deadline, item.days_late, item.row.id]
        for i, item in enumerate(report.overdue, start=1)
    )  # fmt: skip
    wb.add_sheet("Quá hạn", columns, rows)


def _feedback(wb: Workbook, report: TaskReport) -> None:
    columns = [
        Column("Cơ quan, đơn vị", 40), Column("Mục", 8), Column("Nhiệm vụ", 50),
        Column("Khó khăn, vướng mắc", 60), Column("Kiến nghị, đề xuất", 60),
        Column("Ngày báo cáo", 12),
    ]  # fmt: skip
    rows = (
        [r.agency_name, r.clause, r.summary, r.difficulties, r.proposals, r.reported_at.date()]
        for r in report.feedback
    )
    wb.add_sheet("Khó khăn, kiến nghị", columns, rows)


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
        Column(WITHIN_LABEL, 13, INT),
    ]  # fmt: skip
    wb.add_sheet("Nhiệm vụ", columns, tasks.values())


ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


def _assignments(wb: Workbook, assignments: list[AssignmentRow]) -> None:
    columns = [
        Column("Mã phân công", 10), Column("Mã nhiệm vụ", 10),
        Column("Văn bản giao", 20), Column("Mục", 8), Column("Nhiệm vụ", 60),
        Column("Mã cơ quan", 20), Column("Cơ quan, đơn vị", 40), Column("Vai trò", 10),
        Column("Kỳ", 10), Column("Thời hạn", 12), Column("Tiến độ", 16),
        Column("Phần trăm", 10), Column("Ngày hoàn thành", 12),
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
    wb.add_sheet("Phân công", columns, rows)


def _indicators(wb: Workbook, rows: list[dict[str, Any]]) -> None:
    columns = [
        Column("STT", 6, INT), Column("Mã", 10), Column("Chỉ tiêu", 60), Column("Đơn vị tính", 12),
        Column("Chiều", 8), Column("Mục tiêu", 12, DECIMAL), Column("Kết quả", 12, DECIMAL), Column("Đánh giá", 14),
        Column("Lý do", 40), Column("Cơ quan chủ trì", 20),
    ]  # fmt: skip
    directions = {"gte": "≥", "lte": "≤", "eq": "=", "yes_no": "Đạt/Không"}
    values = (
        [i, r["code"], r["name"], r["unit_label"] or r["unit"], directions.get(r["direction"]),
         r["target"], r["value"], r["achievement_label"], r["reason"], r["agency"]]
        for i, r in enumerate(rows, start=1)
    )  # fmt: skip
    wb.add_sheet("Chỉ tiêu", columns, values)


def task_annex(
    report: TaskReport,
    assignments: list[AssignmentRow],
    indicators: list[dict[str, Any]] | None = None,
) -> bytes:
    wb = Workbook()
    _summary(wb, report)
    if indicators is not None:
        _indicators(wb, indicators)
    _agencies(wb, report)
    _overdue(wb, report)
    _feedback(wb, report)
    _tasks(wb, assignments)
    _assignments(wb, assignments)
    return wb.close()
