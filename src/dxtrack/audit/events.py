"""Audit events: small named records of one write, stored by `audit.service.record()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = field(default=None)


def created(entity: str, entity_id: int, after: dict[str, Any]) -> Event:
    return Event(f"{entity}.create", entity, entity_id, None, after)


def updated(entity: str, entity_id: int, before: dict[str, Any], after: dict[str, Any]) -> Event:
    return Event(f"{entity}.update", entity, entity_id, before, after)


def deleted(entity: str, entity_id: int, before: dict[str, Any]) -> Event:
    return Event(f"{entity}.delete", entity, entity_id, before, None)
