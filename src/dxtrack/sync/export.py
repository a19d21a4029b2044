"""Every assignment with its status at a date, as CSV or JSON lines (streamed in batches).

Statuses come from the one status rule (`tasks/status.py`, as SQL), never from a stored
value; the agency is the one that held the assignment at the date (agency merges).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import agency_ids_at
from dxtrack.agencies.models import Agency
from dxtrack.spreadsheet import csv_cell
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.queries import assignment_rows, assignment_status
from dxtrack.tasks.status import STATUS_LABELS, Status

BATCH = 2000
FORMATS = ("csv", "jsonl")
COLUMNS = (
    "assignment_id", "task_id", "task_external_id", "document_id", "document_number", "clause",
    "agency_code", "agency_name", "role", "period", "deadline", "completed_on", "state",
    "percent", "parent_id", "status", "status_label", "at",
)  # fmt: skip


def _batches(db: Session, *, at: date, due_soon_days: int) -> Iterator[list[dict[str, Any]]]:
    query = assignment_rows(assignment_status(at, due_soon_days)).add_columns(Task.external_id)
    agencies = {a.id: (a.code, a.name) for a in db.scalars(select(Agency))}
    last = 0
    while True:
        batch = list(
            db.execute(query.where(Assignment.id > last).order_by(Assignment.id).limit(BATCH))
        )
        if not batch:
            return
        last = batch[-1].id
        moved = agency_ids_at(db, [row.id for row in batch], at)
        yield [
            _row(row, agencies.get(moved[row.id]) if row.id in moved else None, at) for row in batch
        ]


def _row(row: Any, held_by: tuple[str, str] | None, at: date) -> dict[str, Any]:
    (id_, task_id, code, name, role, period, deadline, state, percent, completed_on, _version,
     status, clause, _summary, document_id, number, parent_id, external_id) = row  # fmt: skip
    code, name = held_by or (code, name)
    return {
        "assignment_id": id_,
        "task_id": task_id,
        "task_external_id": external_id,
        "document_id": document_id,
        "document_number": number,
        "clause": clause,
        "agency_code": code,
        "agency_name": name,
        "role": role,
        "period": period,
        "deadline": deadline.isoformat() if deadline else None,
        "completed_on": completed_on.isoformat() if completed_on else None,
        "state": state,
        "percent": percent,
        "parent_id": parent_id,
        "status": status,
        "status_label": STATUS_LABELS[Status(status)],
        "at": at.isoformat(),
    }


def export_lines(db: Session, *, at: date, fmt: str, due_soon_days: int) -> Iterator[str]:
    """The export as chunks of text: CSV (header first, formula-neutralised cells) or JSON
    lines (one object per assignment)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        yield buffer.getvalue()
    for batch in _batches(db, at=at, due_soon_days=due_soon_days):
        if fmt == "jsonl":
            yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch)
            continue
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in batch:
            writer.writerow(["" if row[c] is None else csv_cell(row[c]) for c in COLUMNS])
        yield buffer.getvalue()
