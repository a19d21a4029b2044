"""Agencies and groups: import, list, get, resolve free-text names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, delete, exists, func, select
from sqlalchemy.orm import Session, selectinload

from dxtrack import vn
from dxtrack.agencies.importer import (
    Directory,
    default_directory,
    raise_errors,
    read_directory,
)
from dxtrack.agencies.lineage import code_owner, ended_ids, successor_map
from dxtrack.agencies.models import (
    Agency,
    AgencyChange,
    AgencyGroup,
    AssignmentMove,
    group_members,
)
from dxtrack.agencies.names import loose_key
from dxtrack.agencies.resolver import Match, build_resolver
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.models import User
from dxtrack.errors import Invalid, NotFound
from dxtrack.tasks.models import Assignment, TaskParty


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0
    groups: int = 0


def agency_snapshot(agency: Agency) -> dict[str, object]:
    return {
        "code": agency.code,
        "name": agency.name,
        "kind": agency.kind,
        "parent_code": agency.parent_code,
        "aliases": list(agency.aliases),
    }


def _upsert_agencies(
    db: Session, directory: Directory, result: ImportResult, actor: User | None
) -> None:
    existing = {a.code: a for a in db.scalars(select(Agency))}
    for row in directory.agencies:
        agency = existing.get(row.code)
        values = {
            "name": row.name,
            "kind": row.kind,
            "parent_code": row.parent_code,
            "aliases": row.aliases,
        }
        if agency is None:
            agency = Agency(code=row.code, **values)
            db.add(agency)
            db.flush()
            existing[row.code] = agency
            result.created += 1
            record(db, events.created("agency", agency.id, agency_snapshot(agency)), actor=actor)
            continue
        before = agency_snapshot(agency)
        for key, value in values.items():
            setattr(agency, key, value)
        if agency_snapshot(agency) != before:
            result.updated += 1
            record(
                db,
                events.updated("agency", agency.id, before, agency_snapshot(agency)),
                actor=actor,
            )


def _upsert_groups(
    db: Session, directory: Directory, result: ImportResult, actor: User | None
) -> None:
    by_code = {a.code: a for a in db.scalars(select(Agency))}
    groups = {
        g.code: g
        for g in db.scalars(select(AgencyGroup).options(selectinload(AgencyGroup.members)))
    }
    for row in directory.groups:
        unknown = [code for code in row.members if code not in by_code]
        if unknown:
            raise Invalid(f"Nhóm {row.code}: mã cơ quan không tồn tại: {', '.join(unknown)}.")
        group = groups.get(row.code)
        before = (
            None
            if group is None
            else {"name": group.name, "members": sorted(a.code for a in group.members)}
        )
        if group is None:
            group = AgencyGroup(code=row.code, name=row.name, aliases=row.aliases, members=[])
            db.add(group)
        group.name, group.aliases = row.name, row.aliases
        group.members = [by_code[code] for code in row.members]
        db.flush()
        after = {"name": group.name, "members": sorted(row.members)}
        if before != after:
            result.groups += 1
            record(
                db,
                events.Event("agency_group.import", "agency_group", group.id, before, after),
                actor=actor,
            )


def _referenced(agency_id: int) -> ColumnElement[bool]:
    """In use: assigned, named, an officer's, or part of a recorded change (its history)."""
    change, move = AgencyChange, AssignmentMove
    return (
        exists().where(Assignment.agency_id == agency_id)
        | exists().where(TaskParty.agency_id == agency_id)
        | exists().where(User.agency_id == agency_id)
        | exists().where((change.predecessor_id == agency_id) | (change.successor_id == agency_id))
        | exists().where((move.from_agency_id == agency_id) | (move.to_agency_id == agency_id))
    )


def _remove_missing(
    db: Session, directory: Directory, result: ImportResult, actor: User | None
) -> None:
    wanted = {row.code for row in directory.agencies}
    for agency in db.scalars(select(Agency).where(Agency.code.not_in(wanted))).all():
        if db.scalar(select(_referenced(agency.id))):
            result.kept += 1
            continue
        db.execute(delete(group_members).where(group_members.c.agency_id == agency.id))
        record(db, events.deleted("agency", agency.id, agency_snapshot(agency)), actor=actor)
        db.delete(agency)
        result.removed += 1
    db.flush()


