"""Named run locks kept in the database: one `notify run` at a time, on any number of hosts.

A cron entry that fires twice, or an administrator who runs the job by hand while cron runs it,
must not send every digest twice. `run_lock()` inserts a row keyed by the job's name (the
primary key makes the second insert fail on both databases, whichever process commits first)
and deletes it when the job ends. A lock left by a killed process expires after `ttl`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import String, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.db import Base, transaction, utcnow
from dxtrack.errors import Conflict

DEFAULT_TTL = timedelta(hours=1)


class RunLock(Base):
    __tablename__ = "run_locks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))  # host:pid:nonce of the running process
    acquired_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Busy(Conflict):
    code = "busy"


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:8]}"


def acquire(settings: Settings, name: str, *, label: str, ttl: timedelta = DEFAULT_TTL) -> str:
    """Take the lock `name` (an expired one is taken over); returns the holder token.

    Raises Busy, naming who holds it and until when, if another process has it.
    """
    holder, now = _holder(), utcnow()
    try:
        with transaction(settings) as db:
            db.execute(delete(RunLock).where(RunLock.name == name, RunLock.expires_at <= now))
            db.add(RunLock(name=name, holder=holder, acquired_at=now, expires_at=now + ttl))
    except IntegrityError:
        with transaction(settings) as db:
            lock = db.get(RunLock, name)
        if lock is None:  # released between our insert and this read: the caller may retry
            raise Busy(f"{label} vừa kết thúc ở một tiến trình khác; hãy chạy lại.") from None
        host = lock.holder.rsplit(":", 2)[0]
        raise Busy(
            f"{label} đang chạy ở một tiến trình khác (máy {host}, bắt đầu lúc "
            f"{vn.datetime_text(lock.acquired_at)}); lượt này dừng để không gửi trùng. Khóa tự hết hạn "
            f"lúc {vn.datetime_text(lock.expires_at)} nếu tiến trình kia bị dừng đột ngột.",
            detail={"holder": lock.holder},
        ) from None
    return holder


def release(settings: Settings, name: str, holder: str) -> None:
    """Give the lock back (only if still ours: an expired lock may have been taken over)."""
    with transaction(settings) as db:
        db.execute(delete(RunLock).where(RunLock.name == name, RunLock.holder == holder))


@contextmanager
def run_lock(
    settings: Settings, name: str, *, label: str, ttl: timedelta = DEFAULT_TTL
) -> Iterator[str]:
    """Hold the lock `name` for the duration of the block."""
    holder = acquire(settings, name, label=label, ttl=ttl)
    try:
        yield holder
    finally:
        release(settings, name, holder)
