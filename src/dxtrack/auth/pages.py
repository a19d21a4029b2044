"""Đăng nhập / đăng xuất: server-side sessions (auth/sessions.py), throttled sign-in (login.py).

The login form carries a pre-session CSRF token (cookie `dxtrack_login` + hidden field), so
another site cannot sign a browser in to an account of its choosing (login CSRF).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from dxtrack.auth.account import change_password
from dxtrack.auth.login import attempt_login
from dxtrack.auth.login import logout as end_login
from dxtrack.auth.sessions import (
    COOKIE_NAME,
    LOGIN_COOKIE_NAME,
    LOGIN_COOKIE_PATH,
    check_login_token,
    cookie_options,
    make_login_cookie,
    make_session_cookie,
)
from dxtrack.config import Settings
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Forbidden
from dxtrack.web.security import PageUser, safe_next
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _login_page(
    request: Request, settings: Settings, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    """The form with a login token; the token cookie is (re)set so an old one is renewed."""
    value, token = make_login_cookie(settings, request.cookies.get(LOGIN_COOKIE_NAME))
    response = render(
        request, "auth/login.html", {**context, "login_token": token}, status_code=status_code
    )
    options = {**cookie_options(settings), "path": LOGIN_COOKIE_PATH}
    response.set_cookie(LOGIN_COOKIE_NAME, value, **options)  # type: ignore[arg-type]
    return response


@router.get("/login", name="login")
def login_form(
    request: Request,
    settings: AppSettings,
    next_url: Annotated[str, Query(alias="next")] = "/",
) -> Response:
    return _login_page(request, settings, {"next": safe_next(next_url)})


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.post("/login")
def login(
    request: Request,
    db: Db,
    settings: AppSettings,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next_url: Annotated[str, Form(alias="next")] = "/",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    context = {"username": username, "next": safe_next(next_url)}
    try:
        check_login_token(settings, request.cookies.get(LOGIN_COOKIE_NAME), csrf_token)
    except Forbidden as exc:  # shown on the form, username kept
        return _login_page(request, settings, {**context, "error": exc.message}, status_code=403)
    outcome = attempt_login(
        db,
        username=username,
        password=password,
        address=client_address(request),
        settings=settings,
        via="page",
    )
    if outcome.user is None:  # returned, not raised: the failure is committed and counted
        context["error"] = outcome.message
        response = _login_page(request, settings, context, status_code=outcome.status)
        if outcome.retry_after:
            response.headers["Retry-After"] = str(outcome.retry_after)
        return response
    value, _ = make_session_cookie(
        db,
        settings,
        outcome.user.id,
        address=client_address(request),
        user_agent=request.headers.get("user-agent", ""),
    )
    response = RedirectResponse(safe_next(next_url), status_code=303)
    response.set_cookie(COOKIE_NAME, value, **cookie_options(settings))  # type: ignore[arg-type]
    response.delete_cookie(LOGIN_COOKIE_NAME, path=LOGIN_COOKIE_PATH)
    return response


@router.post("/logout")
def logout(
    request: Request,
    db: Db,
    user: PageUser,
    everywhere: Annotated[str, Form()] = "",
) -> Response:
    end_login(db, user=user, session_id=request.state.session_id, everywhere=bool(everywhere))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE_NAME)
    return response


@router.get("/account", name="account")
def account_page(request: Request, _user: PageUser) -> Response:
    return render(request, "auth/account.html", {})


@router.post("/account/password", name="account_password")
def account_password(
    request: Request,
    db: Db,
    user: PageUser,
    current: Annotated[str, Form()],
    new: Annotated[str, Form()],
    confirm: Annotated[str, Form()],
) -> Response:
    """The signed-in user's own password."""
    session = getattr(request.state, "session_id", None)
    change_password(db, user=user, current=current, new=new, confirm=confirm, session_id=session)
    return render(request, "auth/account.html", {"changed": True})
