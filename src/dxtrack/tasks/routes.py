"""/api/v1/tasks: list, read, create, edit, delete, confirm."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency, AgencyGroup
from dxtrack.auth.models import User
from dxtrack.deps import AppSettings, CurrentUser, Db, Staff
from dxtrack.documents.service import get_document
from dxtrack.tasks import mapping, service
from dxtrack.tasks.detail import get_task_detail
from dxtrack.tasks.models import PartyRole, Task, TaskParty
from dxtrack.tasks.parties import list_undelivered
from dxtrack.tasks.queries import list_tasks
from dxtrack.tasks.schemas import (
    AssignmentBrief,
    PartyMap,
    PartyRead,
    TaskCreate,
    TaskRead,
    TaskUpdate,
    UndeliveredRead,
)
from dxtrack.tasks.status import STATUS_LABELS, Status

router = APIRouter(tags=["tasks"])


def _party_reads(db: Session, task_parties: list[TaskParty]) -> dict[str, list[PartyRead]]:
    agencies = dict(db.execute(select(Agency.id, Agency.code)).all())
    groups = dict(db.execute(select(AgencyGroup.id, AgencyGroup.code)).all())
    out: dict[str, list[PartyRead]] = {PartyRole.lead: [], PartyRole.coordinator: []}
    for party in task_parties:
        agency = agencies.get(party.agency_id) if party.agency_id else None
        group = groups.get(party.group_id) if party.group_id else None
        out[party.role].append(
            PartyRead(
                id=party.id,
                name=party.name,
                agency=agency,
                group=group,
                resolved=bool(agency or group),
                outside=party.outside,
            )
        )
    return out


def task_read(db: Session, task: Task, *, user: User, at: date, due_soon_days: int) -> TaskRead:
    detail = get_task_detail(db, task.id, user=user, at=at, due_soon_days=due_soon_days)
    parties = _party_reads(db, detail.parties)
    rows = detail.rows
    briefs = [
        AssignmentBrief(
            id=r.id,
            agency=r.agency_code,
            role=r.role,
            period=r.period,
            deadline=r.deadline,
            status=r.status,
            status_label=STATUS_LABELS[Status(r.status)],
            state=r.state,
            percent=r.percent,
            version=r.version,
        )
        for r in rows
    ]
    span = (task.span_start, task.span_end) if task.span_start is not None else None
    return TaskRead(
        id=task.id,
        document_id=task.document_id,
        clause=task.clause,
        summary=task.summary,
        full_text=task.full_text,
        deadline=task.deadline,
        recurrence=task.recurrence,
        period_day=task.period_day,
        recurrence_start=task.recurrence_start,
        optional=task.optional,
        span=span,
        review_state=task.review_state,
        version=task.version,
        lead=parties[PartyRole.lead],
        coordinators=parties[PartyRole.coordinator],
        assignments=briefs,
    )


@router.get("/tasks")
def read_tasks(
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    document_id: int | None = None,
    review_state: str | None = None,
) -> list[dict[str, Any]]:
    """Tasks with their assignments and statuses (the `dxtrack tasks list --json` shape)."""
    return list_tasks(
        db,
        at=at or vn.today(),
        user=user,
        document_id=document_id,
        review_state=review_state,
        due_soon_days=settings.due_soon_days,
    )


@router.get("/tasks/undelivered", response_model=list[UndeliveredRead])
def read_undelivered(db: Db, _user: Staff, limit: int = Query(50, ge=1, le=500)) -> Any:
    """Confirmed tasks some of whose share reaches nobody ("chưa giao được")."""
    rows, _total = list_undelivered(db, limit=limit)
    return [UndeliveredRead(**vars(row)) for row in rows]


@router.post("/task-parties/{party_id}", response_model=TaskRead)
def map_party(
    party_id: int, body: PartyMap, db: Db, user: Staff, settings: AppSettings
) -> TaskRead:
    """Map a named party to a directory agency or group (saved as its alias), or mark it
    "ngoài danh mục" (`{"outside": true}`)."""
    if body.outside:
        party = mapping.mark_outside(db, party_id=party_id, actor=user)
    else:
        party = mapping.map_party(
            db, party_id=party_id, agency_code=body.agency, group_code=body.group, actor=user
        )
    task = service.get_task(db, party.task_id)
    return task_read(db, task, user=user, at=vn.today(), due_soon_days=settings.due_soon_days)


@router.get("/tasks/{task_id}", response_model=TaskRead)
def read_task(
    task_id: int, db: Db, user: CurrentUser, settings: AppSettings, at: date | None = None
) -> TaskRead:
    task = service.get_task(db, task_id)
    return task_read(db, task, user=user, at=at or vn.today(), due_soon_days=settings.due_soon_days)


@router.post("/documents/{document_id}/tasks", response_model=TaskRead, status_code=201)
def create_task(
    document_id: int, body: TaskCreate, db: Db, user: Staff, settings: AppSettings
) -> TaskRead:
    fields = service.TaskFields(
        clause=body.clause,
        summary=body.summary,
        full_text=body.full_text or body.summary,
        deadline=body.deadline,
        recurrence=body.recurrence,
    )
    task, _ = service.create_task(
        db,
        document=get_document(db, document_id),
        fields=fields,
        lead=body.lead,
        coordinators=body.coordinators,
        actor=user,
        position=10_000,
    )
    return task_read(db, task, user=user, at=vn.today(), due_soon_days=settings.due_soon_days)


@router.patch("/tasks/{task_id}", response_model=TaskRead)
def update_task(
    task_id: int, body: TaskUpdate, db: Db, user: Staff, settings: AppSettings
) -> TaskRead:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    task = service.update_task(
        db, task_id=task_id, version=body.version, changes=changes, actor=user
    )
    return task_read(db, task, user=user, at=vn.today(), due_soon_days=settings.due_soon_days)


@router.delete("/tasks/{task_id}", status_code=204)
def delete_task(task_id: int, db: Db, user: Staff) -> Response:
    service.delete_task(db, task_id=task_id, actor=user)
    return Response(status_code=204)


@router.post("/tasks/{task_id}/confirm", response_model=TaskRead)
def confirm_task(
    task_id: int,
    db: Db,
    user: Staff,
    settings: AppSettings,
    version: int | None = Query(None),
) -> TaskRead:
    task = service.confirm_task(db, task_id=task_id, version=version, actor=user)
    return task_read(db, task, user=user, at=vn.today(), due_soon_days=settings.due_soon_days)
