"""Roll-up index: per agency and per pillar, task on-time rate and indicator achievement
combined with configurable weights, then ranked (the multi-level index leaders read).

Task on-time rates come from tasks/stats.py: `scorecard()` per agency for the plan's
document, and `ScoreRow` over counts taken with the one status definition per pillar.
Indicator achievement is achieved / evaluated. A missing component leaves the other alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.errors import Invalid
from dxtrack.indicators.achievement import Result
from dxtrack.indicators.models import Plan, plan_tasks
from dxtrack.indicators.queries import indicator_states, tally
from dxtrack.indicators.schemas import RollupWeights
from dxtrack.indicators.service import get_plan, list_pillars
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.queries import Filters, assignment_status
from dxtrack.tasks.stats import ScoreRow, scorecard
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS


@dataclass
class IndexRow:
    code: str | None
    name: str
    task_rate: float | None = None
    assigned: int = 0
    indicators: int = 0
    indicator_rate: float | None = None

    def score(self, weights: RollupWeights) -> float | None:
        parts = [
            (weights.tasks, self.task_rate),
            (weights.indicators, self.indicator_rate),
        ]
        used = [(w, v) for w, v in parts if v is not None and w > 0]
        total = sum(w for w, _ in used)
        return round(sum(w * v for w, v in used) / total, 4) if total else None

    def to_dict(self, weights: RollupWeights) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "assigned": self.assigned,
            "task_on_time_rate": self.task_rate,
            "indicators": self.indicators,
            "indicator_rate": self.indicator_rate,
            "score": self.score(weights),
        }


def _ranked(rows: list[IndexRow], weights: RollupWeights) -> list[dict[str, Any]]:
    items = [row.to_dict(weights) for row in rows if row.assigned or row.indicators]
    items.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0), r["code"] or ""))
    for rank, item in enumerate(items, start=1):
        item["rank"] = rank if item["score"] is not None else None
    return items


def _indicator_rates(results: dict[Any, list[Result]], row: IndexRow, key: Any) -> None:
    counted = tally(results.get(key, []))
    row.indicators = counted["total"]
    row.indicator_rate = counted["rate_evaluated"]


def _agency_rows(
    db: Session, plan: Plan, at: date, results: dict[Any, list[Result]], due_soon_days: int
) -> list[IndexRow]:
    rows: dict[str, IndexRow] = {}
    if plan.document_id is not None:
        filters = Filters(document_id=plan.document_id)
        for score in scorecard(db, at=at, filters=filters, due_soon_days=due_soon_days):
            rows[score.code] = IndexRow(
                score.code, score.name, task_rate=score.on_time_rate, assigned=score.assigned
            )
    ids = [key for key in results if key is not None]
    for agency_id, code, name in db.execute(
        select(Agency.id, Agency.code, Agency.name).where(Agency.id.in_(ids))
    ):
        row = rows.setdefault(code, IndexRow(code, name))
        _indicator_rates(results, row, agency_id)
    return list(rows.values())


def _pillar_task_rows(db: Session, plan: Plan, at: date, due_soon_days: int) -> dict:
    status = assignment_status(at, due_soon_days)
    query = (
        select(plan_tasks.c.pillar_id, status, func.count())
        .select_from(Assignment)
        .join(plan_tasks, plan_tasks.c.task_id == Assignment.task_id)
        .where(plan_tasks.c.plan_id == plan.id)
        .group_by(plan_tasks.c.pillar_id, status)
    )
    scores: dict[int | None, ScoreRow] = {}
    for pillar_id, state, count in db.execute(query):
        scores.setdefault(pillar_id, ScoreRow("", "")).counts[state] += int(count)
    return scores


def _pillar_rows(
    db: Session, plan: Plan, at: date, results: dict[Any, list[Result]], due_soon_days: int
) -> list[IndexRow]:
    scores = _pillar_task_rows(db, plan, at, due_soon_days)
    rows = []
    for pillar in list_pillars(db, plan.id):
        score = scores.get(pillar.id)
        row = IndexRow(pillar.code, pillar.name)
        if score is not None:
            row.task_rate, row.assigned = score.on_time_rate, score.assigned
        _indicator_rates(results, row, pillar.id)
        rows.append(row)
    return rows


def rollup(
    db: Session,
    *,
    plan_code: str,
    at: date,
    weights: RollupWeights | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> dict[str, Any]:
    """The plan's index per agency and per pillar, each ranked by composite score."""
    weights = weights or RollupWeights()
    if weights.tasks + weights.indicators <= 0:
        raise Invalid("Tổng trọng số phải lớn hơn 0.")
    plan = get_plan(db, plan_code)
    states = indicator_states(db, plan_id=plan.id, at=at)
    by_agency: dict[Any, list[Result]] = defaultdict(list)
    by_pillar: dict[Any, list[Result]] = defaultdict(list)
    for state in states:
        by_agency[state.indicator.agency_id].append(state.result)
        by_pillar[state.indicator.pillar_id].append(state.result)
    return {
        "plan": plan.code,
        "at": at.isoformat(),
        "weights": {"tasks": weights.tasks, "indicators": weights.indicators},
        "agencies": _ranked(_agency_rows(db, plan, at, by_agency, due_soon_days), weights),
        "pillars": _ranked(_pillar_rows(db, plan, at, by_pillar, due_soon_days), weights),
    }
