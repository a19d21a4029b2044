"""`dxtrack notify webhooks`: post the due webhook deliveries of the outbox, with backoff.

The same loop as the e-mail digests (runner.send_pending): rows read in id order, each
attempt recorded by `runner.mark_attempt` in its own transaction right after the receiver
answered. A 2xx answer is a delivery; anything else (another status, a refused connection,
a timeout) is retried after 1, 2, 4 ... minutes, at most 6 hours apart, until it succeeds
or its endpoint is removed.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.db import transaction, utcnow
from dxtrack.locks import run_lock
from dxtrack.notifications.models import OutboxMessage, OutboxState, WebhookEndpoint
from dxtrack.notifications.runner import UnitOfWork, mark_attempt
from dxtrack.notifications.webhooks import SIGNATURE_HEADER, sign

BACKOFF_SECONDS = 60
BACKOFF_CAP = timedelta(hours=6)
TIMEOUT_SECONDS = 10
BATCH = 100
LOCK_NAME = "webhooks-send"
Poster = Callable[[str, bytes, dict[str, str]], int]


@dataclass
class DeliveryResult:
    sent: int = 0
    failed: int = 0

    def to_json(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed}


def http_post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST with the standard library; the HTTP status (an error status is returned too)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt (1 → 1 min, 2 → 2 min, 3 → 4 min ...)."""
    return min(timedelta(seconds=BACKOFF_SECONDS * 2 ** max(0, attempts - 1)), BACKOFF_CAP)


def _due(db: Session, now: datetime, after: int) -> list[Any]:
    query = (
        select(
            OutboxMessage.id,
            OutboxMessage.subject,
            OutboxMessage.text_body,
            OutboxMessage.attempts,
            WebhookEndpoint.url,
            WebhookEndpoint.secret,
        )
        .join(WebhookEndpoint, WebhookEndpoint.id == OutboxMessage.endpoint_id)
        .where(
            OutboxMessage.state == OutboxState.pending,
            WebhookEndpoint.enabled,
            OutboxMessage.id > after,
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        )
        .order_by(OutboxMessage.id)
        .limit(BATCH)
    )
    return list(db.execute(query))


def _attempt(db: Session, row: Any, now: datetime, post: Poster, result: DeliveryResult) -> None:
    message_id, event, text, attempts, url, secret = row
    body = text.encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "dxtrack-webhooks",
        "X-Dxtrack-Event": event,
        "X-Dxtrack-Delivery": str(message_id),
        SIGNATURE_HEADER: sign(secret, int(now.replace(tzinfo=UTC).timestamp()), body),
    }
    try:
        status = post(url, body, headers)
        error = None if 200 <= status < 300 else f"HTTP {status}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
    retry_at = now + backoff(attempts + 1) if error else None
    mark_attempt(db, message_id, error, retry_at=retry_at)
    if error:
        result.failed += 1
    else:
        result.sent += 1


def deliver_webhooks(
    *, units: UnitOfWork, now: datetime | None = None, post: Poster = http_post
) -> DeliveryResult:
    """Post every delivery due at `now` (UTC, default the current time), oldest first."""
    now = now or utcnow()
    result = DeliveryResult()
    with units() as db:
        last = 0
        while rows := _due(db, now, last):
            for row in rows:
                _attempt(db, row, now, post, result)
                db.commit()  # this delivery's own transaction, right after the answer
            last = rows[-1][0]
    return result


def deliver_in_transactions(settings: Settings) -> DeliveryResult:
    """`deliver_webhooks()` on the configured database, one run at a time (`Busy` else)."""

    @contextmanager
    def units() -> Iterator[Session]:
        with transaction(settings, write=True) as db:
            yield db

    with run_lock(settings, LOCK_NAME, label="Lượt gửi sự kiện webhook (dxtrack notify webhooks)"):
        return deliver_webhooks(units=units)
