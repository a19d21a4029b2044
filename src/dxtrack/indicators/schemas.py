"""API shapes for plans, pillars, indicators, measurements and projects."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dxtrack.indicators.models import Aggregation, Direction, FundingSource, ProjectStatus, Unit


class Input(BaseModel):
    """Inputs refuse unknown fields (a typo is an error, not a silent default)."""

    model_config = ConfigDict(extra="forbid")


class PillarCreate(Input):
    name: str = Field(min_length=1, max_length=300)
    code: str | None = Field(None, max_length=64)
    clause_prefix: str | None = Field(None, max_length=60)


class PlanCreate(Input):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    name: str = Field(min_length=1, max_length=500)
    year: int = Field(ge=1990, le=2100)
    document_id: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    budget_total: int | None = Field(None, ge=0)
    budget_by_source: dict[FundingSource, int] = Field(default_factory=dict)
    pillars: list[PillarCreate] = Field(default_factory=list)


class PlanRead(BaseModel):
    id: int
    code: str
    name: str
    year: int
    document_id: int | None
    period_start: date | None
    period_end: date | None
    budget_total: int | None
    budget_by_source: dict[str, int]
    pillars: list[dict[str, Any]] = Field(default_factory=list)


class TaskLinks(Input):
    """task id -> pillar code (None: linked without pillar); empty: link by clause prefix."""

    links: dict[int, str | None] = Field(default_factory=dict)


class IndicatorCreate(Input):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    unit: Unit
    unit_label: str = Field("", max_length=60)
    direction: Direction = Direction.at_least
    target: float | None = None
    baseline: float | None = None
    period: str = Field("", max_length=60)
    pillar: str | None = None
    agency: str | None = None
    data_source: str = Field("", max_length=300)
    has_guidance: bool = True
    formula: str | None = Field(None, max_length=500)
    aggregation: Aggregation = Aggregation.latest
    note: str = ""
    position: int | None = None


class IndicatorUpdate(Input):
    version: int
    name: str | None = None
    unit: Unit | None = None
    unit_label: str | None = None
    direction: Direction | None = None
    target: float | None = None
    baseline: float | None = None
    period: str | None = None
    pillar: str | None = None
    agency: str | None = None
    data_source: str | None = None
    has_guidance: bool | None = None
    formula: str | None = None
    aggregation: Aggregation | None = None
    note: str | None = None


class MeasurementCreate(Input):
    value: float
    as_of: date | None = None
    agency: str | None = None
    weight: float | None = Field(None, ge=0)
    note: str = ""


class ProjectCreate(Input):
    name: str = Field(min_length=1)
    agency: str | None = None
    funding_source: FundingSource
    budget: int = Field(0, ge=0)
    period: str = Field("", max_length=60)
    status: ProjectStatus = ProjectStatus.planned
    pillar: str | None = None
    task_ids: list[int] = Field(default_factory=list)
    note: str = ""


class RollupWeights(Input):
    tasks: float = Field(0.5, ge=0)
    indicators: float = Field(0.5, ge=0)
