"""Deadline windows from the maintained counts: the assignments whose deadline lies in
[start, end], counted by status at reference date `at`, for ANY window and ANY date (the
report's "due in the period" at a past cut-off, the dashboard's next 7 / 30 days).

Why it is exact. Dated assignments only (a deadline filter leaves the undated out). With
soon = at + due_soon_days, an assignment (deadline d, completion c) of the window is

    done on time   c <= at and c <= d          done late   d < c <= at
    not done by at (c empty or c > at):  overdue if d < at, due soon if at <= d <= soon,
                                          in progress if d > soon

Let D(x) = #{d <= x} (the `due` prefix), Dok(x) = #{c <= d, d <= x} (`due_ok`), and
F(x) = #{c <= at, d <= x}, the ones done by `at` among those due by x. Then

    done by at in [a, b]   = F(b) - F(a - 1)       not done = D(b) - D(a - 1) - that
    done on time in [s, e] = OK(e) - OK(s - 1), OK(x) = Dok(x) if x < at else F(x) - C_late(at)

(x < at: an on-time one with d <= x has c <= d < at; x >= at: a late one done by `at` has
d < c <= at <= x, so all C_late(at) of them are in F(x)). The three open statuses split the
window at at - 1 and soon. F(x) is one-dimensional near `at`: for at - 1 <= x <= at +
WINDOW_DAYS, F(x) = Dok(at - 1) + C_late(at) + W[at..x] (tasks/counts.py's window rows: on
time, done by `at`, at <= d <= x). Farther away it is the two-dimensional count
#{d <= x, c <= at}, read from the `pair_*` rows: the deadline prefix cut into years, months
and days (grain) times the completion prefix cut the same way (the kind's suffix, day2),
at most 9 index ranges however far x is from `at`.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from dxtrack.tasks.counts import END, EPOCH, GRAINS, PAIRS, WINDOW_DAYS, prefix_rows
from dxtrack.tasks.models import AssignmentCount

Terms = dict[str, list[ColumnElement[bool]]]
DAY = timedelta(days=1)


def _cuts(upto: date) -> dict[str, tuple[date | None, date]]:
    """Per grain, the [low, high] day range of the prefix #{day <= upto} at that grain."""
    year, month = upto.replace(month=1, day=1), upto.replace(day=1)
    return {"year": (None, year - DAY), "month": (year, month - DAY), "day": (month, upto)}


def _between(
    column: InstrumentedAttribute[date], low: date | None, high: date
) -> ColumnElement[bool]:
    upper = column <= high
    return upper if low is None else and_(column >= low, upper)


def pair_rows(upto: date, at: date) -> list[ColumnElement[bool]]:
    """Conditions whose rows sum to #{dated done: deadline <= upto, completed_on <= at}."""
    c = AssignmentCount
    found = []
    for kind, grain2 in PAIRS.items():
        low2, high2 = _cuts(at)[grain2]
        for grain in GRAINS:
            low, high = _cuts(upto)[grain]
            found.append(
                and_(
                    c.kind == kind,
                    c.grain == grain,
                    _between(c.day, low, high),
                    _between(c.day2, low2, high2),
                )
            )
    return found


def _window_through(at: date, upto: date) -> list[ColumnElement[bool]]:
    c = AssignmentCount
    return [and_(c.kind == "window", c.grain == "day", c.day >= at, c.day <= upto, c.day2 <= at)]


def _near(at: date, x: date) -> bool:
    return at - DAY <= x <= at + timedelta(days=WINDOW_DAYS)


class _Window:
    """The window's cut points and, for each quantity, the terms it is made of."""

    def __init__(self, at: date, due_soon_days: int, start: date | None, end: date | None):
        self.at, self.soon = at, at + timedelta(days=due_soon_days)
        self.start, self.end = start or EPOCH, end or END

    def parts(self) -> dict[str, tuple[date, date]]:
        """Non-empty [a, b] ranges of the window per open status."""
        s, e, at, soon = self.start, self.end, self.at, self.soon
        ranges = {
            "overdue": (s, min(e, at - DAY)),
            "due_soon": (max(s, at), min(e, soon)),
            "in_progress": (max(s, soon + DAY), e),
        }
        return {name: (a, b) for name, (a, b) in ranges.items() if a <= b}

    def points(self) -> set[date]:
        found = {self.start - DAY, self.end}
        for a, b in self.parts().values():
            found |= {a - DAY, b}
        return found

    def terms(self) -> Terms:
        at = self.at
        terms: Terms = {"Dok_before": prefix_rows("due_ok", at - DAY)}
        terms["C_late"] = prefix_rows("done_late", at)
        for x in self.points():
            if x < EPOCH:  # before every count: all zero
                continue
            terms[f"D:{x}"] = prefix_rows("due", x)
            if x < at:
                terms[f"Dok:{x}"] = prefix_rows("due_ok", x)
            if not _near(at, x):
                terms[f"F2:{x}"] = pair_rows(x, at)
            elif x >= at:
                terms[f"W:{x}"] = _window_through(at, x)
        return terms

    def combine(self, v: dict[str, int]) -> dict[str, int]:
        at = self.at

        def done(x: date) -> int:  # F(x)
            if _near(at, x):
                return v.get("Dok_before", 0) + v.get("C_late", 0) + v.get(f"W:{x}", 0)
            return v.get(f"F2:{x}", 0)

        def on_time(x: date) -> int:  # OK(x)
            return v.get(f"Dok:{x}", 0) if x < at else done(x) - v.get("C_late", 0)

        def open_count(a: date, b: date) -> int:
            due = v.get(f"D:{b}", 0) - v.get(f"D:{a - DAY}", 0)
            return due - (done(b) - done(a - DAY))

        s, e = self.start, self.end
        result = {name: 0 for name in ("in_progress", "due_soon", "overdue", "no_deadline")}
        for name, (a, b) in self.parts().items():
            result[name] = open_count(a, b)
        ok = on_time(e) - on_time(s - DAY)
        late = done(e) - done(s - DAY) - ok
        return {"done_on_time": ok, "done_late": late, **result}


def window_terms(
    at: date, due_soon_days: int, start: date | None, end: date | None
) -> tuple[Terms, _Window]:
    """The terms to sum and the window whose `combine()` turns their sums into statuses."""
    window = _Window(at, due_soon_days, start, end)
    return window.terms(), window
