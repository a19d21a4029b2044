"""Tổng quan: totals per computed status, chart, rankings, overdue, upcoming deadlines, activity."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from dxtrack import vn
from dxtrack.agencies.service import list_agencies
from dxtrack.auth.models import Role, User
from dxtrack.deps import AppSettings, Db
from dxtrack.indicators.overview import dashboard_plans
from dxtrack.tasks.activity import list_recent_reports
from dxtrack.tasks.parties import list_undelivered
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    OverdueTask,
    list_assignments,
    overdue_tasks,
)
from dxtrack.tasks.rhythm_stats import Rhythm, rhythm_by_agency, rhythm_summary
from dxtrack.tasks.stats import ScoreRow, scorecard, summarize
from dxtrack.tasks.status import STATUS_LABELS, Status
from dxtrack.web.params import View, ViewParams, filter_options, scope_to_plan
from dxtrack.web.security import PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)

STATUS_COLOURS = {
    Status.done_on_time: "#1b7f3b",
    Status.done_late: "#8a6d00",
    Status.in_progress: "#1f5fbf",
    Status.due_soon: "#a84f00",
    Status.overdue: "#b42318",
    Status.no_deadline: "#5f6b7a",
}
TOP = 10


def _chart(totals: dict[str, int]) -> str:
    data = [
        {"name": STATUS_LABELS[s], "value": totals[s.value], "color": STATUS_COLOURS[s]}
        for s in Status
    ]
    return json.dumps({"type": "status", "data": data}, ensure_ascii=False)


def _upcoming(db: Session, view: View, user: User, days: int, due_soon: int) -> dict[str, Any]:
    """Open assignments whose deadline falls within the next `days` days."""
    window = Filters(**{**view.filters.__dict__, "status": None})
    window.deadline_from, window.deadline_to = view.at, view.at + timedelta(days=days)
    counts = summarize(db, at=view.at, filters=window, user=user, due_soon_days=due_soon)
    open_count = counts[Status.due_soon] + counts[Status.in_progress]
    return {
        "days": days,
        "open": open_count,
        "total": sum(counts.values()),
        "query": view.query(
            deadline_from=window.deadline_from.isoformat(),
            deadline_to=window.deadline_to.isoformat(),
        ),
    }


def _rankings(rows: list[ScoreRow]) -> dict[str, list[ScoreRow]]:
    """Top agencies by on-time rate and by overdue count; ties in Vietnamese name order."""
    rated = sorted(
        (row for row in rows if row.on_time_rate is not None),
        key=lambda r: (-(r.on_time_rate or 0), r.counts[Status.overdue], vn.sort_key(r.name)),
    )
    late = sorted(
        (row for row in rows if row.counts[Status.overdue]),
        key=lambda r: (-r.counts[Status.overdue], vn.sort_key(r.name)),
    )
    return {"on_time": rated[:TOP], "overdue": late[:TOP]}


def _due_this_week(db: Session, view: View, user: User, due_soon: int) -> list[AssignmentRow]:
    """An officer's open assignments due in the next 7 days (reported from the dashboard)."""
    if user.role != Role.officer:
        return []
    week = Filters(deadline_from=view.at, deadline_to=view.at + timedelta(days=7))
    rows, _ = list_assignments(
        db, filters=week, at=view.at, user=user, page_size=50, due_soon_days=due_soon
    )
    return [row for row in rows if row.completed_on is None]


def _plans(db: Session, view: View, user: User) -> list[dict[str, Any]]:
    """The indicator panel (officers: their agency's indicators)."""
    return dashboard_plans(
        db,
        at=view.at,
        plan_code=view.extra.get("plan") or None,
        pillar_code=view.extra.get("pillar") or None,
        agency_ids={user.agency_id or 0} if user.role == Role.officer else None,
    )


def dashboard_context(db: Session, view: View, user: User, due_soon: int) -> dict[str, Any]:
    f = view.filters
    totals = summarize(db, at=view.at, filters=f, user=user, due_soon_days=due_soon)
    rows = scorecard(db, at=view.at, filters=f, user=user, due_soon_days=due_soon)
    overdue_filters = Filters(**{**f.__dict__, "status": Status.overdue})
    overdue, more_overdue = list_assignments(
        db, filters=overdue_filters, at=view.at, user=user, page_size=TOP, due_soon_days=due_soon
    )
    grouped: list[OverdueTask] = []
    if user.role != Role.officer:  # an officer acts on each of their own assignments
        grouped, _ = overdue_tasks(
            db, filters=f, at=view.at, user=user, limit=TOP, due_soon_days=due_soon, count=False
        )
        for row in grouped:
            row.agencies = vn.sorted_vn(row.agencies)
    return {
        "view": view,
        "totals": totals,
        "total": sum(totals.values()),
        "chart": _chart(totals),
        "colours": {s.value: c for s, c in STATUS_COLOURS.items()},
        "rankings": _rankings(rows),
        "overdue": overdue,
        "due_this_week": _due_this_week(db, view, user, due_soon),
        "more_overdue": more_overdue,
        "overdue_tasks": grouped,
        "upcoming": [_upcoming(db, view, user, days, due_soon) for days in (7, 30)],
        "recent": list_recent_reports(db, user=user, filters=f, at=view.at, limit=TOP),
        "plans": _plans(db, view, user),
        **_rhythm(db, view, user),
        **_undelivered(db, user),
        **filter_options(db, view),
    }


def _rhythm(db: Session, view: View, user: User) -> dict[str, Any]:
    """Undated work updated in its current period or not: today only (the latest report is
    what it reads); staff also see the agencies with the most not updated."""
    if view.at != vn.today():
        return {"rhythm": None, "rhythm_agencies": []}
    summary = rhythm_summary(db, filters=view.filters, user=user)
    ranked: list[tuple[str, str, Rhythm]] = []
    if user.role != Role.officer and summary.stale:
        names = {a.id: (a.code, a.name) for a in list_agencies(db)}
        by_agency = rhythm_by_agency(db, filters=view.filters, user=user)
        ranked = [(*names[a], r) for a, r in by_agency.items() if r.stale and a in names]
        ranked.sort(key=lambda item: (-item[2].stale, vn.sort_key(item[1])))
    return {"rhythm": summary, "rhythm_agencies": ranked[:TOP]}


def _undelivered(db: Session, user: User) -> dict[str, Any]:
    """Confirmed tasks some share of which reaches nobody ("chưa giao được"), for staff."""
    if user.role == Role.officer:
        return {"undelivered": [], "undelivered_total": 0}
    rows, total = list_undelivered(db, limit=TOP)
    return {"undelivered": rows, "undelivered_total": total}


@router.get("/", name="dashboard")
def dashboard(
    request: Request, db: Db, user: PageUser, settings: AppSettings, view: ViewParams
) -> Response:
    scope_to_plan(db, view)
    context = dashboard_context(db, view, user, settings.due_soon_days)
    return render(request, "dashboard/index.html", context)
