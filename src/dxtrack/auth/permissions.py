"""Who may do what. Pure checks on a user; services call them before writing."""

from __future__ import annotations

from dxtrack.auth.models import Role, User
from dxtrack.errors import Forbidden

STAFF = (Role.admin, Role.coordinator)
READ_ALL = (Role.admin, Role.coordinator, Role.viewer)


def require_role(user: User, *roles: Role) -> None:
    if user.role not in roles:
        raise Forbidden("Bạn không có quyền thực hiện thao tác này.")


def require_staff(user: User) -> None:
    """Admins and coordinators: ingest, review, confirm, assign, read the audit log."""
    require_role(user, *STAFF)


def visible_agency_id(user: User) -> int | None:
    """None when the user sees every agency; else the only agency they may see."""
    if user.role in READ_ALL:
        return None
    return user.agency_id if user.agency_id is not None else -1


def can_see_agency(user: User, agency_id: int) -> bool:
    scope = visible_agency_id(user)
    return scope is None or scope == agency_id


def require_can_report(user: User, agency_id: int) -> None:
    """Staff report for anyone; an officer only for their own agency; viewers never."""
    if user.role in STAFF:
        return
    if user.role == Role.officer and user.agency_id == agency_id:
        return
    raise Forbidden("Bạn chỉ được báo cáo tiến độ nhiệm vụ của cơ quan mình.")
