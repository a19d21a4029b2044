"""XLSX import and export of a plan's indicators (with results) and projects, annex layout.

Import checks every row first; any malformed row is reported with its row number and
reason, and nothing of the file is applied (Invalid is raised before the first write,
and the caller's transaction rolls back anything later).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.agencies.resolver import Resolver, build_resolver
from dxtrack.errors import Invalid
from dxtrack.indicators import annex
from dxtrack.indicators.annex import key, text
from dxtrack.indicators.formula import parse_formula
from dxtrack.indicators.models import Unit
from dxtrack.indicators.schemas import IndicatorCreate, ProjectCreate
from dxtrack.spreadsheet import FORMULA_START
from dxtrack.tables import find_header, open_xlsx

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

T = TypeVar("T")
MAX_ROWS = 5000
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class IndicatorRow:
    line: int
    data: IndicatorCreate
    pillar_name: str | None
    result: float | None
    as_of: date | None = None  # `Ngày số liệu`: the result's date (default: the import's)


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
    return open_xlsx(data)


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
    """One row's cells by column name, and every problem found in it (not only the first)."""

    def __init__(self, header: dict[str, int], row: Sequence[Any]) -> None:
        self.header, self.row = header, row
        self.problems: list[str] = []

    def cell(self, name: str) -> Any:
        index = self.header.get(key(name))
        return self.row[index] if index is not None and index < len(self.row) else None

    def text(self, name: str) -> str:
        return text(self.cell(name))

    def has(self, name: str) -> bool:
        return key(name) in self.header

    def take(self, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """`parse(*args, **kwargs)`, or None with its reason noted."""
        try:
            return parse(*args, **kwargs)
        except Invalid as error:
            self.problems.append(error.message.rstrip("."))
        except ValueError as error:  # pydantic's ValidationError too
            self.problems.append(_reason(error))
        return None


def _reason(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):  # a pydantic ValidationError: its first message, without the type
        first = errors()[0]
        field_name = ".".join(str(part) for part in first.get("loc", ()))
        return f"{field_name}: {first.get('msg', '')}".strip(": ")
    return str(error)


def _as_of(raw: object) -> date | None:
    try:
        return vn.parse_cell_date(raw)
    except ValueError:
        raise ValueError(f"Ngày số liệu «{text(raw)}» không hợp lệ (dd/mm/yyyy)") from None


def _indicator(reader: _Reader, agency: str | None, pillar: str | None) -> IndicatorRow | None:
    unit_parsed = reader.take(annex.infer_unit, reader.text("Đơn vị tính"), reader.text("Chiều"),
                              reader.text("Mục tiêu"))  # fmt: skip
    unit, unit_label = unit_parsed or (Unit.count, "")
    direction = reader.take(annex.parse_direction, reader.text("Chiều"), unit)
    formula = reader.text("Công thức") or None
    if formula:
        reader.take(parse_formula, formula)
    target = reader.take(annex.parse_target, reader.cell("Mục tiêu"), unit)
    baseline = reader.take(annex.parse_value, reader.cell("Giá trị ban đầu"), "Giá trị ban đầu")
    guidance = reader.take(annex.parse_yes_no, reader.text("Có hướng dẫn đánh giá"), "Có hướng dẫn")
    aggregation = reader.take(annex.parse_aggregation, reader.text("Tổng hợp"))
    result = reader.take(annex.parse_value, reader.cell("Kết quả"), "Kết quả")
    as_of = reader.take(_as_of, reader.cell("Ngày số liệu"))
    if reader.problems:
        return None
    data = reader.take(IndicatorCreate, code=reader.text("Mã"), name=reader.text("Chỉ tiêu"),
        unit=unit, unit_label=unit_label, direction=direction, target=target, baseline=baseline,
        period=reader.text("Kỳ"), agency=agency, data_source=reader.text("Nguồn số liệu"),
        has_guidance=guidance, formula=formula, aggregation=aggregation,
        note=reader.text("Ghi chú"))  # fmt: skip
    if data is None:
        return None
    if formula and result is not None:
        result = None  # derived: computed, never entered
    return IndicatorRow(0, data, pillar, result, as_of)


def _indicator_row(
    reader: _Reader, line: int, heading: str | None, seen: dict[str, int], lookup: Any
) -> IndicatorRow | None:
    """One indicator row, or None with every problem of the row in `reader.problems`."""
    code = reader.text("Mã")
    if not code:
        reader.problems.append("thiếu mã chỉ tiêu")
    elif code in seen:
        reader.problems.append(f"mã «{code}» trùng với dòng {seen[code]}")
    if not reader.text("Chỉ tiêu"):
        reader.problems.append("thiếu tên chỉ tiêu")
    agency = reader.take(_agency_code, *lookup, reader.text("Cơ quan chủ trì"))
    pillar = (reader.text("Trụ cột") or None) if reader.has("Trụ cột") else heading
    item = _indicator(reader, agency, pillar)
    if item is None or reader.problems:
        return None
    item.line = line
    return item


def _indicator_rows(sheet: Worksheet, resolver: Resolver, codes: dict[str, str]) -> Parsed:
    parsed = Parsed()
    header, _line, rows = find_header(sheet.iter_rows(values_only=True), annex.REQUIRED, key=key)
    heading: str | None = None
    seen: dict[str, int] = {}
    for line, row in rows:
        if line > MAX_ROWS:
            parsed.errors.append(f"Dòng {line}: tệp quá {MAX_ROWS} dòng.")
            break
        reader = _Reader(header, row)
        if not any(text(cell) for cell in row):
            continue
        if not reader.text("Mã") and not reader.text("Đơn vị tính") and reader.text("Chỉ tiêu"):
            heading = reader.text("Chỉ tiêu")  # a pillar heading row (I, II ...)
            continue
        item = _indicator_row(reader, line, heading, seen, (resolver, codes))
        if item is None:
            parsed.errors.append(f"Dòng {line}: {'; '.join(reader.problems)}.")
            continue
        seen[item.data.code] = line
        parsed.indicators.append(item)
    return parsed


def _project_rows(sheet: Worksheet, resolver: Resolver, codes: dict[str, str], out: Parsed) -> None:
    try:
        header, _line, rows = find_header(
            sheet.iter_rows(values_only=True), annex.PROJECT_REQUIRED, key=key
        )
    except Invalid as error:
        out.errors.append(f"Trang «{annex.PROJECT_SHEET}»: {error.message}")
        return
    for line, row in rows:
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
    from openpyxl import Workbook  # imported on first use, as in dxtrack.tables

    return Workbook()


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)
