"""Plans, pillars, the plan's tasks, indicators and projects: reads and audited writes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.service import get_agency
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.db import AnySelect
from dxtrack.documents.service import get_document
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.indicators.formula import parse_formula
from dxtrack.indicators.models import (
    UNIT_LABELS,
    Indicator,
    Pillar,
    Plan,
    plan_tasks,
)
from dxtrack.indicators.schemas import (
    IndicatorCreate,
    IndicatorUpdate,
    PillarCreate,
    PlanCreate,
)
from dxtrack.tasks.models import Task

if TYPE_CHECKING:
    from dxtrack.auth.models import User

# The nine pillars (nhóm nhiệm vụ) of a provincial digital-transformation plan (seed 004, III).
DX_PILLARS = (
    "Lãnh đạo, chỉ đạo",
    "Thể chế số",
    "Hạ tầng số",
    "Nhân lực số",
    "Dữ liệu số",
    "An toàn thông tin mạng",
    "Chính quyền số",
    "Kinh tế số và xã hội số",
    "Truyền thông",
)
INDICATOR_FIELDS = (
    "code", "name", "unit", "unit_label", "direction", "target", "baseline", "period",
    "pillar_id", "agency_id", "data_source", "has_guidance", "formula", "aggregation", "note",
)  # fmt: skip


def slugify(name: str) -> str:
    folded = vn.fold(name, accents=False)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:64] or "tru-cot"


def require_writer(actor: User | None) -> None:
    """Plans, indicators, projects and imports: staff only (None: the system, e.g. the CLI)."""
    if actor is not None:
        require_staff(actor)


def find_plan(db: Session, code: str) -> Plan | None:
    return db.scalar(select(Plan).where(Plan.code == code))


def get_plan(db: Session, code: str) -> Plan:
    plan = find_plan(db, code)
    if plan is None:
        raise NotFound(f"Không tìm thấy kế hoạch «{code}».")
    return plan


def list_plans(db: Session) -> list[Plan]:
    return list(db.scalars(select(Plan).order_by(Plan.year.desc(), Plan.code)))


def list_pillars(db: Session, plan_id: int) -> list[Pillar]:
    query = select(Pillar).where(Pillar.plan_id == plan_id)
    return list(db.scalars(query.order_by(Pillar.position, Pillar.id)))


def get_pillar(db: Session, plan_id: int, code: str) -> Pillar:
    pillar = db.scalar(select(Pillar).where(Pillar.plan_id == plan_id, Pillar.code == code))
    if pillar is None:
        raise NotFound(f"Kế hoạch không có trụ cột «{code}».")
    return pillar


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    return {
        "code": plan.code,
        "name": plan.name,
        "year": plan.year,
        "document_id": plan.document_id,
        "budget_total": plan.budget_total,
        "budget_by_source": plan.budget_by_source,
    }


def create_plan(db: Session, *, data: PlanCreate, actor: User | None) -> Plan:
    """A plan with its pillars; Conflict when the code is taken."""
    require_writer(actor)
    if find_plan(db, data.code) is not None:
        raise Conflict(f"Mã kế hoạch «{data.code}» đã tồn tại.")
    if data.document_id is not None:
        get_document(db, data.document_id)
    plan = Plan(
        code=data.code,
        name=data.name,
        year=data.year,
        document_id=data.document_id,
        period_start=data.period_start,
        period_end=data.period_end,
        budget_total=data.budget_total,
        budget_by_source={str(k.value): v for k, v in data.budget_by_source.items()},
    )
    db.add(plan)
    db.flush()
    record(db, events.created("plan", plan.id, plan_snapshot(plan)), actor=actor)
    for pillar in data.pillars:
        add_pillar(db, plan=plan, data=pillar, actor=actor)
    return plan


def add_pillar(db: Session, *, plan: Plan, data: PillarCreate, actor: User | None) -> Pillar:
    require_writer(actor)
    existing = list_pillars(db, plan.id)
    code = data.code or slugify(data.name)
    if any(p.code == code for p in existing):
        raise Conflict(f"Trụ cột «{code}» đã có trong kế hoạch.")
    pillar = Pillar(
        plan_id=plan.id,
        position=len(existing) + 1,
        code=code,
        name=data.name,
        clause_prefix=data.clause_prefix,
    )
    db.add(pillar)
    db.flush()
    after = {"plan": plan.code, "code": code, "name": data.name, "prefix": data.clause_prefix}
    record(db, events.created("pillar", pillar.id, after), actor=actor)
    return pillar


def _pillar_for_clause(pillars: list[Pillar], clause: str) -> Pillar | None:
    """The pillar whose clause prefix is the longest one `clause` starts with."""
    matching = [
        p
        for p in pillars
        if p.clause_prefix
        and (clause == p.clause_prefix or clause.startswith(p.clause_prefix.rstrip(".") + "."))
    ]
    return max(matching, key=lambda p: len(p.clause_prefix or ""), default=None)


def _links_by_prefix(db: Session, plan: Plan) -> dict[int, int | None]:
    if plan.document_id is None:
        raise Invalid("Kế hoạch chưa gắn với văn bản nên không tự liên kết được nhiệm vụ.")
    pillars = list_pillars(db, plan.id)
    tasks = db.execute(select(Task.id, Task.clause).where(Task.document_id == plan.document_id))
    links: dict[int, int | None] = {}
    for task_id, clause in tasks:
        pillar = _pillar_for_clause(pillars, clause or "")
        links[task_id] = pillar.id if pillar else None
    return links


def link_tasks(
    db: Session, *, plan_code: str, links: dict[int, str | None], actor: User | None
) -> int:
    """Link tasks to the plan and its pillars (explicit, else every task of the plan's
    document by the pillars' clause prefixes); returns how many links were written."""
    require_writer(actor)
    plan = get_plan(db, plan_code)
    if links:
        wanted: dict[int, int | None] = {}
        for task_id, pillar_code in links.items():
            if db.get(Task, task_id) is None:
                raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}.")
            wanted[task_id] = get_pillar(db, plan.id, pillar_code).id if pillar_code else None
    else:
        wanted = _links_by_prefix(db, plan)
    if wanted:
        db.execute(
            delete(plan_tasks).where(
                plan_tasks.c.plan_id == plan.id, plan_tasks.c.task_id.in_(list(wanted))
            )
        )
        rows = [{"plan_id": plan.id, "task_id": t, "pillar_id": p} for t, p in wanted.items()]
        db.execute(insert(plan_tasks), rows)
    after = {"links": {str(t): p for t, p in wanted.items()}}
    record(db, events.Event("plan.link_tasks", "plan", plan.id, None, after), actor=actor)
    return len(wanted)


