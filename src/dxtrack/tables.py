"""Tables in spreadsheets as people make them: the header row found below title rows (merged
or not), cells read as text; the one opener of uploaded XLSX files. Knows no domain."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from dxtrack import vn
from dxtrack.errors import Invalid

# How far down a header row may sit below title rows.
HEADER_SEARCH_ROWS = 20


def header_key(value: object) -> str:
    """A header or label compared loosely: folded (vn.fold), spaces collapsed, '/' unspaced."""
    return " ".join(vn.fold(str(value or "")).split()).replace(" / ", "/")


def cell_text(cell: object) -> str:
    """A cell as text: None is '', 12.0 is '12', NFC, trimmed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return unicodedata.normalize("NFC", str(cell)).strip()


def open_xlsx(data: bytes) -> Any:
    """An uploaded XLSX workbook (read-only, values not formulas); Invalid when it is not one
    (not a ZIP, a ZIP without a workbook, a damaged one)."""
    from openpyxl import load_workbook  # imported on first use: most commands read no workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, InvalidFileException):
        raise Invalid("Tệp không phải là bảng tính XLSX hợp lệ (hãy lưu lại dạng .xlsx).") from None


def find_header(
    rows: Iterable[Sequence[Any]],
    required: Sequence[str],
    *,
    key: Callable[[object], str] = header_key,
) -> tuple[dict[str, int], int, Iterator[tuple[int, Sequence[Any]]]]:
    """The header (column key -> index), its 1-based row number, and the rows below it numbered.

    The header is the first of the top HEADER_SEARCH_ROWS rows holding every required column;
    rows above it (a title, a merged heading, a date line) are skipped. Invalid naming the
    missing columns of the row that came closest.
    """
    numbered = enumerate(rows, start=1)
    best: tuple[int, list[str]] | None = None
    wanted = {key(name): name for name in required}
    for line, row in numbered:
        found = {key(cell): index for index, cell in enumerate(row) if cell_text(cell)}
        missing = [name for k, name in wanted.items() if k not in found]
        if not missing:
            return found, line, numbered
        if found and (best is None or len(missing) < len(best[1])):
            best = (line, missing)
        if line >= HEADER_SEARCH_ROWS:
            break
    if best is None:
        raise Invalid("Bảng tính trống: không có dòng tiêu đề nào.")
    line, missing = best
    raise Invalid(
        f"Không tìm thấy dòng tiêu đề đủ cột (dòng {line} gần nhất còn thiếu cột "
        f"{', '.join(missing)})."
    )
