"""Migrations: models and migrations agree; downgrade and upgrade run on both backends."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import dxtrack.models  # noqa: F401  (every table registered on Base.metadata)
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import Base, get_engine
from dxtrack.migrations import alembic_config, current_revision, upgrade


class TestMigrations:
    def test_models_match_head(self, fresh_settings: Settings):
        engine = get_engine(fresh_settings)
        upgrade(engine)
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
        from sqlalchemy import select, text
        from sqlalchemy.orm import Session

        from dxtrack.tasks.models import AssignmentCount

        engine = get_engine(fresh_settings)
        initialise(fresh_settings)
        c = AssignmentCount
        query = select(c.agency_id, c.kind, c.grain, c.day, c.day2, c.n).where(c.n != 0)
        with Session(engine) as db:
            make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
            db.commit()
            expected = sorted(db.execute(query), key=repr)
        command.downgrade(alembic_config(engine), "3f7a2c91d0e4")
        with engine.begin() as connection:  # the previous revision's counts, rebuilt
            old = "SELECT sum(n) FROM assignment_counts WHERE agency_id IS NULL AND grain = 'day'"
            assert connection.scalar(text(old)) == 17
        upgrade(engine)
        with Session(engine) as db:
            got = sorted(db.execute(query), key=repr)
        due = [row for row in got if row[1] == "due"]
        assert got == expected and len(due) == 18 * 3  # 17 agencies + totals, 3 grains
        # the task is overdue from the day after its deadline, for every one of its agencies
        assert (0, "span_first", "day", date(2025, 12, 11), date(1900, 1, 1), 1) in got
        assert (0, "due", "month", date(2025, 12, 1), date(1900, 1, 1), 17) in got


class TestSearchKeysMigration:
    def test_existing_rows_get_their_search_keys(self, fresh_settings: Settings):
        from builders import make_task
        from sqlalchemy import select, text
        from sqlalchemy.orm import Session

        from dxtrack.documents.models import Document
        from dxtrack.tasks.models import Task

        engine = get_engine(fresh_settings)
        initialise(fresh_settings)
        with Session(engine) as db:
            task = make_task(db, clause="2.b")
            db.commit()
            task_id, document_id = task.id, task.document_id
        command.downgrade(alembic_config(engine), "5b0c2f7d9a14")
        with engine.begin() as connection:  # the task count survives the downgrade
            assert connection.scalar(text("SELECT count(*) FROM assignments")) == 1
        upgrade(engine)
        with Session(engine) as db:
            assert db.scalar(select(Task.search_key).where(Task.id == task_id)) == (
                "2.b\nnhiem vu thu nghiem"
            )
            key = db.scalar(select(Document.search_key).where(Document.id == document_id))
            assert key.startswith(tuple("0123456789")) and "v/v thu nghiem" in key


class TestReferenceIdentityMigration:
    def test_links_by_number_alone_are_removed(self, fresh_settings: Settings):
        from builders import make_document
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from dxtrack.documents.models import DocumentReference

        engine = get_engine(fresh_settings)
        initialise(fresh_settings)
        with Session(engine) as db:
            plan = make_document(
                db,
                number="308/KH-UBND",
                number_key="308/kh-ubnd",
                issuer="Ủy ban nhân dân tỉnh Kiên Giang",
                issued_date=date(2023, 12, 26),
            )
            hanoi = make_document(
                db,
                number="308/KH-UBND",
                number_key="308/kh-ubnd",
                issuer="Ủy ban nhân dân thành phố Hà Nội",
                issued_date=date(2025, 11, 17),
            )
            citing = make_document(db, issuer="Ủy ban nhân dân tỉnh Kiên Giang")
            ref = {"number": "308/KH-UBND", "number_key": "308/kh-ubnd", "issuer": "UBND tỉnh"}
            right = DocumentReference(
                document_id=citing.id, ref_date=date(2023, 12, 26), cited_id=plan.id, **ref
            )
            wrong = DocumentReference(
                document_id=citing.id, ref_date=date(2023, 12, 26), cited_id=hanoi.id, **ref
            )
            db.add_all([right, wrong])
            db.commit()
            ids, plan_id = (right.id, wrong.id), plan.id
        command.downgrade(alembic_config(engine), "9c41e7b25a08")
        upgrade(engine)
        with Session(engine) as db:
            query = select(DocumentReference.id, DocumentReference.cited_id)
            links = dict(db.execute(query.where(DocumentReference.id.in_(ids))).all())
        assert links == {ids[0]: plan_id, ids[1]: None}
