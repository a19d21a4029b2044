"""A request's unit of work: a 2xx means committed; a failed commit answers 500, nothing saved.

These tests use the application's own sessions on a database of their own (not the rolled-back
test session), and make the real COMMIT fail: a `before_commit` listener on the app's session
factory raises the error a full disk gives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import PASSWORD, make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.auth.models import User
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import get_engine, outside_transaction, transaction
from dxtrack.tasks.models import Assignment, ProgressReport

SEED = Path(__file__).parents[1] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"


@pytest.fixture
def ready(fresh_settings: Settings) -> Settings:
    initialise(fresh_settings)
    return fresh_settings


def _disk_full(session: Session) -> None:
    raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))


@pytest.fixture
def app_client(ready: Settings) -> Iterator[tuple[TestClient, int]]:
    with transaction(ready, write=True) as db:
        make_user(db, "dieuphoi")
        task = make_task(db)
        assignment_id = db.scalars(select(Assignment.id).where(Assignment.task_id == task.id)).one()
    app = create_app(ready)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = client.post(
            "/api/v1/auth/token", json={"username": "dieuphoi", "password": PASSWORD}
        ).json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        yield client, assignment_id


def _reports(settings: Settings, assignment_id: int) -> int:
    with transaction(settings) as db:
        query = select(func.count()).where(ProgressReport.assignment_id == assignment_id)
        return db.scalar(query) or 0


class TestCommitBeforeResponse:
    def test_success_means_committed(self, app_client, ready: Settings):
        client, assignment_id = app_client
        response = client.post(
            f"/api/v1/assignments/{assignment_id}/progress",
            data={"state": "in_progress", "percent": "40", "version": "1"},
        )
        assert response.status_code == 201, response.text
        assert _reports(ready, assignment_id) == 1

    def test_failed_commit_is_a_500_and_nothing_saved(self, app_client, ready: Settings):
        client, assignment_id = app_client
        factory = client.app.state.sessionmaker
        event.listen(factory, "before_commit", _disk_full)
        try:
            response = client.post(
                f"/api/v1/assignments/{assignment_id}/progress",
                data={"state": "in_progress", "percent": "40", "version": "1"},
            )
        finally:
            event.remove(factory, "before_commit", _disk_full)
        assert response.status_code == 500
        body = response.json()
        assert body["error"] == "internal" and "chưa được lưu" in body["detail"]
        assert _reports(ready, assignment_id) == 0
        detail = client.get(f"/api/v1/assignments/{assignment_id}").json()
        assert detail["assignment"]["version"] == 1 and detail["reports"] == []


class TestOutsideTransaction:
    def test_no_write_lock_is_held_inside(self, ready: Settings):
        """What the upload handlers do: another writer gets through while files are extracted."""
        if not ready.db_url.startswith("sqlite"):
            pytest.skip("the write lock being checked is SQLite's")
        engine = get_engine(ready)
        other = sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)
        with transaction(ready, write=True) as db:
            make_user(db, "dieuphoi")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            with outside_transaction(db):
                other.execute("BEGIN IMMEDIATE")  # free while the slow work runs
                other.execute("ROLLBACK")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # the request writes again afterwards
        other.close()
        with transaction(ready) as db:
            assert db.scalar(select(func.count()).select_from(User)) == 1

    def test_upload_reads_before_writing(self, app_client, ready: Settings):
        client, _ = app_client
        files = [("files", ("ke-hoach.txt", SEED.read_bytes(), "text/plain"))]
        response = client.post("/api/v1/documents", files=files)
        assert response.status_code == 201 and response.json()[0]["status"] == "created"
