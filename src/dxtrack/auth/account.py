"""Passwords and locks: a user changes their own password; an admin locks, unlocks or resets.

A locked user cannot sign in, and their sessions and API tokens stop working at the next
request (every request reads `users.active`). A reset password is random, shown once.
"""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.models import Role, User
from dxtrack.auth.passwords import hash_password, verify_password
from dxtrack.auth.permissions import require_role
from dxtrack.auth.service import MIN_PASSWORD, get_user
from dxtrack.errors import Invalid


def _check_new(password: str, confirm: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Mật khẩu mới phải có ít nhất {MIN_PASSWORD} ký tự.")
    if password != confirm:
        raise Invalid("Hai lần nhập mật khẩu mới không khớp.")


def change_password(db: Session, *, user: User, current: str, new: str, confirm: str) -> None:
    """The signed-in user's own password; the current one is asked again."""
    if not verify_password(user.password_hash, current):
        raise Invalid("Mật khẩu hiện tại không đúng.")
    _check_new(new, confirm)
    if new == current:
        raise Invalid("Mật khẩu mới phải khác mật khẩu hiện tại.")
    user.password_hash = hash_password(new)
    event = events.Event("user.password", "user", user.id, None, {"username": user.username})
    record(db, event, actor=user)
    db.flush()


def set_active(db: Session, *, username: str, active: bool, actor: User) -> User:
    """Lock (active=False) or unlock an account; an admin cannot lock themself."""
    require_role(actor, Role.admin)
    user = get_user(db, username)
    if user.id == actor.id and not active:
        raise Invalid("Không thể tự khóa tài khoản của chính mình.")
    before = {"username": user.username, "active": user.active}
    user.active = active
    action = "user.unlock" if active else "user.lock"
    record(
        db,
        events.Event(action, "user", user.id, before, {"username": username, "active": active}),
        actor=actor,
    )
    db.flush()
    return user


def reset_password(db: Session, *, username: str, actor: User) -> str:
    """A new random password for `username` (returned to be shown once)."""
    require_role(actor, Role.admin)
    user = get_user(db, username)
    password = secrets.token_urlsafe(9)
    user.password_hash = hash_password(password)
    record(
        db,
        events.Event("user.reset_password", "user", user.id, None, {"username": username}),
        actor=actor,
    )
    db.flush()
    return password
