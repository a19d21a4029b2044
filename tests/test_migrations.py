"""Migrations: models and migrations agree; downgrade and upgrade run on both backends."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import Base, get_engine
from dxtrack.migrations import alembic_config, current_revision, upgrade
from dxtrack.models import load_all


class TestMigrations:
    def test_models_match_head(self, fresh_settings: Settings):
        engine = get_engine(fresh_settings)
        upgrade(engine)
        load_all()
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []

    def test_downgrade_and_upgrade_again(self, fresh_settings: Settings):
        engine = get_engine(fresh_settings)
        initialise(fresh_settings)
        command.downgrade(alembic_config(engine), "base")
        assert current_revision(engine) is None
        assert "tasks" not in inspect(engine).get_table_names()
        revision, loaded = initialise(fresh_settings)
        assert revision and loaded == 124


class TestCountsMigration:
    def test_existing_assignments_are_counted(self, fresh_settings: Settings):
        from builders import make_task
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from dxtrack.tasks.models import AssignmentCount

        engine = get_engine(fresh_settings)
        initialise(fresh_settings)
        c = AssignmentCount
        query = select(c.agency_id, c.grain, c.deadline, c.completed_on, c.n).where(c.n != 0)
        with Session(engine) as db:
            make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
            db.commit()
            expected = sorted(db.execute(query), key=repr)
        command.downgrade(alembic_config(engine), "4fa015186d36")
        upgrade(engine)
        with Session(engine) as db:
            got = sorted(db.execute(query), key=repr)
        assert got == expected and len(got) == 36
        assert (None, "month", date(2025, 12, 31), None, 17) in got
