"""Delegation (giao tiếp): an agency splits its assignment into sub-assignments.

A sub-assignment is an ordinary assignment with `parent_id` set: its agency reports on it,
reminders and explanation requests reach it, officers see it. Targets are the holder's own
child units (directory parent = the holding agency) and communes, wards and special zones;
the deadline is no later than the parent's. Province figures count top-level assignments only
(tasks/counts.py); `rollup()` gives the parent's view of everything below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.lineage import ended_ids
from dxtrack.agencies.models import Agency, AgencyKind
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import STAFF
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.progress import get_assignment
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, Status, compute_status, empty_counts

if TYPE_CHECKING:
    from dxtrack.auth.models import User

LOCAL_KINDS = (AgencyKind.commune, AgencyKind.ward, AgencyKind.special_zone)
DONE = (Status.done_on_time, Status.done_late)


@dataclass
class Delegation:
    """What the holder asks: target agency codes, a deadline (default: the parent's), a note."""

    targets: list[str]
    deadline: date | None = None
    note: str = ""


def can_delegate(user: User, agency_id: int) -> bool:
    """The holding agency's officers, coordinators and admins."""
    if user.role in STAFF:
        return True
    return user.role == Role.officer and user.agency_id == agency_id


def _require_can_delegate(user: User, agency_id: int) -> None:
    if not can_delegate(user, agency_id):
        raise Forbidden(
            "Chỉ cán bộ của cơ quan được giao, điều phối viên hoặc quản trị viên "
            "mới được giao tiếp nhiệm vụ này cho đơn vị khác."
        )


def _deadline(parent: Assignment, wanted: date | None) -> date | None:
    if wanted is None:
        return parent.deadline
    if parent.deadline is not None and wanted > parent.deadline:
        raise Invalid(
            f"Thời hạn giao tiếp {wanted:%d/%m/%Y} muộn hơn thời hạn của nhiệm vụ được giao "
            f"({parent.deadline:%d/%m/%Y}); hãy chọn ngày không muộn hơn."
        )
    return wanted


def _targets(db: Session, holder: Agency, codes: list[str]) -> list[Agency]:
    """The target agencies, each a child unit of `holder` or a commune, ward, special zone."""
    wanted = list(dict.fromkeys(code.strip() for code in codes if code and code.strip()))
    if not wanted:
        raise Invalid("Hãy chọn ít nhất một đơn vị nhận nhiệm vụ.")
    found = {a.code: a for a in db.scalars(select(Agency).where(Agency.code.in_(wanted)))}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise Invalid(f"Không có cơ quan mã «{', '.join(unknown)}» trong danh mục.")
    refused = [
        found[code].name
        for code in wanted
        if found[code].id == holder.id
        or (found[code].parent_code != holder.code and found[code].kind not in LOCAL_KINDS)
    ]
    if refused:
        raise Invalid(
            f"Không thể giao tiếp cho {', '.join(refused)}: chỉ giao cho đơn vị trực thuộc "
            f"{holder.name} hoặc cho xã, phường, đặc khu."
        )
    ended = set(ended_ids(db))  # merged, split or dissolved (agencies/lineage.py)
    gone = [found[code].name for code in wanted if found[code].id in ended]
    if gone:
        raise Invalid(f"Không thể giao tiếp cho {', '.join(gone)}: đơn vị đã được hợp nhất, "
                      "chia tách hoặc giải thể; hãy giao cho đơn vị kế thừa.")  # fmt: skip
    return [found[code] for code in wanted]


def _check_not_assigned(db: Session, parent: Assignment, targets: list[Agency]) -> None:
    query = select(Assignment.agency_id).where(
        Assignment.task_id == parent.task_id,
        Assignment.period == parent.period,
        Assignment.agency_id.in_([a.id for a in targets]),
    )
    taken = set(db.scalars(query))
    if taken:
        names = ", ".join(a.name for a in targets if a.id in taken)
        raise Invalid(f"{names} đã được giao nhiệm vụ này (cùng kỳ); không giao trùng.")


def delegate(
    db: Session, *, assignment_id: int, request: Delegation, actor: User
) -> list[Assignment]:
    """Sub-assignments of `assignment_id`, one per target; refused with nothing written."""
    parent = get_assignment(db, assignment_id)
    _require_can_delegate(actor, parent.agency_id)
    holder = db.get(Agency, parent.agency_id)
    assert holder is not None
    deadline = _deadline(parent, request.deadline)
    targets = _targets(db, holder, request.targets)
    _check_not_assigned(db, parent, targets)
    created = []
    for agency in targets:
        child = Assignment(
            task_id=parent.task_id,
            agency_id=agency.id,
            role=parent.role,
            period=parent.period,
            deadline=deadline,
            parent_id=parent.id,
            note=request.note.strip(),
        )
        db.add(child)
        db.flush()
        after = {
            "parent": parent.id,
            "agency": agency.code,
            "deadline": deadline,
            "note": child.note,
        }
        event = events.Event("assignment.delegate", "assignment", child.id, None, after)
        record(db, event, actor=actor)
        created.append(child)
    return created


def target_choices(db: Session, holder: Agency) -> list[Agency]:
    """Who the holder may delegate to: its child units, then communes, wards, special zones."""
    query = select(Agency).where(
        Agency.id != holder.id,
        (Agency.parent_code == holder.code) | Agency.kind.in_([k.value for k in LOCAL_KINDS]),
    )
    ended = set(ended_ids(db))
    found = [a for a in db.scalars(query) if a.id not in ended]
    return sorted(found, key=lambda a: (a.parent_code != holder.code, vn.sort_key(a.name)))


def delegation_result(db: Session, created: list[Assignment]) -> list[dict[str, Any]]:
    """`[{"id", "agency", "deadline", "parent"}]` for the CLI and the API."""
    ids = [a.agency_id for a in created]
    codes = dict(db.execute(select(Agency.id, Agency.code).where(Agency.id.in_(ids))).all())
    return [
        {
            "id": a.id,
            "agency": codes[a.agency_id],
            "deadline": a.deadline.isoformat() if a.deadline else None,
            "parent": a.parent_id,
        }
        for a in created
    ]


def children_of(db: Session, assignment_ids: list[int]) -> list[Assignment]:
    if not assignment_ids:
        return []
    query = select(Assignment).where(Assignment.parent_id.in_(assignment_ids))
    return list(db.scalars(query.order_by(Assignment.id)))


def descendants(db: Session, assignment_id: int) -> list[Assignment]:
    """Every assignment below `assignment_id`, level by level."""
    found: list[Assignment] = []
    level = [assignment_id]
    while level:
        below = children_of(db, level)
        found.extend(below)
        level = [a.id for a in below]
    return found


def status_at(assignment: Assignment, at: date, due_soon_days: int) -> Status:
    return compute_status(
        deadline=assignment.deadline,
        completed_on=assignment.completed_on,
        at=at,
        due_soon_days=due_soon_days,
    )


def rollup(
    db: Session, assignment_id: int, *, at: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> tuple[dict[str, int], float | None]:
    """Counts by status at `at` of every assignment below, and the weighted percent of the
    direct children (equal weights unless set; a child done at `at` counts 100)."""
    counts = empty_counts()
    for item in descendants(db, assignment_id):
        counts[status_at(item, at, due_soon_days)] += 1
    children = children_of(db, [assignment_id])
    total = sum(child.weight or 1 for child in children)
    if not total:
        return counts, None
    done = [status_at(child, at, due_soon_days) in DONE for child in children]
    weighted = sum(
        (child.weight or 1) * (100 if is_done else child.percent)
        for child, is_done in zip(children, done, strict=True)
    )
    return counts, round(weighted / total, 1)


def assignment_detail(
    db: Session,
    *,
    assignment_id: int,
    at: date,
    viewer: User | None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> dict[str, Any]:
    """`dxtrack tasks assignment ID --json`: the assignment, its children and the roll-up."""
    item = get_assignment(db, assignment_id, viewer=viewer)
    children = children_of(db, [item.id])
    ids = {item.agency_id, *(c.agency_id for c in children)}
    agencies = {a.id: a for a in db.scalars(select(Agency).where(Agency.id.in_(ids)))}
    counts, percent = rollup(db, item.id, at=at, due_soon_days=due_soon_days)
    return {
        "id": item.id,
        "task_id": item.task_id,
        "agency": agencies[item.agency_id].code,
        "status": status_at(item, at, due_soon_days).value,
        "deadline": item.deadline.isoformat() if item.deadline else None,
        "parent": item.parent_id,
        "note": item.note,
        "children": [
            {
                "id": child.id,
                "agency": agencies[child.agency_id].code,
                "agency_name": agencies[child.agency_id].name,
                "status": status_at(child, at, due_soon_days).value,
                "deadline": child.deadline.isoformat() if child.deadline else None,
                "percent": child.percent,
                "note": child.note,
            }
            for child in children
        ],
        "rollup": counts,
        "rollup_percent": percent,
    }
