"""Page authentication: the signed session cookie, CSRF on every unsafe request, role checks.

Browsers post forms with a hidden `csrf_token` field; HTMX sends the `X-CSRF-Token` header
(set once on <body hx-headers>). A missing or expired session redirects to the login page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from dxtrack.auth.models import Role, User
from dxtrack.auth.permissions import require_role
from dxtrack.auth.service import get_user_by_id
from dxtrack.auth.sessions import (
    COOKIE_NAME,
    CSRF_FIELD,
    CSRF_HEADER,
    check_csrf,
    read_session_cookie,
)
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Unauthorized

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class Identity:
    """What templates show of the user; plain values, so error pages render after a rollback."""

    id: int
    username: str
    full_name: str | None
    role: str
    agency_id: int | None


class LoginRequired(Unauthorized):
    """No valid session: pages answer with a redirect to /login."""


async def csrf_token(request: Request) -> str | None:
    """The CSRF token an unsafe request carries: the HTMX header, else the form field.

    The one `async` dependency: reading the form body is I/O for the event loop; it touches no
    database (everything that does is a plain `def`, run in the worker threads)."""
    if request.method in SAFE_METHODS:
        return None
    token = request.headers.get(CSRF_HEADER)
    if not token:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    return token


def page_user(
    request: Request,
    db: Db,
    settings: AppSettings,
    token: Annotated[str | None, Depends(csrf_token)],
) -> User:
    session = read_session_cookie(db, settings, request.cookies.get(COOKIE_NAME))
    if session is None:
        raise LoginRequired("Vui lòng đăng nhập.")
    if request.method not in SAFE_METHODS:
        check_csrf(session, token)
    try:
        user = get_user_by_id(db, session.user_id)
    except Unauthorized as exc:
        raise LoginRequired(exc.message) from exc
    request.state.user = Identity(user.id, user.username, user.full_name, user.role, user.agency_id)
    request.state.csrf = session.csrf
    request.state.session_id = session.session_id
    return user


PageUser = Annotated[User, Depends(page_user)]


def _page_staff(user: PageUser) -> User:
    require_role(user, Role.admin, Role.coordinator)
    return user


def _page_admin(user: PageUser) -> User:
    require_role(user, Role.admin)
    return user


def _page_reader(user: PageUser) -> User:
    """Everyone who reads across agencies: admin, coordinator, viewer (not officers)."""
    require_role(user, Role.admin, Role.coordinator, Role.viewer)
    return user


PageStaff = Annotated[User, Depends(_page_staff)]
PageAdmin = Annotated[User, Depends(_page_admin)]
PageReader = Annotated[User, Depends(_page_reader)]


def safe_next(target: str | None) -> str:
    """Only local paths after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"
