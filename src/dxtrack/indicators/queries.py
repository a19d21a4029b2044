"""Reads: each indicator's value and achievement at a date, plan summaries and budgets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.indicators.achievement import Point, Result, aggregate, evaluate, format_value
from dxtrack.indicators.formula import NotComputable, parse_formula
from dxtrack.indicators.measurements import list_measurements
from dxtrack.indicators.models import (
    FUNDING_LABELS,
    Achievement,
    FundingSource,
    Indicator,
    Measurement,
    Pillar,
    Plan,
    Project,
)
from dxtrack.indicators.numbers import format_percent, ratio
from dxtrack.indicators.projects import list_projects, project_task_ids
from dxtrack.indicators.service import (
    get_indicator,
    get_plan,
    list_pillars,
)


@dataclass(frozen=True)
class IndicatorState:
    indicator: Any  # a row with the columns of `indicators`
    result: Result


def _points(db: Session, plan_id: int | None, at: date) -> dict[int, list[Point]]:
    query = (
        select(
            Measurement.indicator_id,
            Measurement.id,
            Measurement.as_of,
            Measurement.value,
            Measurement.agency_id,
            Measurement.weight,
        )
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(Measurement.as_of <= at)
    )
    if plan_id is not None:
        query = query.where(Indicator.plan_id == plan_id)
    found: dict[int, list[Point]] = defaultdict(list)
    for indicator_id, *rest in db.connection().execute(query):  # Core rows: no ORM overhead
        found[indicator_id].append(Point._make(rest))
    return found


class _Evaluator:
    """Values of a plan's indicators; derived ones computed from the others, once each."""

    def __init__(self, indicators: list[Any], points: dict[int, list[Point]]) -> None:
        self.by_code = {i.code: i for i in indicators}
        self.points = points
        self.values: dict[str, tuple[float | None, str]] = {}

    def value(self, code: str, depth: int = 0) -> tuple[float | None, str]:
        """(value, why missing) for one indicator code."""
        if code not in self.values:
            self.values[code] = self._compute(self.by_code[code], depth)
        return self.values[code]

    def _compute(self, indicator: Any, depth: int) -> tuple[float | None, str]:
        try:
            if not indicator.formula:
                value = aggregate(self.points.get(indicator.id, []), indicator.aggregation)
                return value, "chưa có số liệu"
            if depth > 50:
                return None, "công thức tham chiếu quá sâu"
            formula = parse_formula(indicator.formula)
            inputs: dict[str, float] = {}
            for ref in sorted(formula.codes):
                if ref not in self.by_code:
                    return None, f"công thức dùng mã không có: {ref}"
                value, _ = self.value(ref, depth + 1)
                if value is None:
                    return None, f"chưa có số liệu của chỉ tiêu {ref}"
                inputs[ref] = value
            return formula.evaluate(inputs), ""
        except NotComputable as error:
            return None, error.reason

    def result(self, indicator: Any) -> Result:
        value, missing = self.value(indicator.code)
        return evaluate(
            unit=indicator.unit,
            direction=indicator.direction,
            target=indicator.target,
            value=value,
            has_guidance=indicator.has_guidance,
            missing=missing or "chưa có số liệu",
        )


def indicator_states(db: Session, *, plan_id: int | None, at: date) -> list[IndicatorState]:
    """Every indicator of the plan (None: of every plan), in order, with its value and
    achievement at `at`. Formulas name codes of their own plan."""
    query = select(*Indicator.__table__.columns)  # plain rows: no identity map, 10k fast
    if plan_id is not None:
        query = query.where(Indicator.plan_id == plan_id)
    ordered = query.order_by(Indicator.plan_id, Indicator.position, Indicator.id)
    indicators = list(db.connection().execute(ordered))
    points = _points(db, plan_id, at)
    by_plan: dict[int, list[Any]] = defaultdict(list)
    for indicator in indicators:
        by_plan[indicator.plan_id].append(indicator)
    states: list[Any] = []
    for group in by_plan.values():
        evaluator = _Evaluator(group, points)
        states.extend(IndicatorState(i, evaluator.result(i)) for i in group)
    return states


