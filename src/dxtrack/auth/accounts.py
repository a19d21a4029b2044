"""An account's access, managed: disable / enable, password change, sessions, API tokens,
login lock. Disabling and a password change end every session and revoke every API token at
once; each change is audited."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.auth import throttle
from dxtrack.auth.models import ApiToken, Role, User
from dxtrack.auth.passwords import hash_password
from dxtrack.auth.permissions import require_role
from dxtrack.auth.service import MIN_PASSWORD, get_user
from dxtrack.auth.sessions import end_sessions
from dxtrack.db import rowcount, utcnow
from dxtrack.errors import Invalid, NotFound


def _cut_off(db: Session, user: User, reason: str, keep: int | None = None) -> dict[str, int]:
    sessions = end_sessions(db, user_id=user.id, reason=reason, keep=keep)
    tokens = rowcount(
        db.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    )
    return {"sessions": sessions, "tokens": tokens}


def set_active(db: Session, *, username: str, active: bool, actor: User) -> User:
    require_role(actor, Role.admin)
    user = get_user(db, username)
    if user.id == actor.id and not active:
        raise Invalid("Không thể tự khóa tài khoản của chính mình.")
    user.active = active
    ended = _cut_off(db, user, "disabled") if not active else {}
    action = "user.enable" if active else "user.disable"
    record(db, Event(action, "user", user.id, None, {"username": username, **ended}), actor=actor)
    return user


def set_password(
    db: Session, *, username: str, password: str, actor: User, keep_session: int | None = None
) -> dict[str, int]:
    """A new password (by the user, or reset by an admin): every other session and every API
    token end at once."""
    user = get_user(db, username)
    if actor.id != user.id:
        require_role(actor, Role.admin)
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    user.password_hash = hash_password(password)
    ended = _cut_off(db, user, "password", keep=keep_session)  # the own session stays
    record(db, Event("user.password", "user", user.id, None, ended), actor=actor)
    return ended


def end_user_sessions(
    db: Session, *, username: str, actor: User, session_id: int | None = None
) -> int:
    """An admin (or the user) ends one session, or all of them ("sign out everywhere")."""
    user = get_user(db, username)
    if actor.id != user.id:
        require_role(actor, Role.admin)
    ended = end_sessions(db, user_id=user.id, reason="ended", only=session_id)
    after = {"session": session_id, "sessions": ended}
    record(db, Event("user.sessions_end", "user", user.id, None, after), actor=actor)
    return ended


def list_tokens(db: Session, *, user_id: int) -> list[ApiToken]:
    """The user's API tokens still valid, newest first."""
    query = (
        select(ApiToken)
        .where(
            ApiToken.user_id == user_id,
            ApiToken.revoked_at.is_(None),
            ApiToken.expires_at > utcnow(),
        )
        .order_by(ApiToken.id.desc())
    )
    return list(db.scalars(query))


def revoke_token(db: Session, *, username: str, token_id: int, actor: User) -> None:
    user = get_user(db, username)
    if actor.id != user.id:
        require_role(actor, Role.admin)
    token = db.get(ApiToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        raise NotFound("Không tìm thấy mã truy cập API này.")
    token.revoked_at = utcnow()
    record(db, Event("user.token_revoke", "user", user.id, None, {"token": token_id}), actor=actor)


def unlock(db: Session, *, username: str, actor: User) -> int:
    """Lift the login lock of an account at once (its failed attempts are forgotten)."""
    require_role(actor, Role.admin)
    user = get_user(db, username)
    cleared = throttle.clear(db, username=user.username)
    record(db, Event("user.unlock", "user", user.id, None, {"failures": cleared}), actor=actor)
    return cleared
