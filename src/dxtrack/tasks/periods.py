"""Occurrences of recurring tasks: one period key and deadline per period."""

from __future__ import annotations

from datetime import date, timedelta

from dxtrack.tasks.models import Recurrence

MAX_OCCURRENCES = 120


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _period(recurrence: Recurrence, day: date) -> tuple[str, date]:
    """(key, last day) of the period of `recurrence` that contains `day`."""
    if recurrence == Recurrence.weekly:
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day + timedelta(days=7 - weekday)
    if recurrence == Recurrence.monthly:
        return f"{day:%Y-%m}", _month_end(day.year, day.month)
    if recurrence == Recurrence.quarterly:
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", _month_end(day.year, quarter * 3)
    if recurrence == Recurrence.half_yearly:
        half = 1 if day.month <= 6 else 2
        return f"{day.year}-H{half}", _month_end(day.year, half * 6)
    return f"{day.year}", date(day.year, 12, 31)


def occurrences(
    recurrence: str | None, *, deadline: date | None, start: date, until: date | None = None
) -> list[tuple[str, date | None]]:
    """Periods from `start` to the deadline, else to the end of start's year or `until`.

    Each comes with its deadline (the period's last day). A one-off or continuous task has a
    single occurrence with key "" and the task's deadline.
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
        found.append((key, last))
        day = last + timedelta(days=1)
    return found
