"""Bulk actions on the task list: extend deadlines, ask for explanations, reassign, export.

Each selected row goes through the single-item service (tasks/adjust.py, the explanation
request of notifications/explanations.py) inside its own SAVEPOINT, so the checks — the
permission included — are exactly the single action's: the preview runs them and rolls back,
the confirmed run keeps each row that passes and reports each refused row with the service's
Vietnamese message, applying nothing for it. One audit row per change, by the service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.errors import DxError, Invalid
from dxtrack.notifications.explanations import request_explanation
from dxtrack.tasks import adjust
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    apply_filters,
    assignment_rows,
    assignment_status,
)

if TYPE_CHECKING:
    from dxtrack.auth.models import User

MAX_ROWS = 2000
ACTIONS = {
    "extend": "Gia hạn",
    "explain": "Yêu cầu giải trình",
    "reassign": "Giao lại cho cơ quan khác",
    "export": "Xuất Excel",
}


@dataclass
class BulkRequest:
    action: str
    deadline: date | None = None
    reason: str = ""
    message: str = ""
    agency: str = ""


@dataclass
class BulkItem:
    assignment_id: int
    label: str
    change: str = ""
    refusal: str | None = None  # the single action's message; None: it applies


@dataclass
class BulkResult:
    action: str
    items: list[BulkItem] = field(default_factory=list)

    @property
    def accepted(self) -> list[BulkItem]:
        return [i for i in self.items if i.refusal is None]

    @property
    def refused(self) -> list[BulkItem]:
        return [i for i in self.items if i.refusal is not None]


def check_request(request: BulkRequest) -> BulkRequest:
    """The fields each action needs, as the single actions ask for them."""
    if request.action not in ACTIONS:
        raise Invalid(f"Thao tác hàng loạt không hợp lệ: «{request.action}».")
    if request.action == "extend" and request.deadline is None:
        raise Invalid("Hãy chọn thời hạn mới để gia hạn.")
    if request.action in ("extend", "reassign") and not request.reason.strip():
        raise Invalid("Vui lòng nêu lý do (ghi vào nhật ký của từng thay đổi).")
    if request.action == "reassign" and not request.agency.strip():
        raise Invalid("Hãy chọn cơ quan nhận phân công.")
    return request


def select_ids(
    db: Session,
    *,
    ids: list[int],
    filters: Filters | None,
    at: date,
    user: User,
    due_soon_days: int,
) -> list[int]:
    """The chosen rows: the ticked ids, or with `filters` every row matching them that the
    user sees (at most MAX_ROWS, else refused: narrow the filter)."""
    if filters is None:
        chosen = list(dict.fromkeys(ids))
    else:
        query = select(Assignment.id)
        query = apply_filters(query, filters, at=at, user=user, due_soon_days=due_soon_days)
        chosen = list(db.scalars(query.order_by(Assignment.id).limit(MAX_ROWS + 1)))
    if not chosen:
        raise Invalid("Chưa chọn phân công nào.")
    if len(chosen) > MAX_ROWS:
        raise Invalid(f"Mỗi lần chỉ xử lý tối đa {vn.number(MAX_ROWS)} phân công: hãy lọc hẹp hơn.")
    return chosen


def _labels(db: Session, ids: list[int]) -> dict[int, tuple[str, Assignment]]:
    query = (
        select(Assignment, Task.clause, Task.summary, Agency.name)
        .join(Task, Task.id == Assignment.task_id)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.id.in_(ids))
    )
    out = {}
    for assignment, clause, summary, agency in db.execute(query):
        text = f"{clause} {summary}".strip()
        text = text if len(text) <= 90 else text[:89] + "…"
        out[assignment.id] = (f"{text} — {agency}", assignment)
    return out


def _change(request: BulkRequest, assignment: Assignment, agencies: dict[str, str]) -> str:
    if request.action == "extend" and request.deadline is not None:
        before = vn.date_text(assignment.deadline, "không thời hạn")
        return f"Thời hạn {before} → {vn.date_text(request.deadline)}"
    if request.action == "reassign":
        return f"Giao cho {agencies.get(request.agency, request.agency)}"
    if request.action == "explain":
        return "Gửi yêu cầu giải trình"
    return ""


def _runner(request: BulkRequest, actor: User, at: date) -> Callable[[Session, int], Any]:
    def run(db: Session, assignment_id: int) -> Any:
        if request.action == "extend":
            assert request.deadline is not None
            return adjust.extend_deadline(
                db,
                assignment_id=assignment_id,
                deadline=request.deadline,
                reason=request.reason,
                actor=actor,
            )
        if request.action == "reassign":
            return adjust.reassign(
                db,
                assignment_id=assignment_id,
                agency_code=request.agency,
                reason=request.reason,
                actor=actor,
            )
        return request_explanation(
            db, assignment_id=assignment_id, message=request.message, at=at, actor=actor
        )

    return run


def run_bulk(
    db: Session, *, request: BulkRequest, ids: list[int], at: date, actor: User, apply: bool
) -> BulkResult:
    """Preview (`apply=False`: every check run, nothing kept) or apply the action per row."""
    check_request(request)
    result = BulkResult(request.action)
    labels = _labels(db, ids)
    agencies = dict(db.execute(select(Agency.code, Agency.name)).all())
    run = _runner(request, actor, at)
    for assignment_id in ids:
        if assignment_id not in labels:
            missing = f"Không tìm thấy phân công #{assignment_id}."
            result.items.append(BulkItem(assignment_id, f"#{assignment_id}", refusal=missing))
            continue
        label, assignment = labels[assignment_id]
        item = BulkItem(assignment_id, label, _change(request, assignment, agencies))
        savepoint = db.begin_nested()
        try:
            run(db, assignment_id)
        except DxError as refused:
            item.refusal = refused.message
            savepoint.rollback()
        else:
            savepoint.commit() if apply else savepoint.rollback()
        result.items.append(item)
    return result


def export_rows(
    db: Session, *, ids: list[int], at: date, user: User, due_soon_days: int
) -> list[AssignmentRow]:
    """The chosen rows as the list shows them (only those the user may see)."""
    query = assignment_rows(assignment_status(at, due_soon_days))
    query = apply_filters(
        query, Filters(levels="all"), at=at, user=user, due_soon_days=due_soon_days
    )
    query = query.where(Assignment.id.in_(ids)).order_by(Assignment.deadline, Assignment.id)
    return [AssignmentRow(*row) for row in db.execute(query)]
