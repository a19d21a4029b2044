"""Sorted pages of assignments for the web list (any column; the default uses queries.py).

Deadline order is index-served by `queries.list_assignments()`; other orders sort the matching
rows in the database. Agencies sort in Vietnamese alphabetical order on both databases, decided
in Python (the directory is small) rather than by a database collation: one grouped count
finds which agencies the page covers, then only their rows are read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.db import AnySelect
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    apply_filters,
    assignment_rows,
    assignment_status,
    list_assignments,
)
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, STATUSES

if TYPE_CHECKING:
    from dxtrack.auth.models import User

SORTS = ("deadline", "agency", "status", "percent", "updated")


def _agency_window(
    db: Session,
    restrict: Callable[[AnySelect], AnySelect],
    *,
    offset: int,
    size: int,
    descending: bool,
    sort_key: Callable[[str], Any],
) -> tuple[list[int], int]:
    """The agencies, in order, whose rows cover [offset, offset + size); and the rows before them.

    One grouped count instead of sorting every matching row by a rank over all agencies.
    """
    grouped = select(Assignment.agency_id, func.count()).group_by(Assignment.agency_id)
    counts: dict[int, int] = {agency: n for agency, n in db.execute(restrict(grouped))}
    names = dict(db.execute(select(Agency.id, Agency.name).where(Agency.id.in_(counts))).all())
    ordered = sorted(counts, key=lambda i: sort_key(names[i]), reverse=descending)
    window: list[int] = []
    skipped = position = 0
    for agency_id in ordered:
        start, position = position, position + counts[agency_id]
        if position <= offset:
            skipped = position
        elif start < offset + size:
            window.append(agency_id)
    return window, skipped


def _agency_page(
    db: Session,
    query: AnySelect,
    restrict: Callable[[AnySelect], AnySelect],
    *,
    offset: int,
    size: int,
    descending: bool,
    sort_key: Any,
) -> list[Any]:
    window, skipped = _agency_window(
        db, restrict, offset=offset, size=size, descending=descending, sort_key=sort_key
    )
    if not window:
        return []
    rank = case({agency_id: i for i, agency_id in enumerate(window)}, value=Assignment.agency_id)
    page = query.where(Assignment.agency_id.in_(window)).order_by(rank, Assignment.id)
    return list(db.execute(page.offset(offset - skipped).limit(size)).all())


def _order(sort: str, status: Any) -> Any:
    if sort == "status":
        return case({s.value: i for i, s in enumerate(STATUSES)}, value=status)
    if sort == "percent":
        return Assignment.percent
    if sort == "updated":
        return Assignment.updated_at
    return Assignment.deadline


def list_assignments_sorted(
    db: Session,
    *,
    filters: Filters,
    at: date,
    user: User | None,
    sort: str = "deadline",
    descending: bool = False,
    page: int = 1,
    page_size: int = 50,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    sort_key: Callable[[str], Any] = str.casefold,
) -> tuple[list[AssignmentRow], bool]:
    """One page in the chosen order (ties by id), and whether more pages follow."""
    if sort == "deadline" and not descending:
        return list_assignments(
            db,
            filters=filters,
            at=at,
            user=user,
            page=page,
            page_size=page_size,
            due_soon_days=due_soon_days,
        )
    status = assignment_status(at, due_soon_days)

    def restrict(selection: AnySelect) -> AnySelect:
        return apply_filters(selection, filters, at=at, user=user, due_soon_days=due_soon_days)

    query = restrict(assignment_rows(status))
    offset, size = (page - 1) * page_size, page_size + 1
    if sort == "agency":
        found = _agency_page(
            db, query, restrict, offset=offset, size=size, descending=descending, sort_key=sort_key
        )
    else:
        key = _order(sort, status)
        key = key.desc().nulls_last() if descending else key.asc().nulls_last()
        found = list(db.execute(query.order_by(key, Assignment.id).offset(offset).limit(size)))
    rows = [AssignmentRow(*row) for row in found]
    return rows[:page_size], len(rows) > page_size


def list_document_tasks(db: Session, *, document_id: int) -> list[Task]:
    """A document's tasks in document order (review screen)."""
    query = select(Task).where(Task.document_id == document_id)
    return list(db.scalars(query.order_by(Task.position, Task.id)))


def openable_tasks(db: Session, user: User, task_ids: list[int]) -> set[int]:
    """The tasks among `task_ids` whose page `user` may open (officers: their agency's)."""
    if user.role != "officer":
        return set(task_ids)
    query = select(Assignment.task_id).where(
        Assignment.task_id.in_(task_ids), Assignment.agency_id == user.agency_id
    )
    return set(db.scalars(query.distinct()))
