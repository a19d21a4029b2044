"""Users and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth import passwords
from dxtrack.auth.models import ApiToken, Role, User
from dxtrack.auth.passwords import hash_password, verify_password
from dxtrack.db import utcnow
from dxtrack.errors import Conflict, Invalid, NotFound, Unauthorized

MIN_PASSWORD = 8


def user_snapshot(user: User) -> dict[str, object]:
    return {
        "username": user.username,
        "role": user.role,
        "agency_id": user.agency_id,
        "email": user.email,
        "active": user.active,
    }


def _agency_id(db: Session, role: Role, agency_code: str | None) -> int | None:
    if agency_code is None:
        if role == Role.officer:
            raise Invalid("Cán bộ đầu mối phải thuộc một cơ quan: hãy chọn cơ quan của cán bộ.")
        return None
    agency_id = db.scalar(select(Agency.id).where(Agency.code == agency_code))
    if agency_id is None:
        raise NotFound(f"Không tìm thấy cơ quan có mã «{agency_code}».")
    return agency_id


def create_user(
    db: Session,
    *,
    username: str,
    password: str,
    role: Role | str,
    agency_code: str | None = None,
    email: str | None = None,
    full_name: str | None = None,
    actor: User | None,
) -> User:
    role = Role(role)
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if find_user(db, username) is not None:
        raise Conflict(f"Tên đăng nhập «{username}» đã tồn tại.")
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role.value,
        agency_id=_agency_id(db, role, agency_code),
        email=email,
        full_name=full_name,
    )
    db.add(user)
    db.flush()
    record(db, events.created("user", user.id, user_snapshot(user)), actor=actor)
    return user


def find_user(db: Session, username: str) -> User | None:
    return db.scalar(select(User).where(User.username == username))


def get_user(db: Session, username: str) -> User:
    user = find_user(db, username)
    if user is None:
        raise NotFound(f"Không tìm thấy người dùng «{username}».")
    return user


def list_users(db: Session) -> list[User]:
    return list(db.scalars(select(User).order_by(User.username)))


def authenticate(db: Session, *, username: str, password: str) -> User:
    user = find_user(db, username)
    # An unknown or disabled user costs one hash check too: the answer's timing must not tell
    # which usernames exist.
    stored = user.password_hash if user is not None else passwords.dummy_hash()
    matches = verify_password(stored, password)
    if user is None or not user.active or not matches:
        raise Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.")
    if passwords.needs_rehash(user.password_hash):  # hashed under older argon2 parameters
        user.password_hash = hash_password(password)
        db.flush()
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(db: Session, *, user: User, ttl_days: int = 30) -> str:
    """A new bearer token for `user` (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(days=ttl_days)
    db.add(ApiToken(user_id=user.id, token_hash=_digest(token), expires_at=expires))
    db.flush()
    record(
        db, events.Event("user.token", "user", user.id, None, {"expires_at": expires}), actor=user
    )
    return token


def user_for_token(db: Session, token: str) -> User:
    row = db.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None or row.expires_at < utcnow() or row.revoked_at is not None:
        raise Unauthorized("Phiên làm việc không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.")
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        raise Unauthorized("Tài khoản không còn hoạt động.")
    return user


def get_user_by_id(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None or not user.active:
        raise Unauthorized("Tài khoản không còn hoạt động.")
    return user
