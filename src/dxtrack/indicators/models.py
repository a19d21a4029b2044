"""Plans (kế hoạch), pillars, indicators (chỉ tiêu), measurements and projects (dự án)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, enum_check, utcnow


class Unit(StrEnum):
    percent = "percent"
    count = "count"  # type: ignore[assignment]  # a member named like str.count
    vnd = "vnd"
    yes_no = "yes_no"


class Direction(StrEnum):
    at_least = "gte"
    at_most = "lte"
    equal = "eq"
    achieved = "yes_no"


class Aggregation(StrEnum):
    """How per-agency measurements combine: the latest figure, or each agency's latest."""

    latest = "latest"
    sum = "sum"
    mean = "mean"
    weighted = "weighted"


class FundingSource(StrEnum):
    recurrent = "recurrent"  # vốn sự nghiệp
    investment = "investment"  # vốn đầu tư
    other = "other"


class ProjectStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class Achievement(StrEnum):
    achieved = "achieved"
    not_achieved = "not_achieved"
    not_evaluated = "not_evaluated"


UNIT_LABELS = {Unit.percent: "%", Unit.count: "Số lượng", Unit.vnd: "Đồng", Unit.yes_no: "Có/Không"}
ACHIEVEMENT_LABELS = {
    Achievement.achieved: "Đạt",
    Achievement.not_achieved: "Không đạt",
    Achievement.not_evaluated: "Chưa đánh giá",
}
FUNDING_LABELS = {
    FundingSource.recurrent: "Vốn sự nghiệp",
    FundingSource.investment: "Vốn đầu tư",
    FundingSource.other: "Nguồn khác",
}
PROJECT_STATUS_LABELS = {
    ProjectStatus.planned: "Chưa triển khai",
    ProjectStatus.in_progress: "Đang triển khai",
    ProjectStatus.done: "Hoàn thành",
    ProjectStatus.cancelled: "Dừng thực hiện",
}


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    year: Mapped[int]
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    budget_total: Mapped[int | None] = mapped_column(BigInteger)
    budget_by_source: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Pillar(Base):
    """A pillar (trụ cột, nhóm nhiệm vụ) of a plan; tasks under `clause_prefix` belong to it."""

    __tablename__ = "plan_pillars"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    clause_prefix: Mapped[str | None] = mapped_column(String(60))


plan_tasks = Table(
    "plan_tasks",
    Base.metadata,
    Column("plan_id", ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("pillar_id", ForeignKey("plan_pillars.id", ondelete="SET NULL"), nullable=True),
    Index("ix_plan_tasks_task", "task_id"),
)


class Indicator(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("plan_id", "code"),
        CheckConstraint(enum_check("unit", Unit), name="unit"),
        CheckConstraint(enum_check("direction", Direction), name="direction"),
        CheckConstraint(enum_check("aggregation", Aggregation), name="aggregation"),
        Index("ix_indicators_agency", "agency_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_pillars.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(16))
    unit_label: Mapped[str] = mapped_column(String(60), default="")
    direction: Mapped[str] = mapped_column(String(8))
    target: Mapped[float | None] = mapped_column(Float)
    baseline: Mapped[float | None] = mapped_column(Float)
    period: Mapped[str] = mapped_column(String(60), default="")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    data_source: Mapped[str] = mapped_column(String(300), default="")
    has_guidance: Mapped[bool] = mapped_column(default=True)
    formula: Mapped[str | None] = mapped_column(String(500))
    aggregation: Mapped[str] = mapped_column(String(16), default=Aggregation.latest)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)


class Measurement(Base):
    """One reported figure; history is append-only, the latest by as-of date counts."""

    __tablename__ = "measurements"
    __table_args__ = (Index("ix_measurements_indicator_as_of", "indicator_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    value: Mapped[float] = mapped_column(Float)
    as_of: Mapped[date]
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    weight: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MeasurementEvidence(Base):
    __tablename__ = "measurement_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("measurements.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(String(300))


class Project(Base):
    """A project or funded task (danh mục nhiệm vụ, dự án) of a plan."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(enum_check("funding_source", FundingSource), name="funding_source"),
        CheckConstraint(enum_check("status", ProjectStatus), name="status"),
        CheckConstraint("budget >= 0", name="budget"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_pillars.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    funding_source: Mapped[str] = mapped_column(String(16))
    budget: Mapped[int] = mapped_column(BigInteger, default=0)
    period: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(16), default=ProjectStatus.planned)
    note: Mapped[str] = mapped_column(Text, default="")


project_tasks = Table(
    "project_tasks",
    Base.metadata,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
)