def tally(results: list[Result]) -> dict[str, Any]:
    """Counts, both rates and the sentence `21/32 chỉ tiêu đạt (65,63%), 7/32 chưa đánh giá`."""
    total = len(results)
    counts = {status: 0 for status in Achievement}
    for result in results:
        counts[result.status] += 1
    achieved, not_evaluated = counts[Achievement.achieved], counts[Achievement.not_evaluated]
    sentence = (
        f"{achieved}/{total} chỉ tiêu đạt ({format_percent(achieved, total)}%), "
        f"{not_evaluated}/{total} chưa đánh giá"
    )
    return {
        "total": total,
        "achieved": achieved,
        "not_achieved": counts[Achievement.not_achieved],
        "not_evaluated": not_evaluated,
        "rate_all": ratio(achieved, total),
        "rate_evaluated": ratio(achieved, total - not_evaluated),
        "sentence": sentence,
    }


def _budget_warnings(plan: Plan, projects: dict[str, int] | None) -> list[str]:
    stated = {k: int(v) for k, v in (plan.budget_by_source or {}).items()}
    total = plan.budget_total
    warnings: list[str] = []
    if stated and total is not None and sum(stated.values()) != total:
        warnings.append(
            f"Tổng các nguồn vốn ({vn.number(sum(stated.values()), 2, trim=True)} đồng) khác tổng kinh phí "
            f"kế hoạch ({vn.number(total, 2, trim=True)} đồng)."
        )
    if projects is None:
        return warnings
    if total is not None and sum(projects.values()) != total:
        warnings.append(
            f"Tổng kinh phí các dự án ({vn.number(sum(projects.values()), 2, trim=True)} đồng) khác tổng "
            f"kinh phí kế hoạch ({vn.number(total, 2, trim=True)} đồng)."
        )
    for source, amount in sorted(stated.items()):
        if projects.get(source, 0) != amount:
            label = FUNDING_LABELS[FundingSource(source)]
            warnings.append(
                f"{label}: các dự án {vn.number(projects.get(source, 0), 2, trim=True)} đồng, "
                f"kế hoạch ghi {vn.number(amount, 2, trim=True)} đồng."
            )
    return warnings


def budget_summary(db: Session, plan: Plan) -> dict[str, Any]:
    """Budget by funding source (the projects' when the plan has any, else the plan's stated
    figures), reconciled with the plan's stated total and sources; mismatches as warnings."""
    query = (
        select(Project.funding_source, func.sum(Project.budget), func.count())
        .where(Project.plan_id == plan.id)
        .group_by(Project.funding_source)
    )
    by_source = {source.value: 0 for source in FundingSource}
    count = 0
    for source, amount, n in db.execute(query):
        by_source[source] = int(amount or 0)
        count += n
    stated = {k: int(v) for k, v in (plan.budget_by_source or {}).items()}
    warnings = _budget_warnings(plan, by_source if count else None)
    if not count:
        by_source |= stated
    return {
        "total": plan.budget_total,
        "by_source": by_source,
        "from": "projects" if count else "plan",
        "projects": count,
        "stated_by_source": stated,
        "reconciles": not warnings,
        "warnings": warnings,
    }


def plan_summary(db: Session, *, plan_code: str, at: date) -> dict[str, Any]:
    """The `dxtrack plans summary --json` document."""
    plan = get_plan(db, plan_code)
    states = indicator_states(db, plan_id=plan.id, at=at)
    by_pillar: dict[int | None, list[Result]] = defaultdict(list)
    for state in states:
        by_pillar[state.indicator.pillar_id].append(state.result)
    pillars = [
        {"code": p.code, "name": p.name, **tally(by_pillar.get(p.id, []))}
        for p in list_pillars(db, plan.id)
    ]
    if by_pillar.get(None):
        pillars.append({"code": None, "name": "Chưa phân trụ cột", **tally(by_pillar[None])})
    return {
        "plan": plan.code,
        "name": plan.name,
        "at": at.isoformat(),
        **tally([s.result for s in states]),
        "pillars": pillars,
        "budget": budget_summary(db, plan),
    }


