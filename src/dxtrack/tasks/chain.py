"""The directive chain: a task implements a task of another document (`task_links`).

A national task, the province's plan implementing it, a Sở's letter implementing that: the
tree below a task rolls up the statuses of its own assignments (every level, delegated ones
included) and of every task below it. `under_document()` gives the task ids descending from a
document, so dashboards and reports can be scoped to, e.g., everything under Nghị quyết 57.
Received tasks are the province's own assignments from a higher level (`received()`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyKind
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.documents.models import Document
from dxtrack.errors import Invalid, NotFound
from dxtrack.tasks.models import Assignment, Task, TaskLink
from dxtrack.tasks.queries import assignment_status
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, empty_counts

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def _task(db: Session, task_id: int) -> Task:
    task = db.get(Task, task_id)
    if task is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}.")
    return task


def children_map(db: Session) -> dict[int, list[int]]:
    """parent task id -> the ids of the tasks implementing it."""
    query = select(TaskLink.parent_id, TaskLink.child_id)
    found: dict[int, list[int]] = {}
    for parent, child in db.execute(query.order_by(TaskLink.child_id)):
        found.setdefault(parent, []).append(child)
    return found


def below(db: Session, task_ids: list[int]) -> list[int]:
    """The given tasks and every task implementing them, at any depth (each once)."""
    links = children_map(db)
    seen: dict[int, None] = {}
    stack = list(reversed(task_ids))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen[current] = None
            stack.extend(reversed(links.get(current, [])))
    return list(seen)


def under_document_query(document_id: int) -> Select[Any]:
    """A SELECT of the ids of a document's tasks and of every task below them (a recursive
    query on both databases; UNION stops at a cycle): `Filters.task_ids`, report scopes."""
    tree = (
        select(Task.id.label("id"))
        .where(Task.document_id == document_id)
        .cte("chain", recursive=True)
    )
    step = select(TaskLink.child_id).join(tree, TaskLink.parent_id == tree.c.id)
    tree = tree.union(step)
    return select(tree.c.id)


def document_label(db: Session, document_id: int) -> str:
    document = db.get(Document, document_id)
    if document is None:
        raise NotFound(f"Không tìm thấy văn bản #{document_id}.")
    kind = document.doc_type or "văn bản"
    return f"{kind} số {document.number}" if document.number else f"{kind} #{document.id}"


def under_document(db: Session, document_id: int) -> list[int]:
    """Task ids of a document and of everything descending from its tasks."""
    own = db.scalars(select(Task.id).where(Task.document_id == document_id).order_by(Task.id))
    return below(db, list(own))


def link_tasks(
    db: Session, *, child_id: int, parent_id: int, actor: User | None, reason: str = ""
) -> TaskLink:
    """`child` implements `parent`; refused for the same document or a cycle (audited)."""
    if actor is not None:
        require_staff(actor)
    child, parent = _task(db, child_id), _task(db, parent_id)
    if child.document_id == parent.document_id:
        raise Invalid("Nhiệm vụ chỉ thực hiện nhiệm vụ của một văn bản khác.")
    if parent.id in below(db, [child.id]):
        raise Invalid(
            f"Không thể liên kết: nhiệm vụ #{parent.id} đã nằm dưới nhiệm vụ #{child.id} "
            "(liên kết vòng)."
        )
    link = db.scalar(
        select(TaskLink).where(TaskLink.child_id == child.id, TaskLink.parent_id == parent.id)
    )
    if link is not None:
        return link
    link = TaskLink(child_id=child.id, parent_id=parent.id, reason=reason)
    db.add(link)
    db.flush()
    after = {"child": child.id, "parent": parent.id, "reason": reason}
    record(db, events.Event("task.link", "task", child.id, None, after), actor=actor)
    return link


def unlink_tasks(db: Session, *, link_id: int, actor: User | None) -> None:
    if actor is not None:
        require_staff(actor)
    link = db.get(TaskLink, link_id)
    if link is None:
        raise NotFound(f"Không tìm thấy liên kết #{link_id}.")
    before = {"child": link.child_id, "parent": link.parent_id, "reason": link.reason}
    record(db, events.Event("task.unlink", "task", link.child_id, before, None), actor=actor)
    db.delete(link)
    db.flush()


def unlink_pair(db: Session, *, child_id: int, parent_id: int, actor: User | None) -> None:
    query = select(TaskLink.id).where(
        TaskLink.child_id == child_id, TaskLink.parent_id == parent_id
    )
    link_id = db.scalar(query)
    if link_id is None:
        raise NotFound(f"Nhiệm vụ #{child_id} không liên kết với nhiệm vụ #{parent_id}.")
    unlink_tasks(db, link_id=link_id, actor=actor)


def _own_counts(
    db: Session, task_ids: list[int], *, at: date, due_soon_days: int
) -> dict[int, dict[str, int]]:
    """task id -> counts by status at `at` of its assignments (every level)."""
    status = assignment_status(at, due_soon_days).label("status")
    query = (
        select(Assignment.task_id, status, func.count())
        .where(Assignment.task_id.in_(task_ids))
        .group_by(Assignment.task_id, status)
    )
    found: dict[int, dict[str, int]] = {task_id: empty_counts() for task_id in task_ids}
    for task_id, name, n in db.execute(query):
        found[task_id][name] += int(n)
    return found


def task_tree(
    db: Session, *, task_id: int, at: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> dict[str, Any]:
    """`dxtrack tasks tree ID --json`: {"id", "document", "clause", "status_counts",
    "children": [same shape]}, counts covering own assignments and everything below."""
    root = _task(db, task_id)
    links = children_map(db)
    ids = below(db, [root.id])
    own = _own_counts(db, ids, at=at, due_soon_days=due_soon_days)
    rows = db.execute(
        select(Task.id, Task.clause, Task.summary, Task.document_id, Document.number)
        .join(Document, Document.id == Task.document_id)
        .where(Task.id.in_(ids))
    )
    info = {row.id: row for row in rows}

    def node(current: int, path: frozenset[int]) -> dict[str, Any]:
        kids = [node(c, path | {c}) for c in links.get(current, []) if c not in path]
        counts = dict(own[current])
        for kid in kids:
            for name, n in kid["status_counts"].items():
                counts[name] += n
        meta = info[current]
        return {
            "id": current,
            "document": meta.number or f"#{meta.document_id}",
            "document_id": meta.document_id,
            "clause": meta.clause,
            "summary": meta.summary,
            "status_counts": counts,
            "children": kids,
        }

    return node(root.id, frozenset({root.id}))


def parents_of(db: Session, task_id: int) -> list[Task]:
    """The tasks this one implements."""
    query = (
        select(Task)
        .join(TaskLink, TaskLink.parent_id == Task.id)
        .where(TaskLink.child_id == task_id)
    )
    return list(db.scalars(query.order_by(Task.id)))


def province_ids(db: Session) -> list[int]:
    query = select(Agency.id).where(Agency.kind == AgencyKind.province.value)
    return list(db.scalars(query))


def received(
    db: Session, *, at: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> list[dict[str, Any]]:
    """The province's received tasks: assignments of a higher level's documents to the
    province itself (UBND tỉnh), each with its own status and the roll-up of its chain."""
    status = assignment_status(at, due_soon_days).label("status")
    query = (
        select(Assignment.id, Assignment.task_id, Assignment.deadline, status)
        .where(Assignment.agency_id.in_(province_ids(db)), Assignment.parent_id.is_(None))
        .order_by(Assignment.deadline.is_(None), Assignment.deadline, Assignment.id)
    )
    result = []
    for assignment_id, task_id, deadline, own_status in db.execute(query).all():
        tree = task_tree(db, task_id=task_id, at=at, due_soon_days=due_soon_days)
        result.append(
            {
                "assignment": assignment_id,
                "task": task_id,
                "document": tree["document"],
                "clause": tree["clause"],
                "summary": tree["summary"],
                "deadline": deadline.isoformat() if deadline else None,
                "status": own_status,
                "below": len(below(db, [task_id])) - 1,
                "status_counts": tree["status_counts"],
            }
        )
    return result
