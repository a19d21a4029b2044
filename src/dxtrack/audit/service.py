"""Writing and reading the append-only audit log (same transaction as the write)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.audit.events import Event
from dxtrack.audit.models import AuditEntry

if TYPE_CHECKING:
    from dxtrack.auth.models import User

SYSTEM = "hệ thống"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def record(db: Session, event: Event, *, actor: User | None) -> AuditEntry:
    """Append one audit row for `event`, done by `actor` (None: the system)."""
    entry = AuditEntry(
        actor_id=actor.id if actor else None,
        actor_name=actor.username if actor else SYSTEM,
        action=event.action,
        entity=event.entity,
        entity_id=event.entity_id,
        before=_jsonable(event.before),
        after=_jsonable(event.after),
    )
    db.add(entry)
    return entry


def list_entries(
    db: Session,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    action: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> tuple[list[AuditEntry], int]:
    """Newest first, filtered; returns one page and the total count."""
    query = select(AuditEntry)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    if action:
        query = query.where(AuditEntry.action == action)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(AuditEntry.id.desc()).offset((page - 1) * page_size).limit(page_size)
    )
    return list(rows), total
