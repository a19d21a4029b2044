"""Writing and reading the append-only audit log (same transaction as the write)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit.events import Event
from dxtrack.audit.models import AuditEntry
from dxtrack.tasks.models import Assignment, Task

logger = logging.getLogger(__name__)

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
    logger.info(
        "write action=%s entity=%s id=%s actor=%s",
        event.action,
        event.entity,
        event.entity_id,
        entry.actor_name,
    )
    return entry


@dataclass(frozen=True)
class AuditFilters:
    """Who (`actor`: a username), when (days in the province's time zone), what."""

    entity: str | None = None
    entity_id: int | None = None
    action: str | None = None
    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    document_id: int | None = None  # the document, its tasks and their assignments


def _utc(day: date) -> datetime:
    """Midnight of `day` in the province, as the naive UTC the log stores."""
    local = datetime.combine(day, time.min, tzinfo=vn.zone())
    return local.astimezone(UTC).replace(tzinfo=None)


def _document_clause(document_id: int) -> ColumnElement[bool]:
    tasks = select(Task.id).where(Task.document_id == document_id)
    assignments = select(Assignment.id).where(Assignment.task_id.in_(tasks))
    return or_(
        and_(AuditEntry.entity == "document", AuditEntry.entity_id == document_id),
        and_(AuditEntry.entity == "task", AuditEntry.entity_id.in_(tasks)),
        and_(AuditEntry.entity == "assignment", AuditEntry.entity_id.in_(assignments)),
    )


def _where(filters: AuditFilters) -> list[ColumnElement[bool]]:
    f, clauses = filters, []
    if f.entity:
        clauses.append(AuditEntry.entity == f.entity)
    if f.entity_id is not None:
        clauses.append(AuditEntry.entity_id == f.entity_id)
    if f.action:
        clauses.append(AuditEntry.action == f.action)
    if f.actor:
        clauses.append(AuditEntry.actor_name == f.actor)
    if f.date_from:
        clauses.append(AuditEntry.at >= _utc(f.date_from))
    if f.date_to:
        clauses.append(AuditEntry.at < _utc(f.date_to + timedelta(days=1)))
    if f.document_id is not None:
        clauses.append(_document_clause(f.document_id))
    return clauses


def list_entries(
    db: Session, *, page: int = 1, page_size: int = 50, **filters: Any
) -> tuple[list[AuditEntry], int]:
    """Newest first, filtered by the AuditFilters fields; one page and the total count."""
    query = select(AuditEntry).where(*_where(AuditFilters(**filters)))
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(
        query.order_by(AuditEntry.id.desc()).offset((page - 1) * page_size).limit(page_size)
    )
    return list(rows), total