def plan_task_ids(plan_id: int, pillar_id: int | None = None) -> AnySelect:
    """SELECT of the ids of a plan's linked tasks (of one pillar when given), for Filters."""
    query = select(plan_tasks.c.task_id).where(plan_tasks.c.plan_id == plan_id)
    if pillar_id is not None:
        query = query.where(plan_tasks.c.pillar_id == pillar_id)
    return query


def tasks_by_pillar(db: Session, plan: Plan) -> list[dict[str, Any]]:
    """The plan's linked tasks grouped by pillar, pillars in order, unclassified last."""
    query = (
        select(plan_tasks.c.pillar_id, Task.id, Task.clause, Task.summary, Task.deadline)
        .join(Task, Task.id == plan_tasks.c.task_id)
        .where(plan_tasks.c.plan_id == plan.id)
        .order_by(Task.position, Task.id)
    )
    groups: dict[int | None, list[dict[str, Any]]] = {}
    for pillar_id, task_id, clause, summary, deadline in db.execute(query):
        item = {"id": task_id, "clause": clause, "summary": summary, "deadline": deadline}
        groups.setdefault(pillar_id, []).append(item)
    result: list[dict[str, Any]] = [
        {"code": p.code, "name": p.name, "tasks": groups.get(p.id, [])}
        for p in list_pillars(db, plan.id)
    ]
    if groups.get(None):
        result.append({"code": None, "name": "Chưa phân trụ cột", "tasks": groups[None]})
    return result


def indicator_snapshot(indicator: Indicator) -> dict[str, Any]:
    return {name: getattr(indicator, name) for name in INDICATOR_FIELDS}


def find_indicator(db: Session, plan_id: int, code: str) -> Indicator | None:
    query = select(Indicator).where(Indicator.plan_id == plan_id, Indicator.code == code)
    return db.scalar(query)


def get_indicator(db: Session, indicator_id: int) -> Indicator:
    indicator = db.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFound(f"Không tìm thấy chỉ tiêu #{indicator_id}.")
    return indicator


