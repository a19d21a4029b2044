"""Bulk actions on the task list page: choose rows and an action, confirm what will change,
apply (tasks/bulk.py; each row as the single action would do it)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from dxtrack import vn
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Invalid
from dxtrack.tasks import bulk
from dxtrack.tasks.export import assignments_xlsx
from dxtrack.web.params import scope_to_plan, view_params
from dxtrack.web.security import PageUser, safe_next
from dxtrack.web.templating import query_url, render

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _day(text: str, label: str) -> date | None:
    try:
        return vn.parse_date(text)
    except ValueError as exc:
        raise Invalid(f"{label} không hợp lệ: «{text}» (dd/mm/yyyy).") from exc


def _request(action: str, deadline: str, agency: str, reason: str) -> bulk.BulkRequest:
    return bulk.check_request(
        bulk.BulkRequest(
            action=action,
            deadline=_day(deadline, "Thời hạn mới"),
            reason=reason.strip(),
            message=reason.strip(),
            agency=agency.strip(),
        )
    )


@router.post("/tasks/bulk", name="tasks_bulk")
def bulk_preview(
    request: Request,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    action: Annotated[str, Form()] = "",
    view_query: Annotated[str, Form(alias="view")] = "",
    ids: Annotated[list[int] | None, Form()] = None,
    all_rows: Annotated[str, Form(alias="all")] = "",
    deadline: Annotated[str, Form()] = "",
    agency: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Step one: the rows and what would change for each (nothing written); export at once.
    `view`: the list's filters as a query string (tasks/_results.html)."""
    view = view_params(db, **dict(parse_qsl(view_query)))
    scope_to_plan(db, view)
    filters = view.filters if all_rows == "1" else None
    soon = settings.due_soon_days
    chosen = bulk.select_ids(
        db, ids=ids or [], filters=filters, at=view.at, user=user, due_soon_days=soon
    )
    if action == "export":
        rows = bulk.export_rows(db, ids=chosen, at=view.at, user=user, due_soon_days=soon)
        name = f"nhiem-vu-da-chon-{view.at.isoformat()}.xlsx"
        return Response(
            assignments_xlsx(rows, view=view, truncated=False),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    wanted = _request(action, deadline, agency, reason)
    result = bulk.run_bulk(db, request=wanted, ids=chosen, at=view.at, actor=user, apply=False)
    context = {
        "result": result,
        "bulk": wanted,
        "at": view.at,
        "action_label": bulk.ACTIONS[wanted.action],
        "request_note": f"Lý do / nội dung: {wanted.reason}" if wanted.reason else "",
        "back": query_url("/tasks", **view.query()),
    }
    return render(request, "tasks/bulk_confirm.html", context)


@router.post("/tasks/bulk/apply", name="tasks_bulk_apply")
def bulk_apply(
    request: Request,
    db: Db,
    user: PageUser,
    action: Annotated[str, Form()],
    at: Annotated[str, Form()],
    ids: Annotated[list[int] | None, Form()] = None,
    deadline: Annotated[str, Form()] = "",
    agency: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/tasks",
) -> Response:
    """Step two, after the confirmation: apply each row; refused rows are listed, unchanged."""
    wanted = _request(action, deadline, agency, reason)
    day = _day(at, "Ngày tham chiếu") or vn.today()
    chosen = bulk.select_ids(db, ids=ids or [], filters=None, at=day, user=user, due_soon_days=0)
    result = bulk.run_bulk(db, request=wanted, ids=chosen, at=day, actor=user, apply=True)
    context = {
        "result": result,
        "action_label": bulk.ACTIONS[wanted.action],
        "back": safe_next(back),
    }
    return render(request, "tasks/bulk_done.html", context)
