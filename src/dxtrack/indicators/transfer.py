"""Apply an annex XLSX to a plan (all or nothing) and write a plan back in the same layout."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.config import Settings
from dxtrack.errors import Invalid
from dxtrack.indicators import annex
from dxtrack.indicators.achievement import TOLERANCE
from dxtrack.indicators.measurements import record_measurement
from dxtrack.indicators.models import (
    UNIT_LABELS,
    Aggregation,
    Direction,
    FundingSource,
    Indicator,
    Pillar,
    Plan,
    ProjectStatus,
    Unit,
)
from dxtrack.indicators.projects import create_project, list_projects, update_project
from dxtrack.indicators.queries import IndicatorState, indicator_states
from dxtrack.indicators.schemas import (
    IndicatorCreate,
    IndicatorUpdate,
    MeasurementCreate,
    PillarCreate,
)
from dxtrack.indicators.service import (
    add_pillar,
    check_formulas,
    create_indicator,
    find_indicator,
    get_plan,
    list_pillars,
    require_writer,
    slugify,
    update_indicator,
)
from dxtrack.indicators.xlsx import Parsed, new_workbook, parse_annex, roman, write_sheet

if TYPE_CHECKING:
    from dxtrack.auth.models import User

COMPARED = (
    "name", "unit", "unit_label", "direction", "target", "baseline", "period",
    "data_source", "has_guidance", "formula", "aggregation", "note",
)  # fmt: skip


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(1.0, abs(b))


def _check_results(parsed: Parsed, current: dict[str, IndicatorState], at: date) -> None:
    for row in parsed.indicators:
        if row.as_of is not None and row.as_of > at:
            parsed.errors.append(
                f"Dòng {row.line}: ngày số liệu {vn.date_text(row.as_of)} sau ngày nhập "
                f"{vn.date_text(at)}."
            )
        state = current.get(row.data.code)
        if row.result is None or state is None or _same(state.result.value, row.result):
            continue
        if state.indicator.aggregation != Aggregation.latest:
            parsed.errors.append(
                f"Dòng {row.line}: chỉ tiêu «{row.data.code}» tổng hợp từ số liệu từng cơ quan; "
                "không nhập kết quả chung."
            )


def _pillar_codes(db: Session, plan: Plan, parsed: Parsed, actor: User | None) -> dict[str, str]:
    """Pillar name (or code) as written -> the plan's pillar code, adding missing pillars."""
    pillars = list_pillars(db, plan.id)
    known = {annex.key(p.name): p.code for p in pillars} | {
        annex.key(p.code): p.code for p in pillars
    }
    names = [r.pillar_name for r in parsed.indicators if r.pillar_name]
    names += [r.pillar_name for r in parsed.projects if r.pillar_name]
    for name in dict.fromkeys(names):
        if annex.key(name) not in known and slugify(name) not in known.values():
            pillar = add_pillar(db, plan=plan, data=PillarCreate(name=name), actor=actor)
            known[annex.key(name)] = pillar.code
        known.setdefault(annex.key(name), slugify(name))
    return known


def _changes(indicator: Indicator, data: IndicatorCreate, refs: dict[str, Any]) -> dict[str, Any]:
    changes = {
        name: getattr(data, name)
        for name in COMPARED
        if getattr(data, name) != getattr(indicator, name)
    }
    for name, current in refs.items():
        if getattr(data, name) != current:
            changes[name] = getattr(data, name)
    return changes


def _upsert_indicators(
    db: Session, plan: Plan, parsed: Parsed, pillars: dict[str, str], actor: User | None
) -> tuple[int, int]:
    agency_codes = dict(db.execute(select(Agency.id, Agency.code)).all())
    pillar_codes = {p.id: p.code for p in list_pillars(db, plan.id)}
    created = updated = 0
    for position, row in enumerate(parsed.indicators, start=1):
        pillar = pillars[annex.key(row.pillar_name)] if row.pillar_name else None
        data = row.data.model_copy(update={"pillar": pillar, "position": position})
        existing = find_indicator(db, plan.id, data.code)
        if existing is None:
            create_indicator(db, plan_code=plan.code, data=data, actor=actor, check=False)
            created += 1
            continue
        existing.position = position
        refs = {
            "pillar": pillar_codes.get(existing.pillar_id or 0),
            "agency": agency_codes.get(existing.agency_id or 0),
        }
        changes = _changes(existing, data, refs)
        if changes:
            update = IndicatorUpdate(version=existing.version, **changes)
            update_indicator(db, indicator_id=existing.id, data=update, actor=actor, check=False)
            updated += 1
    check_formulas(db, plan.id)
    return created, updated


