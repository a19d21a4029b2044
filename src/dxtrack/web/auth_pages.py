"""Đăng nhập / đăng xuất: the signed session cookie (auth/sessions.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from dxtrack.auth.service import authenticate
from dxtrack.auth.sessions import COOKIE_NAME, cookie_options, make_session_cookie
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import Unauthorized
from dxtrack.web.security import PageUser, safe_next
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/login", name="login")
def login_form(request: Request, next_url: Annotated[str, Query(alias="next")] = "/") -> Response:
    return render(request, "auth/login.html", {"next": safe_next(next_url)})


@router.post("/login")
def login(
    request: Request,
    db: Db,
    settings: AppSettings,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next_url: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    try:
        user = authenticate(db, username=username.strip(), password=password)
    except Unauthorized as exc:  # shown on the form, username kept
        context = {"error": exc.message, "username": username, "next": safe_next(next_url)}
        return render(request, "auth/login.html", context, status_code=401)
    value, _ = make_session_cookie(settings, user.id)
    response = RedirectResponse(safe_next(next_url), status_code=303)
    response.set_cookie(COOKIE_NAME, value, **cookie_options(settings))  # type: ignore[arg-type]
    return response


@router.post("/logout")
def logout(_user: PageUser) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE_NAME)
    return response