def _check_references(db: Session, directory: Directory) -> None:
    """Group members must be agencies of the file or of the directory: all reported at once."""
    known = set(db.scalars(select(Agency.code))) | {row.code for row in directory.agencies}
    errors = []
    for group in directory.groups:
        unknown = [code for code in group.members if code not in known]
        if unknown:
            where = group.line or f"Nhóm {group.code}"
            errors.append(f"{where}: mã cơ quan không tồn tại: {', '.join(unknown)}.")
    raise_errors(errors, "Danh mục")


def import_directory(
    db: Session, directory: Directory, *, replace: bool = False, actor: User | None
) -> ImportResult:
    """Add or update agencies and groups by code; with `replace`, drop unreferenced others.
    Every unknown group member is reported at once, before anything is written."""
    _check_references(db, directory)
    result = ImportResult()
    _upsert_agencies(db, directory, result, actor)
    db.flush()
    if replace and directory.agencies:
        _remove_missing(db, directory, result, actor)
    _upsert_groups(db, directory, result, actor)
    return result


def import_file(
    db: Session, path: Path, *, replace: bool = False, actor: User | None
) -> ImportResult:
    return import_directory(db, read_directory(path), replace=replace, actor=actor)


def load_default_directory(db: Session, *, actor: User | None = None) -> ImportResult:
    return import_directory(db, default_directory(), actor=actor)


def count_agencies(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Agency)) or 0


def list_agencies(db: Session, *, kind: str | None = None, q: str | None = None) -> list[Agency]:
    query = select(Agency).order_by(Agency.id)
    if kind:
        query = query.where(Agency.kind == kind)
    agencies = list(db.scalars(query))
    if q:
        needle = loose_key(q)
        agencies = [a for a in agencies if needle in loose_key(" ".join([a.name, *a.aliases]))]
    return agencies


def find_agency(db: Session, code: str) -> Agency | None:
    return db.scalar(select(Agency).where(Agency.code == code))


def get_agency(db: Session, code: str) -> Agency:
    agency = find_agency(db, code)
    if agency is None:
        raise NotFound(f"Không tìm thấy cơ quan có mã «{code}».")
    return agency


def list_groups(db: Session) -> list[AgencyGroup]:
    return list(
        db.scalars(
            select(AgencyGroup).options(selectinload(AgencyGroup.members)).order_by(AgencyGroup.id)
        )
    )


def get_group(db: Session, code: str) -> AgencyGroup:
    group = db.scalar(
        select(AgencyGroup)
        .options(selectinload(AgencyGroup.members))
        .where(AgencyGroup.code == code)
    )
    if group is None:
        raise NotFound(f"Không tìm thấy nhóm cơ quan có mã «{code}».")
    return group


def group_member_ids(db: Session, group_id: int) -> list[int]:
    rows = db.execute(select(group_members.c.agency_id).where(group_members.c.group_id == group_id))
    return [row[0] for row in rows]


def resolve_name(db: Session, name: str) -> Match | None:
    """The agency or group a free-text name designates, or None when unknown."""
    return build_resolver(db).resolve(name)


def directory_choices(db: Session) -> list[tuple[str, str]]:
    """(name, kind label) of every agency and group, for pickers, in Vietnamese order."""
    ended = ended_ids(db)  # merged, split or dissolved: new work goes to their successors
    agencies = [
        (name, "cơ quan") for name in db.scalars(select(Agency.name).where(Agency.id.not_in(ended)))
    ]
    groups = [(name, "nhóm") for name in db.scalars(select(AgencyGroup.name))]
    return vn.sorted_vn(agencies + groups, key=lambda item: item[0])


def find_directory_entry(db: Session, text: str) -> Match | None:
    """What a picker's text designates: a code, an exact name, or a name the resolver knows."""
    text = text.strip()
    if not text:
        return None
    agency = code_owner(db, text) or db.scalar(select(Agency).where(Agency.name == text))
    if agency is not None:  # a predecessor's code or name: the agency answering for it now
        successor = successor_map(db).get(agency.id)
        agency = db.get(Agency, successor) if successor is not None else agency
    if agency is not None:
        return Match("agency", agency.id, agency.code, agency.name)
    group = db.scalar(
        select(AgencyGroup).where((AgencyGroup.code == text) | (AgencyGroup.name == text))
    )
    if group is not None:
        return Match("group", group.id, group.code, group.name)
    return resolve_name(db, text)
