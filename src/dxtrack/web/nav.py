"""Role-aware navigation. An entry appears when its route exists and the user's role may use it.

The indicators domain adds its "Kế hoạch" pages under the route name `plans_index`; the entry
below shows up as soon as that route is registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import Request
from starlette.routing import NoMatchFound

from dxtrack.auth.models import Role

if TYPE_CHECKING:
    from dxtrack.auth.models import User

ALL = (Role.admin, Role.coordinator, Role.viewer, Role.officer)
READERS = (Role.admin, Role.coordinator, Role.viewer)


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    route: str
    roles: tuple[Role, ...]


NAV: tuple[NavItem, ...] = (
    NavItem("dashboard", "Tổng quan", "dashboard", ALL),
    NavItem("documents", "Văn bản", "documents_index", READERS),
    NavItem("tasks", "Nhiệm vụ", "tasks_index", ALL),
    NavItem("received", "Tỉnh nhận", "received_index", READERS),
    NavItem("plans", "Kế hoạch", "plans_index", ALL),
    NavItem("reports", "Báo cáo", "reports_index", ALL),
    NavItem("agencies", "Cơ quan", "agencies_index", ALL),
    NavItem("admin", "Quản trị", "admin_index", (Role.admin, Role.coordinator)),
)


def _href(request: Request, route: str) -> str | None:
    try:
        return str(request.app.url_path_for(route))
    except NoMatchFound:
        return None


def nav_items(request: Request, user: User | None) -> list[dict[str, str | bool]]:
    if user is None:
        return []
    path = request.url.path
    items: list[dict[str, str | bool]] = []
    for item in NAV:
        href = _href(request, item.route) if user.role in item.roles else None
        if href is None:
            continue
        active = path == href if href == "/" else path.startswith(href)
        items.append({"key": item.key, "label": item.label, "href": href, "active": active})
    return items
