"""Overdue spans under concurrent writers (PostgreSQL): two transactions completing
assignments of one task at once leave the spans and their counts equal to a full recount."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from builders import make_task
from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import get_engine, transaction
from dxtrack.tasks import counts
from dxtrack.tasks.models import Assignment, AssignmentCount, OverdueSpan
from dxtrack.tasks.overdue_count import tasks_overdue

DEADLINE = date(2025, 3, 10)


def state(db: Session) -> list[tuple]:
    c, s = AssignmentCount, OverdueSpan
    rows = db.execute(select(c.agency_id, c.kind, c.grain, c.day, c.n).where(c.n != 0)).all()
    spans = db.execute(select(s.task_id, s.agency_id, s.first_day, s.last_day)).all()
    return sorted(rows, key=repr) + sorted(spans, key=repr)


class TestConcurrentWriters:
    def test_two_transactions_on_one_task(self, fresh_settings: Settings):
        if fresh_settings.database_url.startswith("sqlite"):
            pytest.skip("SQLite runs one writer at a time")
        initialise(fresh_settings)
        with transaction(fresh_settings) as db:
            task = make_task(db, lead=["Sở Y tế", "Sở Nội vụ"], deadline=DEADLINE)
            ids = list(db.scalars(select(Assignment.id).where(Assignment.task_id == task.id)))
        engine = get_engine(fresh_settings)
        first_wrote, errors = threading.Event(), []

        def complete(assignment_id: int, day: date, *, first: bool) -> None:
            try:
                with Session(engine) as db:
                    if not first:
                        first_wrote.wait(5)
                    db.execute(
                        update(Assignment)
                        .where(Assignment.id == assignment_id)
                        .values(completed_on=day)
                    )
                    if first:
                        first_wrote.set()
                        threading.Event().wait(0.5)  # the other writer queues meanwhile
                    db.commit()
            except SQLAlchemyError as error:  # e.g. a deadlock: reported below
                errors.append(error)

        threads = [
            threading.Thread(target=complete, args=(ids[0], date(2025, 3, 15)), kwargs={"first": True}),
            threading.Thread(target=complete, args=(ids[1], date(2025, 3, 20)), kwargs={"first": False}),
        ]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert not errors
        with transaction(fresh_settings) as db:
            kept = state(db)
            assert tasks_overdue(db, at=date(2025, 3, 19), agency_id=counts.TOTAL) == 1
            assert tasks_overdue(db, at=date(2025, 3, 20), agency_id=counts.TOTAL) == 0
            counts.rebuild(db)
            assert state(db) == kept
