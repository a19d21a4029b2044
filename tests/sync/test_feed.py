"""GET /api/v1/changes: a monotonic cursor over documents, tasks, assignments and progress
reports, paginated, in one explicit order (both databases)."""

from __future__ import annotations

from datetime import date

import pytest
from apihelp import login
from builders import make_task
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from dxtrack.errors import Invalid
from dxtrack.sync.changes import Cursor, parse_cursor
from dxtrack.tasks.models import Assignment


def feed(client: TestClient, headers: dict[str, str], since: str = "0", limit: int = 500):
    response = client.get(f"/api/v1/changes?since={since}&limit={limit}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


class TestChangeFeed:
    def test_every_entity_in_order_and_paginated(self, client: TestClient, db: Session):
        headers = login(client, db, "lanhdao")  # a read-only account (viewer) may read it
        start = feed(client, headers)["next"]
        task = make_task(db, deadline=date(2026, 3, 31))
        assignment = db.query(Assignment).filter_by(task_id=task.id).one()
        officer = login(client, db, "syt")
        form = {"state": "in_progress", "percent": "40", "version": str(assignment.version)}
        posted = client.post(
            f"/api/v1/assignments/{assignment.id}/progress", headers=officer, data=form
        )
        assert posted.status_code == 201, posted.text
        everything = feed(client, headers, start)["changes"]
        kinds = {(c["entity"], c["op"]) for c in everything}
        assert {("document", "insert"), ("task", "insert"), ("task", "update")} <= kinds
        assert {("assignment", "insert"), ("assignment", "update")} <= kinds
        assert ("progress_report", "insert") in kinds
        cursors = [parse_cursor(c["cursor"]) for c in everything]
        assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
        row = next(c for c in everything if c["entity"] == "assignment")
        assert row["data"]["agency"] == "so-y-te" and row["data"]["percent"] == 40
        assert row["data"]["status"] in {"in_progress", "due_soon", "overdue"}
        # pages of 2 give the same changes, in the same order, each exactly once
        paged, since = [], start
        while True:
            page = feed(client, headers, since, limit=2)
            paged += page["changes"]
            since = page["next"]
            if not page["more"]:
                break
        assert [c["cursor"] for c in paged] == [c["cursor"] for c in everything]
        assert feed(client, headers, since)["changes"] == []  # nothing after the last cursor

    def test_a_deleted_row_has_no_data(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        start = feed(client, headers)["next"]
        task = make_task(db, confirm=False)
        assert client.delete(f"/api/v1/tasks/{task.id}", headers=headers).status_code == 204
        changes = feed(client, headers, start)["changes"]
        deleted = [c for c in changes if c["entity"] == "task" and c["op"] == "delete"]
        assert deleted and deleted[0]["id"] == task.id and deleted[0]["data"] is None

    def test_officers_refused_and_bad_cursor(self, client: TestClient, db: Session):
        assert client.get("/api/v1/changes", headers=login(client, db, "syt")).status_code == 403
        bad = client.get("/api/v1/changes?since=abc", headers=login(client, db, "dieuphoi"))
        assert bad.status_code == 422 and "Con trỏ" in bad.json()["detail"]

    def test_cursor_parsing(self):
        assert parse_cursor(None) == Cursor() and parse_cursor("0") == Cursor()
        assert parse_cursor("812-17") == Cursor(812, 17) and str(Cursor(812, 17)) == "812-17"
        with pytest.raises(Invalid):
            parse_cursor("17")


class TestTransactionOrder:
    def test_rows_of_a_running_transaction_are_held_back(self, backend: str, migrated):
        """PostgreSQL: a change of a transaction still running is not returned, nor any
        change after it, so a cursor can never pass a row that commits later."""
        if backend != "postgresql":
            pytest.skip("SQLite has one writer at a time: ids are already in commit order")
        from dxtrack.db import get_engine
        from dxtrack.sync.changes import list_changes

        engine = get_engine(migrated)
        with engine.connect() as slow, engine.connect() as fast:
            slow_tx = slow.begin()
            slow.execute(
                text(
                    "INSERT INTO change_log (txid, entity, entity_id, op, changed_at) "
                    "VALUES (pg_current_xact_id()::text::bigint, 'task', -1, 'update', now())"
                )
            )
            with fast.begin():
                fast.execute(
                    text(
                        "INSERT INTO change_log (txid, entity, entity_id, op, changed_at) "
                        "VALUES (pg_current_xact_id()::text::bigint, 'task', -2, 'update', now())"
                    )
                )
            with Session(bind=engine) as reader:
                seen = [e.entity_id for e in list_changes(reader, since=Cursor(), limit=10_000)[0]]
            assert -1 not in seen and -2 not in seen  # -2 committed, but after -1's txid
            slow_tx.commit()
            with Session(bind=engine) as reader:
                seen = [e.entity_id for e in list_changes(reader, since=Cursor(), limit=10_000)[0]]
            assert seen.index(-1) < seen.index(-2)
            with engine.begin() as cleanup:
                cleanup.execute(text("DELETE FROM change_log WHERE entity_id < 0"))
