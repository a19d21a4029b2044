"""Maintained counts of the reporting rhythm (`rhythm_counts`), kept by database triggers.

A row counts the open (not done), undated, top-level assignments of one agency (0: all
agencies) with one cadence whose latest progress report fell in one month (01/01/1900: never
reported). Every cadence's period (month, quarter, half-year, year) starts on the first of a
month, so "updated in the current period" at today is the sum of the rows with the cadence and
`month >= period start`: a few rows per agency, whatever the number of assignments.

Triggers on `assignments` (insert, delete, and an update of any column the condition reads;
SQLite and PostgreSQL from one template) keep it right for every write; `tasks/counts.py`
installs and removes them with its own (recount, bulk loads, migrations that rebuild the
table).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, inspect, text

from dxtrack.tasks.row_triggers import assignment_triggers, drop_assignment_triggers

EPOCH = date(1900, 1, 1)
TOTAL = 0
_MONTH = {
    "sqlite": "COALESCE(date({0}, 'start of month'), '1900-01-01')",
    "postgresql": "COALESCE(CAST(date_trunc('month', {0}) AS date), DATE '1900-01-01')",
}
_WATCHED = ("agency_id", "deadline", "completed_on", "parent_id", "cadence", "last_report_on")
OPEN_UNDATED = "{0}.deadline IS NULL AND {0}.completed_on IS NULL AND {0}.parent_id IS NULL"


def _state(row: str, sign: int) -> str:
    return (
        f"SELECT {row}.agency_id AS agency_id, {row}.cadence AS cadence, "
        f"{row}.last_report_on AS reported, {sign} AS n WHERE {OPEN_UNDATED.format(row)}"
    )


def _upsert(dialect: str, source: str) -> str:
    month = _MONTH[dialect].format("s.reported")
    body = (
        f"SELECT s.agency_id AS agency_id, s.cadence AS cadence, {month} AS month, s.n AS n "
        f"FROM ({source}) s UNION ALL SELECT {TOTAL}, s.cadence, {month}, s.n FROM ({source}) s"
    )
    return (
        "INSERT INTO rhythm_counts (agency_id, cadence, month, n) "
        f"SELECT agency_id, cadence, month, SUM(n) FROM ({body}) e WHERE true "
        "GROUP BY agency_id, cadence, month HAVING SUM(n) <> 0 "
        "ON CONFLICT (agency_id, cadence, month) DO UPDATE SET n = rhythm_counts.n + excluded.n"
    )


def _trigger_ddl(dialect: str) -> list[str]:
    sources = {
        "insert": _state("NEW", 1),
        "delete": _state("OLD", -1),
        "update": f"{_state('OLD', -1)} UNION ALL {_state('NEW', 1)}",
    }
    upserts = {op: _upsert(dialect, source) for op, source in sources.items()}
    return assignment_triggers(dialect, "rhythm_counts", upserts, _WATCHED)


def present(connection: Connection) -> bool:
    """Whether the schema has the rhythm yet (older revisions install the counts too)."""
    return inspect(connection).has_table("rhythm_counts")


def uninstall(connection: Connection) -> None:
    for statement in drop_assignment_triggers(connection.dialect.name, "rhythm_counts"):
        connection.execute(text(statement))


def install(connection: Connection) -> None:
    """(Re)create the triggers and rebuild the counts from the assignments."""
    uninstall(connection)
    for statement in _trigger_ddl(connection.dialect.name):
        connection.execute(text(statement))
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    connection.execute(text("DELETE FROM rhythm_counts"))
    source = (
        "SELECT agency_id, cadence, last_report_on AS reported, 1 AS n FROM assignments a "
        f"WHERE {OPEN_UNDATED.format('a')}"
    )
    connection.execute(text(_upsert(connection.dialect.name, source)))
