"""Signed cookie sessions with a CSRF token, for the server-rendered web app.

The session lives on the server (`user_sessions`): the cookie carries only a random id, signed
with DXTRACK_SECRET_KEY, so logout, disabling the user, a password change or "sign out
everywhere" end it at once, and so does `DXTRACK_SESSION_IDLE_MINUTES` without a request. Every
unsafe request must echo the session's csrf value (form field `csrf_token` or header
`X-CSRF-Token`).

Before sign-in there is no session, so the login form is protected against login CSRF by a
pre-session token: GET /login sets the signed `dxtrack_login` cookie (path /login) and puts
the same token in the form; POST /login compares the two (double submit, constant time).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine, create_engine, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from dxtrack.auth.models import UserSession
from dxtrack.config import Settings
from dxtrack.db import rowcount, utcnow
from dxtrack.errors import Forbidden

COOKIE_NAME = "dxtrack_session"
LOGIN_COOKIE_NAME = "dxtrack_login"
LOGIN_COOKIE_PATH = "/login"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class SessionData:
    user_id: int
    csrf: str
    session_id: int = 0


TOUCH_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt="dxtrack-session")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def make_session_cookie(
    db: Session, settings: Settings, user_id: int, *, address: str = "", user_agent: str = ""
) -> tuple[str, SessionData]:
    """A new server-side session; the cookie carries its random id, signed."""
    token, now = secrets.token_urlsafe(32), utcnow()
    row = UserSession(
        user_id=user_id,
        token_hash=_digest(token),
        csrf=secrets.token_urlsafe(24),
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(hours=settings.session_max_age_hours),
        address=address[:64],
        user_agent=user_agent[:200],
    )
    db.add(row)
    db.flush()
    value = _serializer(settings).dumps({"sid": token})
    return value, SessionData(user_id=user_id, csrf=row.csrf, session_id=row.id)


def read_session_cookie(db: Session, settings: Settings, value: str | None) -> SessionData | None:
    """The session a cookie names, if it is still open: not ended, not expired, not idle."""
    if not value:
        return None
    try:
        payload = _serializer(settings).loads(value, max_age=settings.session_max_age_hours * 3600)
    except BadSignature:
        return None
    token = payload.get("sid") if isinstance(payload, dict) else None
    if not isinstance(token, str):
        return None
    row = db.scalar(select(UserSession).where(UserSession.token_hash == _digest(token)))
    now = utcnow()
    idle = timedelta(minutes=settings.session_idle_minutes)
    if row is None or row.ended_at is not None or row.expires_at <= now:
        return None
    if row.last_seen_at + idle <= now:
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        _touch(db, row, now)
    return SessionData(user_id=row.user_id, csrf=row.csrf, session_id=row.id)


_touchers: dict[str, Engine] = {}


def _touch(db: Session, row: UserSession, now: datetime) -> None:
    """Note the session's activity. On PostgreSQL in the request's transaction; on SQLite a
    read request must not take the write lock (it would wait for writers, or fail on a stale
    snapshot), so a side connection that never waits writes it, and skips when busy: the next
    request notes it."""
    bind = db.get_bind()
    if bind.dialect.name != "sqlite":
        row.last_seen_at = now
        return
    url = bind.engine.url.render_as_string(hide_password=False)
    if url not in _touchers:
        _touchers[url] = create_engine(
            url, connect_args={"timeout": 0, "check_same_thread": False}, poolclass=NullPool
        )
    try:
        with _touchers[url].begin() as side:
            side.execute(
                update(UserSession).where(UserSession.id == row.id).values(last_seen_at=now)
            )
    except OperationalError:  # the database is being written: skip this time
        return


def end_sessions(
    db: Session, *, user_id: int, reason: str, only: int | None = None, keep: int | None = None
) -> int:
    """End a user's open sessions (one with `only`, all but `keep`); returns how many."""
    query = (
        update(UserSession)
        .where(UserSession.user_id == user_id, UserSession.ended_at.is_(None))
        .values(ended_at=utcnow(), end_reason=reason)
    )
    if only is not None:
        query = query.where(UserSession.id == only)
    if keep is not None:
        query = query.where(UserSession.id != keep)
    return rowcount(db.execute(query))


def open_sessions(db: Session, *, user_id: int, settings: Settings) -> list[UserSession]:
    """The user's sessions still usable now, newest first."""
    now = utcnow()
    idle = now - timedelta(minutes=settings.session_idle_minutes)
    query = (
        select(UserSession)
        .where(
            UserSession.user_id == user_id,
            UserSession.ended_at.is_(None),
            UserSession.expires_at > now,
            UserSession.last_seen_at > idle,
        )
        .order_by(UserSession.last_seen_at.desc())
    )
    return list(db.scalars(query))


def _same_token(expected: str, given: str | None) -> bool:
    """Constant-time comparison; bytes, since compare_digest refuses non-ASCII str."""
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


def check_csrf(session: SessionData, token: str | None) -> None:
    if not _same_token(session.csrf, token):
        raise Forbidden("Phiên biểu mẫu đã hết hạn, vui lòng tải lại trang và thử lại.")


def _login_serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt="dxtrack-login")


def read_login_token(settings: Settings, value: str | None) -> str | None:
    """The pre-session token inside a `dxtrack_login` cookie; None if missing, forged or old."""
    if not value:
        return None
    try:
        token = _login_serializer(settings).loads(
            value, max_age=settings.session_max_age_hours * 3600
        )
    except BadSignature:
        return None
    return token if isinstance(token, str) and token else None


def make_login_cookie(settings: Settings, current: str | None = None) -> tuple[str, str]:
    """(cookie value, token) for the login form; keeps a still-valid token so tabs agree."""
    token = read_login_token(settings, current) or secrets.token_urlsafe(24)
    return _login_serializer(settings).dumps(token), token


def check_login_token(settings: Settings, cookie: str | None, token: str | None) -> None:
    expected = read_login_token(settings, cookie)
    if not expected or not _same_token(expected, token):
        raise Forbidden(
            "Biểu mẫu đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng nhập lại mật khẩu rồi đăng nhập."
        )


def cookie_options(settings: Settings) -> dict[str, object]:
    return {
        "httponly": True,
        "samesite": "lax",
        "secure": settings.cookie_secure,
        "max_age": settings.session_max_age_hours * 3600,
    }
