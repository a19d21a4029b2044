"""POST /api/v1/assignments/bulk: the task list's bulk actions for API clients."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from dxtrack import vn
from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.tasks import bulk
from dxtrack.tasks.export import assignments_xlsx
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.status import Status
from dxtrack.web.params import View

router = APIRouter(tags=["assignments"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BulkFilters(BaseModel):
    agency: str | None = None
    group: str | None = None
    status: Status | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    document_id: int | None = None
    q: str | None = None


class BulkBody(BaseModel):
    action: Literal["extend", "explain", "reassign", "export"]
    ids: list[int] = Field(default_factory=list)
    all_matching: bool = False
    filters: BulkFilters = Field(default_factory=BulkFilters)
    at: date | None = None
    deadline: date | None = None
    reason: str = ""
    message: str = ""
    agency: str = ""
    dry_run: bool = False


@router.post("/assignments/bulk", response_model=None)
def bulk_action(body: BulkBody, db: Db, user: CurrentUser, settings: AppSettings) -> Any:
    """Preview (`dry_run`) or apply an action to the chosen rows (`ids`, or every row matching
    `filters` with `all_matching`); each row checked as the single action checks it."""
    at = body.at or vn.today()
    filters = Filters(**body.filters.model_dump()) if body.all_matching else None
    ids = bulk.select_ids(
        db, ids=body.ids, filters=filters, at=at, user=user, due_soon_days=settings.due_soon_days
    )
    if body.action == "export":
        rows = bulk.export_rows(db, ids=ids, at=at, user=user, due_soon_days=settings.due_soon_days)
        data = assignments_xlsx(rows, view=View(at=at, filters=Filters()), truncated=False)
        name = f"nhiem-vu-da-chon-{at.isoformat()}.xlsx"
        disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(data, media_type=XLSX, headers=disposition)
    request = bulk.BulkRequest(
        action=body.action,
        deadline=body.deadline,
        reason=body.reason,
        message=body.message,
        agency=body.agency,
    )
    result = bulk.run_bulk(db, request=request, ids=ids, at=at, actor=user, apply=not body.dry_run)
    done = "would_apply" if body.dry_run else "applied"
    return {
        "action": body.action,
        "dry_run": body.dry_run,
        done: len(result.accepted),
        "refused": len(result.refused),
        "items": [
            {
                "assignment_id": i.assignment_id,
                "label": i.label,
                "change": i.change,
                "result": done if i.refusal is None else "refused",
                "detail": i.refusal,
            }
            for i in result.items
        ],
    }