def _codes(db: Session, plan_id: int) -> tuple[dict[int, str], dict[int, str]]:
    agencies = dict(db.execute(select(Agency.id, Agency.code)).all())
    pillars = dict(
        db.execute(select(Pillar.id, Pillar.code).where(Pillar.plan_id == plan_id)).all()
    )
    return agencies, pillars


def _indicator_dict(state: IndicatorState, agencies: dict, pillars: dict) -> dict[str, Any]:
    i, result = state.indicator, state.result
    return {
        "id": i.id,
        "code": i.code,
        "name": i.name,
        "unit": i.unit,
        "unit_label": i.unit_label,
        "direction": i.direction,
        "target": i.target,
        "baseline": i.baseline,
        "period": i.period,
        "pillar": pillars.get(i.pillar_id),
        "agency": agencies.get(i.agency_id),
        "target_text": format_value(i.target, i.unit),
        "data_source": i.data_source,
        "has_guidance": i.has_guidance,
        "formula": i.formula,
        "aggregation": i.aggregation,
        "note": i.note,
        "version": i.version,
        "value": result.value,
        "value_text": format_value(result.value, i.unit),
        "achievement": result.status.value,
        "achievement_label": result.label,
        "reason": result.reason,
    }


def list_indicator_rows(db: Session, *, plan_code: str, at: date) -> list[dict[str, Any]]:
    plan = get_plan(db, plan_code)
    agencies, pillars = _codes(db, plan.id)
    states = indicator_states(db, plan_id=plan.id, at=at)
    return [_indicator_dict(state, agencies, pillars) for state in states]


def indicator_detail(db: Session, *, indicator_id: int, at: date) -> dict[str, Any]:
    """One indicator with its achievement at `at` and its whole measurement history."""
    indicator = get_indicator(db, indicator_id)
    plan = db.get(Plan, indicator.plan_id)
    assert plan is not None
    agencies, pillars = _codes(db, plan.id)
    states = indicator_states(db, plan_id=plan.id, at=at)
    state = next(s for s in states if s.indicator.id == indicator_id)
    names = dict(db.execute(select(Agency.code, Agency.name)).all())
    history = list_measurements(db, indicator_id)
    for item in history:
        item["agency"] = agencies.get(item.pop("agency_id"))
        item["agency_name"] = names.get(item["agency"])
    detail = _indicator_dict(state, agencies, pillars)
    return detail | {
        "plan": plan.code,
        "agency_name": names.get(detail["agency"]),
        "history": history,
    }


def plan_detail(db: Session, code: str) -> dict[str, Any]:
    plan = get_plan(db, code)
    pillars = [
        {"code": p.code, "name": p.name, "clause_prefix": p.clause_prefix}
        for p in list_pillars(db, plan.id)
    ]
    return {
        "id": plan.id,
        "code": plan.code,
        "name": plan.name,
        "year": plan.year,
        "document_id": plan.document_id,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "budget_total": plan.budget_total,
        "budget_by_source": plan.budget_by_source or {},
        "pillars": pillars,
    }


def project_rows(db: Session, *, plan_code: str) -> list[dict[str, Any]]:
    plan = get_plan(db, plan_code)
    agencies, pillars = _codes(db, plan.id)
    projects = list_projects(db, plan.id)
    tasks = project_task_ids(db, [p.id for p in projects])
    return [
        {
            "id": p.id,
            "name": p.name,
            "agency": agencies.get(p.agency_id) if p.agency_id else None,
            "funding_source": p.funding_source,
            "funding_label": FUNDING_LABELS[FundingSource(p.funding_source)],
            "budget": p.budget,
            "budget_text": f"{vn.number(p.budget, 2, trim=True)} đồng",
            "period": p.period,
            "status": p.status,
            "pillar": pillars.get(p.pillar_id) if p.pillar_id else None,
            "task_ids": tasks[p.id],
            "note": p.note,
        }
        for p in projects
    ]
