"""Helpers for progress-sheet tests: read an exported sheet, fill rows in as a user would."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook

HEADER_ROW = 4


def open_sheet(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def columns(sheet: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def rows_by_id(sheet: Any) -> dict[int, int]:
    """assignment id -> row number."""
    id_column = columns(sheet)["Mã phân công"]
    found = {}
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        value = sheet.cell(row=row, column=id_column).value
        if value is not None:
            found[int(value)] = row
    return found


def fill(data: bytes, edits: dict[int, dict[str, Any]], *, drop_others: bool = False) -> bytes:
    """The sheet with `edits` ({assignment id: {column title: value}}) typed in."""
    workbook = open_sheet(data)
    sheet = workbook.worksheets[0]
    cols, rows = columns(sheet), rows_by_id(sheet)
    for assignment_id, values in edits.items():
        for title, value in values.items():
            sheet.cell(row=rows[assignment_id], column=cols[title]).value = value
    if drop_others:
        for assignment_id, row in sorted(rows.items(), key=lambda item: -item[1]):
            if assignment_id not in edits:
                sheet.delete_rows(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
