"""Demo plan for `dxtrack demo`: seed 004 as a plan, from data/demo_plan.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.documents.models import Document
from dxtrack.indicators.measurements import record_measurement
from dxtrack.indicators.projects import create_project
from dxtrack.indicators.queries import plan_summary
from dxtrack.indicators.schemas import (
    IndicatorCreate,
    MeasurementCreate,
    PillarCreate,
    PlanCreate,
    ProjectCreate,
)
from dxtrack.indicators.service import create_indicator, create_plan, link_tasks

if TYPE_CHECKING:
    from dxtrack.auth.models import User

DATA = Path(__file__).parent / "data" / "demo_plan.yaml"


def _plan(db: Session, spec: dict[str, Any], actor: User | None) -> str:
    head = spec["plan"]
    document = db.scalar(
        select(Document.id).where(Document.subject == head["document_subject"]).limit(1)
    )
    pillars = [PillarCreate(name=name, clause_prefix=prefix) for name, prefix in spec["pillars"]]
    data = PlanCreate(
        code=head["code"],
        name=head["name"],
        year=head["year"],
        document_id=document,
        budget_total=head["budget_total"],
        budget_by_source=head["budget_by_source"],
        pillars=pillars,
    )
    plan = create_plan(db, data=data, actor=actor)
    if document is not None:
        link_tasks(db, plan_code=plan.code, links={}, actor=actor)
    return plan.code


def build_plan_demo(db: Session, *, settings: Settings, actor: User | None) -> str:
    """Create the demo plan with its indicators, 2024 figures and projects; its summary."""
    spec = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    code = _plan(db, spec, actor)
    measured_on = spec["measured_on"]
    for item in spec["indicators"]:
        value = item.pop("value", None)
        indicator = create_indicator(db, plan_code=code, data=IndicatorCreate(**item), actor=actor)
        if value is not None:
            data = MeasurementCreate(
                value=value, as_of=measured_on, note="Kết quả năm 2024 nêu trong Kế hoạch."
            )
            record_measurement(
                db, indicator_id=indicator.id, data=data, settings=settings, actor=actor
            )
    for item in spec["projects"]:
        create_project(db, plan_code=code, data=ProjectCreate(**item), actor=actor)
    return code


def demo_sentence(db: Session, code: str) -> str:
    return plan_summary(db, plan_code=code, at=vn.today())["sentence"]
