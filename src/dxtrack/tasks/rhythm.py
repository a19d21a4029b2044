"""The reporting rhythm of undated work (nhiệm vụ thường xuyên, không thời hạn).

An undated assignment has no deadline to be late against, so the six statuses say only
"Không có thời hạn / thường xuyên". Officials report such work periodically, so each task has
an update cadence (`monthly` by default; set on the task or on its document) and each of its
open, undated assignments is, beside its status, "đã cập nhật trong kỳ" when its latest
progress report falls in the current period of its cadence (the month, quarter, half-year or
year containing today), else "chưa cập nhật". The six status keys are unchanged.

This module is the vocabulary and the SQL conditions (no reads); the counts are in
tasks/rhythm_stats.py (maintained rows, tasks/rhythm_counts.py), the cadence setting too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, literal, or_
from sqlalchemy.sql.elements import ColumnElement

from dxtrack import vn
from dxtrack.tasks.models import Assignment


class Cadence(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half-yearly"
    yearly = "yearly"


DEFAULT_CADENCE = Cadence.monthly
CADENCE_LABELS = {
    Cadence.monthly: "Hằng tháng",
    Cadence.quarterly: "Hằng quý",
    Cadence.half_yearly: "6 tháng một lần",
    Cadence.yearly: "Hằng năm",
}
RHYTHM_FILTERS = {"stale": "Chưa cập nhật trong kỳ", "updated": "Đã cập nhật trong kỳ"}
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    """The current period of a cadence: its code (vn.period_code), first and last day, label."""

    cadence: Cadence
    code: str
    start: date
    end: date
    label: str


def current_period(cadence: str, day: date) -> Period:
    """The period of `cadence` containing `day` ("tháng 11/2025", "quý IV/2025" ...)."""
    kind, year, month = Cadence(cadence), day.year, day.month
    if kind == Cadence.monthly:
        code, first, last = vn.period_code("month", year, month), month, month
        label = f"tháng {month}/{year}"
    elif kind == Cadence.quarterly:
        quarter = (month - 1) // 3 + 1
        code, first, last = vn.period_code("quarter", year, quarter), quarter * 3 - 2, quarter * 3
        label = f"quý {ROMAN[quarter - 1]}/{year}"
    elif kind == Cadence.half_yearly:
        half = 1 if month <= 6 else 2
        code, first, last = vn.period_code("half", year, half), half * 6 - 5, half * 6
        label = f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"
    else:
        code, first, last, label = vn.period_code("year", year), 1, 12, f"năm {year}"
    return Period(kind, code, date(year, first, 1), vn.month_end(year, last), label)


def parse_cadence(value: str | None) -> Cadence | None:
    """A cadence from its key or Vietnamese label; None for blank (inherit); ValueError."""
    if value is None or not value.strip():
        return None
    folded = vn.fold(value.strip())
    for cadence, label in CADENCE_LABELS.items():
        if folded in (cadence.value, vn.fold(label)):
            return cadence
    choices = ", ".join(c.value for c in Cadence)
    raise ValueError(f"Nhịp cập nhật không hợp lệ: «{value}» (chọn {choices}).")


def period_start(today: date, cadence: Any = Assignment.cadence) -> ColumnElement[Any]:
    """SQL: the first day of the current period of each row's cadence."""
    whens = [(cadence == c.value, literal(current_period(c, today).start)) for c in Cadence]
    return case(*whens, else_=literal(current_period(DEFAULT_CADENCE, today).start))


def open_undated() -> ColumnElement[bool]:
    return and_(Assignment.deadline.is_(None), Assignment.completed_on.is_(None))


def rhythm_condition(which: str, today: date) -> ColumnElement[bool]:
    """Open undated assignments updated in their current period (`updated`) or not (`stale`)."""
    reported = and_(
        Assignment.last_report_on.is_not(None), Assignment.last_report_on >= period_start(today)
    )
    if which == "updated":
        return and_(open_undated(), reported)
    return and_(open_undated(), or_(Assignment.last_report_on.is_(None), ~reported))


def is_updated(cadence: str, last_report_on: date | None, today: date) -> bool:
    """The same rule in Python, for one assignment."""
    return last_report_on is not None and last_report_on >= current_period(cadence, today).start


def rhythm_label(
    deadline: date | None, completed_on: date | None, cadence: str, last: date | None, today: date
) -> str:
    """ "Đã cập nhật trong kỳ tháng 11/2025" / "Chưa cập nhật trong kỳ ..." ('' when dated or done)."""
    if deadline is not None or completed_on is not None:
        return ""
    period = current_period(cadence, today)
    done = "Đã cập nhật" if is_updated(cadence, last, today) else "Chưa cập nhật"
    return f"{done} trong kỳ {period.label}"
