"""The page routers, in registration order, and the static files directory."""

from __future__ import annotations

from pathlib import Path

from dxtrack.notifications import pages as notification_pages
from dxtrack.web import (
    admin,
    agencies,
    auth_pages,
    dashboard,
    documents,
    progress,
    review,
    tasks,
)

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

PAGE_ROUTERS = [
    auth_pages.router,
    dashboard.router,
    documents.router,
    review.router,
    tasks.router,
    progress.router,
    agencies.router,
    admin.router,
    notification_pages.router,
]
