"""Reads of tasks and assignments with their computed status, filtered and paginated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.changes import agency_at, agency_ids_at
from dxtrack.agencies.models import Agency, AgencyGroup, group_members
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.db import AnySelect
from dxtrack.documents.models import Document
from dxtrack.search import contains
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.overdue_count import counted_overdue_tasks
from dxtrack.tasks.rhythm import rhythm_condition
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, Status, status_case, status_hint

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class Filters:
    """Filters shared by lists, summaries and scorecards (all optional)."""

    agency: str | None = None
    group: str | None = None
    status: Status | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    document_id: int | None = None
    task_id: int | None = None
    assignment_id: int | None = None
    q: str | None = None
    task_ids: Any = None  # a SELECT of task ids (e.g. a plan's or a pillar's tasks)
    # Levels (tasks/delegation.py): "top" (the Government Office's counting: one assignment
    # per agency per task), "sub" (delegated ones only), "all"; None: "all" for an officer
    # (their agency's work at every level), else "top".
    levels: str | None = None
    # Agency filters on the agency holding each assignment at the reference date (after an
    # agency change); lists only, set by the pages when a move happened after that date.
    held_then: bool = False
    # The reporting rhythm at today (tasks/rhythm.py): "stale" or "updated" undated work.
    rhythm: str | None = None


LEVELS = ("top", "sub", "all")


def effective_levels(filters: Filters, user: User | None) -> str:
    if filters.levels in LEVELS:
        return filters.levels
    scoped = user is not None and visible_agency_id(user) is not None
    return "all" if scoped else "top"


def restrict_levels(query: AnySelect, levels: str) -> AnySelect:
    if levels == "top":
        return query.where(Assignment.parent_id.is_(None))
    if levels == "sub":
        return query.where(Assignment.parent_id.is_not(None))
    return query


@dataclass(slots=True)
class AssignmentRow:
    id: int
    task_id: int
    agency_code: str
    agency_name: str
    role: str
    period: str
    deadline: date | None
    state: str
    percent: int
    completed_on: date | None
    version: int
    status: str
    clause: str
    summary: str
    document_id: int
    document_number: str | None
    parent_id: int | None = None


def assignment_status(at: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> Any:
    return status_case(
        Assignment.deadline, Assignment.completed_on, at=at, due_soon_days=due_soon_days
    )


def restrict_agencies(
    query: AnySelect, agency_column: Any, filters: Filters, user: User | None
) -> AnySelect:
    """The user's visibility scope and the agency / group filters, on any agency_id column."""
    scope = visible_agency_id(user) if user is not None else None
    if scope is not None:
        query = query.where(agency_column == scope)
    if filters.agency:
        agency_id = select(Agency.id).where(Agency.code == filters.agency).scalar_subquery()
        query = query.where(agency_column == agency_id)
    if filters.group:
        members = (
            select(group_members.c.agency_id)
            .join(AgencyGroup, AgencyGroup.id == group_members.c.group_id)
            .where(AgencyGroup.code == filters.group)
        )
        query = query.where(agency_column.in_(members))
    return query


def only_agency_filters(filters: Filters) -> bool:
    """True when no filter other than agency / group is set."""
    others = (
        filters.status,
        filters.deadline_from,
        filters.deadline_to,
        filters.document_id,
        filters.task_id,
        filters.assignment_id,
        filters.q,
        filters.rhythm,
    )
    return filters.task_ids is None and all(value in (None, "") for value in others)


def apply_filters(
    query: AnySelect, filters: Filters, *, at: date, user: User | None, due_soon_days: int
) -> AnySelect:
    """Restrict a query that selects from Assignment (joins added as needed)."""
    column = agency_at(at) if filters.held_then else Assignment.agency_id
    query = restrict_agencies(query, column, filters, user)
    query = restrict_levels(query, effective_levels(filters, user))
    if filters.status:
        query = query.where(
            assignment_status(at, due_soon_days) == filters.status.value,
            status_hint(
                filters.status,
                Assignment.deadline,
                Assignment.completed_on,
                at=at,
                due_soon_days=due_soon_days,
            ),
        )
    if filters.deadline_from:
        query = query.where(Assignment.deadline >= filters.deadline_from)
    if filters.deadline_to:
        query = query.where(Assignment.deadline <= filters.deadline_to)
    if filters.task_id:
        query = query.where(Assignment.task_id == filters.task_id)
    if filters.assignment_id:
        query = query.where(Assignment.id == filters.assignment_id)
    if filters.task_ids is not None:
        query = query.where(Assignment.task_id.in_(filters.task_ids))
    if filters.rhythm:
        query = query.where(rhythm_condition(filters.rhythm, vn.today()))
    if filters.document_id or filters.q:
        task_ids = select(Task.id)
        if filters.document_id:
            task_ids = task_ids.where(Task.document_id == filters.document_id)
        if filters.q:
            task_ids = task_ids.where(contains(Task.search_key, filters.q))
        query = query.where(Assignment.task_id.in_(task_ids))
    return query


