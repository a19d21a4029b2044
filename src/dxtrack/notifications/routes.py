"""JSON API: /notifications (the bell), /notification-rules, /explanations, reminder letter."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import Response

from dxtrack import vn
from dxtrack.deps import Admin, AppSettings, CurrentUser, Db, Staff
from dxtrack.notifications import explanations as ex
from dxtrack.notifications import service
from dxtrack.notifications.letter import MEDIA_TYPE, reminder_letter
from dxtrack.notifications.models import ExplanationState
from dxtrack.notifications.schemas import (
    DigestRead,
    ExplanationAnswer,
    ExplanationAsk,
    ExplanationDecision,
    ExplanationRead,
    Marked,
    NotificationList,
    NotificationRead,
    RuleCreate,
    RuleRead,
    RuleUpdate,
    UnreadCount,
)
from dxtrack.reports.routes import attachment

router = APIRouter(tags=["notifications"])


@router.get("/notifications", response_model=NotificationList)
def list_notifications(db: Db, user: CurrentUser, unread: bool = False) -> NotificationList:
    items = service.list_notifications(db, user=user, unread_only=unread)
    return NotificationList(
        unread=service.unread_count(db, user=user),
        items=[NotificationRead.model_validate(n) for n in items],
    )


@router.get("/notifications/unread-count", response_model=UnreadCount)
def unread_count(db: Db, user: CurrentUser) -> UnreadCount:
    return UnreadCount(unread=service.unread_count(db, user=user))


@router.post("/notifications/read-all", response_model=Marked)
def read_all(db: Db, user: CurrentUser) -> Marked:
    return Marked(marked=service.mark_read(db, user=user))


@router.post("/notifications/{notification_id}/read", response_model=Marked)
def read_one(notification_id: int, db: Db, user: CurrentUser) -> Marked:
    return Marked(marked=service.mark_read(db, user=user, notification_id=notification_id))


@router.get("/notifications/digests/{day}", response_model=DigestRead)
def digest(day: date, db: Db, user: CurrentUser) -> DigestRead:
    """The user's own digest of that day (whether or not it was e-mailed)."""
    return DigestRead.model_validate(service.get_digest(db, user=user, day=day))


@router.get("/notification-rules", response_model=list[RuleRead])
def rules(db: Db, user: Staff) -> list[RuleRead]:
    return [RuleRead.model_validate(r) for r in service.list_rules(db)]


@router.post("/notification-rules", response_model=RuleRead, status_code=201)
def create_rule(body: RuleCreate, db: Db, user: Admin) -> RuleRead:
    return RuleRead.model_validate(
        service.create_rule(db, kind=body.kind, days=body.days, actor=user)
    )


@router.patch("/notification-rules/{rule_id}", response_model=RuleRead)
def update_rule(rule_id: int, body: RuleUpdate, db: Db, user: Admin) -> RuleRead:
    rule = service.update_rule(
        db, rule_id=rule_id, days=body.days, enabled=body.enabled, actor=user
    )
    return RuleRead.model_validate(rule)


@router.get("/explanations", response_model=list[ExplanationRead])
def list_explanations(
    db: Db, user: CurrentUser, state: ExplanationState | None = None, document_id: int | None = None
) -> list[ExplanationRead]:
    """Officers: their agency's requests only."""
    items = ex.list_explanations(db, user=user, state=state, document_id=document_id)
    return [ExplanationRead.model_validate(i) for i in items]


@router.get("/explanations/{request_id}", response_model=ExplanationRead)
def get_explanation(request_id: int, db: Db, user: CurrentUser) -> ExplanationRead:
    return ExplanationRead.model_validate(ex.get_explanation(db, request_id, user=user))


@router.post(
    "/assignments/{assignment_id}/explanation-request",
    response_model=ExplanationRead,
    status_code=201,
)
def ask(assignment_id: int, body: ExplanationAsk, db: Db, user: Staff) -> ExplanationRead:
    item = ex.request_explanation(
        db,
        assignment_id=assignment_id,
        message=body.message,
        at=body.at or vn.today(),
        actor=user,
    )
    return ExplanationRead.model_validate(item)


@router.post(
    "/documents/{document_id}/explanation-requests",
    response_model=list[ExplanationRead],
    status_code=201,
)
def ask_document(
    document_id: int, body: ExplanationAsk, db: Db, user: Staff
) -> list[ExplanationRead]:
    items = ex.request_for_document(
        db, document_id=document_id, message=body.message, at=body.at or vn.today(), actor=user
    )
    return [ExplanationRead.model_validate(i) for i in items]


@router.post("/explanations/{request_id}/answer", response_model=ExplanationRead)
def answer(request_id: int, body: ExplanationAnswer, db: Db, user: CurrentUser) -> ExplanationRead:
    item = ex.answer_explanation(
        db,
        request_id=request_id,
        reason=body.reason,
        proposed_deadline=body.proposed_deadline,
        actor=user,
    )
    return ExplanationRead.model_validate(item)


@router.post("/explanations/{request_id}/decision", response_model=ExplanationRead)
def decide(request_id: int, body: ExplanationDecision, db: Db, user: Staff) -> ExplanationRead:
    decision = ex.Decision(accept=body.accept, note=body.note, deadline=body.deadline)
    item = ex.decide_explanation(db, request_id=request_id, decision=decision, actor=user)
    return ExplanationRead.model_validate(item)


@router.get("/reminder-letters/{agency}", response_class=Response)
def letter(
    agency: str, db: Db, user: Staff, settings: AppSettings, at: date | None = None
) -> Response:
    """Công văn đôn đốc (DOCX) listing the agency's overdue tasks at `at` (default today)."""
    content, name = reminder_letter(
        db, agency=agency, at=at or vn.today(), settings=settings, actor=user
    )
    return Response(content, media_type=MEDIA_TYPE, headers=attachment(name))
