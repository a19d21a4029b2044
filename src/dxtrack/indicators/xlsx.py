"""XLSX import and export of a plan's indicators (with results) and projects, annex layout.

Import checks every row first; any malformed row is reported with its row number and
reason, and nothing of the file is applied (Invalid is raised before the first write,
and the caller's transaction rolls back anything later).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.agencies.resolver import Resolver, build_resolver
from dxtrack.errors import Invalid
from dxtrack.indicators import annex
from dxtrack.indicators.annex import key, text
from dxtrack.indicators.formula import parse_formula
from dxtrack.indicators.schemas import IndicatorCreate, ProjectCreate
from dxtrack.spreadsheet import FORMULA_START

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_ROWS = 5000
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class IndicatorRow:
    line: int
    data: IndicatorCreate
    pillar_name: str | None
    result: float | None


@dataclass
class ProjectRow:
    line: int
    data: ProjectCreate
    pillar_name: str | None


@dataclass
class Parsed:
    indicators: list[IndicatorRow] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_workbook(data: bytes) -> Any:
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise Invalid("Tệp không phải là bảng tính XLSX hợp lệ.") from None


def _agency_code(resolver: Resolver, codes: dict[str, str], raw: str) -> str | None:
    if not raw:
        return None
    if raw in codes:
        return raw
    match = resolver.resolve(raw)
    if match is None:
        raise ValueError(f"không nhận ra cơ quan «{raw}»")
    if match.kind != "agency":
        raise ValueError(f"«{raw}» là nhóm cơ quan; cần ghi một cơ quan chủ trì")
    return match.code


class _Reader:
    def __init__(self, header: dict[str, int], row: tuple[Any, ...]) -> None:
        self.header, self.row = header, row

    def cell(self, name: str) -> Any:
        index = self.header.get(key(name))
        return self.row[index] if index is not None and index < len(self.row) else None

    def text(self, name: str) -> str:
        return text(self.cell(name))

    def has(self, name: str) -> bool:
        return key(name) in self.header


def _indicator(reader: _Reader, agency: str | None, pillar: str | None) -> IndicatorRow:
    unit, unit_label = annex.parse_unit(reader.text("Đơn vị tính"))
    direction = annex.parse_direction(reader.text("Chiều"), unit)
    formula = reader.text("Công thức") or None
    if formula:
        parse_formula(formula)
    data = IndicatorCreate(
        code=reader.text("Mã"),
        name=reader.text("Chỉ tiêu"),
        unit=unit,
        unit_label=unit_label,
        direction=direction,
        target=annex.parse_value(reader.cell("Mục tiêu"), "Mục tiêu"),
        baseline=annex.parse_value(reader.cell("Giá trị ban đầu"), "Giá trị ban đầu"),
        period=reader.text("Kỳ"),
        agency=agency,
        data_source=reader.text("Nguồn số liệu"),
        has_guidance=annex.parse_yes_no(reader.text("Có hướng dẫn đánh giá"), "Có hướng dẫn"),
        formula=formula,
        aggregation=annex.parse_aggregation(reader.text("Tổng hợp")),
        note=reader.text("Ghi chú"),
    )
    result = annex.parse_value(reader.cell("Kết quả"), "Kết quả")
    if formula and result is not None:
        result = None  # derived: computed, never entered
    return IndicatorRow(0, data, pillar, result)


def _indicator_rows(sheet: Worksheet, resolver: Resolver, codes: dict[str, str]) -> Parsed:
    parsed = Parsed()
    rows = sheet.iter_rows(values_only=True)
    header = annex.header_map(next(rows, ()), annex.REQUIRED)
    pillar_column = key("Trụ cột") in header
    heading: str | None = None
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if line > MAX_ROWS:
            parsed.errors.append(f"Dòng {line}: tệp quá {MAX_ROWS} dòng.")
            break
        reader = _Reader(header, row)
        if not any(text(cell) for cell in row):
            continue
        if not reader.text("Mã") and not reader.text("Đơn vị tính") and reader.text("Chỉ tiêu"):
            heading = reader.text("Chỉ tiêu")  # a pillar heading row (I, II ...)
            continue
        try:
            if not reader.text("Mã"):
                raise ValueError("thiếu mã chỉ tiêu")
            if not reader.text("Chỉ tiêu"):
                raise ValueError("thiếu tên chỉ tiêu")
            if reader.text("Mã") in seen:
                raise ValueError(
                    f"mã «{reader.text('Mã')}» trùng với dòng {seen[reader.text('Mã')]}"
                )
            agency = _agency_code(resolver, codes, reader.text("Cơ quan chủ trì"))
            pillar = (reader.text("Trụ cột") or None) if pillar_column else heading
            item = _indicator(reader, agency, pillar)
        except (ValueError, Invalid) as error:
            reason = error.message if isinstance(error, Invalid) else str(error)
            parsed.errors.append(f"Dòng {line}: {reason}.")
            continue
        seen[item.data.code] = line
        item.line = line
        parsed.indicators.append(item)
    return parsed


def _project_rows(sheet: Worksheet, resolver: Resolver, codes: dict[str, str], out: Parsed) -> None:
    rows = sheet.iter_rows(values_only=True)
    try:
        header = annex.header_map(next(rows, ()), annex.PROJECT_REQUIRED)
    except Invalid as error:
        out.errors.append(f"Trang «{annex.PROJECT_SHEET}», {error.message}")
        return
    for line, row in enumerate(rows, start=2):
        reader = _Reader(header, row)
        if not any(text(cell) for cell in row):
            continue
        try:
            budget = annex.parse_value(reader.cell("Kinh phí (đồng)"), "Kinh phí")
            data = ProjectCreate(
                name=reader.text("Tên nhiệm vụ, dự án") or "",
                agency=_agency_code(resolver, codes, reader.text("Cơ quan chủ trì")),
                funding_source=annex.parse_funding(reader.text("Nguồn vốn")),
                budget=round(budget or 0),
                period=reader.text("Thời gian thực hiện"),
                status=annex.parse_project_status(reader.text("Trạng thái")),
                note=reader.text("Ghi chú"),
            )
        except (ValueError, Invalid) as error:
            reason = error.message if isinstance(error, Invalid) else str(error)
            out.errors.append(f"Trang «{annex.PROJECT_SHEET}», dòng {line}: {reason}.")
            continue
        out.projects.append(ProjectRow(line, data, reader.text("Trụ cột") or None))


def parse_annex(db: Session, data: bytes) -> Parsed:
    """Every row of the file checked (indicators on the first sheet, projects on «Dự án»)."""
    workbook = open_workbook(data)
    resolver = build_resolver(db)
    codes = {code: code for code in db.scalars(select(Agency.code))}
    sheets = workbook.worksheets
    if not sheets:
        raise Invalid("Tệp không có trang tính nào.")
    parsed = _indicator_rows(sheets[0], resolver, codes)
    for sheet in sheets[1:]:
        if key(sheet.title) == key(annex.PROJECT_SHEET):
            _project_rows(sheet, resolver, codes, parsed)
    workbook.close()
    return parsed


def write_sheet(sheet: Worksheet, header: tuple[str, ...], rows: list[list[Any]]) -> None:
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:  # openpyxl makes any text starting with "=" a live formula
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type, cell.quotePrefix = "s", True
    for index, name in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = (
            48 if name in {"Chỉ tiêu", "Tên nhiệm vụ, dự án"} else 16
        )


def new_workbook() -> Workbook:
    return Workbook()


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)
