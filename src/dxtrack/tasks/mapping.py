"""Map a named party that resolves to nothing to the directory, or mark it outside it.

The name mapped to an agency or a group is saved as its alias, so the next document naming
it resolves; a party marked "ngoài danh mục" lets its task be confirmed, and the task is
listed as "chưa giao được" (tasks/parties.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyGroup
from dxtrack.agencies.names import exact_key
from dxtrack.agencies.resolver import build_resolver
from dxtrack.agencies.service import find_directory_entry, get_agency, get_group
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.db import utcnow
from dxtrack.documents.models import ReviewState
from dxtrack.errors import Invalid, NotFound
from dxtrack.tasks.fanout import sync_assignments
from dxtrack.tasks.models import Task, TaskParty
from dxtrack.tasks.parties import is_unresolved

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def get_party(db: Session, party_id: int) -> TaskParty:
    party = db.get(TaskParty, party_id)
    if party is None:
        raise NotFound(f"Không tìm thấy tên cơ quan #{party_id} của nhiệm vụ.")
    return party


def _save_alias(db: Session, target: Agency | AgencyGroup, name: str) -> bool:
    """Add `name` to the target's aliases unless the directory already resolves it there."""
    match = build_resolver(db).resolve(name)
    if match is not None and match.id == target.id and match.code == target.code:
        return False
    if exact_key(name) in {exact_key(a) for a in [target.name, *target.aliases]}:
        return False
    target.aliases = [*target.aliases, name]
    return True


def _touch(db: Session, task_id: int) -> Task:
    task = db.get(Task, task_id)
    assert task is not None
    task.version += 1
    task.updated_at = utcnow()
    return task


def map_party(
    db: Session,
    *,
    party_id: int,
    agency_code: str | None = None,
    group_code: str | None = None,
    actor: User | None,
) -> TaskParty:
    """Map a named party to a directory agency or group; the name is saved as its alias and
    every other unresolved party of a draft task with the same name is mapped too."""
    if actor is not None:
        require_staff(actor)
    if bool(agency_code) == bool(group_code):
        raise Invalid("Hãy chọn đúng một cơ quan hoặc một nhóm cơ quan trong danh mục.")
    party = get_party(db, party_id)
    target: Agency | AgencyGroup = (
        get_agency(db, agency_code) if agency_code else get_group(db, group_code or "")
    )
    alias_saved = _save_alias(db, target, party.name)
    key = exact_key(party.name)
    same = db.scalars(
        select(TaskParty)
        .join(Task, Task.id == TaskParty.task_id)
        .where(is_unresolved(), Task.review_state == ReviewState.draft)  # type: ignore[arg-type]
    ).all()
    for other in {party, *(p for p in same if exact_key(p.name) == key)}:
        before = {"name": other.name, "outside": other.outside}
        other.agency_id = target.id if agency_code else None
        other.group_id = target.id if group_code else None
        other.outside = False
        task = _touch(db, other.task_id)
        after: dict[str, object] = {
            "name": other.name,
            "agency" if agency_code else "group": target.code,
        }
        after["alias_saved"] = alias_saved and other is party
        record(db, events.Event("party.map", "task", task.id, before, after), actor=actor)
        if task.review_state == ReviewState.confirmed:
            sync_assignments(db, task)
    db.flush()
    return party


def mark_outside(db: Session, *, party_id: int, actor: User | None) -> TaskParty:
    """Mark a party "ngoài danh mục" on purpose: the task can be confirmed, and it is listed
    as "chưa giao được" since nobody in the directory receives that share."""
    if actor is not None:
        require_staff(actor)
    party = get_party(db, party_id)
    before = {"name": party.name, "agency_id": party.agency_id, "group_id": party.group_id}
    party.agency_id = party.group_id = None
    party.outside = True
    task = _touch(db, party.task_id)
    record(
        db,
        events.Event("party.outside", "task", task.id, before, {"name": party.name}),
        actor=actor,
    )
    if task.review_state == ReviewState.confirmed:
        sync_assignments(db, task)
    db.flush()
    return party


def map_party_to(db: Session, *, party_id: int, target: str, actor: User | None) -> TaskParty:
    """Map a party to what a picker's text designates (a code, a name, a known alias)."""
    match = find_directory_entry(db, target)
    if match is None:
        raise Invalid(
            f"Không tìm thấy «{target.strip()}» trong danh mục cơ quan; hãy chọn một tên trong "
            "danh sách gợi ý, hoặc đánh dấu «ngoài danh mục»."
        )
    code = {"agency_code": match.code} if match.kind == "agency" else {"group_code": match.code}
    return map_party(db, party_id=party_id, actor=actor, **code)
