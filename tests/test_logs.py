"""One log: a line per request with its id, every write, every refusal, failures with traceback."""

from __future__ import annotations

import logging

import pytest
from apihelp import login
from builders import make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.auth.service import issue_token
from dxtrack.deps import get_db
from dxtrack.logs import FORMAT, _UTCFormatter
from dxtrack.tasks.models import Assignment


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="dxtrack")
    return caplog


def _lines(caplog: pytest.LogCaptureFixture, start: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith(start)]


class TestRequestLog:
    def test_a_line_per_request_with_its_id(self, client: TestClient, records):
        response = client.get("/api/v1/khong-co", headers={"X-Request-ID": "abc-123"})
        assert response.headers["x-request-id"] == "abc-123"
        (line,) = _lines(records, "request method=GET path=/api/v1/khong-co status=404")
        assert line.request_id == "abc-123"  # type: ignore[attr-defined]
        text = _UTCFormatter(FORMAT).format(line)
        assert " INFO dxtrack.logs request=abc-123 request method=GET " in text

    def test_an_odd_client_id_is_replaced(self, client: TestClient, records):
        response = client.get("/login", headers={"X-Request-ID": "x" * 80 + "\n"})
        assert len(response.headers["x-request-id"]) == 12


class TestWritesAndFailures:
    def test_every_write_is_logged_under_its_request(
        self, client: TestClient, db: Session, records
    ):
        headers = login(client, db, "dieuphoi")
        task = make_task(db)
        assignment = db.query(Assignment).filter(Assignment.task_id == task.id).one()
        response = client.post(
            f"/api/v1/assignments/{assignment.id}/progress",
            headers=headers | {"X-Request-ID": "ghi-bao-cao"},
            data={"state": "in_progress", "percent": "30"},
        )
        assert response.status_code == 201
        writes = [r for r in _lines(records, "write ") if r.request_id == "ghi-bao-cao"]  # type: ignore[attr-defined]
        assert writes and "actor=dieuphoi" in writes[0].getMessage()

    def test_a_refusal_is_logged(self, client: TestClient, db: Session, records):
        headers = login(client, db, "syt")
        client.get("/api/v1/users", headers=headers)
        (line,) = _lines(records, "refused status=403 code=forbidden method=GET path=/api/v1/users")
        assert line.levelno == logging.INFO

    def test_an_unexpected_error_is_logged_with_its_traceback(self, settings, db: Session, records):
        token = issue_token(db, user=make_user(db, "dieuphoi"))
        app = create_app(settings)

        def broken():
            yield db
            raise RuntimeError("lỗi lập trình")

        app.dependency_overrides[get_db] = broken
        with TestClient(app, raise_server_exceptions=False) as client:
            response = client.get(
                "/api/v1/auth/me",
                headers={"X-Request-ID": "loi-1", "Authorization": f"Bearer {token}"},
            )
        assert response.status_code == 500 and response.json()["error"] == "internal"
        (line,) = _lines(records, "unexpected error method=GET path=/api/v1/auth/me")
        assert line.levelno == logging.ERROR and line.exc_info is not None
        assert line.request_id == "loi-1"  # type: ignore[attr-defined]
