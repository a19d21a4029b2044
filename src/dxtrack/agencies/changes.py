"""Agency changes: several agencies merged into one (or one renamed) from a date.

The predecessors stay in the directory (their codes and names still resolve, to them; new
fan-outs go to the successor: `successor_map()`), a renamed successor keeps its former name as
an alias, and the predecessors' open assignments
move to the successor on the date with a row of history each (`assignment_moves`), so a list
at an earlier date still shows the predecessor. Done assignments stay where they were done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyChange, AssignmentMove
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Assignment

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class MergeResult:
    successor: str
    predecessors: list[str]
    moved: int
    kept: int  # the successor already had the same task and period: left with the predecessor


def _agencies(db: Session, codes: list[str]) -> dict[str, Agency]:
    found = {a.code: a for a in db.scalars(select(Agency).where(Agency.code.in_(codes)))}
    missing = [code for code in codes if code not in found]
    if missing:
        raise Invalid(f"Không có cơ quan mã «{', '.join(missing)}» trong danh mục.")
    return found


def _successor(db: Session, into: str, name: str | None, model: Agency) -> Agency:
    agency = db.scalar(select(Agency).where(Agency.code == into))
    if agency is None:
        if not name:
            raise Invalid(f"Cơ quan «{into}» chưa có trong danh mục: hãy ghi tên (--name).")
        agency = Agency(code=into, name=name, kind=model.kind, parent_code=model.parent_code,
                        aliases=[])  # fmt: skip
        db.add(agency)
        db.flush()
    elif name and name != agency.name:
        agency.aliases = [*agency.aliases, agency.name]
        agency.name = name
    return agency


def _move(db: Session, old: Agency, new: Agency, on: date) -> tuple[int, int]:
    """Open assignments of `old` (not done before `on`) go to `new`; returns (moved, kept)."""
    taken = set(
        db.execute(
            select(Assignment.task_id, Assignment.period).where(Assignment.agency_id == new.id)
        ).all()
    )
    query = select(Assignment).where(
        Assignment.agency_id == old.id,
        or_(Assignment.completed_on.is_(None), Assignment.completed_on >= on),
    )
    moved = kept = 0
    for assignment in db.scalars(query.order_by(Assignment.id)).all():
        if (assignment.task_id, assignment.period) in taken:
            kept += 1
            continue
        assignment.agency_id = new.id
        db.add(AssignmentMove(assignment_id=assignment.id, from_agency_id=old.id,
                              to_agency_id=new.id, on=on))  # fmt: skip
        moved += 1
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
    old = _agencies(db, codes)
    done = db.scalars(
        select(AgencyChange.predecessor_id).where(
            AgencyChange.predecessor_id.in_([a.id for a in old.values()])
        )
    ).all()
    if done:
        names = ", ".join(a.name for a in old.values() if a.id in set(done))
        raise Invalid(f"{names} đã được hợp nhất trước đó.")
    new = _successor(db, into, name, old[codes[0]])
    result = MergeResult(new.code, codes, 0, 0)
    for code in codes:
        agency = old[code]
        db.add(AgencyChange(kind="merge", predecessor_id=agency.id, successor_id=new.id, on=on))
        moved, kept = _move(db, agency, new, on)
        result.moved, result.kept = result.moved + moved, result.kept + kept
        after = {"into": new.code, "on": on, "moved": moved, "kept": kept}
        record(db, events.Event("agency.merge", "agency", agency.id, None, after), actor=actor)
    db.flush()
    return result


def successor_map(db: Session) -> dict[int, int]:
    """predecessor id -> its latest successor id (chains followed)."""
    direct = dict(db.execute(select(AgencyChange.predecessor_id, AgencyChange.successor_id)).all())
    final = {}
    for old in direct:
        current, seen = old, set()
        while current in direct and current not in seen:
            seen.add(current)
            current = direct[current]
        final[old] = current
    return final


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
