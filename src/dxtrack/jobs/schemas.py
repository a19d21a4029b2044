"""API shapes of background jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class JobRead(BaseModel):
    id: int
    kind: str
    kind_label: str
    state: str
    state_label: str
    done: int
    total: int
    label: str
    error: str | None
    result: dict[str, Any]
    report: str | None  # URL of the downloadable error report, when there is one
    attempts: int
    entity: str | None
    entity_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobPage(BaseModel):
    items: list[JobRead]
    total: int
    page: int
    page_size: int
