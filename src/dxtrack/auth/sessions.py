"""Signed cookie sessions with a CSRF token, for the server-rendered web app.

The cookie carries {"uid", "csrf"} signed with DXTRACK_SECRET_KEY; every unsafe request
must echo the csrf value (form field `csrf_token` or header `X-CSRF-Token`).

Before sign-in there is no session, so the login form is protected against login CSRF by a
pre-session token: GET /login sets the signed `dxtrack_login` cookie (path /login) and puts
the same token in the form; POST /login compares the two (double submit, constant time).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

from dxtrack.config import Settings
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


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt="dxtrack-session")


def make_session_cookie(settings: Settings, user_id: int) -> tuple[str, SessionData]:
    data = SessionData(user_id=user_id, csrf=secrets.token_urlsafe(24))
    value = _serializer(settings).dumps({"uid": data.user_id, "csrf": data.csrf})
    return value, data


def read_session_cookie(settings: Settings, value: str | None) -> SessionData | None:
    if not value:
        return None
    max_age = settings.session_max_age_hours * 3600
    try:
        payload = _serializer(settings).loads(value, max_age=max_age)
    except BadSignature:
        return None
    return SessionData(user_id=int(payload["uid"]), csrf=str(payload["csrf"]))


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
