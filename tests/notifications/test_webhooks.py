"""Outgoing webhooks against a real local HTTP receiver (http.server in a thread): queued in
the notification outbox by the write itself, signed with HMAC-SHA256 over timestamp and body,
retried with exponential backoff after a 500 (both databases)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from apihelp import login
from builders import make_task, make_user
from fastapi.testclient import TestClient
from pagehelp import html, page_session
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.db import utcnow
from dxtrack.notifications.models import OutboxMessage
from dxtrack.notifications.webhook_delivery import backoff, deliver_webhooks, http_post
from dxtrack.notifications.webhooks import SIGNATURE_HEADER, create_endpoint, sign, verify
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress


class Receiver:
    """Answers each POST with the next queued status (then 200) and keeps what it got."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    thread = threading.Thread(target=r.server.serve_forever, daemon=True)
    thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()


def report_done(db: Session, settings: Settings) -> Assignment:
    task = make_task(db, deadline=vn.today() + timedelta(days=30))
    assignment = db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()
    data = ProgressInput(state=ProgressState.done, percent=100, note="Đã xong")
    report_progress(db, assignment_id=assignment.id, data=data, expected_version=None,
                    settings=settings, actor=make_user(db, "syt"))  # fmt: skip
    return assignment


def queued(db: Session) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(OutboxMessage.endpoint_id.is_not(None))
    return list(db.scalars(query.order_by(OutboxMessage.id)))


class TestDelivery:
    def test_retry_after_a_500_with_backoff_and_valid_signatures(
        self, db: Session, settings: Settings, units: Any, receiver: Receiver
    ):
        admin = make_user(db, "quantri")
        secret = "bi-mat-cua-he-thong-tong-hop-2025"
        create_endpoint(db, url=receiver.url, events=["progress.reported",
                        "assignment.status_changed"], secret=secret, actor=admin)  # fmt: skip
        assignment = report_done(db, settings)
        rows = queued(db)
        assert [r.subject for r in rows] == ["progress.reported", "assignment.status_changed"]
        receiver.statuses = [500]  # the first delivery fails once
        start = utcnow()
        first = deliver_webhooks(units=units, now=start, post=http_post)
        assert first.to_json() == {"sent": 1, "failed": 1}
        failed = queued(db)[0]
        db.refresh(failed)
        assert (failed.state, failed.attempts, failed.last_error) == ("pending", 1, "HTTP 500")
        assert failed.next_attempt_at == start + timedelta(minutes=1)
        early = deliver_webhooks(units=units, now=start + timedelta(seconds=30), post=http_post)
        assert early.to_json() == {"sent": 0, "failed": 0}  # not due yet
        later = deliver_webhooks(units=units, now=start + timedelta(seconds=61), post=http_post)
        assert later.to_json() == {"sent": 1, "failed": 0}
        db.refresh(failed)
        assert (failed.state, failed.attempts) == ("sent", 2)
        assert len(receiver.received) == 3
        now = int(start.replace(tzinfo=UTC).timestamp())
        for headers, body in receiver.received:
            assert verify(secret, headers[SIGNATURE_HEADER], body, now=now + 61)
            assert not verify(secret, headers[SIGNATURE_HEADER], body + b" ", now=now + 61)
            assert not verify("khoa-khac-khoa-khac", headers[SIGNATURE_HEADER], body, now=now)
        events = [json.loads(body) for _, body in receiver.received]
        assert events[-1]["event"] == "progress.reported"  # the retry of the first
        changed = next(e for e in events if e["event"] == "assignment.status_changed")
        assert changed["data"]["assignment_id"] == assignment.id
        assert changed["data"]["status"] == "done_on_time"
        assert changed["data"]["agency"] == "so-y-te"
        assert receiver.received[0][0]["X-Dxtrack-Event"] == "progress.reported"

    def test_unreachable_receiver_is_retried_later(
        self, db: Session, settings: Settings, units: Any
    ):
        admin = make_user(db, "quantri")
        create_endpoint(db, url="http://127.0.0.1:9/khong-co", events=["progress.reported"],
                        actor=admin)  # fmt: skip
        report_done(db, settings)
        start = utcnow()
        assert deliver_webhooks(units=units, now=start).to_json() == {"sent": 0, "failed": 1}
        row = queued(db)[0]
        db.refresh(row)
        assert row.state == "pending" and "URLError" in (row.last_error or "")

    def test_disabled_or_unsubscribed_endpoints_get_nothing(self, db: Session, settings: Settings):
        admin = make_user(db, "quantri")
        endpoint = create_endpoint(db, url="http://127.0.0.1:9/", events=["progress.reported"],
                                   actor=admin)  # fmt: skip
        endpoint.enabled = False
        create_endpoint(db, url="http://127.0.0.1:9/b", events=["assignment.status_changed"],
                        actor=admin)  # fmt: skip
        report_done(db, settings)
        assert [r.subject for r in queued(db)] == ["assignment.status_changed"]


