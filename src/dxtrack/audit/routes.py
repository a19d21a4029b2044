"""/api/v1/audit: the audit log, for admins and coordinators."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from dxtrack.audit.service import list_entries
from dxtrack.deps import Db, Staff

router = APIRouter(tags=["audit"])


class AuditRead(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
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
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> AuditPage:
    rows, total = list_entries(
        db, entity=entity, entity_id=entity_id, action=action, page=page, page_size=page_size
    )
    items = [
        AuditRead(
            id=r.id,
            at=r.at,
            actor=r.actor_name,
            action=r.action,
            entity=r.entity,
            entity_id=r.entity_id,
            before=r.before,
            after=r.after,
        )
        for r in rows
    ]
    return AuditPage(items=items, total=total, page=page, page_size=page_size)
