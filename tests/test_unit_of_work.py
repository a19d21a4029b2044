"""A request's unit of work: a 2xx means committed; a failed commit answers 500, nothing saved.

These tests use the application's own sessions on a database of their own (not the rolled-back
test session), and make the real COMMIT fail: a `before_commit` listener on the app's session
factory raises the error a full disk gives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from builders import PASSWORD, make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.tasks.models import Assignment, ProgressReport


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
