"""Query parameters shared by the dashboard and the lists, kept in the URL.

Empty form fields arrive as "" (a GET form submits every field); they mean "no filter".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.service import list_groups
from dxtrack.auth.models import User
from dxtrack.deps import Db
from dxtrack.documents.choices import document_choice_label, find_document_choice
from dxtrack.documents.service import list_document_choices
from dxtrack.errors import Invalid
from dxtrack.indicators.service import (
    find_plan,
    get_pillar,
    get_plan,
    list_pillars,
    list_plans,
    plan_task_ids,
)
from dxtrack.tasks.chain import under_document_query
from dxtrack.tasks.history import moved_after, show_holders_at
from dxtrack.tasks.listing import list_assignments_sorted
from dxtrack.tasks.queries import AssignmentRow, Filters
from dxtrack.tasks.rhythm import RHYTHM_FILTERS
from dxtrack.tasks.status import Status

SORTS = {
    "deadline": "Thời hạn",
    "agency": "Cơ quan",
    "status": "Tình trạng",
    "percent": "Tiến độ (%)",
    "updated": "Cập nhật gần nhất",
}


def _date(value: str | None, label: str) -> date | None:
    try:
        return vn.parse_date(value)
    except ValueError as exc:
        raise Invalid(f"{label} không hợp lệ: «{value}» (định dạng dd/mm/yyyy).") from exc


def _int(value: str | None, label: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise Invalid(f"{label} không hợp lệ: «{value}».")
    return int(value)


def _status(value: str | None) -> Status | None:
    if not value:
        return None
    try:
        return Status(value)
    except ValueError as exc:
        raise Invalid(f"Tình trạng không hợp lệ: «{value}».") from exc


def _rhythm(value: str | None) -> str | None:
    if value and value not in RHYTHM_FILTERS:
        raise Invalid(f"Bộ lọc cập nhật trong kỳ không hợp lệ: «{value}».")
    return value or None


@dataclass
class View:
    """The reference date, the filters, the sort and the page of a list or dashboard."""

    at: date
    filters: Filters
    sort: str = "deadline"
    descending: bool = False
    page: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def active_filters(self) -> int:
        """How many filters narrow the view (shown on the collapsed filter box)."""
        f = self.filters
        values = (
            *(f.agency, f.group, f.status, f.deadline_from, f.deadline_to, f.document_id, f.q),
            f.rhythm,
        )
        return sum(1 for v in (*values, self.extra.get("plan")) if v not in (None, ""))

    def query(self, **changes: Any) -> dict[str, Any]:
        """The view as URL parameters (for links that keep the current filters)."""
        f = self.filters
        params: dict[str, Any] = {
            "at": self.at.isoformat(),
            "agency": f.agency,
            "group": f.group,
            "status": f.status.value if f.status else None,
            "deadline_from": f.deadline_from.isoformat() if f.deadline_from else None,
            "deadline_to": f.deadline_to.isoformat() if f.deadline_to else None,
            "document_id": f.document_id,
            "q": f.q,
            "rhythm": f.rhythm,
            **self.extra,
        }
        params |= changes
        return {k: v for k, v in params.items() if v not in (None, "")}


def view_params(
    db: Db,
    at: str | None = None,
    agency: str | None = None,
    group: str | None = None,
    status: str | None = None,
    deadline_from: str | None = None,
    deadline_to: str | None = None,
    document_id: str | None = None,
    q: str | None = None,
    plan: str | None = None,
    pillar: str | None = None,
    under: str | None = None,
    levels: str | None = None,
    rhythm: str | None = None,
    sort: str | None = None,
    page: Annotated[str | None, Query()] = None,
) -> View:
    sort_key = (sort or "deadline").lstrip("-")
    if sort_key not in SORTS:
        raise Invalid(f"Cách sắp xếp không hợp lệ: «{sort}».")
    filters = Filters(
        agency=agency or None,
        group=group or None,
        status=_status(status),
        deadline_from=_date(deadline_from, "Hạn từ ngày"),
        deadline_to=_date(deadline_to, "Hạn đến ngày"),
        document_id=_int(document_id, "Văn bản"),
        q=(q or "").strip() or None,
        levels="all" if levels == "all" else None,  # with the delegated sub-assignments
        rhythm=_rhythm(rhythm),
    )
    # the document picker sends an id, a picker label or a number (documents/choices.py)
    under_id = find_document_choice(db, under, label="Văn bản gốc")
    if under_id is not None:  # everything descending from one document (tasks/chain.py)
        filters.task_ids = under_document_query(under_id)
    return View(
        at=_date(at, "Ngày tham chiếu") or vn.today(),
        filters=filters,
        sort=sort_key,
        descending=bool(sort and sort.startswith("-")),
        page=max(1, _int(page, "Trang") or 1),
        extra={
            "plan": plan or None,
            "pillar": (pillar or None) if plan else None,
            "under": under_id,
            "levels": "all" if levels == "all" else None,
        },
    )


ViewParams = Annotated[View, Depends(view_params)]


def scope_to_plan(db: Session, view: View) -> None:
    """Restrict the view to the tasks of `?plan=CODE` (and `&pillar=CODE`) when given."""
    code = view.extra.get("plan")
    if not code:
        return
    plan = get_plan(db, code)
    pillar = view.extra.get("pillar")
    pillar_id = get_pillar(db, plan.id, pillar).id if pillar else None
    view.filters.task_ids = plan_task_ids(plan.id, pillar_id)


def filter_options(db: Session, view: View) -> dict[str, Any]:
    """Choices for the plan, pillar, document and group filters (names in Vietnamese order)."""
    groups = vn.sorted_vn(list_groups(db), key=lambda g: g.name)
    plan = find_plan(db, view.extra["plan"]) if view.extra.get("plan") else None
    documents: list[tuple[object, str]] = list(list_document_choices(db))
    return {
        "plan_options": [(p.code, p.name) for p in list_plans(db)],
        "pillar_options": [(p.code, p.name) for p in list_pillars(db, plan.id)] if plan else [],
        "document_options": documents,
        "under_label": document_choice_label(db, view.extra.get("under")),
        "group_options": [(g.code, g.name) for g in groups],
        "rhythm_options": list(RHYTHM_FILTERS.items()),
    }


PAGE_SIZE = 50  # rows of an assignment list page


def assignment_page(
    db: Session, view: View, user: User, due_soon: int, size: int
) -> tuple[list[AssignmentRow], bool]:
    """One page of the assignments in `view`, sorted as it asks (agency names in Vietnamese order).
    At a date before an agency change, each row is filtered and shown under the agency that
    held it then (tasks/history.py)."""
    moved = moved_after(db, view.at)
    rows, more = list_assignments_sorted(
        db,
        filters=replace(view.filters, held_then=True) if moved else view.filters,
        at=view.at,
        user=user,
        sort=view.sort,
        descending=view.descending,
        page=view.page,
        page_size=size,
        due_soon_days=due_soon,
        sort_key=vn.sort_key,
    )
    return (show_holders_at(db, rows, view.at) if moved else rows), more
