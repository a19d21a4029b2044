"""Kế hoạch pages: plan overview (achievement by pillar, budget, roll-up), indicator list,
indicator detail with history and the measurement form, projects and budget."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.auth.permissions import STAFF
from dxtrack.config import Settings
from dxtrack.deps import AppSettings, Db
from dxtrack.documents.service import readable_ids
from dxtrack.errors import Invalid
from dxtrack.files import EVIDENCE_TYPES
from dxtrack.indicators import measurements, queries, service
from dxtrack.indicators.charts import history_chart, pillar_bars
from dxtrack.indicators.models import ACHIEVEMENT_LABELS, Achievement
from dxtrack.indicators.numbers import parse_number
from dxtrack.indicators.rollup import rollup
from dxtrack.indicators.schemas import MeasurementCreate
from dxtrack.indicators.transfer import import_annex
from dxtrack.jobs.imports import enqueue_annex_import, is_large
from dxtrack.tasks.listing import openable_tasks
from dxtrack.web.security import PageUser
from dxtrack.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)
BADGES = {
    "achieved": "st-done_on_time",
    "not_achieved": "st-overdue",
    "not_evaluated": "st-no_deadline",
}
ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png,image/*," + ",".join(
    sorted(set(EVIDENCE_TYPES.values()))
)


def _day(value: str | None) -> date:
    try:
        return vn.parse_date(value) or vn.today()
    except ValueError:
        raise Invalid(f"Ngày không hợp lệ: «{value}» (dd/mm/yyyy).") from None


def _common(at: date) -> dict[str, Any]:
    labels = [(a.value, label) for a, label in ACHIEVEMENT_LABELS.items()]
    return {"at": at, "badges": BADGES, "achievement_options": labels}


@router.get("/plans", name="plans_index")
def plans_index(
    request: Request, db: Db, user: PageUser, settings: AppSettings, at: str | None = None
) -> Response:
    """Every plan with its sentence and budget check, and the province-wide index."""
    day = _day(at)
    index = rollup(db, plan_code=None, at=day, due_soon_days=settings.due_soon_days)
    sentences = {row["code"]: row["sentence"] for row in index["plans"]}
    plans = [
        queries.plan_detail(db, p.code)
        | {"sentence": sentences[p.code], "budget": queries.budget_summary(db, p)}
        for p in service.list_plans(db)
    ]
    context = _common(day) | {"plans": plans, "index": index}
    return render(request, "indicators/plans.html", context)


@router.get("/plans/{code}", name="plan_page")
def plan_page(
    request: Request, code: str, db: Db, user: PageUser, settings: AppSettings,
    at: str | None = None, imported: int | None = None, measured: int | None = None,
) -> Response:  # fmt: skip
    day = _day(at)
    summary = queries.plan_summary(db, plan_code=code, at=day)
    plan = queries.plan_detail(db, code)
    groups = service.tasks_by_pillar(db, service.get_plan(db, code))
    task_ids = [t["id"] for group in groups for t in group["tasks"]]
    context = _common(day) | {
        "plan": plan,
        "summary": summary,
        "bars": pillar_bars(summary["pillars"]),
        "index": rollup(db, plan_code=code, at=day, due_soon_days=settings.due_soon_days),
        "task_groups": groups,
        # officers: linked only to the tasks and the source document they may open
        "openable": openable_tasks(db, user, task_ids),
        "readable": readable_ids(db, user, [plan["document_id"]]),
        "imported": imported,
        "measured": measured,
        "can_import": user.role in STAFF,
    }
    return render(request, "indicators/plan.html", context)


@router.get("/plans/{code}/indicators", name="plan_indicators")
def plan_indicators(
    request: Request, code: str, db: Db, user: PageUser,
    at: str | None = None, pillar: str | None = None, achievement: str | None = None,
) -> Response:  # fmt: skip
    day = _day(at)
    rows = queries.list_indicator_rows(db, plan_code=code, at=day)
    if pillar:
        rows = [r for r in rows if r["pillar"] == pillar]
    if achievement in set(Achievement):
        rows = [r for r in rows if r["achievement"] == achievement]
    context = _common(day) | {
        "plan": queries.plan_detail(db, code),
        "rows": rows,
        "pillar": pillar or "",
        "achievement": achievement or "",
    }
    return render(request, "indicators/indicators.html", context)


@router.get("/indicators/{indicator_id}", name="indicator_page")
def indicator_page(
    request: Request, indicator_id: int, db: Db, user: PageUser, settings: AppSettings,
    at: str | None = None, saved: int = 0,
) -> Response:  # fmt: skip
    day = _day(at)
    detail = queries.indicator_detail(db, indicator_id=indicator_id, at=day)
    indicator = service.get_indicator(db, indicator_id)
    can_measure = measurements.can_measure(user, indicator) and not indicator.formula
    context = _common(day) | {
        "item": detail,
        "plan": queries.plan_detail(db, detail["plan"]),
        "chart": history_chart(detail["history"], detail["unit"], detail["target"]),
        "can_measure": can_measure,
        "accept": ACCEPT,
        "max_mb": settings.max_upload_mb,
        "today": vn.today(),
        "saved": bool(saved),
    }
    return render(request, "indicators/indicator.html", context)


def _uploads(files: list[UploadFile] | None, settings: Settings) -> list[tuple[str, bytes]]:
    uploads = []
    for upload in files or []:
        if not upload.filename:
            continue
        data = upload.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise Invalid(f"Tệp «{upload.filename}» vượt quá {settings.max_upload_mb} MB.")
        uploads.append((upload.filename, data))
    return uploads


@router.post("/indicators/{indicator_id}/measurements", name="indicator_measure")
def submit_measurement(
    request: Request, indicator_id: int, db: Db, user: PageUser, settings: AppSettings,
    value: Annotated[str, Form()], as_of: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "", files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:  # fmt: skip
    number = parse_number(value)
    if number is None:
        raise Invalid("Vui lòng nhập kết quả.")
    data = MeasurementCreate(value=number, as_of=_day(as_of), note=note.strip())
    measurements.record_measurement(
        db, indicator_id=indicator_id, data=data, files=_uploads(files, settings),
        settings=settings, actor=user,
    )  # fmt: skip
    target = f"/indicators/{indicator_id}?saved=1"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.post("/plans/{code}/import", name="plan_import")
def submit_import(
    request: Request, code: str, db: Db, user: PageUser, settings: AppSettings,
    file: Annotated[UploadFile, File()], at: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    """Annex XLSX upload (staff): all rows or nothing; errors list the row numbers."""
    uploads = _uploads([file], settings)
    if not uploads:
        raise Invalid("Vui lòng chọn tệp XLSX.")
    data = uploads[0][1]
    if is_large(settings, data, "phu-luc.xlsx"):  # a background job: follow it on its page
        job = enqueue_annex_import(
            db, plan_code=code, data=data, at=_day(at), settings=settings, actor=user
        )
        target = f"/jobs/{job.id}"
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    result = import_annex(db, plan_code=code, data=data, at=_day(at), settings=settings, actor=user)
    target = f"/plans/{code}?imported={result['indicators_created'] + result['indicators_updated']}"
    target += f"&measured={result['measurements']}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.get("/plans/{code}/projects", name="plan_projects")
def plan_projects(request: Request, code: str, db: Db, user: PageUser) -> Response:
    plan = service.get_plan(db, code)
    context = _common(vn.today()) | {
        "plan": queries.plan_detail(db, code),
        "projects": queries.project_rows(db, plan_code=code),
        "budget": queries.budget_summary(db, plan),
    }
    return render(request, "indicators/projects.html", context)
