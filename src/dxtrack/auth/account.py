"""A user changes their own password (the current one asked again).

The new password is set by `auth.accounts.set_password()` (security's one path: every other
session and API token of the user end, the current session stays).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from dxtrack.auth.accounts import set_password
from dxtrack.auth.models import User
from dxtrack.auth.passwords import verify_password
from dxtrack.errors import Invalid


def change_password(
    db: Session, *, user: User, current: str, new: str, confirm: str, session_id: int | None
) -> None:
    if not verify_password(user.password_hash, current):
        raise Invalid("Mật khẩu hiện tại không đúng.")
    if new != confirm:
        raise Invalid("Hai lần nhập mật khẩu mới không khớp.")
    if new == current:
        raise Invalid("Mật khẩu mới phải khác mật khẩu hiện tại.")
    set_password(db, username=user.username, password=new, actor=user, keep_session=session_id)
