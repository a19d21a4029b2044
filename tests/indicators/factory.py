"""Builders for plans, indicators and measurements: make_<thing>(db, **overrides)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.indicators.measurements import record_measurement
from dxtrack.indicators.models import Indicator, Measurement, Plan
from dxtrack.indicators.schemas import (
    IndicatorCreate,
    MeasurementCreate,
    PillarCreate,
    PlanCreate,
)
from dxtrack.indicators.service import DX_PILLARS, create_indicator, create_plan

_counter = itertools.count(1)
DAY = date(2025, 12, 31)


def make_plan(db: Session, **overrides: Any) -> Plan:
    """A plan with the nine digital-transformation pillars unless told otherwise."""
    n = next(_counter)
    values: dict[str, Any] = {
        "code": f"KH-{n}",
        "name": f"Kế hoạch thử nghiệm {n}",
        "year": 2025,
        "pillars": [PillarCreate(name=name) for name in DX_PILLARS],
    }
    return create_plan(db, data=PlanCreate(**(values | overrides)), actor=None)


def make_indicator(db: Session, plan: Plan, **overrides: Any) -> Indicator:
    """A «≥ 80%» indicator of `plan` led by Sở Y tế, unless told otherwise."""
    n = next(_counter)
    values: dict[str, Any] = {
        "code": f"CT{n}",
        "name": f"Tỷ lệ thử nghiệm {n}",
        "unit": "percent",
        "direction": "gte",
        "target": 80,
        "agency": "so-y-te",
    }
    data = IndicatorCreate(**(values | overrides))
    return create_indicator(db, plan_code=plan.code, data=data, actor=None)


def measure(
    db: Session,
    indicator: Indicator,
    value: float,
    *,
    settings: Settings | None = None,
    as_of: date = DAY,
    actor: Any = None,
    **overrides: Any,
) -> Measurement:
    data = MeasurementCreate(value=value, as_of=as_of, **overrides)
    return record_measurement(
        db,
        indicator_id=indicator.id,
        data=data,
        settings=settings or Settings(),
        actor=actor,
        today=max(as_of, vn.today()),
    )
