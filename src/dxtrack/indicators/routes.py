"""/api/v1/plans, /api/v1/indicators: plans, pillars, indicators, measurements, projects,
summaries, the roll-up index and the annex XLSX."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Response, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.deps import AppSettings, CurrentUser, Db, Staff
from dxtrack.errors import Invalid
from dxtrack.indicators import measurements, projects, queries, service
from dxtrack.indicators.numbers import parse_number
from dxtrack.indicators.rollup import rollup
from dxtrack.indicators.schemas import (
    IndicatorCreate,
    IndicatorUpdate,
    MeasurementCreate,
    PillarCreate,
    PlanCreate,
    ProjectCreate,
    RollupWeights,
    TaskLinks,
)
from dxtrack.indicators.transfer import export_annex, import_annex
from dxtrack.jobs.imports import enqueue_annex_import, is_large

router = APIRouter(tags=["plans"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _read_upload(upload: UploadFile, limit: int) -> bytes:
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise Invalid(f"Tệp «{upload.filename}» vượt quá dung lượng cho phép.")
    return data


@router.get("/plans")
def read_plans(db: Db, _user: CurrentUser) -> list[dict[str, Any]]:
    return [queries.plan_detail(db, plan.code) for plan in service.list_plans(db)]


@router.post("/plans", status_code=201)
def create_plan(data: PlanCreate, db: Db, user: Staff) -> dict[str, Any]:
    plan = service.create_plan(db, data=data, actor=user)
    return queries.plan_detail(db, plan.code)


@router.get("/plans/{code}")
def read_plan(code: str, db: Db, _user: CurrentUser) -> dict[str, Any]:
    return queries.plan_detail(db, code)


@router.post("/plans/{code}/pillars", status_code=201)
def add_pillar(code: str, data: PillarCreate, db: Db, user: Staff) -> dict[str, Any]:
    service.add_pillar(db, plan=service.get_plan(db, code), data=data, actor=user)
    return queries.plan_detail(db, code)


@router.get("/plans/{code}/tasks")
def read_plan_tasks(code: str, db: Db, _user: CurrentUser) -> list[dict[str, Any]]:
    """The plan's tasks grouped by pillar."""
    return service.tasks_by_pillar(db, service.get_plan(db, code))


@router.post("/plans/{code}/tasks")
def link_plan_tasks(code: str, data: TaskLinks, db: Db, user: Staff) -> dict[str, int]:
    """Link tasks to pillars; an empty body links the document's tasks by clause prefix."""
    return {"linked": service.link_tasks(db, plan_code=code, links=data.links, actor=user)}


@router.get("/plans/{code}/indicators")
def read_indicators(
    code: str, db: Db, _user: CurrentUser, at: date | None = None
) -> list[dict[str, Any]]:
    return queries.list_indicator_rows(db, plan_code=code, at=at or vn.today())


@router.post("/plans/{code}/indicators", status_code=201)
def create_indicator(code: str, data: IndicatorCreate, db: Db, user: Staff) -> dict[str, Any]:
    indicator = service.create_indicator(db, plan_code=code, data=data, actor=user)
    return queries.indicator_detail(db, indicator_id=indicator.id, at=vn.today())


@router.get("/indicators/{indicator_id}")
def read_indicator(
    indicator_id: int, db: Db, _user: CurrentUser, at: date | None = None
) -> dict[str, Any]:
    """The indicator, its achievement at `at` and its measurement history."""
    return queries.indicator_detail(db, indicator_id=indicator_id, at=at or vn.today())


@router.patch("/indicators/{indicator_id}")
def update_indicator(
    indicator_id: int, data: IndicatorUpdate, db: Db, user: Staff
) -> dict[str, Any]:
    service.update_indicator(db, indicator_id=indicator_id, data=data, actor=user)
    return queries.indicator_detail(db, indicator_id=indicator_id, at=vn.today())


