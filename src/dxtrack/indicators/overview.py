"""The dashboard's indicator panel: per plan, the achievement sentence and bar, and the
indicators that miss their target (for an officer: those their agency is responsible for)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.indicators.charts import pillar_bars
from dxtrack.indicators.models import Achievement, Plan
from dxtrack.indicators.queries import indicator_states, tally
from dxtrack.indicators.service import get_plan, list_pillars, list_plans

PLANS_SHOWN = 3
MISSED_SHOWN = 5


def dashboard_plans(
    db: Session,
    *,
    at: date,
    plan_code: str | None = None,
    pillar_code: str | None = None,
    agency_ids: Collection[int] | None = None,
    missed_shown: int | None = MISSED_SHOWN,
) -> list[dict[str, Any]]:
    """The chosen plan (and pillar), or the latest `PLANS_SHOWN` plans, with their indicator
    achievement at `at` and the first `missed_shown` (None: all) indicators missing their
    target; `agency_ids` narrows to those agencies' indicators (plans without any are left
    out). The dashboard and the periodic report both read it."""
    plans: list[Plan] = [get_plan(db, plan_code)] if plan_code else list_plans(db)[:PLANS_SHOWN]
    names = dict(db.execute(select(Agency.id, Agency.name)).all()) if plans else {}
    panel = []
    for plan in plans:
        pillar_ids = {p.id for p in list_pillars(db, plan.id) if p.code == pillar_code}
        states = [
            s
            for s in indicator_states(db, plan_id=plan.id, at=at)
            if (agency_ids is None or s.indicator.agency_id in agency_ids)
            and (not pillar_code or s.indicator.pillar_id in pillar_ids)
        ]
        if not states:
            continue
        counts = tally([s.result for s in states])
        missed = [s for s in states if s.result.status == Achievement.not_achieved]
        panel.append(
            {
                "code": plan.code,
                "name": plan.name,
                **counts,
                "bar": pillar_bars([{"name": plan.name, "code": plan.code, **counts}])[0],
                "missed": [
                    {
                        "id": s.indicator.id,
                        "code": s.indicator.code,
                        "name": s.indicator.name,
                        "agency": names.get(s.indicator.agency_id, ""),
                        "reason": s.result.reason,
                    }
                    for s in missed[:missed_shown]
                ],
                "more_missed": max(0, len(missed) - len(missed[:missed_shown])),
            }
        )
    return panel
