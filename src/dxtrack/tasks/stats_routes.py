"""/api/v1/status and /api/v1/scorecard: computed statuses at a reference date."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter

from dxtrack import vn
from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.stats import scorecard, status_report
from dxtrack.tasks.status import STATUS_LABELS

router = APIRouter(tags=["status"])


@router.get("/statuses")
def read_statuses(_user: CurrentUser) -> list[dict[str, str]]:
    """The six computed statuses with their Vietnamese labels, in display order."""
    return [{"code": s.value, "label": label} for s, label in STATUS_LABELS.items()]


@router.get("/status")
def read_status(
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    agency: str | None = None,
    group: str | None = None,
    document_id: int | None = None,
) -> dict[str, Any]:
    """Totals per status and the per-agency scorecard (the `dxtrack status --json` shape)."""
    filters = Filters(agency=agency, group=group, document_id=document_id)
    return status_report(
        db, at=at or vn.today(), user=user, filters=filters, due_soon_days=settings.due_soon_days
    )


@router.get("/scorecard")
def read_scorecard(
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    by: Literal["agency", "group"] = "agency",
    document_id: int | None = None,
    fold: bool = False,
) -> list[dict[str, Any]]:
    """Per agency or per group: counts per status, completion and on-time rates, ranked.
    `fold`: a merged or split agency's history folded into its successor's row."""
    rows = scorecard(
        db,
        at=at or vn.today(),
        by=by,
        user=user,
        filters=Filters(document_id=document_id),
        due_soon_days=settings.due_soon_days,
        fold_predecessors=fold,
    )
    return [row.to_dict() | {"rank": rank} for rank, row in enumerate(rows, start=1)]
