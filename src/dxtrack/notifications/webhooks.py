"""Outgoing webhooks: admin-configured endpoints receive signed events.

Events are queued in the notification outbox (the same table, states and attempt bookkeeping
as the e-mail digests: `runner.mark_attempt`) in the transaction of the write that caused them,
so an event exists exactly when its change was committed. `deliver_webhooks()` (`dxtrack
notify webhooks`, every minute from cron) posts each due row, marks it in its own transaction
right after the answer, and on a failure schedules the next attempt with exponential backoff
(1 min, 2, 4 ... capped at 6 h). Each attempt is signed anew:

    X-Dxtrack-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import require_role
from dxtrack.db import utcnow
from dxtrack.errors import Invalid, NotFound
from dxtrack.notifications.models import (
    OutboxMessage,
    OutboxState,
    WebhookEndpoint,
    WebhookEvent,
)
from dxtrack.tasks.models import Assignment, ProgressReport
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, Status, compute_status

if TYPE_CHECKING:
    from dxtrack.auth.models import User

SIGNATURE_HEADER = "X-Dxtrack-Signature"
KIND = "webhook"
MIN_SECRET = 16


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for one attempt."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, *, now: int, tolerance: int = 300) -> bool:
    """What a receiver does (README has the same in a few lines): recompute and compare in
    constant time, and refuse a timestamp older than `tolerance` seconds (replays)."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    if not parts.get("t", "").isdigit() or abs(now - int(parts["t"])) > tolerance:
        return False
    expected = sign(secret, int(parts["t"]), body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def _snapshot(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {
        "url": endpoint.url,
        "events": list(endpoint.events),
        "enabled": endpoint.enabled,
        "description": endpoint.description,
    }


def _check(url: str, events: list[str], secret: str) -> None:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Invalid(f"Địa chỉ «{url}» không hợp lệ: cần dạng http(s)://máy-chủ/đường-dẫn.")
    unknown = [e for e in events if e not in set(WebhookEvent)]
    if not events or unknown:
        choices = ", ".join(e.value for e in WebhookEvent)
        raise Invalid(f"Sự kiện không hợp lệ: chọn trong {choices}.")
    if len(secret) < MIN_SECRET:
        raise Invalid(f"Khóa bí mật cần ít nhất {MIN_SECRET} ký tự (để trống: hệ thống tự tạo).")


def create_endpoint(
    db: Session, *, url: str, events: list[str], secret: str = "", description: str = "",
    actor: User,
) -> WebhookEndpoint:  # fmt: skip
    """A new endpoint (admin); an empty secret is generated (shown once to the admin)."""
    require_role(actor, Role.admin)
    secret = secret.strip() or secrets.token_hex(32)
    events = list(dict.fromkeys(e.strip() for e in events if e.strip()))
    _check(url, events, secret)
    endpoint = WebhookEndpoint(url=url.strip(), secret=secret, events=events,
                               description=description.strip()[:200], created_by=actor.id)  # fmt: skip
    db.add(endpoint)
    db.flush()
    event = Event("webhook.create", "webhook", endpoint.id, None, _snapshot(endpoint))
    record(db, event, actor=actor)
    return endpoint


def get_endpoint(db: Session, endpoint_id: int) -> WebhookEndpoint:
    endpoint = db.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise NotFound(f"Không tìm thấy địa chỉ nhận sự kiện #{endpoint_id}.")
    return endpoint


def update_endpoint(
    db: Session, *, endpoint_id: int, changes: dict[str, Any], actor: User
) -> WebhookEndpoint:
    """Enable, disable, or change the URL, events or secret (admin)."""
    require_role(actor, Role.admin)
    endpoint = get_endpoint(db, endpoint_id)
    before = _snapshot(endpoint)
    for name in ("url", "events", "secret", "description", "enabled"):
        if changes.get(name) is not None:
            setattr(endpoint, name, changes[name])
    _check(endpoint.url, list(endpoint.events), endpoint.secret)
    record(db, Event("webhook.update", "webhook", endpoint.id, before, _snapshot(endpoint)),
           actor=actor)  # fmt: skip
    return endpoint


def delete_endpoint(db: Session, *, endpoint_id: int, actor: User) -> None:
    """Remove an endpoint and its queued deliveries (admin)."""
    require_role(actor, Role.admin)
    endpoint = get_endpoint(db, endpoint_id)
    record(db, Event("webhook.delete", "webhook", endpoint.id, _snapshot(endpoint), None),
           actor=actor)  # fmt: skip
    db.delete(endpoint)
    db.flush()


def list_endpoints(db: Session) -> list[tuple[WebhookEndpoint, dict[str, int]]]:
    """Endpoints with their deliveries counted by state (pending, sent)."""
    endpoints = list(db.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))
    query = (
        select(OutboxMessage.endpoint_id, OutboxMessage.state, func.count())
        .where(OutboxMessage.endpoint_id.is_not(None))
        .group_by(OutboxMessage.endpoint_id, OutboxMessage.state)
    )
    counts: dict[int, dict[str, int]] = {}
    for endpoint_id, state, n in db.execute(query):
        counts.setdefault(endpoint_id or 0, {})[state] = n
    return [(e, counts.get(e.id, {})) for e in endpoints]


def list_deliveries(db: Session, *, endpoint_id: int, limit: int = 50) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(OutboxMessage.endpoint_id == endpoint_id)
    return list(db.scalars(query.order_by(OutboxMessage.id.desc()).limit(limit)))


def enqueue(db: Session, event: WebhookEvent, data: dict[str, Any]) -> int:
    """One outbox row per enabled endpoint subscribed to `event`; returns how many."""
    endpoints = [
        e for e in db.scalars(select(WebhookEndpoint).where(WebhookEndpoint.enabled))
        if event.value in e.events
    ]  # fmt: skip
    if not endpoints:
        return 0
    now = utcnow()
    for endpoint in endpoints:
        body = {"event": event.value, "occurred_at": now.isoformat() + "Z", "data": data}
        db.add(OutboxMessage(user_id=None, endpoint_id=endpoint.id, day=vn.today(), kind=KIND,
                             recipient=None, subject=event.value, html_body="",
                             text_body=json.dumps(body, ensure_ascii=False, default=str),
                             state=OutboxState.pending.value, attempts=0, next_attempt_at=now))  # fmt: skip
    db.flush()
    return len(endpoints)


def _agency_code(db: Session, agency_id: int) -> str | None:
    return db.scalar(select(Agency.code).where(Agency.id == agency_id))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def status_now(assignment: Assignment, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> Status:
    return compute_status(
        deadline=assignment.deadline,
        completed_on=assignment.completed_on,
        at=vn.today(),
        due_soon_days=due_soon_days,
    )


def assignment_changed(
    db: Session,
    assignment: Assignment,
    before: Status,
    *,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> None:
    """Queue `assignment.status_changed` when a write changed the assignment's status today."""
    after = status_now(assignment, due_soon_days)
    if after == before:
        return
    data = {
        "assignment_id": assignment.id,
        "task_id": assignment.task_id,
        "agency": _agency_code(db, assignment.agency_id),
        "status_before": before.value,
        "status": after.value,
        "state": assignment.state,
        "percent": assignment.percent,
        "deadline": _iso(assignment.deadline),
        "completed_on": _iso(assignment.completed_on),
        "at": vn.today().isoformat(),
    }
    enqueue(db, WebhookEvent.status_changed, data)


def progress_reported(db: Session, report: ProgressReport, assignment: Assignment) -> None:
    """Queue `progress.reported` for a new progress report."""
    data = {
        "report_id": report.id,
        "assignment_id": assignment.id,
        "task_id": assignment.task_id,
        "agency": _agency_code(db, assignment.agency_id),
        "state": report.state,
        "percent": report.percent,
        "note": report.note,
        "difficulties": report.difficulties,
        "proposals": report.proposals,
        "completed_on": _iso(report.completed_on),
        "created_at": (report.created_at or datetime.min).isoformat() + "Z",
    }
    enqueue(db, WebhookEvent.progress_reported, data)
