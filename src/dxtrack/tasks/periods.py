"""Occurrences of recurring tasks: one period key and deadline per period."""

from __future__ import annotations

from datetime import date, timedelta

from dxtrack import vn
from dxtrack.tasks.models import Recurrence

MAX_OCCURRENCES = 120


def _period(recurrence: Recurrence, day: date) -> tuple[str, date]:
    """(key, last day) of the period of `recurrence` that contains `day`."""
    if recurrence == Recurrence.weekly:
        year, week, weekday = day.isocalendar()
        return vn.period_code("week", year, week), day + timedelta(days=7 - weekday)
    if recurrence == Recurrence.monthly:
        return vn.period_code("month", day.year, day.month), vn.month_end(day.year, day.month)
    if recurrence == Recurrence.quarterly:
        quarter = (day.month - 1) // 3 + 1
        return vn.period_code("quarter", day.year, quarter), vn.month_end(day.year, quarter * 3)
    if recurrence == Recurrence.half_yearly:
        half = 1 if day.month <= 6 else 2
        return vn.period_code("half", day.year, half), vn.month_end(day.year, half * 6)
    return vn.period_code("year", day.year), date(day.year, 12, 31)


def parse_period_day(value: str | None) -> tuple[int, int | None] | None:
    """ "20" -> (20, None): the 20th; "12-31" -> (31, 12): 31 December. None when blank or bad."""
    if not value:
        return None
    try:
        if "-" in value:
            month, day = (int(part) for part in value.split("-", 1))
            return (day, month) if 1 <= month <= 12 and 1 <= day <= 31 else None
        day = int(value)
    except ValueError:
        return None
    return (day, None) if 1 <= day <= 31 else None


def due_in_period(recurrence: Recurrence, last: date, period_day: str | None) -> date:
    """The deadline of the period ending `last`: its last day, or the stated day of the period
    ("trước ngày 20 hằng tháng": the 20th of the month, of a quarter's last month ...)."""
    parsed = parse_period_day(period_day)
    if parsed is None or recurrence == Recurrence.weekly:
        return last
    day, month = parsed
    if recurrence == Recurrence.yearly and month is not None:
        return date(last.year, month, min(day, vn.month_end(last.year, month).day))
    return last.replace(day=min(day, last.day))


def next_period_start(recurrence: str | None, today: date) -> date | None:
    """First day of the period after the one containing `today` (None if not recurring)."""
    if recurrence is None or recurrence == Recurrence.continuous:
        return None
    return _period(Recurrence(recurrence), today)[1] + timedelta(days=1)


def occurrences(
    recurrence: str | None,
    *,
    deadline: date | None,
    start: date,
    until: date | None = None,
    period_day: str | None = None,
) -> list[tuple[str, date | None]]:
    """Periods from `start` to the deadline, else to the end of start's year or `until`.

    Each comes with its deadline: the period's last day, or its `period_day` ("20", "12-31");
    a period whose deadline falls before `start` is skipped. A one-off or continuous task has
    a single occurrence with key "" and the task's deadline.
    """
    if recurrence is None or recurrence == Recurrence.continuous:
        return [("", deadline)]
    kind = Recurrence(recurrence)
    end = deadline or max(date(start.year, 12, 31), until or start)
    end = max(end, start)
    found: list[tuple[str, date | None]] = []
    day = start
    while day <= end and len(found) < MAX_OCCURRENCES:
        key, last = _period(kind, day)
        due = due_in_period(kind, last, period_day)
        if due >= start:
            found.append((key, due))
        day = last + timedelta(days=1)
    return found
