"""In-app notifications (the bell) and the admin-configurable reminder rules."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import require_role
from dxtrack.db import rowcount, utcnow
from dxtrack.errors import Invalid, NotFound
from dxtrack.notifications.models import Notification, NotificationRule, OutboxMessage, RuleKind

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def notify(
    db: Session, *, user_id: int, key: str, kind: str, title: str, body: str = "", link: str = ""
) -> Notification | None:
    """Add an in-app notification unless this user already has one with `key`."""
    found = db.scalar(
        select(Notification.id).where(Notification.user_id == user_id, Notification.key == key)
    )
    if found is not None:
        return None
    notification = Notification(
        user_id=user_id, key=key, kind=kind, title=title[:300], body=body, link=link
    )
    db.add(notification)
    return notification


def list_notifications(
    db: Session, *, user: User, unread_only: bool = False, limit: int = 50
) -> list[Notification]:
    """The user's notifications, newest first."""
    query = select(Notification).where(Notification.user_id == user.id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return list(db.scalars(query.order_by(Notification.id.desc()).limit(limit)))


def unread_count(db: Session, *, user: User) -> int:
    query = select(func.count()).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    return db.scalar(query) or 0


def get_notification(db: Session, notification_id: int, *, user: User) -> Notification:
    """One of the user's own notifications (another user's is not found)."""
    notification = db.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound(f"Không tìm thấy thông báo #{notification_id}.")
    return notification


def mark_read(db: Session, *, user: User, notification_id: int | None = None) -> int:
    """Mark one notification (or all when None) of the user as read; returns how many.

    Read state is the user's own, not audited (like opening a letter)."""
    query = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        get_notification(db, notification_id, user=user)
        query = query.where(Notification.id == notification_id)
    return rowcount(db.execute(query.values(read_at=utcnow())))


def list_rules(db: Session) -> list[NotificationRule]:
    return list(
        db.scalars(
            select(NotificationRule).order_by(NotificationRule.kind, NotificationRule.days.desc())
        )
    )


def _rule_snapshot(rule: NotificationRule) -> dict[str, Any]:
    return {"kind": rule.kind, "days": rule.days, "enabled": rule.enabled}


def _check_days(kind: RuleKind, days: int) -> None:
    if kind == RuleKind.before_deadline and not 1 <= days <= 365:
        raise Invalid("Số ngày nhắc trước thời hạn phải từ 1 đến 365.")
    if kind == RuleKind.overdue_every and not 1 <= days <= 365:
        raise Invalid("Chu kỳ nhắc khi quá hạn phải từ 1 đến 365 ngày.")


def create_rule(db: Session, *, kind: RuleKind, days: int = 0, actor: User) -> NotificationRule:
    """Add a rule (admin)."""
    require_role(actor, Role.admin)
    _check_days(kind, days)
    rule = NotificationRule(kind=kind.value, days=days, enabled=True)
    db.add(rule)
    db.flush()
    record(db, events.created("notification_rule", rule.id, _rule_snapshot(rule)), actor=actor)
    return rule


def update_rule(
    db: Session, *, rule_id: int, days: int | None = None, enabled: bool | None = None, actor: User
) -> NotificationRule:
    """Change a rule's days or switch it on or off (admin)."""
    require_role(actor, Role.admin)
    rule = db.get(NotificationRule, rule_id)
    if rule is None:
        raise NotFound(f"Không tìm thấy quy tắc nhắc việc #{rule_id}.")
    before = _rule_snapshot(rule)
    if days is not None:
        _check_days(RuleKind(rule.kind), days)
        rule.days = days
    if enabled is not None:
        rule.enabled = enabled
    rule.updated_at = utcnow()
    record(
        db, events.updated("notification_rule", rule.id, before, _rule_snapshot(rule)), actor=actor
    )
    return rule


def active_rules(db: Session) -> dict[RuleKind, list[int]]:
    """Enabled rules as kind -> list of days."""
    rules: dict[RuleKind, list[int]] = {}
    for rule in db.scalars(select(NotificationRule).where(NotificationRule.enabled.is_(True))):
        rules.setdefault(RuleKind(rule.kind), []).append(rule.days)
    return rules


def get_digest(db: Session, *, user: User, day: date) -> OutboxMessage:
    """The user's own digest of `day` (shown in the app whether or not it was e-mailed)."""
    query = select(OutboxMessage).where(
        OutboxMessage.user_id == user.id, OutboxMessage.day == day, OutboxMessage.kind == "digest"
    )
    message = db.scalar(query)
    if message is None:
        raise NotFound(f"Không có bản tin nhắc việc ngày {vn.date_text(day)}.")
    return message


def list_digests(db: Session, *, user: User, limit: int = 30) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(OutboxMessage.user_id == user.id)
    return list(db.scalars(query.order_by(OutboxMessage.day.desc()).limit(limit)))
