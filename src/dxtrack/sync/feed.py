"""The change feed's pages: each change with the row's current state (None once deleted)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.documents.models import Document
from dxtrack.sync.changes import Cursor, list_changes
from dxtrack.tasks.models import Assignment, ProgressReport, Task
from dxtrack.tasks.status import compute_status

MAX_LIMIT = 5000


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _documents(db: Session, ids: set[int], at: date, soon: int) -> dict[int, dict[str, Any]]:
    rows = db.scalars(select(Document).where(Document.id.in_(ids)))
    return {
        d.id: {
            "external_id": d.external_id,
            "number": d.number,
            "doc_type": d.doc_type,
            "issuer": d.issuer,
            "issued_date": _iso(d.issued_date),
            "subject": d.subject,
            "review_state": d.review_state,
            "needs_review": d.review_note is not None,
        }
        for d in rows
    }


def _tasks(db: Session, ids: set[int], at: date, soon: int) -> dict[int, dict[str, Any]]:
    rows = db.scalars(select(Task).where(Task.id.in_(ids)))
    return {
        t.id: {
            "document_id": t.document_id,
            "external_id": t.external_id,
            "clause": t.clause,
            "summary": t.summary,
            "deadline": _iso(t.deadline),
            "recurrence": t.recurrence,
            "review_state": t.review_state,
            "needs_review": t.review_note is not None,
        }
        for t in rows
    }


def _assignments(db: Session, ids: set[int], at: date, soon: int) -> dict[int, dict[str, Any]]:
    query = (
        select(Assignment, Agency.code)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.id.in_(ids))
    )
    out = {}
    for a, code in db.execute(query):
        status = compute_status(
            deadline=a.deadline, completed_on=a.completed_on, at=at, due_soon_days=soon
        )
        out[a.id] = {
            "task_id": a.task_id,
            "agency": code,
            "role": a.role,
            "period": a.period,
            "deadline": _iso(a.deadline),
            "state": a.state,
            "percent": a.percent,
            "completed_on": _iso(a.completed_on),
            "parent_id": a.parent_id,
            "status": status.value,
            "version": a.version,
        }
    return out


def _reports(db: Session, ids: set[int], at: date, soon: int) -> dict[int, dict[str, Any]]:
    rows = db.scalars(select(ProgressReport).where(ProgressReport.id.in_(ids)))
    return {
        r.id: {
            "assignment_id": r.assignment_id,
            "state": r.state,
            "percent": r.percent,
            "note": r.note,
            "difficulties": r.difficulties,
            "proposals": r.proposals,
            "completed_on": _iso(r.completed_on),
            "created_at": r.created_at.isoformat() + "Z",
        }
        for r in rows
    }


LOADERS: dict[str, Callable[[Session, set[int], date, int], dict[int, dict[str, Any]]]] = {
    "document": _documents,
    "task": _tasks,
    "assignment": _assignments,
    "progress_report": _reports,
}


def changes_page(
    db: Session, *, since: Cursor, limit: int, at: date, due_soon_days: int
) -> dict[str, Any]:
    """`{"changes": [...], "next": CURSOR, "more": bool}`; assignments' `status` at `at`."""
    entries, more = list_changes(db, since=since, limit=max(1, min(limit, MAX_LIMIT)))
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        wanted.setdefault(entry.entity, set()).add(entry.entity_id)
    current = {
        entity: LOADERS[entity](db, ids, at, due_soon_days) for entity, ids in wanted.items()
    }
    changes = [
        {
            "cursor": str(Cursor(e.txid, e.id)),
            "entity": e.entity,
            "id": e.entity_id,
            "op": e.op,
            "changed_at": e.changed_at.isoformat() + "Z",
            "data": current[e.entity].get(e.entity_id),
        }
        for e in entries
    ]
    last = Cursor(entries[-1].txid, entries[-1].id) if entries else since
    return {"changes": changes, "next": str(last), "more": more}
