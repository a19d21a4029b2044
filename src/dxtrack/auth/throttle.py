"""Login throttling per account and per client address (growing delays, then a lock).

Failed sign-ins are rows in `login_failures`. Within the window (the lock's length):
- from `free` failures of an account on, each new attempt must wait 2^(n - free) seconds after
  the last failure (1, 2, 4, 8 ... s), so a script slows down at once;
- at `lock` failures the account is locked for the window (HTTP 429 with Retry-After and a
  Vietnamese message), whatever the password; an admin can unlock it at once;
- a client address gets four times those numbers (offices share an address behind NAT).
A throttled attempt checks no password. A successful sign-in clears the account's failures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dxtrack.auth.models import LoginFailure
from dxtrack.config import Settings
from dxtrack.db import rowcount

ADDRESS_FACTOR = 4


@dataclass(frozen=True)
class Throttled:
    retry_after: int  # seconds
    locked: bool

    @property
    def message(self) -> str:
        minutes = max(1, -(-self.retry_after // 60))
        if self.locked:
            return (
                "Đăng nhập sai quá nhiều lần: tài khoản hoặc địa chỉ máy này tạm bị khóa. Vui lòng "
                f"thử lại sau {minutes} phút, hoặc liên hệ quản trị viên để mở khóa."
            )
        return (
            f"Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ {self.retry_after} giây rồi thử lại."
        )


def _state(db: Session, column: Any, value: str, since: datetime) -> tuple[int, datetime | None]:
    query = select(func.count(), func.max(LoginFailure.at)).where(
        column == value, LoginFailure.at > since
    )
    count, last = db.execute(query).one()
    return int(count), last


def _wait(count: int, last: datetime | None, *, free: int, lock: int, window: timedelta,
          now: datetime) -> Throttled | None:  # fmt: skip
    if last is None or count < free:
        return None
    if count >= lock:
        left = last + window - now
        return Throttled(int(left.total_seconds()) + 1, True) if left.total_seconds() > 0 else None
    left = last + timedelta(seconds=2 ** (count - free)) - now
    return Throttled(int(left.total_seconds()) + 1, False) if left.total_seconds() > 0 else None


def check(
    db: Session, *, username: str, address: str, settings: Settings, now: datetime
) -> Throttled | None:
    """Why this attempt must wait (None: it may go ahead)."""
    window = timedelta(minutes=settings.login_lock_minutes)
    lock = settings.login_max_failures
    free = max(1, lock // 2)
    waits = [
        _wait(*_state(db, LoginFailure.username, username, now - window),
              free=free, lock=lock, window=window, now=now),
        _wait(*_state(db, LoginFailure.address, address, now - window),
              free=free * ADDRESS_FACTOR, lock=lock * ADDRESS_FACTOR, window=window, now=now),
    ]  # fmt: skip
    found = [w for w in waits if w is not None]
    return max(found, key=lambda w: (w.locked, w.retry_after)) if found else None


def failed(db: Session, *, username: str, address: str, now: datetime) -> None:
    db.add(LoginFailure(username=username[:80], address=address[:64], at=now))
    db.flush()


def clear(db: Session, *, username: str) -> int:
    """Forget the account's failures (a successful sign-in, or an admin's unlock)."""
    return rowcount(db.execute(delete(LoginFailure).where(LoginFailure.username == username)))


def locked_usernames(db: Session, *, settings: Settings, now: datetime) -> set[str]:
    """Accounts locked right now (for the admin's user list)."""
    since = now - timedelta(minutes=settings.login_lock_minutes)
    query = (
        select(LoginFailure.username)
        .where(LoginFailure.at > since)
        .group_by(LoginFailure.username)
        .having(func.count() >= settings.login_max_failures)
    )
    return set(db.scalars(query))
