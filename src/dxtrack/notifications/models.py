"""Notification rules, in-app notifications, the e-mail outbox and explanation requests."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, enum_check, utcnow


class RuleKind(StrEnum):
    before_deadline = "before_deadline"  # `days` before the deadline
    on_deadline = "on_deadline"
    overdue_every = "overdue_every"  # every `days` days while overdue
    difficulty_report = "difficulty_report"  # coordinators, when a report has difficulties


RULE_LABELS = {
    RuleKind.before_deadline: "Nhắc trước thời hạn (ngày)",
    RuleKind.on_deadline: "Nhắc đúng ngày đến hạn",
    RuleKind.overdue_every: "Nhắc định kỳ khi quá hạn (mỗi … ngày)",
    RuleKind.difficulty_report: "Báo chuyên viên điều phối khi có báo cáo nêu khó khăn, vướng mắc",
}


class OutboxState(StrEnum):
    pending = "pending"  # composed, not yet sent (SMTP off, failed, or not reached yet)
    sent = "sent"
    no_email = "no_email"  # the user has no e-mail address: visible in the app only


class ExplanationState(StrEnum):
    requested = "requested"
    answered = "answered"
    accepted = "accepted"
    rejected = "rejected"


EXPLANATION_LABELS = {
    ExplanationState.requested: "Chờ giải trình",
    ExplanationState.answered: "Đã giải trình, chờ xem xét",
    ExplanationState.accepted: "Đã chấp thuận gia hạn",
    ExplanationState.rejected: "Không chấp thuận",
}


class NotificationRule(Base):
    """One admin-configurable reminder rule (defaults seeded by the migration)."""

    __tablename__ = "notification_rules"
    __table_args__ = (CheckConstraint(enum_check("kind", RuleKind), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    days: Mapped[int] = mapped_column(default=0)
    enabled: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(Base):
    """An in-app notification of one user; `key` makes creating it idempotent."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        Index("ix_notifications_user_read", "user_id", "read_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """One digest e-mail per user and day: composed once, marked sent right after sending.

    Webhook deliveries (notifications/webhooks.py) queue here too: `kind` "webhook", no user,
    `endpoint_id` set, `subject` the event, `text_body` the JSON body, retried at
    `next_attempt_at` with exponential backoff."""

    __tablename__ = "notification_outbox"
    __table_args__ = (
        UniqueConstraint("user_id", "day", "kind"),
        CheckConstraint(enum_check("state", OutboxState), name="state"),
        Index("ix_notification_outbox_state_day", "state", "day"),
        Index("ix_notification_outbox_endpoint_state", "endpoint_id", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(32), default="digest")
    recipient: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=OutboxState.pending)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    endpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    next_attempt_at: Mapped[datetime | None]


class WebhookEvent(StrEnum):
    status_changed = "assignment.status_changed"
    progress_reported = "progress.reported"


WEBHOOK_EVENT_LABELS = {
    WebhookEvent.status_changed: "Tình trạng phân công thay đổi",
    WebhookEvent.progress_reported: "Có báo cáo tiến độ mới",
}


class WebhookEndpoint(Base):
    """An address of another system that receives signed events (admin-configured)."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(200))
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(String(200), default="")
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ExplanationRequest(Base):
    """Yêu cầu giải trình: asked by a coordinator, answered by the agency, then decided."""

    __tablename__ = "explanation_requests"
    __table_args__ = (
        CheckConstraint(enum_check("state", ExplanationState), name="state"),
        Index("ix_explanation_requests_assignment", "assignment_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default=ExplanationState.requested)
    message: Mapped[str] = mapped_column(Text, default="")
    deadline_at_request: Mapped[date | None]
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    proposed_deadline: Mapped[date | None]
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
