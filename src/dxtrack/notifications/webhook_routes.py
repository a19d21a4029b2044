"""/api/v1/webhooks: the endpoints receiving signed events, and their deliveries (admin)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from dxtrack.deps import Admin, Db
from dxtrack.notifications import webhooks
from dxtrack.notifications.models import OutboxMessage, WebhookEndpoint

router = APIRouter(tags=["webhooks"])


class WebhookCreate(BaseModel):
    url: str
    events: list[str]
    secret: str = ""
    description: str = ""


class WebhookUpdate(BaseModel):
    url: str | None = None
    events: list[str] | None = None
    secret: str | None = None
    description: str | None = None
    enabled: bool | None = None


class WebhookRead(BaseModel):
    id: int
    url: str
    events: list[str]
    description: str
    enabled: bool
    created_at: datetime
    pending: int = 0
    sent: int = 0
    secret: str | None = Field(None, description="Only in the answer that created it")


class DeliveryRead(BaseModel):
    id: int
    event: str
    state: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    sent_at: datetime | None
    body: dict[str, Any]


def _read(endpoint: WebhookEndpoint, counts: dict[str, int] | None = None) -> WebhookRead:
    counts = counts or {}
    return WebhookRead(
        id=endpoint.id,
        url=endpoint.url,
        events=list(endpoint.events),
        description=endpoint.description,
        enabled=endpoint.enabled,
        created_at=endpoint.created_at,
        pending=counts.get("pending", 0),
        sent=counts.get("sent", 0),
    )


def _delivery(row: OutboxMessage) -> DeliveryRead:
    return DeliveryRead(
        id=row.id,
        event=row.subject,
        state=row.state,
        attempts=row.attempts,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at,
        body=json.loads(row.text_body),
    )


@router.get("/webhooks", response_model=list[WebhookRead])
def list_webhooks(db: Db, user: Admin) -> list[WebhookRead]:
    return [_read(e, counts) for e, counts in webhooks.list_endpoints(db)]


@router.post("/webhooks", response_model=WebhookRead, status_code=201)
def create_webhook(body: WebhookCreate, db: Db, user: Admin) -> WebhookRead:
    """A new endpoint; the answer carries its secret (generated when empty) once."""
    endpoint = webhooks.create_endpoint(
        db,
        url=body.url,
        events=body.events,
        secret=body.secret,
        description=body.description,
        actor=user,
    )
    return _read(endpoint).model_copy(update={"secret": endpoint.secret})


@router.patch("/webhooks/{endpoint_id}", response_model=WebhookRead)
def update_webhook(endpoint_id: int, body: WebhookUpdate, db: Db, user: Admin) -> WebhookRead:
    changes = body.model_dump(exclude_unset=True)
    return _read(webhooks.update_endpoint(db, endpoint_id=endpoint_id, changes=changes, actor=user))


@router.delete("/webhooks/{endpoint_id}", status_code=204)
def delete_webhook(endpoint_id: int, db: Db, user: Admin) -> Response:
    webhooks.delete_endpoint(db, endpoint_id=endpoint_id, actor=user)
    return Response(status_code=204)


@router.get("/webhooks/{endpoint_id}/deliveries", response_model=list[DeliveryRead])
def list_deliveries(endpoint_id: int, db: Db, user: Admin) -> list[DeliveryRead]:
    webhooks.get_endpoint(db, endpoint_id)
    return [_delivery(row) for row in webhooks.list_deliveries(db, endpoint_id=endpoint_id)]
