"""Projects (danh mục nhiệm vụ, dự án) of a plan: planned budgets by funding source, tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dxtrack.agencies.service import get_agency
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.errors import NotFound
from dxtrack.indicators.models import Project, project_tasks
from dxtrack.indicators.schemas import ProjectCreate
from dxtrack.indicators.service import get_pillar, get_plan, require_writer
from dxtrack.tasks.models import Task

if TYPE_CHECKING:
    from dxtrack.auth.models import User

UPDATABLE = ("budget", "funding_source", "status", "period", "note")


def create_project(
    db: Session, *, plan_code: str, data: ProjectCreate, actor: User | None
) -> Project:
    require_writer(actor)
    plan = get_plan(db, plan_code)
    count = len(list_projects(db, plan.id))
    project = Project(
        plan_id=plan.id,
        position=count + 1,
        name=data.name,
        agency_id=get_agency(db, data.agency).id if data.agency else None,
        pillar_id=get_pillar(db, plan.id, data.pillar).id if data.pillar else None,
        funding_source=data.funding_source.value,
        budget=data.budget,
        period=data.period,
        status=data.status.value,
        note=data.note,
    )
    db.add(project)
    db.flush()
    for task_id in data.task_ids:
        if db.get(Task, task_id) is None:
            raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}.")
    if data.task_ids:
        rows = [{"project_id": project.id, "task_id": t} for t in dict.fromkeys(data.task_ids)]
        db.execute(insert(project_tasks), rows)
    after = data.model_dump(mode="json") | {"plan": plan.code}
    record(db, events.created("project", project.id, after), actor=actor)
    return project


def list_projects(db: Session, plan_id: int) -> list[Project]:
    query = select(Project).where(Project.plan_id == plan_id)
    return list(db.scalars(query.order_by(Project.position, Project.id)))


def project_task_ids(db: Session, project_ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {pid: [] for pid in project_ids}
    if project_ids:
        query = select(project_tasks).where(project_tasks.c.project_id.in_(project_ids))
        for project_id, task_id in db.execute(query):
            found[project_id].append(task_id)
    return found


def update_project(
    db: Session, *, project: Project, data: ProjectCreate, actor: User | None
) -> bool:
    """Apply the budget, source, status, period and note of `data`; False when unchanged."""
    require_writer(actor)
    before: dict[str, Any] = {name: getattr(project, name) for name in UPDATABLE}
    after: dict[str, Any] = {
        name: getattr(getattr(data, name), "value", getattr(data, name)) for name in UPDATABLE
    }
    if before == after:
        return False
    for name, value in after.items():
        setattr(project, name, value)
    record(db, events.updated("project", project.id, before, after), actor=actor)
    return True
