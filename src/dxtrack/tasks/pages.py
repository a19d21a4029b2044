"""Nhiệm vụ: the filterable, sortable assignment list, its XLSX export, and the task page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.agencies.service import list_agencies
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import STAFF
from dxtrack.deps import AppSettings, Db
from dxtrack.documents.service import get_document
from dxtrack.tasks.chain import parents_of, task_tree
from dxtrack.tasks.detail import get_task_detail, list_history
from dxtrack.tasks.export import EXPORT_LIMIT, assignments_xlsx
from dxtrack.tasks.models import PartyRole
from dxtrack.tasks.rhythm import CADENCE_LABELS, Cadence
from dxtrack.tasks.rhythm_stats import effective_cadence, rhythm_labels, set_cadence
from dxtrack.tasks.stats import summarize
from dxtrack.web.params import (
    PAGE_SIZE,
    SORTS,
    ViewParams,
    assignment_page,
    filter_options,
    scope_to_plan,
)
from dxtrack.web.security import PageStaff, PageUser
from dxtrack.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


@router.get("/tasks", name="tasks_index")
def tasks_index(
    request: Request, db: Db, user: PageUser, settings: AppSettings, view: ViewParams
) -> Response:
    scope_to_plan(db, view)
    rows, more = assignment_page(db, view, user, settings.due_soon_days, PAGE_SIZE)
    counts = summarize(
        db, at=view.at, filters=view.filters, user=user, due_soon_days=settings.due_soon_days
    )
    context: dict[str, Any] = {
        "view": view,
        "rows": rows,
        "has_more": more,
        "sorts": SORTS,
        "total": sum(counts.values()),
        "rhythm": rhythm_labels(db, rows, vn.today()),  # undated work: updated this period?
    }
    agencies = vn.sorted_vn(list_agencies(db), key=lambda a: a.name)
    context["agency_options"] = [(a.code, a.name) for a in agencies]  # filter and bulk bar
    if is_htmx(request):
        return render(request, "tasks/_results.html", context)
    context |= filter_options(db, view)
    return render(request, "tasks/list.html", context)


@router.get("/tasks/export.xlsx", name="tasks_export")
def tasks_export(db: Db, user: PageUser, settings: AppSettings, view: ViewParams) -> Response:
    view.page = 1
    scope_to_plan(db, view)
    rows, more = assignment_page(db, view, user, settings.due_soon_days, EXPORT_LIMIT)
    data = assignments_xlsx(rows, view=view, truncated=more)
    name = f"nhiem-vu-{view.at.isoformat()}.xlsx"
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/tasks/{task_id}", name="task_page")
def task_page(
    request: Request,
    task_id: int,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    view: ViewParams,
) -> Response:
    detail = get_task_detail(
        db, task_id, user=user, at=view.at, due_soon_days=settings.due_soon_days
    )
    task, parties, rows = detail.task, detail.parties, detail.rows
    context = {
        "view": view,
        "task": task,
        "document": get_document(db, task.document_id),
        "lead": [p for p in parties if p.role == PartyRole.lead],
        "coordinators": [p for p in parties if p.role == PartyRole.coordinator],
        "rows": rows,
        "history": list_history(db, [r.id for r in rows]),
        # rows are already limited to what the user sees: an officer's are their agency's
        "can_report": user.role in (*STAFF, Role.officer),
        "can_edit": user.role in STAFF,
        "reported": request.query_params.get("reported"),
        "implements": parents_of(db, task.id),
        "tree": task_tree(db, task_id=task.id, at=view.at, due_soon_days=settings.due_soon_days),
        "cadence_label": CADENCE_LABELS[Cadence(effective_cadence(db, task))],
        "cadence_options": [(c.value, label) for c, label in CADENCE_LABELS.items()],
    }
    return render(request, "tasks/detail.html", context)


@router.post("/tasks/{task_id}/cadence")
def task_cadence(
    task_id: int, db: Db, user: PageStaff, cadence: Annotated[str, Form()] = ""
) -> Response:
    """Nhịp cập nhật of an undated task (tasks/rhythm.py); empty: its document's."""
    set_cadence(db, task_id=task_id, cadence=cadence or None, actor=user)
    return RedirectResponse(f"/tasks/{task_id}#cadence", status_code=303)