def assignment_rows(status: Any) -> AnySelect:
    """The columns of `AssignmentRow`, in its field order, with `status` computed.

    Plain columns rather than the Assignment entity: building 100k ORM objects for a list
    cost three times the query (the report annex reads every assignment).
    """
    return (
        select(
            Assignment.id,
            Assignment.task_id,
            Agency.code,
            Agency.name,
            Assignment.role,
            Assignment.period,
            Assignment.deadline,
            Assignment.state,
            Assignment.percent,
            Assignment.completed_on,
            Assignment.version,
            status.label("status"),
            Task.clause,
            Task.summary,
            Task.document_id,
            Document.number,
            Assignment.parent_id,
        )
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(Task, Task.id == Assignment.task_id)
        .join(Document, Document.id == Task.document_id)
    )


def list_assignments(
    db: Session,
    *,
    filters: Filters,
    at: date,
    user: User | None,
    page: int = 1,
    page_size: int = 50,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> tuple[list[AssignmentRow], bool]:
    """One page ordered by deadline (none last), then id; and whether more pages follow."""
    query = assignment_rows(assignment_status(at, due_soon_days))
    query = apply_filters(query, filters, at=at, user=user, due_soon_days=due_soon_days)
    rows = _deadline_page(db, query, offset=(page - 1) * page_size, size=page_size + 1)
    result = [AssignmentRow(*row) for row in rows[:page_size]]
    return result, len(rows) > page_size


def _deadline_page(db: Session, query: AnySelect, *, offset: int, size: int) -> list[Any]:
    """Rows ordered by deadline then id, deadlines first and none last, served by indexes.

    Two index-ordered queries instead of `ORDER BY deadline IS NULL, ...` (which forces a sort
    of every matching row): dated rows first, then undated rows when the page spills over.
    """
    dated = query.where(Assignment.deadline.is_not(None))
    rows = list(
        db.execute(
            dated.order_by(Assignment.deadline, Assignment.id).offset(offset).limit(size)
        ).all()
    )
    if len(rows) == size:
        return rows
    if rows or offset == 0:
        dated_total = offset + len(rows)
    else:
        dated_total = db.scalar(select(func.count()).select_from(dated.subquery())) or 0
    undated = query.where(Assignment.deadline.is_(None)).order_by(Assignment.id)
    rest = db.execute(undated.offset(max(0, offset - dated_total)).limit(size - len(rows)))
    return rows + list(rest.all())


def _assignments_by_task(
    db: Session, *, at: date, user: User | None, document_id: int | None, due_soon_days: int
) -> dict[int, list[dict[str, Any]]]:
    status = assignment_status(at, due_soon_days)
    query = select(
        Assignment.id,
        Assignment.task_id,
        Agency.code,
        Assignment.role,
        Assignment.period,
        Assignment.deadline,
        status,
        Assignment.parent_id,
    ).join(Agency, Agency.id == Assignment.agency_id)
    filters = Filters(document_id=document_id, levels="all")
    query = apply_filters(query, filters, at=at, user=user, due_soon_days=due_soon_days)
    by_task: dict[int, list[dict[str, Any]]] = {}
    rows = db.execute(query.order_by(Assignment.id)).all()
    earlier = agency_ids_at(db, [row[0] for row in rows], at)  # moved after `at` (a merger)
    codes = dict(
        db.execute(select(Agency.id, Agency.code).where(Agency.id.in_(set(earlier.values())))).all()
    )
    for a_id, task_id, code, role, period, deadline, st, parent in rows:
        code = codes[earlier[a_id]] if a_id in earlier else code
        item = {"id": a_id, "agency": code, "role": role, "status": st, "parent": parent}
        if period:
            item |= {"period": period, "deadline": deadline.isoformat() if deadline else None}
        by_task.setdefault(task_id, []).append(item)
    return by_task


def _task_dict(task: Task, document: str, assignments: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": task.id,
        "document": document,
        "document_id": task.document_id,
        "clause": task.clause,
        "summary": task.summary,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "recurrence": task.recurrence,
        "review_state": task.review_state,
        "version": task.version,
        "assignments": assignments,
    }


def list_tasks(
    db: Session,
    *,
    at: date,
    user: User | None = None,
    document_id: int | None = None,
    review_state: str | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> list[dict[str, Any]]:
    """Every task (visible to `user`) with its assignments and their statuses at `at`."""
    query = select(Task, Document.number, Document.filename).join(
        Document, Document.id == Task.document_id
    )
    if document_id:
        query = query.where(Task.document_id == document_id)
    if review_state:
        query = query.where(Task.review_state == review_state)
    tasks = db.execute(query.order_by(Task.document_id, Task.position, Task.id)).all()
    by_task = _assignments_by_task(
        db, at=at, user=user, document_id=document_id, due_soon_days=due_soon_days
    )
    restricted = user is not None and visible_agency_id(user) is not None
    return [
        _task_dict(task, number or filename, by_task.get(task.id, []))
        for task, number, filename in tasks
        if not restricted or task.id in by_task
    ]


@dataclass
class OverdueTask:
    """A task with overdue assignments: which agencies, since when."""

    task_id: int
    clause: str
    summary: str
    document_number: str | None
    deadline: date  # the earliest overdue deadline of the task
    agencies: list[str]  # names of the agencies overdue (the caller orders them)


def _first_tasks(db: Session, query: AnySelect, limit: int) -> list[tuple[int, date]]:
    """The first `limit` distinct tasks of `query` (task_id, deadline) in deadline order, read
    through the deadline index in growing windows instead of grouping every row."""
    size = max(limit * 20, 200)
    while True:
        ordered = query.order_by(Assignment.deadline, Assignment.id).limit(size)
        rows = db.execute(ordered).all()
        first: dict[int, date] = {}
        for task_id, deadline in rows:
            first.setdefault(task_id, deadline)
        if len(first) >= limit or len(rows) < size:
            return list(first.items())[:limit]
        size *= 4


def overdue_tasks(
    db: Session,
    *,
    filters: Filters,
    at: date,
    user: User | None,
    limit: int,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    count: bool = True,
) -> tuple[list[OverdueTask], int | None]:
    """The `limit` tasks overdue the longest (earliest deadline first), each with its overdue
    agencies; and (with `count`) how many tasks have an overdue assignment. A task given to a
    hundred communes is one row here, where the assignment list has a hundred."""
    overdue = Filters(**{**filters.__dict__, "status": Status.overdue})

    def restrict(query: AnySelect) -> AnySelect:
        return apply_filters(query, overdue, at=at, user=user, due_soon_days=due_soon_days)

    total = None
    if count:  # the province's or one agency's top-level figure from the maintained counts
        plain = only_agency_filters(filters) and not filters.group
        if plain and effective_levels(filters, user) == "top":
            total = counted_overdue_tasks(db, at=at, agency=filters.agency)
        if total is None:
            distinct = restrict(select(func.count(func.distinct(Assignment.task_id))))
            total = db.scalar(distinct) or 0
    top = _first_tasks(db, restrict(select(Assignment.task_id, Assignment.deadline)), limit)
    ids = [task_id for task_id, _ in top]
    if not ids:
        return [], total
    names: dict[int, list[str]] = {task_id: [] for task_id in ids}
    agencies = restrict(select(Assignment.task_id, Agency.name).join(Agency))
    for task_id, name in db.execute(agencies.where(Assignment.task_id.in_(ids))):
        names[task_id].append(name)
    info = {
        row.id: row
        for row in db.execute(
            select(Task.id, Task.clause, Task.summary, Document.number)
            .join(Document, Document.id == Task.document_id)
            .where(Task.id.in_(ids))
        )
    }
    return [
        OverdueTask(
            task_id=task_id,
            clause=info[task_id].clause,
            summary=info[task_id].summary,
            document_number=info[task_id].number,
            deadline=deadline,
            agencies=list(dict.fromkeys(names[task_id])),
        )
        for task_id, deadline in top
    ], total
