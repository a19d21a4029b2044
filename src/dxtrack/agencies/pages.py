"""Cơ quan: the directory with each agency's scorecard, and one agency's page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from dxtrack import vn
from dxtrack.agencies.lineage import endings, former_names
from dxtrack.agencies.models import KIND_LABELS, AgencyKind
from dxtrack.agencies.service import get_agency, list_agencies, list_groups
from dxtrack.auth.permissions import can_see_agency
from dxtrack.deps import AppSettings, Db
from dxtrack.errors import NotFound
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.rhythm_stats import rhythm_by_agency, rhythm_summary
from dxtrack.tasks.stats import ScoreRow, scorecard
from dxtrack.web.params import PAGE_SIZE, ViewParams, assignment_page
from dxtrack.web.security import PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/agencies", name="agencies_index")
def agencies_index(
    request: Request,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    view: ViewParams,
    fold: str = "",
) -> Response:
    """The directory with each agency's scorecard at a date; `fold`: "gộp lịch sử đơn vị tiền
    thân", a successor's row with its predecessors' history folded in (they are not listed)."""
    folded = fold in ("1", "true", "on")
    rows = scorecard(db, at=view.at, user=user, due_soon_days=settings.due_soon_days,
                     fold_predecessors=folded)  # fmt: skip
    ended = endings(db)
    agencies = [a for a in list_agencies(db, q=view.filters.q) if can_see_agency(user, a.id)]
    if folded:
        agencies = [a for a in agencies if a.id not in ended or not ended[a.id].successors]
    today = view.at == vn.today()  # the rhythm reads the latest reports: today only
    context = {
        "view": view,
        "rhythm": rhythm_by_agency(db, user=user) if today else None,
        "agencies": vn.sorted_vn(agencies, key=lambda a: a.name),
        "scores": {row.code: row for row in rows},
        "names": {row.code: row.name for row in rows},
        "former": former_names(db),
        "endings": ended,
        "fold": folded,
        "kinds": KIND_LABELS,
    }
    return render(request, "agencies/list.html", context)


@router.get("/agencies/{code}", name="agency_page")
def agency_page(
    request: Request,
    code: str,
    db: Db,
    user: PageUser,
    settings: AppSettings,
    view: ViewParams,
) -> Response:
    agency = get_agency(db, code)
    if not can_see_agency(user, agency.id):
        raise NotFound(f"Không tìm thấy cơ quan có mã «{code}».")
    view.filters.agency = code
    rows = scorecard(
        db,
        at=view.at,
        filters=Filters(agency=code),
        user=user,
        due_soon_days=settings.due_soon_days,
    )
    assignments, more = assignment_page(db, view, user, settings.due_soon_days, PAGE_SIZE)
    groups = [g for g in list_groups(db) if any(m.id == agency.id for m in g.members)]
    today = view.at == vn.today()
    context = {
        "view": view,
        "rhythm": rhythm_summary(db, filters=Filters(agency=code), user=user) if today else None,
        "agency": agency,
        "former": former_names(db, [agency.id]).get(agency.id, []),
        "ending": endings(db).get(agency.id),
        "kind": KIND_LABELS.get(AgencyKind(agency.kind), agency.kind),
        "score": rows[0] if rows else ScoreRow(agency.code, agency.name),
        "rows": assignments,
        "has_more": more,
        "groups": groups,
    }
    return render(request, "agencies/detail.html", context)
