"""API shapes for tasks, assignments, progress and statuses."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from dxtrack.tasks.models import ProgressState, Recurrence


class PartyRead(BaseModel):
    id: int
    name: str
    agency: str | None
    group: str | None
    resolved: bool
    outside: bool = False


class PartyMap(BaseModel):
    """Map a name to exactly one directory agency or group (by code), or mark it outside."""

    model_config = ConfigDict(strict=True)
    agency: str | None = None
    group: str | None = None
    outside: bool = False


class UndeliveredRead(BaseModel):
    task_id: int
    document_id: int
    document_number: str | None
    clause: str
    summary: str
    names: list[str]
    assignments: int
    ended: list[str] = []


class AssignmentBrief(BaseModel):
    id: int
    agency: str
    role: str
    period: str
    deadline: date | None
    status: str
    status_label: str
    state: str
    percent: int
    version: int


class TaskRead(BaseModel):
    id: int
    document_id: int
    clause: str
    summary: str
    full_text: str
    deadline: date | None
    recurrence: Recurrence | None
    period_day: str | None = None
    recurrence_start: date | None = None
    optional: bool
    span: tuple[int, int] | None
    review_state: str
    version: int
    lead: list[PartyRead]
    coordinators: list[PartyRead]
    assignments: list[AssignmentBrief]


class TaskCreate(BaseModel):
    model_config = ConfigDict(strict=True)
    clause: str = ""
    summary: str = Field(min_length=1)
    full_text: str = ""
    deadline: date | None = Field(default=None, strict=False)
    recurrence: Recurrence | None = Field(default=None, strict=False)
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)


class TaskUpdate(BaseModel):
    model_config = ConfigDict(strict=True)
    version: int
    clause: str | None = None
    summary: str | None = None
    full_text: str | None = None
    deadline: date | None = Field(default=None, strict=False)
    recurrence: Recurrence | None = Field(default=None, strict=False)
    period_day: str | None = None
    optional: bool | None = None
    lead: list[str] | None = None
    coordinators: list[str] | None = None


class AssignmentRead(BaseModel):
    id: int
    task_id: int
    agency: str
    agency_name: str
    role: str
    period: str
    deadline: date | None
    state: str
    percent: int
    completed_on: date | None
    version: int
    status: str
    status_label: str
    clause: str
    summary: str
    document_id: int
    document_number: str | None


class AssignmentPage(BaseModel):
    items: list[AssignmentRead]
    page: int
    page_size: int
    has_more: bool
    at: date


class EvidenceRead(BaseModel):
    id: int
    filename: str
    content_type: str
    size: int
    sha256: str


class ProgressRead(BaseModel):
    id: int
    assignment_id: int
    author: str | None
    state: ProgressState
    percent: int
    note: str
    difficulties: str
    proposals: str
    completed_on: date | None
    created_at: datetime
    evidence: list[EvidenceRead]


class AssignmentDetail(BaseModel):
    assignment: AssignmentRead
    reports: list[ProgressRead]
