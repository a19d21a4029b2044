"""Reporting periods: Decree 09/2019/NĐ-CP data windows, calendar periods, custom dates.

Decree 09/2019/NĐ-CP, Article 12 (thời gian chốt số liệu báo cáo định kỳ):

    monthly    15th of the previous month .. 14th of the month
    quarterly  15th of the month before the quarter .. 14th of its last month
    6 months   15/12 of the previous year .. 14/6
    9 months   15/12 of the previous year .. 14/9
    year       15/12 of the previous year .. 14/12

The second half-year (not in the decree) follows the same rule: 15/6 .. 14/12.
Period codes: `2025-M03`, `2025-Q4`, `2025-H1`, `2025-H2`, `2025-9M`, `2025`.
Pure functions: no database, no settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dxtrack import vn
from dxtrack.errors import Invalid

ROMAN = ("I", "II", "III", "IV")
CUTOFF_DAY = 14


@dataclass(frozen=True)
class Period:
    """A reporting period: its first and last day (inclusive) and its Vietnamese name."""

    start: date
    end: date
    label: str
    code: str = ""
    calendar: bool = False

    @property
    def window(self) -> str:
        """`từ ngày 15/09/2025 đến ngày 14/12/2025`."""
        return f"từ ngày {vn.date_text(self.start)} đến ngày {vn.date_text(self.end)}"


def _decree_start(year: int, first_month: int) -> date:
    """The 15th of the month before `first_month` (of `year`)."""
    if first_month == 1:
        return date(year - 1, 12, CUTOFF_DAY + 1)
    return date(year, first_month - 1, CUTOFF_DAY + 1)


def _span(year: int, first_month: int, last_month: int, *, calendar: bool) -> tuple[date, date]:
    """Months first_month..last_month of `year`, as a calendar span or a Decree 09 window."""
    if calendar:
        return date(year, first_month, 1), vn.month_end(year, last_month)
    return _decree_start(year, first_month), date(year, last_month, CUTOFF_DAY)


def month_period(year: int, month: int, *, calendar: bool = False) -> Period:
    start, end = _span(year, month, month, calendar=calendar)
    return Period(
        start, end, f"tháng {month} năm {year}", vn.period_code("month", year, month), calendar
    )


def quarter_period(year: int, quarter: int, *, calendar: bool = False) -> Period:
    start, end = _span(year, 3 * quarter - 2, 3 * quarter, calendar=calendar)
    label = f"quý {ROMAN[quarter - 1]} năm {year}"
    return Period(start, end, label, vn.period_code("quarter", year, quarter), calendar)


def half_period(year: int, half: int, *, calendar: bool = False) -> Period:
    start, end = _span(year, 6 * half - 5, 6 * half, calendar=calendar)
    label = f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"
    return Period(start, end, label, vn.period_code("half", year, half), calendar)


def nine_months_period(year: int, *, calendar: bool = False) -> Period:
    start, end = _span(year, 1, 9, calendar=calendar)
    return Period(start, end, f"9 tháng năm {year}", vn.period_code("nine", year), calendar)


def year_period(year: int, *, calendar: bool = False) -> Period:
    start, end = _span(year, 1, 12, calendar=calendar)
    return Period(start, end, f"năm {year}", vn.period_code("year", year), calendar)


def custom_period(start: date, end: date) -> Period:
    if end < start:
        raise Invalid(
            f"Kỳ báo cáo không hợp lệ: ngày kết thúc {vn.date_text(end)} "
            f"trước ngày bắt đầu {vn.date_text(start)}."
        )
    label = f"từ ngày {vn.date_text(start)} đến ngày {vn.date_text(end)}"
    return Period(start, end, label, f"{start.isoformat()}_{end.isoformat()}", True)


_PATTERNS = (
    (re.compile(r"(\d{4})-M(\d{1,2})"), lambda y, n, c: month_period(y, n, calendar=c), 12),
    (re.compile(r"(\d{4})-Q(\d)"), lambda y, n, c: quarter_period(y, n, calendar=c), 4),
    (re.compile(r"(\d{4})-H(\d)"), lambda y, n, c: half_period(y, n, calendar=c), 2),
    (re.compile(r"(\d{4})-9M()"), lambda y, _n, c: nine_months_period(y, calendar=c), 0),
    (re.compile(r"(\d{4})()"), lambda y, _n, c: year_period(y, calendar=c), 0),
)

PERIOD_HELP = "2025-M03 (tháng), 2025-Q4 (quý), 2025-H1 / 2025-H2, 2025-9M, 2025 (năm)"


def parse_period(code: str, *, calendar: bool = False) -> Period:
    """`2025-Q4` -> the Decree 09 window of Q4 2025 (or the calendar quarter)."""
    text = code.strip().upper()
    for pattern, build, count in _PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        year, number = int(match[1]), int(match[2] or 0)
        if count and not 1 <= number <= count:
            break
        if not 1900 < year < 3000:
            break
        return build(year, number, calendar)
    raise Invalid(f"Kỳ báo cáo không hợp lệ «{code}». Dùng một trong các dạng: {PERIOD_HELP}.")


def resolve_period(
    code: str | None,
    *,
    calendar: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Period:
    """A period code, or custom dates (both --from and --to), but not both."""
    if code and (date_from or date_to):
        raise Invalid(
            "Chỉ chọn một trong hai: kỳ báo cáo (--period) hoặc khoảng ngày (--from/--to)."
        )
    if code:
        return parse_period(code, calendar=calendar)
    if date_from and date_to:
        return custom_period(date_from, date_to)
    raise Invalid("Cần chọn kỳ báo cáo (ví dụ 2025-Q4) hoặc cả ngày bắt đầu và ngày kết thúc.")


def default_cutoff(period: Period, today: date | None = None) -> date:
    """The data cut-off when none is given: the period's last day, or today if that is earlier."""
    return min(period.end, today or vn.today())
