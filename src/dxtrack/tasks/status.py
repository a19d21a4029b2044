"""Computed statuses (never typed): ONE definition, evaluated in Python or in SQL.

`RULES` below is the definition. It is written once against a tiny algebra of
operations (`and_`, `or_`, `le`, `lt`, `is_null`), and that algebra has two
implementations: `_PyOps` evaluates it on plain values (`compute_status()`), `_SqlOps`
builds a SQL CASE expression (`status_case()`) so summaries over a million
assignments run in the database. tests/tasks/test_status.py checks both agree.

At reference date `at`, with `soon = at + due_soon_days`:

    done      = completed_on is set and completed_on <= at
    1. done and (no deadline or completed_on <= deadline)   -> done_on_time
    2. done                                                 -> done_late
    3. no deadline                                          -> no_deadline
    4. deadline < at                                        -> overdue
    5. deadline <= soon                                     -> due_soon
    6. otherwise                                            -> in_progress

Accepted extensions (notifications/explanations.py) move `deadline` itself, so the six
statuses above read the effective deadline; the original is kept in `original_deadline`.
`_extension_rule` is one more rule of the same algebra, a flag beside the status and not a
seventh status: done after the original deadline but on or before the extended one
(`within_extension()` in Python, `within_extension_case()` in SQL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, literal, or_
from sqlalchemy.sql.elements import ColumnElement

DEFAULT_DUE_SOON_DAYS = 7


class Status(StrEnum):
    done_on_time = "done_on_time"
    done_late = "done_late"
    in_progress = "in_progress"
    due_soon = "due_soon"
    overdue = "overdue"
    no_deadline = "no_deadline"


STATUS_LABELS: dict[Status, str] = {
    Status.done_on_time: "Hoàn thành đúng hạn",
    Status.done_late: "Hoàn thành quá hạn",
    Status.in_progress: "Đang thực hiện trong hạn",
    Status.due_soon: "Sắp đến hạn",
    Status.overdue: "Quá hạn",
    Status.no_deadline: "Không có thời hạn / thường xuyên",
}

STATUSES: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True)
class _Inputs:
    deadline: Any
    completed_on: Any
    at: Any
    soon: Any
    original: Any = None


Rule = tuple[Status, Callable[[Any, _Inputs], Any]]


def _done(o: Any, x: _Inputs) -> Any:
    return o.and_(o.not_null(x.completed_on), o.le(x.completed_on, x.at))


RULES: tuple[Rule, ...] = (
    (
        Status.done_on_time,
        lambda o, x: o.and_(
            _done(o, x), o.or_(o.is_null(x.deadline), o.le(x.completed_on, x.deadline))
        ),
    ),
    (Status.done_late, _done),
    (Status.no_deadline, lambda o, x: o.is_null(x.deadline)),
    (Status.overdue, lambda o, x: o.lt(x.deadline, x.at)),
    (Status.due_soon, lambda o, x: o.le(x.deadline, x.soon)),
)
OTHERWISE = Status.in_progress

WITHIN_EXTENSION_LABEL = "Hoàn thành trong thời hạn gia hạn"


def _extension_rule(o: Any, x: _Inputs) -> Any:
    """Done after the original deadline, on or before the accepted extension."""
    return o.and_(_done(o, x), o.lt(x.original, x.completed_on), o.le(x.completed_on, x.deadline))


class _PyOps:
    """The algebra on plain Python values (None never compares true)."""

    @staticmethod
    def and_(*terms: bool) -> bool:
        return all(terms)

    @staticmethod
    def or_(*terms: bool) -> bool:
        return any(terms)

    @staticmethod
    def is_null(value: Any) -> bool:
        return value is None

    @staticmethod
    def not_null(value: Any) -> bool:
        return value is not None

    @staticmethod
    def le(a: Any, b: Any) -> bool:
        return a is not None and b is not None and a <= b

    @staticmethod
    def lt(a: Any, b: Any) -> bool:
        return a is not None and b is not None and a < b


class _SqlOps:
    """The algebra as SQLAlchemy expressions."""

    and_ = staticmethod(and_)
    or_ = staticmethod(or_)

    @staticmethod
    def is_null(value: Any) -> ColumnElement[bool]:
        return value.is_(None)

    @staticmethod
    def not_null(value: Any) -> ColumnElement[bool]:
        return value.is_not(None)

    @staticmethod
    def le(a: Any, b: Any) -> ColumnElement[bool]:
        return a <= b

    @staticmethod
    def lt(a: Any, b: Any) -> ColumnElement[bool]:
        return a < b


def compute_status(
    *,
    deadline: date | None,
    completed_on: date | None,
    at: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Status:
    """The status of one assignment at reference date `at`."""
    inputs = _Inputs(deadline, completed_on, at, at + timedelta(days=due_soon_days))
    for status, rule in RULES:
        if rule(_PyOps, inputs):
            return status
    return OTHERWISE


def status_case(
    deadline: Any, completed_on: Any, *, at: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> ColumnElement[str]:
    """The same definition as a SQL CASE over the given columns."""
    inputs = _Inputs(
        deadline,
        completed_on,
        literal(at),
        literal(at + timedelta(days=due_soon_days)),
    )
    whens = [(rule(_SqlOps, inputs), literal(status.value)) for status, rule in RULES]
    return case(*whens, else_=literal(OTHERWISE.value))


def within_extension(
    *, original_deadline: date | None, deadline: date | None, completed_on: date | None, at: date
) -> bool:
    """True when done within an accepted extension (status done_on_time, reported as such)."""
    inputs = _Inputs(deadline, completed_on, at, at, original_deadline)
    return bool(_extension_rule(_PyOps, inputs))


def within_extension_case(
    original_deadline: Any, deadline: Any, completed_on: Any, *, at: date
) -> ColumnElement[bool]:
    """The same flag as a SQL condition over the given columns."""
    inputs = _Inputs(deadline, completed_on, literal(at), literal(at), original_deadline)
    return _extension_rule(_SqlOps, inputs)


def status_hint(
    status: Status,
    deadline: Any,
    completed_on: Any,
    *,
    at: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> ColumnElement[bool]:
    """A condition every row of `status` satisfies, written so that indexes can serve it.

    Not a second definition: it is only ANDed to `status_case(...) == status` to narrow the
    scan (tests check that no row of `status` ever fails it).
    """
    soon = literal(at + timedelta(days=due_soon_days))
    hints = {
        Status.done_on_time: completed_on <= literal(at),
        Status.done_late: completed_on <= literal(at),
        Status.no_deadline: deadline.is_(None),
        Status.overdue: deadline < literal(at),
        Status.due_soon: and_(deadline >= literal(at), deadline <= soon),
        Status.in_progress: deadline > soon,
    }
    return hints[status]


def empty_counts() -> dict[str, int]:
    """All six statuses at zero, in display order."""
    return {status.value: 0 for status in STATUSES}
