"""Maintained assignment counts (`assignment_counts`): summaries and scorecards at ANY date.

Why it is exact. At reference date `at` (soon = at + due_soon_days) an assignment with
deadline d and completion c has one status (tasks/status.py). Split the done ones into "on
time" (c <= d, or no deadline) and "late" (c > d): this split does not depend on `at`. Then
every status count at `at` is a signed sum of one-dimensional prefix counts, #{x <= day}:

    done_on_time = C_ok(at)                      C_ok  on-time completions, by c
    done_late    = C_late(at)                    C_late late completions, by c
    no_deadline  = U - C_und(at)                 U undated assignments, C_und their completions
    overdue      = D(at-1) - D_ok(at-1) - C_late(at)
    due_soon     = D(soon) - D(at-1) - W(at)
    in_progress  = D(end) - D(soon) - C_ok(at) + C_und(at) + D_ok(at-1) + W(at)

with D every dated assignment by d, D_ok the dated on-time done ones by d, and W(at) the
dated on-time done ones with at <= d <= soon and c <= at (the one two-dimensional part, kept
as `window` rows keyed (d, max(c, d - WINDOW_DAYS)), read over at most WINDOW_DAYS + 1
deadline days). Overdue: an on-time one with d < at is done (c <= d < at), a late one done by
`at` has d < c <= at. Due soon: a late one with d >= at is not done at `at` (c > d >= at).

Each prefix kind is kept at three grains (day, month and year rows), so a prefix sum reads
the years before `x`'s year, the months before `x`'s month in it and the days up to `x`: a
few dozen rows per agency whatever the number of assignments and whatever the date. Rows with
agency_id 0 hold the totals over all agencies.

Only top-level assignments are counted (one per agency per task, the Government Office's
counting); sub-assignments made by delegation (a `parent_id`) are read by scanning.

One path: database triggers on `assignments` (insert, delete, and an update of agency,
deadline or completion; SQLite and PostgreSQL, generated below from one template) keep the
table right for every write — services, bulk SQL, cascades, restores. `rebuild()` recomputes
it from the assignments with the same template (`dxtrack tasks recount`, bulk loads made with
the triggers paused by `paused()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, inspect, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.tasks import rhythm_counts, spans
from dxtrack.tasks.models import AssignmentCount
from dxtrack.tasks.row_triggers import assignment_triggers, drop_assignment_triggers

if TYPE_CHECKING:
    from dxtrack.auth.models import User

EPOCH = date(1900, 1, 1)
END = date(9999, 12, 31)
WINDOW_DAYS = 60  # due_soon_days above this read the assignments instead
TOTAL = 0  # agency_id of the rows over all agencies

# kind -> (day it is counted at, condition), over a row source `s` with columns
# agency_id, deadline, completed_on. The `window` kind also has day2 (see module docstring).
KINDS: dict[str, tuple[str, str]] = {
    "due": ("s.deadline", "s.deadline IS NOT NULL"),
    "undated": ("{epoch}", "s.deadline IS NULL"),
    "due_ok": (
        "s.deadline",
        "s.deadline IS NOT NULL AND s.completed_on IS NOT NULL AND s.completed_on <= s.deadline",
    ),
    "done_ok": (
        "s.completed_on",
        "s.completed_on IS NOT NULL AND (s.deadline IS NULL OR s.completed_on <= s.deadline)",
    ),
    "done_late": (
        "s.completed_on",
        "s.completed_on IS NOT NULL AND s.deadline IS NOT NULL AND s.completed_on > s.deadline",
    ),
    "done_undated": ("s.completed_on", "s.completed_on IS NOT NULL AND s.deadline IS NULL"),
    "window": (
        "s.deadline",
        "s.deadline IS NOT NULL AND s.completed_on IS NOT NULL AND s.completed_on <= s.deadline",
    ),
}
GRAINS = ("day", "month", "year")
# Two-dimensional counts of dated done ones: grain cuts the deadline, the kind's suffix the
# completion date (day2), so #{d <= x, c <= y} is a sum over 3 x 3 grain pairs
# (tasks/windows.py: a deadline window far from the reference date).
PAIRS = {f"pair_{grain}": grain for grain in GRAINS}
PAIR_CONDITION = "s.deadline IS NOT NULL AND s.completed_on IS NOT NULL"

# Dialect pieces of the template.
_SQL = {
    "sqlite": {
        "name": "sqlite",
        "epoch": f"'{EPOCH.isoformat()}'",
        "end": f"'{END.isoformat()}'",
        "month": "date({0}, 'start of month')",
        "year": "date({0}, 'start of year')",
        "window_start": f"max(s.completed_on, date(s.deadline, '-{WINDOW_DAYS} days'))",
    },
    "postgresql": {
        "name": "postgresql",
        "epoch": f"DATE '{EPOCH.isoformat()}'",
        "end": f"DATE '{END.isoformat()}'",
        "month": "CAST(date_trunc('month', {0}) AS date)",
        "year": "CAST(date_trunc('year', {0}) AS date)",
        "window_start": f"GREATEST(s.completed_on, s.deadline - {WINDOW_DAYS})",
    },
}


def _expanded(dialect: str, source: str) -> str:
    """SELECT agency_id, kind, grain, day, day2, n: every count row each source row is in.

    `source` yields agency_id, deadline, completed_on and n (+1 to add, -1 to remove)."""
    sql = _SQL[dialect]
    parts = []
    for kind, (day, condition) in KINDS.items():
        day = day.format(epoch=sql["epoch"])
        day2 = sql["window_start"] if kind == "window" else sql["epoch"]
        grains = ("day",) if kind == "window" else GRAINS
        for grain in grains:
            cut = day if grain == "day" else sql[grain].format(day)
            for agency in ("s.agency_id", str(TOTAL)):
                parts.append(
                    f"SELECT {agency} AS agency_id, '{kind}' AS kind, '{grain}' AS grain, "
                    f"{cut} AS day, {day2} AS day2, s.n AS n FROM ({source}) s "
                    f"WHERE {condition}"
                )
    for kind, grain2 in PAIRS.items():
        day2 = "s.completed_on" if grain2 == "day" else sql[grain2].format("s.completed_on")
        for grain in GRAINS:
            cut = "s.deadline" if grain == "day" else sql[grain].format("s.deadline")
            for agency in ("s.agency_id", str(TOTAL)):
                parts.append(
                    f"SELECT {agency} AS agency_id, '{kind}' AS kind, '{grain}' AS grain, "
                    f"{cut} AS day, {day2} AS day2, s.n AS n FROM ({source}) s "
                    f"WHERE {PAIR_CONDITION}"
                )
    body = "\nUNION ALL ".join(parts)
    return (
        f"SELECT agency_id, kind, grain, day, day2, SUM(n) AS n FROM ({body}) e "
        "WHERE true GROUP BY agency_id, kind, grain, day, day2 HAVING SUM(n) <> 0"
    )


def _upsert(dialect: str, source: str) -> str:
    return (
        "INSERT INTO assignment_counts (agency_id, kind, grain, day, day2, n) "
        f"{_expanded(dialect, source)} "
        "ON CONFLICT (agency_id, kind, grain, day, day2) "
        "DO UPDATE SET n = assignment_counts.n + excluded.n"
    )


def _state(row: str, sign: int, top_level: bool) -> str:
    only_top = f" WHERE {row}.parent_id IS NULL" if top_level else ""
    return (
        f"SELECT {row}.agency_id AS agency_id, {row}.deadline AS deadline, "
        f"{row}.completed_on AS completed_on, {sign} AS n{only_top}"
    )


def _sources(top_level: bool) -> dict[str, str]:
    """Trigger row sources; sub-assignments (a parent set) are left out of the counts."""
    old, new = _state("OLD", -1, top_level), _state("NEW", 1, top_level)
    return {"insert": new, "delete": old, "update": f"{old} UNION ALL {new}"}


_CHANGED = ("agency_id", "deadline", "completed_on")


def _has_levels(connection: Connection) -> bool:
    """Whether the schema has sub-assignments yet (older revisions call install() too)."""
    columns = inspect(connection).get_columns("assignments")
    return any(column["name"] == "parent_id" for column in columns)


def _has_spans(connection: Connection) -> bool:
    """Whether the schema has `overdue_spans` yet (tasks/spans.py)."""
    return inspect(connection).has_table("overdue_spans")


def _trigger_ddl(dialect: str, top_level: bool) -> list[str]:
    upserts = {op: _upsert(dialect, source) for op, source in _sources(top_level).items()}
    return assignment_triggers(dialect, "assignment_counts", upserts, _CHANGED)


def uninstall(connection: Connection) -> None:
    """Drop the triggers (nothing keeps the counts until install())."""
    for statement in spans.drop_ddl(connection.dialect.name):
        connection.execute(text(statement))
    rhythm_counts.uninstall(connection)  # the reporting rhythm's, installed with these
    for statement in drop_assignment_triggers(connection.dialect.name, "assignment_counts"):
        connection.execute(text(statement))


def install(connection: Connection) -> int:
    """(Re)create the triggers and rebuild the counts; returns the number of count rows."""
    uninstall(connection)
    dialect, top_level = connection.dialect.name, _has_levels(connection)
    statements = _trigger_ddl(dialect, top_level)
    if _has_spans(connection):
        statements += spans.trigger_ddl(_SQL[dialect], top_level)
    for statement in statements:
        connection.execute(text(statement))
    if rhythm_counts.present(connection):
        rhythm_counts.install(connection)
    return _rebuild(connection)


def _rebuild(connection: Connection) -> int:
    connection.execute(text("DELETE FROM assignment_counts"))
    source = "SELECT agency_id, deadline, completed_on, 1 AS n FROM assignments"
    if _has_levels(connection):
        source += " WHERE parent_id IS NULL"
    connection.execute(text(_upsert(connection.dialect.name, source)))
    if _has_spans(connection):
        for statement in spans.rebuild(_SQL[connection.dialect.name], _has_levels(connection)):
            connection.execute(text(statement))
    return connection.execute(text("SELECT count(*) FROM assignment_counts")).scalar_one()


def rebuild(db: Session) -> int:
    """Recompute every count from the assignments; returns the number of count rows."""
    return _rebuild(db.connection())


def recount(db: Session, *, actor: User | None) -> int:
    """`dxtrack tasks recount`: triggers re-created, counts rebuilt, audited."""
    rows = install(db.connection())
    record(db, Event("system.recount", "system", None, None, {"rows": rows}), actor=actor)
    return rows


@contextmanager
def paused(connection: Connection) -> Iterator[None]:
    """Bulk loads: no trigger per row; the counts are rebuilt once at the end."""
    uninstall(connection)
    yield
    install(connection)


# --- reading ----------------------------------------------------------------------------------


def prefix_rows(kind: str, upto: date) -> list[ColumnElement[bool]]:
    """Disjoint conditions whose rows sum to #{kind's day <= upto}: whole years before, whole
    months of its year before its month, days of its month up to it (each an index range)."""
    year, month = upto.replace(month=1, day=1), upto.replace(day=1)
    c = AssignmentCount
    return [
        and_(c.kind == kind, c.grain == "year", c.day < year),
        and_(c.kind == kind, c.grain == "month", c.day >= year, c.day < month),
        and_(c.kind == kind, c.grain == "day", c.day >= month, c.day <= upto),
    ]


def window_rows(at: date, due_soon_days: int) -> list[ColumnElement[bool]]:
    c = AssignmentCount
    soon = at + timedelta(days=due_soon_days)
    return [and_(c.kind == "window", c.grain == "day", c.day >= at, c.day <= soon, c.day2 <= at)]


def terms(at: date, due_soon_days: int) -> dict[str, list[ColumnElement[bool]]]:
    """The prefix counts the statuses at `at` are made of (module docstring), by name."""
    before, soon = at - timedelta(days=1), at + timedelta(days=due_soon_days)
    return {
        "C_ok": prefix_rows("done_ok", at),
        "C_late": prefix_rows("done_late", at),
        "C_und": prefix_rows("done_undated", at),
        "U": prefix_rows("undated", END),
        "D_before": prefix_rows("due", before),
        "D_soon": prefix_rows("due", soon),
        "D_end": prefix_rows("due", END),
        "D_ok_before": prefix_rows("due_ok", before),
        "W": window_rows(at, due_soon_days),
    }


def combine(t: dict[str, int]) -> dict[str, int]:
    """Status counts from the terms' sums (missing terms are 0)."""
    v = {name: int(t.get(name, 0)) for name in TERM_NAMES}
    return {
        "done_on_time": v["C_ok"],
        "done_late": v["C_late"],
        "in_progress": v["D_end"]
        - v["D_soon"]
        - v["C_ok"]
        + v["C_und"]
        + v["D_ok_before"]
        + v["W"],
        "due_soon": v["D_soon"] - v["D_before"] - v["W"],
        "overdue": v["D_before"] - v["D_ok_before"] - v["C_late"],
        "no_deadline": v["U"] - v["C_und"],
    }


TERM_NAMES = tuple(terms(date(2000, 1, 1), 0))


def usable(due_soon_days: int) -> bool:
    return 0 <= due_soon_days <= WINDOW_DAYS
