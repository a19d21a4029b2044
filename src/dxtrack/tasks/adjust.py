"""One assignment at a time: extend its deadline (gia hạn) or give it to another agency
(giao lại). Staff only; each change is audited in the same transaction. The bulk actions of
the task list (tasks/bulk.py) call these for every selected row.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.lineage import ended_ids
from dxtrack.agencies.models import Agency, AssignmentMove
from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.db import utcnow
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.notifications import webhooks
from dxtrack.tasks.models import Assignment, TaskParty

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def get_assignment(db: Session, assignment_id: int) -> Assignment:
    assignment = db.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound(f"Không tìm thấy phân công #{assignment_id}.")
    return assignment


def apply_extension(
    db: Session, assignment: Assignment, deadline: date, *, reason: str, actor: User | None
) -> None:
    """Move the deadline later, keeping the first one in `original_deadline` (the status rule
    reads both); one `assignment.extend` audit row."""
    before = {"deadline": assignment.deadline, "original_deadline": assignment.original_deadline}
    status_before = webhooks.status_now(assignment)
    if assignment.original_deadline is None:
        assignment.original_deadline = assignment.deadline
    assignment.deadline = deadline
    assignment.version += 1
    assignment.updated_at = utcnow()
    after = {
        "deadline": assignment.deadline,
        "original_deadline": assignment.original_deadline,
        "reason": reason,
    }
    record(db, Event("assignment.extend", "assignment", assignment.id, before, after), actor=actor)
    webhooks.assignment_changed(db, assignment, status_before)


def extend_deadline(
    db: Session, *, assignment_id: int, deadline: date, reason: str, actor: User
) -> Assignment:
    """Gia hạn: a later deadline with a reason (a sub-assignment: no later than its parent's)."""
    require_staff(actor)
    assignment = get_assignment(db, assignment_id)
    if not reason.strip():
        raise Invalid("Vui lòng nêu lý do gia hạn.")
    if assignment.deadline is None:
        raise Invalid("Nhiệm vụ không có thời hạn: không cần gia hạn.")
    if assignment.completed_on is not None:
        raise Conflict("Phân công đã hoàn thành: không gia hạn.")
    if deadline <= assignment.deadline:
        current = vn.date_text(assignment.deadline)
        raise Invalid(f"Thời hạn mới phải sau thời hạn hiện tại ({current}).")
    parent = db.get(Assignment, assignment.parent_id) if assignment.parent_id else None
    if parent is not None and parent.deadline is not None and deadline > parent.deadline:
        cap = vn.date_text(parent.deadline)
        raise Invalid(f"Phân công giao tiếp không được gia hạn quá hạn của cấp trên ({cap}).")
    apply_extension(db, assignment, deadline, reason=reason.strip(), actor=actor)
    return assignment


def _check_movable(db: Session, assignment: Assignment, target: Agency) -> TaskParty:
    """The party naming the holding agency directly (a group's member cannot be moved alone)."""
    if assignment.parent_id is not None:
        raise Invalid("Phân công giao tiếp do cơ quan cấp trên tự giao lại, không giao lại ở đây.")
    if assignment.completed_on is not None:
        raise Conflict("Phân công đã hoàn thành: không giao lại.")
    if target.id == assignment.agency_id:
        raise Invalid(f"Phân công đã thuộc {target.name}.")
    if target.id in ended_ids(db):  # merged, split or dissolved (agencies/lineage.py)
        raise Invalid(
            f"Không thể giao lại cho {target.name}: đơn vị đã được hợp nhất, chia tách hoặc "
            "giải thể; hãy giao cho đơn vị kế thừa."
        )
    if db.scalar(select(Assignment.id).where(Assignment.parent_id == assignment.id).limit(1)):
        raise Conflict("Cơ quan đã giao tiếp phân công này cho cấp dưới: không giao lại.")
    party = db.scalar(
        select(TaskParty).where(
            TaskParty.task_id == assignment.task_id,
            TaskParty.agency_id == assignment.agency_id,
            TaskParty.role == assignment.role,
        )
    )
    if party is None:
        raise Invalid(
            "Phân công này đến từ một nhóm cơ quan: hãy sửa các bên của nhiệm vụ thay vì giao lại."
        )
    taken = select(Assignment.id).where(
        Assignment.task_id == assignment.task_id, Assignment.agency_id == target.id
    )
    if db.scalar(taken.limit(1)) is not None:
        raise Conflict(f"{target.name} đã được giao nhiệm vụ này.")
    return party


def reassign(
    db: Session, *, assignment_id: int, agency_code: str, reason: str, actor: User
) -> list[Assignment]:
    """Giao lại: the task's share held by one agency goes to another from today. Every open
    top-level assignment of that task and agency (all its periods) moves with a row of
    history (lists at an earlier date still show the first agency); the named party follows,
    so later periods go to the new agency. One `assignment.reassign` audit row per move."""
    require_staff(actor)
    assignment = get_assignment(db, assignment_id)
    if not reason.strip():
        raise Invalid("Vui lòng nêu lý do giao lại.")
    target = db.scalar(select(Agency).where(Agency.code == agency_code.strip()))
    if target is None:
        raise Invalid(f"Không có cơ quan mã «{agency_code}» trong danh mục.")
    party = _check_movable(db, assignment, target)
    old = assignment.agency_id
    party.agency_id, party.name = target.id, target.name
    siblings = select(Assignment).where(
        Assignment.task_id == assignment.task_id,
        Assignment.agency_id == old,
        Assignment.parent_id.is_(None),
        Assignment.completed_on.is_(None),
    )
    moved = list(db.scalars(siblings.order_by(Assignment.id)).all())
    today = vn.today()
    for item in moved:
        item.agency_id = target.id
        item.version += 1
        item.updated_at = utcnow()
        db.add(AssignmentMove(assignment_id=item.id, from_agency_id=old, to_agency_id=target.id,
                              on=today))  # fmt: skip
        after = {"agency": target.code, "from_agency_id": old, "reason": reason.strip()}
        event = Event("assignment.reassign", "assignment", item.id, {"agency_id": old}, after)
        record(db, event, actor=actor)
    db.flush()
    return moved
