"""Agency changes: several agencies merged into one (or one renamed) from a date.

The predecessors stay in the directory (their history); their names and codes become dated
aliases of the successor (`agency_aliases`, resolved to it; `lineage.successor_map()` sends
new fan-outs there), a renamed successor keeps its former name as a dated alias, and the
predecessors' open assignments move to the successor on the date with a row of history each
(`assignment_moves`), so lists and figures at an earlier date still show the predecessor.
Done assignments stay where they were done. Splits and dissolutions: agencies/restructure.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dxtrack.agencies.lineage import successor_map
from dxtrack.agencies.models import Agency, AgencyAlias, AgencyChange, AssignmentMove
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Assignment

if TYPE_CHECKING:
    from dxtrack.auth.models import User

__all__ = ["MergeResult", "agency_ids_at", "merge_agencies", "successor_map"]


@dataclass
class MergeResult:
    successor: str
    predecessors: list[str]
    moved: int
    kept: int  # the successor already had the same task and period: left with the predecessor


def agencies_by_code(db: Session, codes: list[str]) -> dict[str, Agency]:
    found = {a.code: a for a in db.scalars(select(Agency).where(Agency.code.in_(codes)))}
    missing = [code for code in codes if code not in found]
    if missing:
        raise Invalid(f"Không có cơ quan mã «{', '.join(missing)}» trong danh mục.")
    return found


def ensure_unchanged(db: Session, agencies: list[Agency]) -> None:
    """Refuse an agency already merged, split or dissolved (its change is recorded)."""
    ids = [a.id for a in agencies]
    done = set(
        db.scalars(select(AgencyChange.predecessor_id).where(AgencyChange.predecessor_id.in_(ids)))
    )
    if done:
        names = ", ".join(a.name for a in agencies if a.id in done)
        raise Invalid(f"{names} đã được hợp nhất, chia tách hoặc giải thể trước đó.")


def successor_agency(db: Session, code: str, name: str | None, model: Agency, on: date) -> Agency:
    """The agency `code`, created with `name` (kind and parent of `model`) when new, renamed
    from `on` when it exists under another name (its former name kept as a dated alias)."""
    agency = db.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        if not name:
            raise Invalid(f"Cơ quan «{code}» chưa có trong danh mục: hãy ghi tên (--name).")
        agency = Agency(code=code, name=name, kind=model.kind, parent_code=model.parent_code,
                        aliases=[])  # fmt: skip
        db.add(agency)
        db.flush()
        return agency
    if db.scalar(select(AgencyChange.id).where(AgencyChange.predecessor_id == agency.id)):
        raise Invalid(f"{agency.name} đã được hợp nhất, chia tách hoặc giải thể: không thể nhận.")
    if name and name != agency.name:
        db.add(AgencyAlias(agency_id=agency.id, name=agency.name, code=None,
                           valid_to=on - timedelta(days=1)))  # fmt: skip
        agency.name = name
    return agency


def record_change(
    db: Session, *, kind: str, old: Agency, new: Agency | None, on: date, default: bool = True
) -> AgencyChange:
    """The change row and, for the default successor, the predecessor's name and code as its
    alias valid until the day before `on`."""
    change = AgencyChange(kind=kind, predecessor_id=old.id, successor_id=new.id if new else None,
                          on=on, is_default=default)  # fmt: skip
    db.add(change)
    db.flush()
    if new is not None and default:
        db.add(AgencyAlias(agency_id=new.id, name=old.name, code=old.code,
                           valid_to=on - timedelta(days=1), change_id=change.id))  # fmt: skip
    return change


def open_assignments(db: Session, agency: Agency, on: date) -> list[Assignment]:
    """The agency's assignments not done before `on`, by id."""
    query = select(Assignment).where(
        Assignment.agency_id == agency.id,
        or_(Assignment.completed_on.is_(None), Assignment.completed_on >= on),
    )
    return list(db.scalars(query.order_by(Assignment.id)))


def move_assignments(
    db: Session, old: Agency, target: Callable[[Assignment], Agency], on: date
) -> tuple[dict[int, int], list[int]]:
    """Open assignments of `old` go to `target(assignment)`; returns ({agency id: moved},
    ids kept with `old` because the target already holds the same task and period)."""
    moved: dict[int, int] = {}
    kept: list[int] = []
    taken: dict[int, set[tuple[int, str]]] = {}
    for assignment in open_assignments(db, old, on):
        new = target(assignment)
        if new.id not in taken:
            query = select(Assignment.task_id, Assignment.period)
            held = db.execute(query.where(Assignment.agency_id == new.id))
            taken[new.id] = {(task_id, period) for task_id, period in held}
        if (assignment.task_id, assignment.period) in taken[new.id]:
            kept.append(assignment.id)
            continue
        assignment.agency_id = new.id
        db.add(AssignmentMove(assignment_id=assignment.id, from_agency_id=old.id,
                              to_agency_id=new.id, on=on))  # fmt: skip
        moved[new.id] = moved.get(new.id, 0) + 1
    db.flush()
    return moved, kept


def merge_agencies(
    db: Session, *, codes: list[str], into: str, on: date, name: str | None, actor: User | None
) -> MergeResult:
    """Merge `codes` into `into` from `on` (created with `name` when new; renamed if given)."""
    if actor is not None:
        require_staff(actor)
    codes = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not codes or into in codes:
        raise Invalid("Hãy ghi các cơ quan được hợp nhất, khác với cơ quan tiếp nhận (--into).")
    old = agencies_by_code(db, codes)
    ensure_unchanged(db, list(old.values()))
    new = successor_agency(db, into, name, old[codes[0]], on)
    result = MergeResult(new.code, codes, 0, 0)
    for code in codes:
        agency = old[code]
        record_change(db, kind="merge", old=agency, new=new, on=on)
        moved, kept = move_assignments(db, agency, lambda _a: new, on)
        result.moved += sum(moved.values())
        result.kept += len(kept)
        after = {"into": new.code, "on": on, "moved": sum(moved.values()), "kept": len(kept)}
        record(db, events.Event("agency.merge", "agency", agency.id, None, after), actor=actor)
    db.flush()
    return result


def agency_ids_at(db: Session, assignment_ids: list[int], at: date) -> dict[int, int]:
    """assignment id -> the agency that held it at `at`, for those moved after `at`."""
    if not assignment_ids:
        return {}
    query = (
        select(AssignmentMove.assignment_id, AssignmentMove.from_agency_id)
        .where(AssignmentMove.assignment_id.in_(assignment_ids), AssignmentMove.on > at)
        .order_by(AssignmentMove.on.desc(), AssignmentMove.id.desc())
    )
    found: dict[int, int] = {}
    for assignment_id, agency_id in db.execute(query):
        found[assignment_id] = agency_id  # the earliest move after `at` is read last
    return found


def agency_at(at: date) -> Any:
    """SQL: the agency holding each assignment at `at` (before a move after `at`, the agency
    it moved from; else its present agency). A correlated look-up per row: lists use it only
    when some move happened after `at` (`tasks/history.py`)."""
    move = AssignmentMove
    then = (
        select(move.from_agency_id)
        .where(move.assignment_id == Assignment.id, move.on > at)
        .order_by(move.on, move.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(then, Assignment.agency_id)
