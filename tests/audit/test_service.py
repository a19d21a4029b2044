"""The audit log: one row per write, in the same transaction, and append-only."""

from __future__ import annotations

import pytest
from builders import make_task, make_user
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.audit.service import list_entries


class TestRecord:
    def test_writes_are_audited_with_actor(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        from dxtrack.tasks.service import update_task

        task = make_task(db, confirm=False)
        update_task(db, task_id=task.id, version=1, changes={"summary": "Mới"}, actor=coordinator)
        rows, total = list_entries(db, entity="task", entity_id=task.id)
        assert total == 2
        newest = rows[0]
        assert (newest.action, newest.actor_name) == ("task.update", "dieuphoi")
        assert newest.before["summary"] == "Nhiệm vụ thử nghiệm"
        assert newest.after["summary"] == "Mới"

    def test_rolled_back_write_leaves_no_audit(self, db: Session):
        before = db.scalar(select(func.count()).select_from(AuditEntry))
        savepoint = db.begin_nested()
        make_user(db, "dieuphoi")
        savepoint.rollback()
        assert db.scalar(select(func.count()).select_from(AuditEntry)) == before


class TestAppendOnly:
    @pytest.mark.parametrize("statement", ["update", "delete"])
    def test_database_refuses_changes(self, db: Session, statement: str):
        make_user(db, "dieuphoi")
        db.flush()
        query = (
            update(AuditEntry).values(action="x") if statement == "update" else delete(AuditEntry)
        )
        savepoint = db.begin_nested()
        with pytest.raises(DBAPIError) as error:
            db.execute(query)
        savepoint.rollback()
        assert "append-only" in str(error.value)
        assert db.execute(text("SELECT count(*) FROM audit_log")).scalar() > 0
