"""Reading generated reports back: DOCX paragraphs and tables, XLSX sheets."""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.document import Document
from docx.table import Table
from openpyxl import load_workbook
from openpyxl.workbook import Workbook


def read_docx(data: bytes) -> Document:
    return open_docx(io.BytesIO(data))


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def table_rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find_table(doc: Document, first_header: str, second_header: str) -> list[list[str]]:
    for table in doc.tables:
        header = [cell.text for cell in table.rows[0].cells]
        if header[:2] == [first_header, second_header]:
            return table_rows(table)
    raise AssertionError(f"no table headed {first_header!r}, {second_header!r}")


def read_xlsx(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def sheet_records(workbook: Workbook, name: str) -> list[dict[str, object]]:
    rows = list(workbook[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
