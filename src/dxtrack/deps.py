"""The only injection aliases: Db, AppSettings, CurrentUser, Staff."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from dxtrack.auth.models import Role, User
from dxtrack.auth.permissions import require_role
from dxtrack.auth.service import get_user_by_id, user_for_token
from dxtrack.auth.sessions import COOKIE_NAME, CSRF_HEADER, check_csrf, read_session_cookie
from dxtrack.config import Settings
from dxtrack.db import begin_writing
from dxtrack.errors import Unauthorized

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_db(request: Request) -> Iterator[Session]:
    """One unit of work per request: commit on success, roll back on any exception.

    Declared with `scope="function"` (below): the commit runs when the handler has returned and
    before the response is sent, so a 2xx means committed and a failed commit answers 500.
    A plain `def`: FastAPI runs it, and its commit, in the worker threads, off the event loop.
    """
    session = request.app.state.sessionmaker()
    try:
        if request.method not in SAFE_METHODS:
            begin_writing(session)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


Db = Annotated[Session, Depends(get_db, scope="function")]
AppSettings = Annotated[Settings, Depends(get_app_settings)]


def get_current_user(request: Request, db: Db, settings: AppSettings) -> User:
    """Bearer token (API clients) or signed session cookie with CSRF (browser)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return user_for_token(db, header[7:].strip())
    session = read_session_cookie(db, settings, request.cookies.get(COOKIE_NAME))
    if session is None:
        raise Unauthorized("Vui lòng đăng nhập.")
    if request.method not in SAFE_METHODS:
        check_csrf(session, request.headers.get(CSRF_HEADER))
    return get_user_by_id(db, session.user_id)


CurrentUser = Annotated[User, Depends(get_current_user)]


def _staff(user: CurrentUser) -> User:
    require_role(user, Role.admin, Role.coordinator)
    return user


def _admin(user: CurrentUser) -> User:
    require_role(user, Role.admin)
    return user


Staff = Annotated[User, Depends(_staff)]
Admin = Annotated[User, Depends(_admin)]
