"""Alembic migrations shipped inside the package, so `dxtrack init` works once installed.

New revision (from the repository root): `alembic revision --autogenerate -m slug`
(alembic.ini points here and names files YYYY-MM-DD-HHMM_slug.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:  # alembic is imported when a database is upgraded, not by every command
    from alembic.config import Config

HERE = Path(__file__).parent
FILE_TEMPLATE = "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s"


def alembic_config(bind: Engine | Connection | None = None) -> Config:
    """Alembic's configuration for `bind`: an engine (each upgrade commits on its own) or a
    connection in a transaction of the caller's (the caller commits or rolls back)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("file_template", FILE_TEMPLATE)
    if isinstance(bind, Connection):
        config.attributes["connection"] = bind
    elif bind is not None:
        config.attributes["engine"] = bind
    return config


def upgrade(bind: Engine | Connection, revision: str = "head") -> None:
    """Bring the database to `revision`, keeping its data."""
    from alembic import command

    command.upgrade(alembic_config(bind), revision)


def current_revision(bind: Engine | Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    if isinstance(bind, Connection):
        return MigrationContext.configure(bind).get_current_revision()
    with bind.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
