"""/api/v1/agencies and /api/v1/agency-groups."""

from __future__ import annotations

from fastapi import APIRouter

from dxtrack.agencies import service
from dxtrack.agencies.lineage import FormerName, former_names
from dxtrack.agencies.models import Agency, AgencyGroup
from dxtrack.agencies.schemas import AgencyRead, FormerNameRead, GroupRead, MatchRead, ResolveRead
from dxtrack.deps import CurrentUser, Db

router = APIRouter(tags=["agencies"])


def agency_read(agency: Agency, former: list[FormerName] | None = None) -> AgencyRead:
    return AgencyRead(
        code=agency.code,
        name=agency.name,
        kind=agency.kind,
        parent_code=agency.parent_code,
        aliases=list(agency.aliases),
        former=[FormerNameRead(**f.__dict__) for f in former or []],
    )


def group_read(group: AgencyGroup) -> GroupRead:
    members = [agency.code for agency in group.members]
    return GroupRead(code=group.code, name=group.name, aliases=list(group.aliases), members=members)


@router.get("/agencies", response_model=list[AgencyRead])
def list_agencies(
    db: Db, _user: CurrentUser, kind: str | None = None, q: str | None = None
) -> list[AgencyRead]:
    former = former_names(db)
    return [agency_read(a, former.get(a.id)) for a in service.list_agencies(db, kind=kind, q=q)]


@router.get("/agencies/resolve", response_model=ResolveRead)
def resolve_name(name: str, db: Db, _user: CurrentUser) -> ResolveRead:
    match = service.resolve_name(db, name)
    found = MatchRead(kind=match.kind, code=match.code, name=match.name) if match else None
    return ResolveRead(name=name, match=found)


@router.get("/agencies/{code}", response_model=AgencyRead)
def read_agency(code: str, db: Db, _user: CurrentUser) -> AgencyRead:
    agency = service.get_agency(db, code)
    return agency_read(agency, former_names(db, [agency.id]).get(agency.id))


@router.get("/agency-groups", response_model=list[GroupRead])
def list_groups(db: Db, _user: CurrentUser) -> list[GroupRead]:
    return [group_read(g) for g in service.list_groups(db)]


@router.get("/agency-groups/{code}", response_model=GroupRead)
def read_group(code: str, db: Db, _user: CurrentUser) -> GroupRead:
    return group_read(service.get_group(db, code))