def list_indicators(db: Session, plan_id: int) -> list[Indicator]:
    query = select(Indicator).where(Indicator.plan_id == plan_id)
    return list(db.scalars(query.order_by(Indicator.position, Indicator.id)))


def _formulas(db: Session, plan_id: int) -> dict[str, set[str]]:
    rows = db.execute(
        select(Indicator.code, Indicator.formula).where(
            Indicator.plan_id == plan_id, Indicator.formula.is_not(None)
        )
    )
    return {code: parse_formula(formula).codes for code, formula in rows}


def check_formulas(db: Session, plan_id: int) -> None:
    """Every formula of the plan names existing indicators and no formula depends on itself."""
    db.flush()
    graph = _formulas(db, plan_id)
    known = set(db.scalars(select(Indicator.code).where(Indicator.plan_id == plan_id)))
    for code, refs in graph.items():
        missing = sorted(refs - known)
        if missing:
            raise Invalid(
                f"Công thức của chỉ tiêu «{code}» dùng mã không có: {', '.join(missing)}."
            )
    done: set[str] = set()

    def visit(code: str, path: tuple[str, ...]) -> None:
        if code in path:
            cycle = " → ".join((*path[path.index(code) :], code))
            raise Invalid(f"Công thức tham chiếu vòng: {cycle}.")
        if code not in done:
            for ref in graph.get(code, ()):
                visit(ref, (*path, code))
            done.add(code)

    for code in graph:
        visit(code, ())


def _resolve_refs(db: Session, plan: Plan, data: IndicatorCreate | IndicatorUpdate) -> dict:
    values: dict[str, Any] = {}
    fields = data.model_fields_set
    if "pillar" in fields or isinstance(data, IndicatorCreate):
        values["pillar_id"] = get_pillar(db, plan.id, data.pillar).id if data.pillar else None
    if "agency" in fields or isinstance(data, IndicatorCreate):
        values["agency_id"] = get_agency(db, data.agency).id if data.agency else None
    if data.formula:
        parse_formula(data.formula)
    return values


def create_indicator(
    db: Session, *, plan_code: str, data: IndicatorCreate, actor: User | None, check: bool = True
) -> Indicator:
    require_writer(actor)
    plan = get_plan(db, plan_code)
    if find_indicator(db, plan.id, data.code) is not None:
        raise Conflict(f"Mã chỉ tiêu «{data.code}» đã có trong kế hoạch «{plan.code}».")
    plain = data.model_dump(exclude={"pillar", "agency", "position"})
    position = data.position or len(list_indicators(db, plan.id)) + 1
    plain["unit_label"] = data.unit_label or UNIT_LABELS[data.unit]
    indicator = Indicator(plan_id=plan.id, position=position, **plain)
    for name, value in _resolve_refs(db, plan, data).items():
        setattr(indicator, name, value)
    db.add(indicator)
    db.flush()
    if check:
        check_formulas(db, plan.id)
    record(
        db, events.created("indicator", indicator.id, indicator_snapshot(indicator)), actor=actor
    )
    return indicator


def update_indicator(
    db: Session, *, indicator_id: int, data: IndicatorUpdate, actor: User | None, check: bool = True
) -> Indicator:
    """Apply the fields sent; Conflict when `version` is not the current one."""
    require_writer(actor)
    indicator = get_indicator(db, indicator_id)
    if data.version != indicator.version:
        raise Conflict(
            f"Chỉ tiêu đã được sửa (phiên bản {indicator.version}, bạn gửi {data.version}). "
            "Vui lòng tải lại và thử lại."
        )
    plan = db.get(Plan, indicator.plan_id)
    assert plan is not None
    before = indicator_snapshot(indicator)
    fields = data.model_fields_set - {"version", "pillar", "agency"}
    for name in fields:
        setattr(indicator, name, getattr(data, name))
    if "unit" in fields and "unit_label" not in fields and data.unit is not None:
        indicator.unit_label = UNIT_LABELS[data.unit]
    for name, value in _resolve_refs(db, plan, data).items():
        setattr(indicator, name, value)
    indicator.version += 1
    db.flush()
    if check:
        check_formulas(db, plan.id)
    after = indicator_snapshot(indicator)
    record(db, events.updated("indicator", indicator.id, before, after), actor=actor)
    return indicator