def _record_results(
    db: Session, plan: Plan, parsed: Parsed, current: dict[str, IndicatorState], **kwargs: Any
) -> int:
    recorded = 0
    for row in parsed.indicators:
        state = current.get(row.data.code)
        if row.result is None or (state and _same(state.result.value, row.result)):
            continue
        indicator = find_indicator(db, plan.id, row.data.code)
        assert indicator is not None
        as_of = row.as_of or kwargs["at"]
        data = MeasurementCreate(value=row.result, as_of=as_of, note="Nhập từ tệp XLSX")
        record_measurement(
            db,
            indicator_id=indicator.id,
            data=data,
            settings=kwargs["settings"],
            actor=kwargs["actor"],
        )
        recorded += 1
    return recorded


def _upsert_projects(
    db: Session, plan: Plan, parsed: Parsed, pillars: dict[str, str], actor: User | None
) -> tuple[int, int]:
    existing = {annex.key(p.name): p for p in list_projects(db, plan.id)}
    created = updated = 0
    for row in parsed.projects:
        pillar = pillars[annex.key(row.pillar_name)] if row.pillar_name else None
        data = row.data.model_copy(update={"pillar": pillar})
        project = existing.get(annex.key(data.name))
        if project is None:
            create_project(db, plan_code=plan.code, data=data, actor=actor)
            created += 1
        elif update_project(db, project=project, data=data, actor=actor):
            updated += 1
    return created, updated


def import_annex(
    db: Session, *, plan_code: str, data: bytes, at: date, settings: Settings, actor: User | None
) -> dict[str, int]:
    """Add or update the plan's indicators, results and projects from an annex XLSX."""
    require_writer(actor)
    plan = get_plan(db, plan_code)
    parsed = parse_annex(db, data)
    current = {s.indicator.code: s for s in indicator_states(db, plan_id=plan.id, at=at)}
    _check_results(parsed, current, at)
    if parsed.errors:
        lines = "\n".join(parsed.errors[:50])
        raise Invalid(
            f"Tệp có {len(parsed.errors)} lỗi, chưa nhập dòng nào:\n{lines}", detail=parsed.errors
        )
    pillars = _pillar_codes(db, plan, parsed, actor)
    created, updated = _upsert_indicators(db, plan, parsed, pillars, actor)
    recorded = _record_results(db, plan, parsed, current, at=at, settings=settings, actor=actor)
    projects_created, projects_updated = _upsert_projects(db, plan, parsed, pillars, actor)
    return {
        "indicators_created": created,
        "indicators_updated": updated,
        "measurements": recorded,
        "projects_created": projects_created,
        "projects_updated": projects_updated,
    }


def _indicator_line(stt: int, state: IndicatorState, names: dict, pillars: dict) -> list[Any]:
    i, result = state.indicator, state.result
    return [
        stt, i.code, i.name, i.unit_label or UNIT_LABELS[Unit(i.unit)],
        annex.DIRECTION_LABELS[Direction(i.direction)], annex.cell_value(i.target, i.unit),
        annex.cell_value(result.value, i.unit), result.label, names.get(i.agency_id, ""),
        "Có" if i.has_guidance else "Không", i.note, pillars.get(i.pillar_id, ""),
        annex.cell_value(i.baseline, i.unit), i.period, i.data_source, i.formula or "",
        annex.AGGREGATION_LABELS[Aggregation(i.aggregation)],
    ]  # fmt: skip


def _indicator_lines(db: Session, plan: Plan, at: date, names: dict) -> list[list[Any]]:
    pillars: list[Pillar | None] = [*list_pillars(db, plan.id), None]
    pillar_names = {p.id: p.name for p in pillars if p}
    states = indicator_states(db, plan_id=plan.id, at=at)
    lines: list[list[Any]] = []
    for number, pillar in enumerate(pillars, start=1):
        inside = [s for s in states if s.indicator.pillar_id == (pillar.id if pillar else None)]
        if pillar is not None and inside:
            lines.append([roman(number), None, pillar.name])
        for stt, state in enumerate(inside, start=1):
            lines.append(_indicator_line(stt, state, names, pillar_names))
    return lines


def _project_lines(db: Session, plan: Plan, names: dict) -> list[list[Any]]:
    pillars = {p.id: p.name for p in list_pillars(db, plan.id)}
    return [
        [n, p.name, names.get(p.agency_id, "") if p.agency_id else "",
         annex.FUNDING_LABELS[FundingSource(p.funding_source)], p.budget, p.period,
         annex.PROJECT_STATUS_LABELS[ProjectStatus(p.status)], pillars.get(p.pillar_id, "") if p.pillar_id else "",
         p.note]
        for n, p in enumerate(list_projects(db, plan.id), start=1)
    ]  # fmt: skip


def export_annex(db: Session, *, plan_code: str, at: date) -> bytes:
    """The plan's indicators with results at `at` (first sheet) and projects («Dự án»)."""
    plan = get_plan(db, plan_code)
    names = dict(db.execute(select(Agency.id, Agency.name)).all())
    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = "Chỉ tiêu"
    write_sheet(sheet, annex.EXPORTED, _indicator_lines(db, plan, at, names))
    write_sheet(workbook.create_sheet(annex.PROJECT_SHEET), annex.PROJECT_COLUMNS,
                _project_lines(db, plan, names))  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
