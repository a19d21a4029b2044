"""Quản trị › Webhook (`/admin/webhooks`): the endpoints other systems receive events at."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dxtrack.deps import Db
from dxtrack.notifications import webhooks
from dxtrack.notifications.models import WEBHOOK_EVENT_LABELS
from dxtrack.web.security import PageAdmin
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _context(db: Db, **extra: object) -> dict[str, object]:
    endpoints = webhooks.list_endpoints(db)
    recent = {e.id: webhooks.list_deliveries(db, endpoint_id=e.id, limit=5) for e, _ in endpoints}
    return {
        "section": "webhooks",
        "endpoints": endpoints,
        "recent": recent,
        "event_labels": {e.value: label for e, label in WEBHOOK_EVENT_LABELS.items()},
        **extra,
    }


@router.get("/admin/webhooks", name="admin_webhooks")
def admin_webhooks(request: Request, db: Db, _admin: PageAdmin) -> Response:
    return render(request, "admin/webhooks.html", _context(db))


@router.post("/admin/webhooks")
def add_webhook(
    request: Request,
    db: Db,
    admin: PageAdmin,
    url: Annotated[str, Form()],
    events: Annotated[list[str] | None, Form()] = None,
    secret: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
) -> Response:
    """Add an endpoint; its secret is shown once on the page that answers."""
    endpoint = webhooks.create_endpoint(
        db, url=url, events=events or [], secret=secret, description=description, actor=admin
    )
    return render(request, "admin/webhooks.html", _context(db, created=endpoint))


@router.post("/admin/webhooks/{endpoint_id}")
def change_webhook(
    endpoint_id: int, db: Db, admin: PageAdmin, operation: Annotated[str, Form()]
) -> Response:
    """Bật / tắt / xóa."""
    if operation == "delete":
        webhooks.delete_endpoint(db, endpoint_id=endpoint_id, actor=admin)
    else:
        changes = {"enabled": operation == "enable"}
        webhooks.update_endpoint(db, endpoint_id=endpoint_id, changes=changes, actor=admin)
    return RedirectResponse("/admin/webhooks", status_code=303)
