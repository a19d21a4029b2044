"""Roll-up index: per agency and per pillar, task on-time rate and indicator achievement
combined with configurable weights, then ranked (the multi-level index leaders read).

Levels: one plan (agencies, pillars) or the province (agencies, pillars merged by code, plans).
A plan's tasks are its linked tasks (`plan_tasks`, as on the dashboard and in reports).
Task on-time rates come from tasks/stats.py: `scorecard()` per agency (the plan's tasks, or
every assignment province-wide), and `ScoreRow` over counts taken with the one status
definition (`tasks.queries.assignment_status`) per pillar and per plan. Indicator achievement is achieved / evaluated.
A missing component leaves the other alone.
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
from dxtrack.indicators.models import Pillar, Plan, plan_tasks
from dxtrack.indicators.queries import IndicatorState, indicator_states, tally
from dxtrack.indicators.schemas import RollupWeights
from dxtrack.indicators.service import get_plan, list_pillars, list_plans, plan_task_ids
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
    sentence: str = ""

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
            "sentence": self.sentence,
            "score": self.score(weights),
        }


def _ranked(
    rows: list[IndexRow], weights: RollupWeights, keep_all: bool = False
) -> list[dict[str, Any]]:
    items = [row.to_dict(weights) for row in rows if row.assigned or row.indicators or keep_all]
    items.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0), r["code"] or ""))
    for rank, item in enumerate(items, start=1):
        item["rank"] = rank if item["score"] is not None else None
    return items


def _indicator_rates(results: dict[Any, list[Result]], row: IndexRow, key: Any) -> None:
    counted = tally(results.get(key, []))
    row.indicators = counted["total"]
    row.indicator_rate = counted["rate_evaluated"]
    row.sentence = counted["sentence"]


def _task_scores(db: Session, plan: Plan | None, at: date, days: int) -> list[ScoreRow]:
    """Per agency: the plan's linked tasks, or every assignment province-wide."""
    if plan is None:
        return scorecard(db, at=at, due_soon_days=days)
    filters = Filters(task_ids=plan_task_ids(plan.id))
    return scorecard(db, at=at, filters=filters, due_soon_days=days)


def _agency_rows(
    db: Session, plan: Plan | None, at: date, results: dict[Any, list[Result]], days: int
) -> list[IndexRow]:
    rows: dict[str, IndexRow] = {}
    for score in _task_scores(db, plan, at, days):
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


def _pillar_task_rows(db: Session, plan: Plan | None, at: date, days: int) -> dict:
    """Status counts of the linked tasks' assignments per pillar code (one status definition)."""
    status = assignment_status(at, days)
    query = (
        select(Pillar.code, status, func.count())
        .select_from(Assignment)
        .join(plan_tasks, plan_tasks.c.task_id == Assignment.task_id)
        .outerjoin(Pillar, Pillar.id == plan_tasks.c.pillar_id)
        .group_by(Pillar.code, status)
    )
    if plan is not None:
        query = query.where(plan_tasks.c.plan_id == plan.id)
    scores: dict[str | None, ScoreRow] = {}
    for code, state, count in db.execute(query):
        scores.setdefault(code, ScoreRow("", "")).counts[state] += int(count)
    return scores


def _pillars(db: Session, plan: Plan | None) -> list[tuple[str, str]]:
    """(code, name) of the plan's pillars, or of every plan's pillars merged by code."""
    if plan is not None:
        return [(p.code, p.name) for p in list_pillars(db, plan.id)]
    query = select(Pillar.code, func.min(Pillar.name), func.min(Pillar.position))
    rows = db.execute(query.group_by(Pillar.code).order_by(func.min(Pillar.position), Pillar.code))
    return [(code, name) for code, name, _ in rows]


def _pillar_rows(
    db: Session, plan: Plan | None, at: date, results: dict[Any, list[Result]], days: int
) -> list[IndexRow]:
    scores = _pillar_task_rows(db, plan, at, days)
    rows = []
    for code, name in _pillars(db, plan):
        score = scores.get(code)
        row = IndexRow(code, name)
        if score is not None:
            row.task_rate, row.assigned = score.on_time_rate, score.assigned
        _indicator_rates(results, row, code)
        rows.append(row)
    return rows


def _plan_scores(db: Session, at: date, days: int) -> dict[int, ScoreRow]:
    """Status counts of each plan's linked tasks, one grouped query (one status definition)."""
    status = assignment_status(at, days)
    query = (
        select(plan_tasks.c.plan_id, status, func.count())
        .select_from(Assignment)
        .join(plan_tasks, plan_tasks.c.task_id == Assignment.task_id)
        .group_by(plan_tasks.c.plan_id, status)
    )
    scores: dict[int, ScoreRow] = {}
    for plan_id, state, count in db.execute(query):
        scores.setdefault(plan_id, ScoreRow("", "")).counts[state] += int(count)
    return scores


def _plan_rows(
    db: Session, at: date, results: dict[Any, list[Result]], days: int
) -> list[IndexRow]:
    """Province level: one row per plan (its linked tasks, its indicators)."""
    scores = _plan_scores(db, at, days)
    rows = []
    for plan in list_plans(db):
        row = IndexRow(plan.code, plan.name)
        score = scores.get(plan.id)
        if score is not None:
            row.task_rate, row.assigned = score.on_time_rate, score.assigned
        _indicator_rates(results, row, plan.id)
        rows.append(row)
    return rows


def _group(states: list[IndicatorState], pillar_codes: dict[int, str]) -> dict[str, dict]:
    groups: dict[str, dict[Any, list[Result]]] = {
        "agency": defaultdict(list),
        "pillar": defaultdict(list),
        "plan": defaultdict(list),
    }
    for state in states:
        indicator = state.indicator
        groups["agency"][indicator.agency_id].append(state.result)
        groups["pillar"][pillar_codes.get(indicator.pillar_id or 0)].append(state.result)
        groups["plan"][indicator.plan_id].append(state.result)
    return groups


def rollup(
    db: Session,
    *,
    plan_code: str | None,
    at: date,
    weights: RollupWeights | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> dict[str, Any]:
    """The index per agency and per pillar of one plan, or province-wide (`plan_code` None:
    every assignment and every plan's indicators, pillars merged by code, plus one row per
    plan), each level ranked by composite score."""
    weights = weights or RollupWeights()
    if weights.tasks + weights.indicators <= 0:
        raise Invalid("Tổng trọng số phải lớn hơn 0.")
    plan = get_plan(db, plan_code) if plan_code else None
    states = indicator_states(db, plan_id=plan.id if plan else None, at=at)
    pillar_codes = dict(db.execute(select(Pillar.id, Pillar.code)).all())
    groups = _group(states, pillar_codes)
    days = due_soon_days
    index = {
        "plan": plan.code if plan else None,
        "at": at.isoformat(),
        "weights": {"tasks": weights.tasks, "indicators": weights.indicators},
        "agencies": _ranked(_agency_rows(db, plan, at, groups["agency"], days), weights),
        "pillars": _ranked(_pillar_rows(db, plan, at, groups["pillar"], days), weights),
    }
    if plan is None:
        index["plans"] = _ranked(_plan_rows(db, at, groups["plan"], days), weights, True)
    return index