class TestSignature:
    def test_backoff_doubles_up_to_six_hours(self):
        waits = [backoff(n) for n in (1, 2, 3, 4)]
        assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
        assert backoff(30) == timedelta(hours=6)

    def test_signature_is_hmac_of_timestamp_and_body(self):
        import hashlib
        import hmac

        body = b'{"event": "progress.reported"}'
        expected = hmac.new(b"k" * 16, b"1700000000." + body, hashlib.sha256).hexdigest()
        assert sign("k" * 16, 1700000000, body) == f"t=1700000000,v1={expected}"
        header = sign("k" * 16, 1700000000, body)
        assert not verify("k" * 16, header, body, now=1700000000 + 301)  # too old: a replay


class TestAdmin:
    def test_api_creates_with_a_generated_secret_admin_only(self, client: TestClient, db: Session):
        headers = login(client, db, "quantri")
        body = {"url": "https://tonghop.example/hook", "events": ["progress.reported"]}
        created = client.post("/api/v1/webhooks", headers=headers, json=body)
        assert created.status_code == 201 and len(created.json()["secret"]) == 64
        listed = client.get("/api/v1/webhooks", headers=headers).json()
        assert listed[0]["url"] == body["url"] and listed[0]["secret"] is None
        bad = client.post("/api/v1/webhooks", headers=headers, json=body | {"url": "ftp://x"})
        assert bad.status_code == 422 and "không hợp lệ" in bad.json()["detail"]
        coordinator = login(client, db, "dieuphoi")
        assert client.get("/api/v1/webhooks", headers=coordinator).status_code == 403

    def test_admin_page_adds_and_disables(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        form = {"csrf_token": csrf, "url": "https://tonghop.example/hook",
                "events": ["progress.reported", "assignment.status_changed"], "secret": ""}  # fmt: skip
        page = client.post("/admin/webhooks", data=form)
        assert page.status_code == 200
        secret = html(page.text).xpath("//code[@id='webhook-secret']/text()")
        assert secret and len(secret[0]) == 64
        endpoint_id = int(html(page.text).xpath("//article/@id")[0].split("-")[1])
        off = client.post(f"/admin/webhooks/{endpoint_id}", data={"csrf_token": csrf,
                          "operation": "disable"}, follow_redirects=True)  # fmt: skip
        assert "Đang tắt" in off.text


def test_cli_delivers_in_its_own_transactions(fresh_settings: Settings, receiver: Receiver):
    from typer.testing import CliRunner

    from dxtrack.cli import app
    from dxtrack.db import transaction

    runner = CliRunner()
    base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]
    assert runner.invoke(app, [*base, "init"]).exit_code == 0
    with transaction(fresh_settings, write=True) as db:
        create_endpoint(db, url=receiver.url, events=["progress.reported"],
                        actor=make_user(db, "quantri"))  # fmt: skip
        report_done(db, fresh_settings)
    result = runner.invoke(app, [*base, "notify", "webhooks", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"sent": 1, "failed": 0}
    assert json.loads(receiver.received[0][1])["event"] == "progress.reported"
    again = runner.invoke(app, [*base, "notify", "webhooks", "--json"])
    assert json.loads(again.stdout) == {"sent": 0, "failed": 0}  # nothing twice
