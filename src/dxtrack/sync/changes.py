"""The change feed: every insert, update and delete of documents, tasks, assignments and
progress reports, in one stable order, for the province's data-aggregation platform.

Database triggers (generated here for SQLite and PostgreSQL) append a `change_log` row for
each written row, whatever wrote it (a service, bulk SQL, a cascade). The cursor is
`TXID-ID`: the writing transaction's id (PostgreSQL's `pg_current_xact_id()`, 0 on SQLite)
and the log row's id, read in that order.

Why the transaction id: on PostgreSQL an id drawn by a transaction that commits later than a
younger one would appear behind a reader's cursor and be skipped. The feed therefore returns
only rows of transactions older than the oldest one still running (`pg_snapshot_xmin`): all
of those are finished, so nothing can later appear before the cursor. SQLite has one writer
at a time (BEGIN IMMEDIATE), so the id alone is already in commit order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, literal_column, or_, select, text, true, tuple_
from sqlalchemy.orm import Session

from dxtrack.errors import Invalid
from dxtrack.sync.models import TRACKED, ChangeEntry

CURSOR = re.compile(r"^(\d{1,19})-(\d{1,19})$")
_PG_TXID = "pg_current_xact_id()::text::bigint"


@dataclass(frozen=True, order=True)
class Cursor:
    txid: int = 0
    id: int = 0

    def __str__(self) -> str:
        return f"{self.txid}-{self.id}"


def parse_cursor(value: str | None) -> Cursor:
    """`TXID-ID` as returned by the feed; empty or `0`: from the beginning."""
    value = (value or "").strip()
    if value in ("", "0"):
        return Cursor()
    match = CURSOR.match(value)
    if match is None:
        raise Invalid(f"Con trỏ «{value}» không hợp lệ: dùng giá trị «next» mà API đã trả về.")
    return Cursor(int(match.group(1)), int(match.group(2)))


def _trigger_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        statements = []
        for table, entity in TRACKED.items():
            for op, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
                statements.append(
                    f"CREATE TRIGGER change_log_{table}_{op} AFTER {op.upper()} ON {table} "
                    "FOR EACH ROW BEGIN INSERT INTO change_log "
                    "(txid, entity, entity_id, op, changed_at) "
                    f"VALUES (0, '{entity}', {row}.id, '{op}', CURRENT_TIMESTAMP); END"
                )
        return statements
    function = (
        "CREATE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE row_id integer; BEGIN "
        "IF TG_OP = 'DELETE' THEN row_id := OLD.id; ELSE row_id := NEW.id; END IF; "
        "INSERT INTO change_log (txid, entity, entity_id, op, changed_at) "
        f"VALUES ({_PG_TXID}, TG_ARGV[0], row_id, lower(TG_OP), now() AT TIME ZONE 'utc'); "
        "RETURN NULL; END $$"
    )
    statements = [function]
    for table, entity in TRACKED.items():
        statements.append(
            f"CREATE TRIGGER change_log_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION change_log_record('{entity}')"
        )
    return statements


def uninstall(connection: Connection) -> None:
    """Drop the triggers (nothing is logged until install())."""
    for table in TRACKED:
        if connection.dialect.name == "sqlite":
            for op in ("insert", "update", "delete"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS change_log_{table}_{op}"))
        else:
            connection.execute(text(f"DROP TRIGGER IF EXISTS change_log_{table} ON {table}"))
    if connection.dialect.name != "sqlite":
        connection.execute(text("DROP FUNCTION IF EXISTS change_log_record()"))


def install(connection: Connection) -> None:
    """(Re)create the triggers. A migration that rebuilds a tracked table on SQLite (batch
    mode) drops its triggers: call this again at its end, as for tasks/counts.py."""
    uninstall(connection)
    for statement in _trigger_ddl(connection.dialect.name):
        connection.execute(text(statement))


@contextmanager
def paused(connection: Connection) -> Iterator[None]:
    """Restores: the loaded rows are not changes (and the log is loaded with its own ids)."""
    uninstall(connection)
    yield
    install(connection)


def _finished(db: Session) -> ColumnElement[bool]:
    """Rows every reader can rely on: on PostgreSQL, of finished transactions (or our own)."""
    if db.get_bind().dialect.name == "sqlite":
        return true()
    xmin: ColumnElement[int] = literal_column(
        "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    )
    own: ColumnElement[int] = literal_column(
        "coalesce(pg_current_xact_id_if_assigned()::text::bigint, -1)"
    )
    return or_(ChangeEntry.txid < xmin, ChangeEntry.txid == own)


def list_changes(db: Session, *, since: Cursor, limit: int) -> tuple[list[ChangeEntry], bool]:
    """Up to `limit` changes after `since` in (txid, id) order, and whether more follow."""
    query = (
        select(ChangeEntry)
        .where(tuple_(ChangeEntry.txid, ChangeEntry.id) > tuple_(since.txid, since.id))
        .where(_finished(db))
        .order_by(ChangeEntry.txid, ChangeEntry.id)
        .limit(limit + 1)
    )
    rows = list(db.scalars(query))
    return rows[:limit], len(rows) > limit