@router.post("/indicators/{indicator_id}/measurements", status_code=201)
def record_measurement(
    indicator_id: int,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    value: Annotated[str, Form(description="Kết quả: 71,29 / 71.29 / Có / Không")],
    as_of: Annotated[date | None, Form()] = None,
    agency: Annotated[str | None, Form()] = None,
    weight: Annotated[float | None, Form(ge=0)] = None,
    note: Annotated[str, Form()] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """Record a figure (the responsible agency's officers, coordinators, admins)."""
    uploads = [
        (upload.filename or "minh-chung", _read_upload(upload, settings.max_upload_bytes))
        for upload in files or []
    ]
    number = parse_number(value)
    if number is None:
        raise Invalid("Thiếu kết quả.")
    data = MeasurementCreate(value=number, as_of=as_of, agency=agency, weight=weight, note=note)
    measurements.record_measurement(
        db, indicator_id=indicator_id, data=data, files=uploads, settings=settings, actor=user
    )
    return queries.indicator_detail(db, indicator_id=indicator_id, at=vn.today())


@router.get("/indicator-evidence/{evidence_id}", response_class=FileResponse)
def download_evidence(
    evidence_id: int, db: Db, _user: CurrentUser, settings: AppSettings
) -> FileResponse:
    evidence = measurements.get_evidence(db, evidence_id)
    return FileResponse(
        settings.evidence_dir / evidence.stored_path,
        media_type=evidence.content_type,
        filename=evidence.filename,
    )


@router.get("/plans/{code}/summary")
def read_summary(code: str, db: Db, _user: CurrentUser, at: date | None = None) -> dict[str, Any]:
    """The `dxtrack plans summary --json` document."""
    return queries.plan_summary(db, plan_code=code, at=at or vn.today())


@router.get("/plans/{code}/rollup")
def read_rollup(
    code: str,
    db: Db,
    _user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    w_tasks: float = Query(0.5, ge=0),
    w_indicators: float = Query(0.5, ge=0),
) -> dict[str, Any]:
    """Per agency and per pillar: task on-time rate, indicator achievement, composite, rank."""
    return _rollup(db, settings, code, at, w_tasks, w_indicators)


@router.get("/rollup")
def read_province_rollup(
    db: Db,
    _user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    w_tasks: float = Query(0.5, ge=0),
    w_indicators: float = Query(0.5, ge=0),
) -> dict[str, Any]:
    """Province-wide index: agencies (every assignment), pillars merged by code, plans."""
    return _rollup(db, settings, None, at, w_tasks, w_indicators)


def _rollup(
    db: Session,
    settings: Settings,
    code: str | None,
    at: date | None,
    w_tasks: float,
    w_indicators: float,
) -> dict[str, Any]:
    weights = RollupWeights(tasks=w_tasks, indicators=w_indicators)
    return rollup(
        db,
        plan_code=code,
        at=at or vn.today(),
        weights=weights,
        due_soon_days=settings.due_soon_days,
    )


@router.get("/plans/{code}/projects")
def read_projects(code: str, db: Db, _user: CurrentUser) -> dict[str, Any]:
    plan = service.get_plan(db, code)
    return {
        "items": queries.project_rows(db, plan_code=code),
        "budget": queries.budget_summary(db, plan),
    }


@router.post("/plans/{code}/projects", status_code=201)
def create_project(code: str, data: ProjectCreate, db: Db, user: Staff) -> dict[str, Any]:
    project = projects.create_project(db, plan_code=code, data=data, actor=user)
    return next(p for p in queries.project_rows(db, plan_code=code) if p["id"] == project.id)


@router.post("/plans/{code}/import")
def import_xlsx(
    response: Response,
    code: str,
    db: Db,
    user: Staff,
    settings: AppSettings,
    file: Annotated[UploadFile, File()],
    at: Annotated[date | None, Form()] = None,
) -> dict[str, Any]:
    """Annex XLSX: indicators (first sheet, with results) and projects («Dự án»); all or nothing.
    Above DXTRACK_JOB_ROW_THRESHOLD rows: 202 with the background job to follow."""
    data = _read_upload(file, settings.max_upload_bytes)
    if is_large(settings, data, "phu-luc.xlsx"):
        job = enqueue_annex_import(
            db, plan_code=code, data=data, at=at or vn.today(), settings=settings, actor=user
        )
        response.status_code = 202
        return {"job": job.id, "status": job.state, "detail": job.label}
    return import_annex(
        db, plan_code=code, data=data, at=at or vn.today(), settings=settings, actor=user
    )


@router.get("/plans/{code}/export", response_class=Response)
def export_xlsx(code: str, db: Db, _user: CurrentUser, at: date | None = None) -> Response:
    data = export_annex(db, plan_code=code, at=at or vn.today())
    headers = {"Content-Disposition": f'attachment; filename="{code}.xlsx"'}
    return Response(content=data, media_type=XLSX, headers=headers)
