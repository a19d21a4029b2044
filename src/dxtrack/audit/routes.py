"""/api/v1/audit: the audit log, for admins and coordinators."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from dxtrack.audit.describe import action_label, describe, load_names
from dxtrack.audit.service import list_entries
from dxtrack.deps import Db, Staff

router = APIRouter(tags=["audit"])


class AuditRead(BaseModel):
    id: int
    at: datetime
    actor: str
    text: str  # the entry as a Vietnamese sentence
    action: str
    action_label: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(BaseModel):
    items: list[AuditRead]
    total: int
    page: int
    page_size: int


@router.get("/audit", response_model=AuditPage)
def read_audit(
    db: Db,
    _staff: Staff,
    entity: str | None = None,
    entity_id: int | None = None,
    action: str | None = None,
    actor: str | None = Query(None, description="tên đăng nhập"),
    date_from: date | None = None,
    date_to: date | None = None,
    document_id: int | None = Query(None, description="văn bản, các nhiệm vụ và phân công của nó"),
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> AuditPage:
    """The log, newest first, each entry also as a Vietnamese sentence (`text`)."""
    rows, total = list_entries(
        db,
        entity=entity,
        entity_id=entity_id,
        action=action,
        actor=actor,
        date_from=date_from,
        date_to=date_to,
        document_id=document_id,
        page=page,
        page_size=page_size,
    )
    names = load_names(db, rows)
    items = [
        AuditRead(
            id=r.id,
            at=r.at,
            actor=r.actor_name,
            text=describe(r, names),
            action=r.action,
            action_label=action_label(r.action),
            entity=r.entity,
            entity_id=r.entity_id,
            before=r.before,
            after=r.after,
        )
        for r in rows
    ]
    return AuditPage(items=items, total=total, page=page, page_size=page_size)
