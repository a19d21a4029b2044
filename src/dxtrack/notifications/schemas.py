"""API shapes for notifications, rules, digests and explanation requests."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from dxtrack.notifications.models import RuleKind


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    title: str
    body: str
    link: str
    created_at: datetime
    read_at: datetime | None


class NotificationList(BaseModel):
    unread: int
    items: list[NotificationRead]


class UnreadCount(BaseModel):
    unread: int


class Marked(BaseModel):
    marked: int


class RuleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    days: int
    enabled: bool


class RuleCreate(BaseModel):
    model_config = ConfigDict(strict=True)

    kind: RuleKind = Field(strict=False)  # JSON sends the kind as a string
    days: int = Field(default=0, ge=0, le=365)


class RuleUpdate(BaseModel):
    model_config = ConfigDict(strict=True)

    days: int | None = Field(default=None, ge=0, le=365)
    enabled: bool | None = None


class DigestRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    subject: str
    text_body: str
    html_body: str
    state: str
    recipient: str | None
    sent_at: datetime | None


class ExplanationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    assignment_id: int
    agency_id: int
    state: str
    message: str
    deadline_at_request: date | None
    requested_at: datetime
    reason: str
    proposed_deadline: date | None
    answered_at: datetime | None
    decision_note: str
    decided_at: datetime | None


class ExplanationAsk(BaseModel):
    message: str = Field(default="", max_length=4000)
    at: date | None = None


class ExplanationAnswer(BaseModel):
    reason: str = Field(min_length=1, max_length=4000)
    proposed_deadline: date | None = None


class ExplanationDecision(BaseModel):
    model_config = ConfigDict(strict=True)

    accept: bool
    note: str = Field(default="", max_length=4000)
    deadline: date | None = Field(default=None, strict=False)
