"""API shapes of the sync domain."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class TaskSync(BaseModel):
    """A task as a source system sends it (`PUT /sync/tasks/{external_id}`)."""

    document_id: int | None = None
    document_external_id: str | None = None
    clause: str = ""
    summary: str = ""
    deadline: date | None = None
    recurrence: str | None = None
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)


class UpsertRead(BaseModel):
    result: str  # created, linked, unchanged, updated, flagged
    id: int
    external_id: str
    review_note: str | None = None


class ReviewDecision(BaseModel):
    apply: bool
