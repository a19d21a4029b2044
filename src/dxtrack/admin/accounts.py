"""Quản trị › một tài khoản: its open sessions and API tokens (each can be ended), sign out
everywhere, disable / enable, password reset, login unlock (auth/accounts.py does the work)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from dxtrack.auth import accounts
from dxtrack.auth.service import get_user
from dxtrack.auth.sessions import open_sessions
from dxtrack.auth.throttle import locked_usernames
from dxtrack.db import utcnow
from dxtrack.deps import AppSettings, Db
from dxtrack.web.security import PageAdmin
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _page(
    request: Request, db: Db, settings: AppSettings, username: str, done: str = ""
) -> Response:
    user = get_user(db, username)
    context = {
        "account": user,
        "sessions": open_sessions(db, user_id=user.id, settings=settings),
        "tokens": accounts.list_tokens(db, user_id=user.id),
        "locked": user.username in locked_usernames(db, settings=settings, now=utcnow()),
        "current_session": getattr(request.state, "session_id", None),
        "done": done,
        "section": "users",
    }
    return render(request, "admin/user.html", context)


@router.get("/admin/users/{username}", name="admin_user")
def admin_user(
    request: Request, db: Db, settings: AppSettings, _admin: PageAdmin, username: str
) -> Response:
    return _page(request, db, settings, username)


@router.post("/admin/users/{username}/active")
def admin_set_active(
    request: Request, db: Db, settings: AppSettings, admin: PageAdmin, username: str,
    active: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    accounts.set_active(db, username=username, active=active == "1", actor=admin)
    done = "Đã mở lại tài khoản." if active == "1" else "Đã khóa tài khoản, mọi phiên đã kết thúc."
    return _page(request, db, settings, username, done)


@router.post("/admin/users/{username}/password")
def admin_set_password(
    request: Request, db: Db, settings: AppSettings, admin: PageAdmin, username: str,
    password: Annotated[str, Form()],
) -> Response:  # fmt: skip
    keep = request.state.session_id if admin.username == username else None
    accounts.set_password(db, username=username, password=password, actor=admin, keep_session=keep)
    done = "Đã đặt mật khẩu mới; các phiên đăng nhập và mã API cũ đã kết thúc."
    return _page(request, db, settings, username, done)


@router.post("/admin/users/{username}/sessions/end")
def admin_end_sessions(
    request: Request, db: Db, settings: AppSettings, admin: PageAdmin, username: str,
    session_id: Annotated[int | None, Form()] = None,
) -> Response:  # fmt: skip
    ended = accounts.end_user_sessions(db, username=username, actor=admin, session_id=session_id)
    return _page(request, db, settings, username, f"Đã kết thúc {ended} phiên đăng nhập.")


@router.post("/admin/users/{username}/tokens/{token_id}/revoke")
def admin_revoke_token(
    request: Request, db: Db, settings: AppSettings, admin: PageAdmin, username: str, token_id: int
) -> Response:
    accounts.revoke_token(db, username=username, token_id=token_id, actor=admin)
    return _page(request, db, settings, username, "Đã thu hồi mã truy cập API.")


@router.post("/admin/users/{username}/unlock")
def admin_unlock(
    request: Request, db: Db, settings: AppSettings, admin: PageAdmin, username: str
) -> Response:
    accounts.unlock(db, username=username, actor=admin)
    return _page(request, db, settings, username, "Đã mở khóa đăng nhập.")
