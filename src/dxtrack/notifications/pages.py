"""Pages: the bell (HTMX fragment), notifications, digests, explanation requests, rules,
and the reminder letter download. Handlers parse, call one service function, render."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.agencies.service import list_agencies
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import STAFF
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Invalid
from dxtrack.notifications import explanations as ex
from dxtrack.notifications import service
from dxtrack.notifications.letter import MEDIA_TYPE, reminder_letter
from dxtrack.notifications.models import EXPLANATION_LABELS, RULE_LABELS, ExplanationState, RuleKind
from dxtrack.notifications.queries import describe
from dxtrack.reports.routes import attachment
from dxtrack.tasks.status import WITHIN_EXTENSION_LABEL
from dxtrack.web.security import PageAdmin, PageStaff, PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _day(value: str, label: str) -> date | None:
    try:
        return vn.parse_date(value)
    except ValueError as exc:
        raise Invalid(f"{label} không hợp lệ: «{value}» (dd/mm/yyyy).") from exc


def _back(target: str) -> Response:
    return RedirectResponse(target, status_code=303)


@router.get("/notifications/bell", name="notifications_bell")
def bell(request: Request, db: Db, user: PageUser) -> Response:
    count = service.unread_count(db, user=user)
    return render(request, "notifications/_bell.html", {"unread": count})


@router.get("/notifications", name="notifications_index")
def index(request: Request, db: Db, user: PageUser) -> Response:
    context = {
        "items": service.list_notifications(db, user=user, limit=100),
        "unread": service.unread_count(db, user=user),
        "digests": service.list_digests(db, user=user, limit=10),
    }
    return render(request, "notifications/index.html", context)


@router.post("/notifications/{notification_id:int}/open", name="notification_open")
def open_notification(notification_id: int, db: Db, user: PageUser) -> Response:
    """Mark as read and follow the notification's link (a POST: it writes, with CSRF)."""
    notification = service.get_notification(db, notification_id, user=user)
    service.mark_read(db, user=user, notification_id=notification_id)
    return _back(notification.link or "/notifications")


@router.post("/notifications/read-all")
def read_all(db: Db, user: PageUser) -> Response:
    service.mark_read(db, user=user)
    return _back("/notifications")


@router.get("/notifications/digests/{day}", name="notification_digest")
def digest(request: Request, day: date, db: Db, user: PageUser) -> Response:
    message = service.get_digest(db, user=user, day=day)
    return render(request, "notifications/digest.html", {"message": message})


@router.get("/notifications/explanations", name="explanations_index")
def explanations(
    request: Request, db: Db, user: PageUser, settings: AppSettings, state: str = ""
) -> Response:
    chosen = ExplanationState(state) if state in EXPLANATION_LABELS else None
    items = ex.list_explanations(db, user=user, state=chosen)
    today = vn.today()
    context = {
        "rows": describe(db, items, at=today, due_soon_days=settings.due_soon_days),
        "state": state,
        "state_options": [(s.value, label) for s, label in EXPLANATION_LABELS.items()],
        "labels": EXPLANATION_LABELS,
        "staff": user.role in STAFF,
        "agencies": vn.sorted_vn(list_agencies(db), key=lambda a: a.name),
        "today": today,
    }
    return render(request, "notifications/explanations.html", context)


@router.post("/notifications/explanations")
def ask(
    db: Db,
    user: PageStaff,
    message: Annotated[str, Form()] = "",
    assignment_id: Annotated[str, Form()] = "",
    document_id: Annotated[str, Form()] = "",
) -> Response:
    """One request (assignment) or one per overdue assignment of a document."""
    today = vn.today()
    if document_id.strip().isdigit():
        ex.request_for_document(
            db, document_id=int(document_id), message=message, at=today, actor=user
        )
        return _back("/notifications/explanations?state=requested")
    if not assignment_id.strip().isdigit():
        raise Invalid("Nhập mã phân công hoặc mã văn bản.")
    item = ex.request_explanation(
        db, assignment_id=int(assignment_id), message=message, at=today, actor=user
    )
    return _back(ex.link(item.id))


@router.get("/notifications/explanations/{request_id:int}", name="explanation_page")
def explanation(
    request: Request, request_id: int, db: Db, user: PageUser, settings: AppSettings
) -> Response:
    item = ex.get_explanation(db, request_id, user=user)
    row = describe(db, [item], at=vn.today(), due_soon_days=settings.due_soon_days)[0]
    can_answer = item.state == ExplanationState.requested and (
        user.role in STAFF or (user.role == Role.officer and user.agency_id == item.agency_id)
    )
    context = {
        "row": row,
        "item": item,
        "labels": EXPLANATION_LABELS,
        "can_answer": can_answer,
        "can_decide": item.state == ExplanationState.answered and user.role in STAFF,
        "extension_label": WITHIN_EXTENSION_LABEL,
    }
    return render(request, "notifications/explanation.html", context)


@router.post("/notifications/explanations/{request_id:int}/answer")
def answer(
    request_id: int,
    db: Db,
    user: PageUser,
    reason: Annotated[str, Form()],
    proposed_deadline: Annotated[str, Form()] = "",
) -> Response:
    ex.answer_explanation(
        db,
        request_id=request_id,
        reason=reason,
        proposed_deadline=_day(proposed_deadline, "Thời hạn đề xuất"),
        actor=user,
    )
    return _back(ex.link(request_id))


@router.post("/notifications/explanations/{request_id:int}/decision")
def decide(
    request_id: int,
    db: Db,
    user: PageStaff,
    accept: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    deadline: Annotated[str, Form()] = "",
) -> Response:
    decision = ex.Decision(
        accept=accept == "1", note=note, deadline=_day(deadline, "Thời hạn gia hạn")
    )
    ex.decide_explanation(db, request_id=request_id, decision=decision, actor=user)
    return _back(ex.link(request_id))


@router.get("/notifications/letter", name="reminder_letter")
def letter(db: Db, user: PageStaff, settings: AppSettings, agency: str, at: str = "") -> Response:
    content, name = reminder_letter(
        db,
        agency=agency,
        at=_day(at, "Ngày lấy số liệu") or vn.today(),
        settings=settings,
        actor=user,
    )
    return Response(content, media_type=MEDIA_TYPE, headers=attachment(name))


@router.get("/notifications/rules", name="notification_rules")
def rules(request: Request, db: Db, user: PageStaff) -> Response:
    context = {
        "rules": service.list_rules(db),
        "labels": {k.value: v for k, v in RULE_LABELS.items()},
        "kinds": [(k.value, v) for k, v in RULE_LABELS.items()],
        "admin": user.role == Role.admin,
    }
    return render(request, "notifications/rules.html", context)


@router.post("/notifications/rules")
def save_rule(
    db: Db,
    user: PageAdmin,
    rule_id: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    days: Annotated[int, Form()] = 0,
    enabled: Annotated[str, Form()] = "",
) -> Response:
    if rule_id.isdigit():
        service.update_rule(db, rule_id=int(rule_id), days=days, enabled=enabled == "1", actor=user)
    elif kind in RULE_LABELS:
        service.create_rule(db, kind=RuleKind(kind), days=days, actor=user)
    else:
        raise Invalid("Loại quy tắc không hợp lệ.")
    return _back("/notifications/rules")
