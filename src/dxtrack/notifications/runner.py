"""`notify run`: compose today's digests, then send them, idempotently and crash-safe.

1. Compose (one transaction): for each user with something to tell and no digest of that
   day yet, one outbox row (unique per user, day and kind) and one in-app notification.
   A rerun composes nothing twice.
2. Send: each pending row of the day (and of the `CATCH_UP_DAYS` before, left unsent by a
   failed run) is sent, then marked sent in its own transaction. A crash between two sends
   loses nothing unsent and resends nothing already marked; only a crash between the SMTP
   server's acceptance and that commit could send one message twice.
Nothing is sent when SMTP is not configured: digests stay visible in the app.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.models import Role
from dxtrack.config import Settings
from dxtrack.db import transaction, utcnow
from dxtrack.locks import run_lock
from dxtrack.notifications import digest
from dxtrack.notifications.compose import Context, compose_digest
from dxtrack.notifications.mailer import SmtpSender, build_message, smtp_configured
from dxtrack.notifications.models import Notification, OutboxMessage, OutboxState, RuleKind
from dxtrack.notifications.service import active_rules

CATCH_UP_DAYS = 2
LOCK_NAME = "notify-run"
BATCH = 200
UnitOfWork = Callable[[], AbstractContextManager[Session]]


class Sender(Protocol):
    def send(self, message: Any) -> None: ...
    def close(self) -> None: ...


@dataclass
class RunResult:
    sent: int = 0
    skipped_already_sent: int = 0
    failed: int = 0
    composed: int = 0
    smtp: bool = True

    def to_json(self) -> dict[str, int]:
        return {
            "sent": self.sent,
            "skipped_already_sent": self.skipped_already_sent,
            "failed": self.failed,
        }


def digest_link(day: date) -> str:
    return f"/notifications/digests/{day.isoformat()}"


def _notify_difficulties(
    db: Session, difficulties: list[digest.Difficulty], users: list[digest.Recipient]
) -> None:
    """One in-app notification per coordinator and report with difficulties (once)."""
    coordinators = [u.id for u in users if u.role == Role.coordinator]
    keys = {f"difficulty:{d.report_id}": d for d in difficulties}
    if not keys or not coordinators:
        return
    query = select(Notification.user_id, Notification.key).where(Notification.key.in_(keys))
    have = {(user_id, key) for user_id, key in db.execute(query)}
    rows = [
        {
            "user_id": user_id,
            "key": key,
            "kind": "difficulty",
            "title": f"{d.agency_name} báo cáo khó khăn, vướng mắc (nhiệm vụ {d.clause})"[:300],
            "body": d.text,
            "link": f"/tasks/{d.task_id}#a{d.assignment_id}",
            "created_at": utcnow(),
        }
        for key, d in keys.items()
        for user_id in coordinators
        if (user_id, key) not in have
    ]
    if rows:
        db.execute(insert(Notification), rows)


def compose_day(db: Session, *, at: date, settings: Settings) -> int:
    """Compose the digests of `at` not composed yet; returns how many were added."""
    rules = active_rules(db)
    done = set(db.scalars(select(OutboxMessage.user_id).where(OutboxMessage.day == at)))
    users = digest.list_recipients(db)
    items = digest.collect_agency_items(db, at=at, rules=rules)
    difficulties = []
    if RuleKind.difficulty_report in rules:
        difficulties = digest.collect_difficulties(db, at=at)
        _notify_difficulties(db, difficulties, users)
    db.flush()
    news = digest.collect_news(db, at=at)
    names = digest.agency_names(db)
    rows = []
    for user in users:
        if user.id in done:
            continue
        code, name = names.get(user.agency_id or 0, ("", ""))
        ctx = Context(at=at, base_url=settings.base_url, agency_code=code, agency_name=name)
        own = items.get(user.agency_id or 0) if user.role == Role.officer else None
        mine = difficulties if user.role == Role.coordinator else []
        composed = compose_digest(ctx, user, own, mine, news.get(user.id, []))
        if composed is not None:
            rows.append((user, composed))
    _store_digests(db, at, rows)
    return len(rows)


def _store_digests(db: Session, at: date, rows: list[tuple[digest.Recipient, Any]]) -> None:
    """One outbox row and one in-app notification per composed digest, inserted in bulk."""
    key = f"digest:{at.isoformat()}"
    have = set(db.scalars(select(Notification.user_id).where(Notification.key == key)))
    outbox, bell = [], []
    for user, composed in rows:
        state = OutboxState.pending if user.email else OutboxState.no_email
        outbox.append(
            {
                "user_id": user.id,
                "day": at,
                "kind": "digest",
                "recipient": user.email or None,
                "subject": composed.subject,
                "text_body": composed.text,
                "html_body": composed.html,
                "state": state.value,
                "attempts": 0,
                "created_at": utcnow(),
            }
        )
        if user.id not in have:
            bell.append(
                {
                    "user_id": user.id,
                    "key": key,
                    "kind": "digest",
                    "title": composed.subject,
                    "body": "",
                    "link": digest_link(at),
                    "created_at": utcnow(),
                }
            )
    if outbox:
        db.execute(insert(OutboxMessage), outbox)
    if bell:
        db.execute(insert(Notification), bell)


def _pending_ids(db: Session, at: date) -> list[int]:
    query = select(OutboxMessage.id).where(
        OutboxMessage.state == OutboxState.pending,
        OutboxMessage.recipient.is_not(None),
        OutboxMessage.endpoint_id.is_(None),  # e-mail only: webhooks have their own run
        OutboxMessage.day >= at - timedelta(days=CATCH_UP_DAYS),
        OutboxMessage.day <= at,
    )
    return list(db.scalars(query.order_by(OutboxMessage.id)))


def _already_sent(db: Session, at: date) -> int:
    query = select(func.count()).where(
        OutboxMessage.day == at, OutboxMessage.state == OutboxState.sent
    )
    return db.scalar(query) or 0


def _load(db: Session, ids: list[int]) -> list[Any]:
    query = select(
        OutboxMessage.id,
        OutboxMessage.recipient,
        OutboxMessage.subject,
        OutboxMessage.text_body,
        OutboxMessage.html_body,
    ).where(OutboxMessage.id.in_(ids), OutboxMessage.state == OutboxState.pending)
    return list(db.execute(query.order_by(OutboxMessage.id)))


def mark_attempt(
    db: Session, message_id: int, error: str | None, *, retry_at: datetime | None = None
) -> None:
    """Record one attempt: sent (error None) or the error (and when to try again), only if
    still pending. E-mail and webhook deliveries alike."""
    values: dict[str, Any] = {"attempts": OutboxMessage.attempts + 1, "last_error": error}
    if error is None:
        values |= {"state": OutboxState.sent.value, "sent_at": utcnow()}
    else:
        values["next_attempt_at"] = retry_at
    db.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.state == OutboxState.pending)
        .values(**values)
    )


def send_pending(
    *, units: UnitOfWork, settings: Settings, at: date, sender: Sender, result: RunResult
) -> None:
    """Send pending rows in id order, reading them in batches; each marked in its own
    transaction right after the server accepted it."""
    with units() as db:
        ids = _pending_ids(db, at)
        for start in range(0, len(ids), BATCH):
            for row in _load(db, ids[start : start + BATCH]):
                _send_row(db, row, sender, settings, result)
                db.commit()  # this message's own transaction, right after the send


def _send_row(db: Session, row: Any, sender: Sender, settings: Settings, result: RunResult) -> None:
    message_id, recipient, subject, text, html = row
    email = build_message(settings, to=recipient, subject=subject, text=text, html=html)
    try:
        sender.send(email)
    except (smtplib.SMTPException, OSError) as exc:
        mark_attempt(db, message_id, f"{type(exc).__name__}: {exc}"[:1000])
        result.failed += 1
        return
    mark_attempt(db, message_id, None)
    result.sent += 1


def run_notifications(
    *,
    units: UnitOfWork,
    settings: Settings,
    at: date,
    dry_run: bool = False,
    sender_factory: Callable[[Settings], Sender] = SmtpSender,
) -> RunResult:
    """Compose and send what is due at `at`. A dry run composes, counts and rolls back:
    `sent` is then the number of messages that would be sent."""
    result = RunResult(smtp=smtp_configured(settings))
    with units() as db:
        result.skipped_already_sent = _already_sent(db, at)
        result.composed = compose_day(db, at=at, settings=settings)
        if dry_run:
            result.sent = len(_pending_ids(db, at)) if result.smtp else 0
            db.rollback()
            return result
    if result.smtp:
        sender = sender_factory(settings)
        try:
            send_pending(units=units, settings=settings, at=at, sender=sender, result=result)
        finally:
            sender.close()
    with units() as db:
        after = {"at": at.isoformat(), **result.to_json(), "composed": result.composed}
        record(db, Event("notify.run", "system", None, None, after), actor=None)
    return result


def run_in_transactions(settings: Settings, *, at: date, dry_run: bool = False) -> RunResult:
    """`run_notifications()` with real transactions on the configured database (CLI, demo),
    holding the `notify-run` lock: a second run started meanwhile stops with `Busy`."""

    @contextmanager
    def units() -> Iterator[Session]:
        with transaction(settings, write=not dry_run) as db:
            yield db

    with run_lock(settings, LOCK_NAME, label="Lượt gửi nhắc việc (dxtrack notify run)"):
        return run_notifications(units=units, settings=settings, at=at, dry_run=dry_run)
