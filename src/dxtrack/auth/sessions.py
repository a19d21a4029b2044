"""Signed cookie sessions with a CSRF token, for the server-rendered web app.

The cookie carries {"uid", "csrf"} signed with DXTRACK_SECRET_KEY; every unsafe request
must echo the csrf value (form field `csrf_token` or header `X-CSRF-Token`).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

from dxtrack.config import Settings
from dxtrack.errors import Forbidden

COOKIE_NAME = "dxtrack_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class SessionData:
    user_id: int
    csrf: str


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt="dxtrack-session")


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


def check_csrf(session: SessionData, token: str | None) -> None:
    if not token or not hmac.compare_digest(session.csrf, token):
        raise Forbidden("Phiên biểu mẫu đã hết hạn, vui lòng tải lại trang và thử lại.")


def cookie_options(settings: Settings) -> dict[str, object]:
    return {
        "httponly": True,
        "samesite": "lax",
        "secure": settings.cookie_secure,
        "max_age": settings.session_max_age_hours * 3600,
    }
