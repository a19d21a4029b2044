"""A time cell of a task table, or a plan item's "Thời gian thực hiện:" line: the end of the
period it gives. A cell lists periods ("Quý III, IV/2026", "6/2025 - 12/2025", "Quý IV năm
2026, Quý I, Quý II năm 2027") and ends with the last; a bare year is a limit there.
"""

from __future__ import annotations

import re
from datetime import date

from dxtrack.extraction.fields.deadline import (
    OPEN_ENDED,
    find_deadlines,
    first_deadline,
    last_day,
)
from dxtrack.extraction.textutil import fold

_CELL_QUARTERS = re.compile(
    r"quý\s+(?:(?:iv|i{1,3}|[1-4])\s*(?:,|và|-|–|đến)\s*)+(?=(?:iv|i{1,3}|[1-4])\b)"
)
_CELL_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*((?:19|20)\d\d)(?![\d/])")


def time_cell_deadline(when: str, *, year: int | None, recurrence: str | None) -> str | None:
    """A time cell of a task table, or a plan item's "Thời gian thực hiện:" line: the end of
    the period it gives ("6/2025 - 12/2025", "2025 - 2026", "Quý IV năm 2026, Quý I, Quý II
    năm 2027" end last)."""
    folded = fold(when)
    first, sep, _ = when.partition(";")
    if (
        sep
        and first.strip()
        and (own := time_cell_deadline(first, year=year, recurrence=recurrence))
    ):
        return own  # "Năm 2025; Năm 2030": two limits, the first stated (FORMAT.md)
    m = None
    for m in _CELL_MONTH_YEAR.finditer(folded):
        pass  # a range "6/2025 - 12/2025" ends at its last month
    if m and not re.search(r"tháng|quý|\d\s*/\s*\d{1,2}\s*/", folded):
        month, yy = int(m.group(1)), int(m.group(2))
        return last_day(yy, month).isoformat() if 1 <= month <= 12 else None
    if OPEN_ENDED.search(folded):
        return None  # "Từ năm 2013 đến năm 2020 và tiếp theo", "năm 2026 và các năm tiếp theo"
    years = re.findall(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])", folded)
    if len(years) > 1 and not re.search(r"tháng|quý|ngày", folded):
        return f"{years[-1]}-12-31"  # "2025 - 2026": the end of the range
    folded = _CELL_QUARTERS.sub("quý ", folded)  # "Quý III, IV/2026": the last quarter
    if first_deadline(folded, year=year, recurrence=recurrence, cell=True) is None:
        return None
    ends: list[date] = []
    while found := find_deadlines(folded, year=year, cell=True):
        ends += [f.value for f in found]  # "Quý IV/2026, 2027": the cell's period ends last
        folded = folded[max(f.end for f in found) :]
    return max(ends).isoformat()
