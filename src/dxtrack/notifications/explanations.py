"""Explanation requests (yêu cầu giải trình) for overdue assignments, and deadline extensions.

A coordinator asks the agency of an overdue assignment to explain (one, or every overdue
assignment of a document); an officer of that agency answers with a reason and a proposed
date; the coordinator accepts (the assignment's deadline becomes the extended one, the first
one kept in `original_deadline`, counts moved) or rejects. Every step is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth.models import Role, User
from dxtrack.auth.permissions import require_can_report, require_staff, visible_agency_id
from dxtrack.db import utcnow
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.notifications.models import ExplanationRequest, ExplanationState
from dxtrack.notifications.service import notify
from dxtrack.tasks.adjust import apply_extension
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.status import Status, compute_status

OPEN = (ExplanationState.requested.value, ExplanationState.answered.value)
ENTITY = "explanation_request"


@dataclass(frozen=True)
class Decision:
    accept: bool
    note: str = ""
    deadline: date | None = None  # accepted deadline; default: the proposed one


def link(request_id: int) -> str:
    return f"/notifications/explanations/{request_id}"


def _snapshot(item: ExplanationRequest) -> dict[str, Any]:
    return {
        "assignment_id": item.assignment_id,
        "state": item.state,
        "reason": item.reason,
        "proposed_deadline": item.proposed_deadline,
        "decision_note": item.decision_note,
    }


def _audit(db: Session, item: ExplanationRequest, action: str, before: Any, actor: User) -> None:
    event = Event(f"{ENTITY}.{action}", ENTITY, item.id, before, _snapshot(item))
    record(db, event, actor=actor)


def _officers(db: Session, agency_id: int) -> list[int]:
    query = select(User.id).where(
        User.role == Role.officer, User.agency_id == agency_id, User.active.is_(True)
    )
    return list(db.scalars(query))


def get_explanation(db: Session, request_id: int, *, user: User) -> ExplanationRequest:
    """The request; NotFound also when `user` may not see its agency."""
    item = db.get(ExplanationRequest, request_id)
    scope = visible_agency_id(user)
    if item is None or (scope is not None and scope != item.agency_id):
        raise NotFound(f"Không tìm thấy yêu cầu giải trình #{request_id}.")
    return item


def list_explanations(
    db: Session,
    *,
    user: User,
    state: ExplanationState | None = None,
    document_id: int | None = None,
    limit: int = 200,
) -> list[ExplanationRequest]:
    """Requests visible to `user` (officers: their agency's), newest first."""
    query = select(ExplanationRequest)
    scope = visible_agency_id(user)
    if scope is not None:
        query = query.where(ExplanationRequest.agency_id == scope)
    if state is not None:
        query = query.where(ExplanationRequest.state == state.value)
    if document_id is not None:
        tasks = select(Task.id).where(Task.document_id == document_id)
        assignments = select(Assignment.id).where(Assignment.task_id.in_(tasks))
        query = query.where(ExplanationRequest.assignment_id.in_(assignments))
    return list(db.scalars(query.order_by(ExplanationRequest.id.desc()).limit(limit)))


def _has_open(db: Session, assignment_id: int) -> bool:
    query = select(ExplanationRequest.id).where(
        ExplanationRequest.assignment_id == assignment_id, ExplanationRequest.state.in_(OPEN)
    )
    return db.scalar(query.limit(1)) is not None


def _create(db: Session, assignment: Assignment, message: str, actor: User) -> ExplanationRequest:
    item = ExplanationRequest(
        assignment_id=assignment.id,
        agency_id=assignment.agency_id,
        message=message.strip(),
        deadline_at_request=assignment.deadline,
        requested_by=actor.id,
    )
    db.add(item)
    db.flush()
    _audit(db, item, "request", None, actor)
    for user_id in _officers(db, assignment.agency_id):
        notify(
            db,
            user_id=user_id,
            key=f"explanation:{item.id}:request",
            kind="explanation_request",
            title="Yêu cầu giải trình nhiệm vụ quá hạn",
            body=item.message,
            link=link(item.id),
        )
    return item


def request_explanation(
    db: Session, *, assignment_id: int, message: str = "", at: date, actor: User
) -> ExplanationRequest:
    """Ask the agency of one overdue assignment to explain (staff)."""
    require_staff(actor)
    assignment = db.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound(f"Không tìm thấy phân công #{assignment_id}.")
    status = compute_status(
        deadline=assignment.deadline, completed_on=assignment.completed_on, at=at
    )
    if status != Status.overdue:
        raise Invalid("Chỉ yêu cầu giải trình đối với nhiệm vụ đang quá hạn.")
    if _has_open(db, assignment_id):
        raise Conflict("Nhiệm vụ này đã có yêu cầu giải trình đang chờ xử lý.")
    return _create(db, assignment, message, actor)


def request_for_document(
    db: Session, *, document_id: int, message: str = "", at: date, actor: User
) -> list[ExplanationRequest]:
    """Ask every agency with an overdue assignment of the document (skips open requests)."""
    require_staff(actor)
    tasks = select(Task.id).where(Task.document_id == document_id)
    query = select(Assignment).where(Assignment.task_id.in_(tasks)).order_by(Assignment.id)
    created = []
    for assignment in db.scalars(query).all():
        status = compute_status(
            deadline=assignment.deadline, completed_on=assignment.completed_on, at=at
        )
        if status == Status.overdue and not _has_open(db, assignment.id):
            created.append(_create(db, assignment, message, actor))
    return created


def answer_explanation(
    db: Session, *, request_id: int, reason: str, proposed_deadline: date | None, actor: User
) -> ExplanationRequest:
    """The agency's answer: a reason and a proposed new deadline (its officers, or staff)."""
    item = get_explanation(db, request_id, user=actor)
    require_can_report(actor, item.agency_id)
    if item.state != ExplanationState.requested:
        raise Conflict("Yêu cầu giải trình này đã được trả lời.")
    if not reason.strip():
        raise Invalid("Vui lòng nêu lý do chậm thực hiện.")
    original = item.deadline_at_request
    if proposed_deadline is not None and original is not None and proposed_deadline <= original:
        raise Invalid("Thời hạn đề xuất phải sau thời hạn hiện tại.")
    before = _snapshot(item)
    item.reason, item.proposed_deadline = reason.strip(), proposed_deadline
    item.state, item.answered_by, item.answered_at = ExplanationState.answered, actor.id, utcnow()
    _audit(db, item, "answer", before, actor)
    if item.requested_by is not None:
        notify(
            db,
            user_id=item.requested_by,
            key=f"explanation:{item.id}:answer",
            kind="explanation_answer",
            title="Cơ quan đã giải trình nhiệm vụ quá hạn",
            body=item.reason,
            link=link(item.id),
        )
    return item


def decide_explanation(
    db: Session, *, request_id: int, decision: Decision, actor: User
) -> ExplanationRequest:
    """Accept (the deadline is extended, the original kept) or reject an answer (staff)."""
    require_staff(actor)
    item = get_explanation(db, request_id, user=actor)
    if item.state != ExplanationState.answered:
        raise Conflict("Chỉ xem xét yêu cầu giải trình đã được cơ quan trả lời.")
    before = _snapshot(item)
    if decision.accept:
        deadline = decision.deadline or item.proposed_deadline
        assignment = db.get(Assignment, item.assignment_id)
        if deadline is None or assignment is None or assignment.deadline is None:
            raise Invalid("Cần thời hạn mới để chấp thuận gia hạn.")
        if deadline <= assignment.deadline:
            raise Invalid("Thời hạn gia hạn phải sau thời hạn hiện tại.")
        apply_extension(db, assignment, deadline, reason=decision.note.strip(), actor=actor)
        item.proposed_deadline = deadline
    item.state = ExplanationState.accepted if decision.accept else ExplanationState.rejected
    item.decision_note, item.decided_by, item.decided_at = decision.note.strip(), actor.id, utcnow()
    _audit(db, item, "decide", before, actor)
    verdict = "được chấp thuận gia hạn" if decision.accept else "không được chấp thuận"
    for user_id in _officers(db, item.agency_id):
        notify(
            db,
            user_id=user_id,
            key=f"explanation:{item.id}:decision",
            kind="explanation_decision",
            title=f"Giải trình {verdict}",
            body=item.decision_note,
            link=link(item.id),
        )
    return item
