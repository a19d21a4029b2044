"""The progress sheet written as XLSX (openpyxl, write-only): title rows, the header, one row
per assignment, sheet protection and drop-downs. Kept apart from tasks/sheet.py so that only a
command that writes a sheet imports openpyxl."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from dxtrack.spreadsheet import FORMULA_START, XML_FORBIDDEN
from dxtrack.tasks.sheet import (
    COLUMNS,
    DIFFICULTIES,
    PERCENT,
    PROPOSALS,
    RESULTS,
    SHEET_TITLE,
    STATE,
    STATE_LABELS,
    TASK,
    TITLE_ROWS,
    LatestTexts,
    SheetColumn,
    row_values,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from dxtrack.tasks.queries import AssignmentRow


def _cell(sheet: WriteOnlyWorksheet, value: Any, column: SheetColumn) -> WriteOnlyCell:
    if isinstance(value, str):
        value = XML_FORBIDDEN.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type, cell.quotePrefix = "s", True  # text, never a formula
    if column.kind == "date":
        cell.number_format = "DD/MM/YYYY"
    if column.editable:
        cell.protection = Protection(locked=False)
    if column.title in (TASK, RESULTS, DIFFICULTIES, PROPOSALS):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _title_rows(sheet: WriteOnlyWorksheet, scope: str) -> None:
    bold = Font(bold=True)
    instructions = (
        "Chỉ sửa các cột Trạng thái, Tỷ lệ (%), Ngày hoàn thành (dd/mm/yyyy), Kết quả, Khó khăn, "
        "Đề xuất; giữ nguyên Mã phân công và Phiên bản. Minh chứng: một tệp ZIP, mỗi tệp đặt "
        "tên theo mã phân công (ví dụ 125.pdf, 125-bien-ban.jpg)."
    )
    lines = ("PHIẾU CẬP NHẬT TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", scope, instructions)
    for line in lines:
        cell = WriteOnlyCell(sheet, value=line)
        cell.font = bold
        sheet.append([cell])


def _header(sheet: WriteOnlyWorksheet) -> None:
    fill = PatternFill("solid", fgColor="FFDDE6F0")
    cells = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    sheet.append(cells)


def _validations(sheet: WriteOnlyWorksheet, first: int, last: int) -> None:
    letters = {c.title: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
    states = DataValidation(
        type="list",
        formula1='"' + ",".join(STATE_LABELS.values()) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Trạng thái không hợp lệ",
        error="Chọn một trong: " + ", ".join(STATE_LABELS.values()) + ".",
    )
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tỷ lệ không hợp lệ",
        error="Nhập số nguyên từ 0 đến 100.",
    )
    states.add(f"{letters[STATE]}{first}:{letters[STATE]}{last}")
    percent.add(f"{letters[PERCENT]}{first}:{letters[PERCENT]}{last}")
    sheet.data_validations.append(states)
    sheet.data_validations.append(percent)


def sheet_xlsx(
    rows: Sequence[AssignmentRow], texts: dict[int, LatestTexts], *, scope: str
) -> bytes:
    """The workbook: title rows, the header, one row per assignment; protected, validated."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for index, column in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = column.width
    header_row = TITLE_ROWS + 1
    sheet.freeze_panes = f"C{header_row + 1}"
    sheet.protection.sheet = True
    sheet.protection.autoFilter = sheet.protection.sort = False
    sheet.protection.formatColumns = sheet.protection.formatRows = False
    _title_rows(sheet, scope)
    _header(sheet)
    empty = LatestTexts()
    for row in rows:
        values = row_values(row, texts.get(row.id, empty))
        sheet.append([_cell(sheet, v, c) for v, c in zip(values, COLUMNS, strict=True)])
    last = header_row + max(len(rows), 1)
    sheet.auto_filter.ref = f"A{header_row}:{chr(ord('A') + len(COLUMNS) - 1)}{last}"
    _validations(sheet, header_row + 1, last)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
