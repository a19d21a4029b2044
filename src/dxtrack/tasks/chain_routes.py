"""JSON API of issue 14: delegation, an assignment's roll-up, implements links, the tree,
received tasks, agency merges, splits and dissolutions. The same service functions as the CLI and the pages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from dxtrack import vn
from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.restructure import SplitPlan, dissolve_agency, split_agency
from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.tasks.chain import link_tasks, received, task_tree
from dxtrack.tasks.delegation import Delegation, assignment_detail, delegate, delegation_result
from dxtrack.tasks.proposals import propose_links

router = APIRouter(tags=["chain"])
AtQuery = Annotated[date | None, Query(description="Ngày tham chiếu (mặc định hôm nay)")]


class DelegationCreate(BaseModel):
    to: list[str] = Field(min_length=1)
    deadline: date | None = None
    note: str = ""


class LinkCreate(BaseModel):
    implements: int
    reason: str = ""


class MergeCreate(BaseModel):
    codes: list[str] = Field(min_length=1)
    into: str
    on: date
    name: str | None = None


class SplitCreate(BaseModel):
    code: str
    into: list[str] = Field(min_length=2)
    on: date
    names: dict[str, str] = {}
    default: str | None = None
    mapping: dict[int, str] = {}  # assignment id -> successor code


class DissolveCreate(BaseModel):
    code: str
    on: date
    into: str | None = None
    name: str | None = None


@router.post("/assignments/{assignment_id}/delegations", status_code=201)
def create_delegations(
    assignment_id: int, body: DelegationCreate, db: Db, user: CurrentUser
) -> list[dict[str, Any]]:
    request = Delegation(targets=body.to, deadline=body.deadline, note=body.note)
    created = delegate(db, assignment_id=assignment_id, request=request, actor=user)
    return delegation_result(db, created)


@router.get("/assignments/{assignment_id}/rollup")
def read_rollup(
    assignment_id: int, db: Db, user: CurrentUser, settings: AppSettings, at: AtQuery = None
) -> dict[str, Any]:
    return assignment_detail(db, assignment_id=assignment_id, at=at or vn.today(), viewer=user,
                             due_soon_days=settings.due_soon_days)  # fmt: skip


@router.post("/tasks/{task_id}/implements", status_code=201)
def create_link(task_id: int, body: LinkCreate, db: Db, user: CurrentUser) -> dict[str, Any]:
    link = link_tasks(db, child_id=task_id, parent_id=body.implements, actor=user,
                      reason=body.reason)  # fmt: skip
    return {"id": link.id, "task": link.child_id, "implements": link.parent_id}


@router.get("/tasks/{task_id}/tree")
def read_tree(
    task_id: int, db: Db, _user: CurrentUser, settings: AppSettings, at: AtQuery = None
) -> dict[str, Any]:
    return task_tree(db, task_id=task_id, at=at or vn.today(),
                     due_soon_days=settings.due_soon_days)  # fmt: skip


@router.get("/documents/{document_id}/link-proposals")
def read_proposals(document_id: int, db: Db, _user: CurrentUser) -> list[dict[str, Any]]:
    return [p.__dict__ for p in propose_links(db, document_id=document_id)]


@router.get("/received-tasks")
def read_received(
    db: Db, _user: CurrentUser, settings: AppSettings, at: AtQuery = None
) -> list[dict[str, Any]]:
    return received(db, at=at or vn.today(), due_soon_days=settings.due_soon_days)


@router.post("/agency-merges", status_code=201)
def create_merge(body: MergeCreate, db: Db, user: CurrentUser) -> dict[str, Any]:
    result = merge_agencies(db, codes=body.codes, into=body.into, on=body.on, name=body.name,
                            actor=user)  # fmt: skip
    return result.__dict__


@router.post("/agency-splits", status_code=201)
def create_split(body: SplitCreate, db: Db, user: CurrentUser) -> dict[str, Any]:
    plan = SplitPlan(into=body.into, names=body.names, default=body.default,
                     mapping=body.mapping)  # fmt: skip
    return split_agency(db, code=body.code, plan=plan, on=body.on, actor=user).to_dict()


@router.post("/agency-dissolutions", status_code=201)
def create_dissolution(body: DissolveCreate, db: Db, user: CurrentUser) -> dict[str, Any]:
    result = dissolve_agency(db, code=body.code, into=body.into, on=body.on, name=body.name,
                             actor=user)  # fmt: skip
    return result.to_dict()
