"""Signing in and out, for the login page and the token endpoint alike: throttled, audited.

`attempt_login()` never raises for a refused attempt: it returns the outcome, so the request's
transaction commits the failure (the throttle counts it, the audit log keeps it) before the
handler answers 401 or 429.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth import throttle
from dxtrack.auth.models import User
from dxtrack.auth.service import authenticate, find_user
from dxtrack.auth.sessions import end_sessions
from dxtrack.config import Settings
from dxtrack.db import utcnow
from dxtrack.errors import Unauthorized


@dataclass(frozen=True)
class LoginOutcome:
    user: User | None
    status: int  # 200, 401 or 429
    message: str = ""
    retry_after: int | None = None


def attempt_login(
    db: Session, *, username: str, password: str, address: str, settings: Settings, via: str
) -> LoginOutcome:
    """Check the throttle, then the password; audit the outcome (`via`: "page" or "api")."""
    username, now = username.strip(), utcnow()
    wait = throttle.check(db, username=username, address=address, settings=settings, now=now)
    known = find_user(db, username)
    subject = known.id if known is not None else None
    if wait is not None:
        after = {
            "username": username,
            "address": address,
            "via": via,
            "retry_after": wait.retry_after,
        }
        record(db, Event("user.login_refused", "user", subject, None, after), actor=None)
        return LoginOutcome(None, 429, wait.message, wait.retry_after)
    try:
        user = authenticate(db, username=username, password=password)
    except Unauthorized as refused:
        throttle.failed(db, username=username, address=address, now=now)
        after = {"username": username, "address": address, "via": via}
        record(db, Event("user.login_failed", "user", subject, None, after), actor=None)
        return LoginOutcome(None, 401, refused.message)
    throttle.clear(db, username=username)
    record(
        db, Event("user.login", "user", user.id, None, {"address": address, "via": via}), actor=user
    )
    return LoginOutcome(user, 200)


def logout(db: Session, *, user: User, session_id: int, everywhere: bool = False) -> int:
    """End this browser session (or every session of the user); audited."""
    ended = end_sessions(
        db, user_id=user.id, reason="logout", only=None if everywhere else session_id
    )
    action = "user.logout_everywhere" if everywhere else "user.logout"
    record(db, Event(action, "user", user.id, None, {"sessions": ended}), actor=user)
    return ended
