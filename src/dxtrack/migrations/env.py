"""Alembic environment: the engine (or a connection in its transaction) comes from the caller,
or the engine from dxtrack settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import dxtrack.models  # noqa: F401  (every table registered on Base.metadata)
from dxtrack.db import Base, get_engine

target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():  # a no-op inside the caller's transaction
        context.run_migrations()


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:  # the caller's transaction (restore): the caller commits
        run_migrations(given)
        return
    engine = context.config.attributes.get("engine") or get_engine()
    with engine.connect() as connection:
        run_migrations(connection)
        connection.commit()


run_migrations_online()
