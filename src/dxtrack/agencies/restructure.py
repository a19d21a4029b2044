"""Agency splits and dissolutions from a date (merges: agencies/changes.py).

Split: one agency into several successors. Each open assignment goes to the successor the
mapping names for it, else to the default successor; nothing is left unassigned silently
(an assignment whose successor already holds the same task and period stays with the old
agency and is listed as "chưa giao được"). The old name and code resolve to the default
successor from then on.

Dissolve: the open assignments go to a named receiver; without one they stay with the
dissolved agency and are listed as "chưa giao được" (tasks/parties.py) until someone takes
them. Either way history is kept (`assignment_moves`, `agency_changes`) and audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import (
    agencies_by_code,
    ensure_unchanged,
    move_assignments,
    open_assignments,
    record_change,
    successor_agency,
)
from dxtrack.agencies.models import Agency, AgencyAlias, AgencyChange
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Assignment

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class SplitPlan:
    """Successor codes (the first is the default unless `default` is set), names for new
    ones, and assignment id -> successor code for those not going to the default."""

    into: list[str]
    names: dict[str, str] = field(default_factory=dict)
    default: str | None = None
    mapping: dict[int, str] = field(default_factory=dict)


@dataclass
class ChangeResult:
    predecessor: str
    successors: list[str]
    moved: dict[str, int]  # successor code -> open assignments moved to it
    kept: list[int]  # assignment ids left with the predecessor ("chưa giao được")

    def to_dict(self) -> dict[str, object]:
        return {"predecessor": self.predecessor, "successors": self.successors,
                "moved": self.moved, "moved_total": sum(self.moved.values()),
                "kept": self.kept}  # fmt: skip


def _check_plan(plan: SplitPlan, code: str) -> tuple[list[str], str]:
    parts = list(dict.fromkeys(c.strip() for c in plan.into if c.strip()))
    if len(parts) < 2 or code in parts:
        raise Invalid("Chia tách cần ít nhất hai cơ quan kế thừa, khác với cơ quan bị chia tách.")
    default = (plan.default or parts[0]).strip()
    if default not in parts:
        raise Invalid(f"Cơ quan nhận mặc định «{default}» không nằm trong các cơ quan kế thừa.")
    wrong = sorted({target for target in plan.mapping.values() if target not in parts})
    if wrong:
        raise Invalid(f"Phân công được chỉ định cho «{', '.join(wrong)}»: không phải cơ quan "
                      "kế thừa.")  # fmt: skip
    return parts, default


def _check_mapping(db: Session, old: Agency, mapping: dict[int, str], on: date) -> None:
    open_ids = {a.id for a in open_assignments(db, old, on)}
    foreign = sorted(set(mapping) - open_ids)
    if foreign:
        listed = ", ".join(f"#{i}" for i in foreign)
        raise Invalid(f"Phân công {listed} không phải phân công đang mở của {old.name}.")


def split_agency(
    db: Session, *, code: str, plan: SplitPlan, on: date, actor: User | None
) -> ChangeResult:
    """Split `code` into `plan.into` from `on`, moving each open assignment (audited)."""
    if actor is not None:
        require_staff(actor)
    parts, default = _check_plan(plan, code)
    old = agencies_by_code(db, [code])[code]
    ensure_unchanged(db, [old])
    _check_mapping(db, old, plan.mapping, on)
    new = {p: successor_agency(db, p, plan.names.get(p), old, on) for p in parts}
    for part in parts:
        record_change(db, kind="split", old=old, new=new[part], on=on, default=part == default)

    def target(assignment: Assignment) -> Agency:
        return new[plan.mapping.get(assignment.id, default)]

    moved, kept = move_assignments(db, old, target, on)
    by_code = {new[p].code: moved.get(new[p].id, 0) for p in parts}
    result = ChangeResult(old.code, parts, by_code, kept)
    after = {"into": parts, "default": default, "on": on, "moved": by_code, "kept": kept,
             "mapping": {str(k): v for k, v in plan.mapping.items()}}  # fmt: skip
    record(db, events.Event("agency.split", "agency", old.id, None, after), actor=actor)
    return result


def _pending_dissolution(db: Session, old: Agency) -> AgencyChange | None:
    """The agency's dissolution without a receiver, if that is how it ended."""
    query = select(AgencyChange).where(
        AgencyChange.predecessor_id == old.id,
        AgencyChange.kind == "dissolve",
        AgencyChange.successor_id.is_(None),
    )
    return db.scalar(query)


def dissolve_agency(
    db: Session,
    *,
    code: str,
    into: str | None,
    on: date,
    name: str | None = None,
    actor: User | None,
) -> ChangeResult:
    """Dissolve `code` from `on`: its open assignments go to `into` (created with `name` when
    new), or without a receiver stay with it, listed as "chưa giao được" (audited). An agency
    dissolved without a receiver can be given one later: its open work moves on `on`."""
    if actor is not None:
        require_staff(actor)
    into = (into or "").strip() or None
    if into == code:
        raise Invalid("Cơ quan tiếp nhận phải khác cơ quan giải thể.")
    old = agencies_by_code(db, [code])[code]
    pending = _pending_dissolution(db, old) if into else None
    if pending is None:
        ensure_unchanged(db, [old])
    receiver = successor_agency(db, into, name, old, on) if into else None
    if pending is not None and receiver is not None:  # its work finally taken over
        pending.successor_id = receiver.id
        db.add(AgencyAlias(agency_id=receiver.id, name=old.name, code=old.code,
                           valid_to=pending.on - timedelta(days=1), change_id=pending.id))  # fmt: skip
    else:
        record_change(db, kind="dissolve", old=old, new=receiver, on=on)
    if receiver is not None:
        moved, kept = move_assignments(db, old, lambda _a: receiver, on)
        by_code = {receiver.code: moved.get(receiver.id, 0)}
    else:
        by_code, kept = {}, [a.id for a in open_assignments(db, old, on) if a.completed_on is None]
    successors = [receiver.code] if receiver else []
    result = ChangeResult(old.code, successors, by_code, kept)
    after = {"into": into, "on": on, "moved": by_code, "kept": kept}
    record(db, events.Event("agency.dissolve", "agency", old.id, None, after), actor=actor)
    return result
