"""Giao tiếp: an assignment's sub-assignments, their roll-up, and the delegation form."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Invalid
from dxtrack.tasks import delegation
from dxtrack.tasks.chain import link_tasks
from dxtrack.tasks.service import get_task
from dxtrack.web.security import PageStaff, PageUser
from dxtrack.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


@router.get("/assignments/{assignment_id}/delegate", name="delegate_form")
def delegate_form(
    request: Request, assignment_id: int, db: Db, user: PageUser, settings: AppSettings
) -> Response:
    detail = delegation.assignment_detail(
        db,
        assignment_id=assignment_id,
        at=vn.today(),
        viewer=user,
        due_soon_days=settings.due_soon_days,
    )
    for child in detail["children"]:
        deadline = child["deadline"]
        child["deadline_text"] = vn.date_text(date.fromisoformat(deadline) if deadline else None)
    assignment = delegation.get_assignment(db, assignment_id)
    holder = db.get(Agency, assignment.agency_id)
    context = {
        "detail": detail,
        "assignment": assignment,
        "holder": holder,
        "task": get_task(db, assignment.task_id),
        "targets": delegation.target_choices(db, holder) if holder else [],
        "can_delegate": delegation.can_delegate(user, assignment.agency_id),
        "done": request.query_params.get("done"),
    }
    return render(request, "tasks/delegate.html", context)


@router.post("/assignments/{assignment_id}/delegate")
def submit_delegation(
    request: Request,
    assignment_id: int,
    db: Db,
    user: PageUser,
    to: Annotated[list[str] | None, Form()] = None,
    deadline: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    try:
        day = vn.parse_date(deadline)
    except ValueError as exc:
        raise Invalid(f"Thời hạn không hợp lệ: «{deadline}» (dd/mm/yyyy).") from exc
    request_ = delegation.Delegation(targets=to or [], deadline=day, note=note)
    created = delegation.delegate(db, assignment_id=assignment_id, request=request_, actor=user)
    target = f"/assignments/{assignment_id}/delegate?done={len(created)}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.post("/tasks/{task_id}/implements", name="task_link_page")
def confirm_link(
    task_id: int,
    db: Db,
    user: PageStaff,
    parent: Annotated[int, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    """The coordinator confirms a proposed link on the review screen."""
    link_tasks(db, child_id=task_id, parent_id=parent, actor=user, reason=reason)
    document_id = get_task(db, task_id).document_id
    return RedirectResponse(f"/documents/{document_id}#link-proposals", status_code=303)
