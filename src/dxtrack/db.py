"""Engine, declarative Base with a naming convention, sessions and the unit of work.

`get_db()` (FastAPI) and `transaction()` (CLI, scripts) both commit on success and
roll back on any exception. Services only `flush()`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeAlias, cast

from sqlalchemy import MetaData, Select, create_engine, event, text
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from dxtrack.config import Settings, get_settings

# A SELECT of any columns (query builders that add WHERE clauses to whatever they are given).
AnySelect: TypeAlias = Select[*tuple[Any, ...]]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_check(column: str, enum: type[StrEnum]) -> str:
    """SQL for a CHECK constraint keeping `column` within a StrEnum's values."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({values})"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy drive transactions (needed for SAVEPOINT), then tune the file.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# Execution options of a unit of work that will write. On SQLite it begins with BEGIN IMMEDIATE:
# it takes the write lock first (a second writer waits, up to busy_timeout) instead of reading
# first and failing with "database is locked" when another writer committed in between (WAL
# cannot upgrade a stale read snapshot). PostgreSQL ignores the option.
WRITING = {"sqlite_begin": "IMMEDIATE"}


def _sqlite_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE"
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def begin_writing(session: Session) -> None:
    """Start `session`'s transaction as a writing one (before its first statement)."""
    session.connection(execution_options=WRITING)


def rowcount(result: Result[*tuple[Any, ...]]) -> int:
    """Rows an UPDATE or DELETE touched."""
    return int(cast(CursorResult[Any], result).rowcount or 0)


@contextmanager
def outside_transaction(session: Session) -> Iterator[None]:
    """Slow work that needs no database (reading and extracting uploads) without holding it.

    Commits what the unit of work did so far (for a request: only its authentication), so no
    transaction — and on SQLite no write lock — is held inside the block; the session then
    begins a writing transaction again.
    """
    session.commit()
    yield
    begin_writing(session)


def serial_plans(session: Session) -> None:
    """PostgreSQL plans the rest of the transaction's queries without parallel workers: for the
    maintained counts' queries (a few hundred index rows) starting workers costs more than the
    query, 10-40 ms on a busy machine. Set once per transaction (a local setting, gone at its
    end: one round trip, not one per query); SQLite is unaffected."""
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is not None and session.info.get("serial_plans") is transaction:
        return
    session.execute(text("SELECT set_config('max_parallel_workers_per_gather', '0', true)"))
    session.info["serial_plans"] = session.get_transaction()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite files get WAL, foreign keys and real transactions."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


_engines: dict[str, Engine] = {}


def get_engine(settings: Settings | None = None) -> Engine:
    settings = settings or get_settings()
    url = settings.db_url
    if url not in _engines:
        if url.startswith("sqlite"):
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        # One connection per worker thread (each request holds one), a few more for the CLI.
        _engines[url] = make_engine(url, pool_size=settings.threads, max_overflow=4)
    return _engines[url]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(settings: Settings | None = None, *, write: bool = False) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception. `write=True` for a
    unit that writes (see WRITING)."""
    session = session_factory(get_engine(settings))()
    try:
        if write:
            begin_writing(session)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def dispose_engines(*, keep: Collection[str] = ()) -> None:
    """Close the pooled connections of every engine but those of the URLs in `keep`."""
    for url in [url for url in _engines if url not in keep]:
        _engines.pop(url).dispose()
