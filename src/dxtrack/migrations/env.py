"""Alembic environment: the engine comes from the caller or from dxtrack settings."""

from __future__ import annotations

from alembic import context

from dxtrack.db import Base, get_engine
from dxtrack.models import load_all

load_all()
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes.get("engine") or get_engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
