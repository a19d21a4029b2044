"""Nhiệm vụ tỉnh nhận: the province's received tasks (assigned to UBND tỉnh by a higher
level), each with its own deadline and status and the roll-up of the chain below it."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from dxtrack import vn
from dxtrack.deps import AppSettings, Db
from dxtrack.tasks.chain import received
from dxtrack.web.params import ViewParams
from dxtrack.web.security import PageReader
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/received", name="received_index")
def received_index(
    request: Request, db: Db, _user: PageReader, settings: AppSettings, view: ViewParams
) -> Response:
    items = received(db, at=view.at, due_soon_days=settings.due_soon_days)
    for item in items:
        deadline = item["deadline"]
        item["deadline_date"] = date.fromisoformat(deadline) if deadline else None
        item["below_total"] = sum(item["status_counts"].values())
    overdue = sum(1 for item in items if item["status"] == "overdue")
    context = {"view": view, "items": items, "overdue": overdue, "today": vn.today()}
    return render(request, "tasks/received.html", context)
