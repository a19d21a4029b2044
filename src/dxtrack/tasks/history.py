"""Figures at a past date attribute each assignment to the agency that held it then.

An assignment moved by an agency change (agencies/changes.py: `assignment_moves`) counts,
in the maintained counts and in a scan alike, for the agency holding it now. At a date
before its move it belonged to the predecessor: `corrections()` gives the signed rows that
take it off the present holder and give it to the holder at that date, under the same
filters. At today's date (no move after it) it costs one indexed look-up and returns nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import agency_ids_at
from dxtrack.agencies.models import Agency, AgencyGroup, AssignmentMove, group_members
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.queries import (
    AssignmentRow,
    Filters,
    apply_filters,
    assignment_status,
    effective_levels,
)

if TYPE_CHECKING:
    from dxtrack.auth.models import User

Row = tuple[int, str, int]


def moved_after(db: Session, at: date) -> bool:
    return bool(db.scalar(select(exists().where(AssignmentMove.on > at))))


def _allowed(db: Session, filters: Filters, user: User | None) -> Callable[[int], bool]:
    scope = visible_agency_id(user) if user is not None else None
    agency = filters.agency and db.scalar(select(Agency.id).where(Agency.code == filters.agency))
    members: set[int] | None = None
    if filters.group:
        query = (
            select(group_members.c.agency_id)
            .join(AgencyGroup, AgencyGroup.id == group_members.c.group_id)
            .where(AgencyGroup.code == filters.group)
        )
        members = set(db.scalars(query))

    def allowed(agency_id: int) -> bool:
        return (
            (scope is None or agency_id == scope)
            and (not filters.agency or agency_id == agency)
            and (members is None or agency_id in members)
        )

    return allowed


def _keys(db: Session, by: str | None, agency_ids: set[int]) -> Callable[[int], list[int]]:
    if by == "agency":
        return lambda agency_id: [agency_id]
    if by == "group":
        groups: dict[int, list[int]] = {}
        query = select(group_members.c.agency_id, group_members.c.group_id).where(
            group_members.c.agency_id.in_(agency_ids)
        )
        for agency_id, group_id in db.execute(query):
            groups.setdefault(agency_id, []).append(group_id)
        return lambda agency_id: groups.get(agency_id, [])
    return lambda _agency_id: [0]


def corrections(
    db: Session,
    *,
    at: date,
    filters: Filters,
    user: User | None,
    due_soon_days: int,
    by: str | None,
) -> list[Row]:
    """Signed (key, status, n) rows moving assignments moved after `at` back to the agency
    that held them at `at` (key: agency id, group id, or 0 for totals)."""
    if not moved_after(db, at):
        return []
    move = AssignmentMove
    query = select(
        Assignment.id, Assignment.agency_id, assignment_status(at, due_soon_days),
        move.from_agency_id,
    ).join(move, move.assignment_id == Assignment.id).where(move.on > at)  # fmt: skip
    others = replace(filters, agency=None, group=None, levels=effective_levels(filters, user))
    query = apply_filters(query, others, at=at, user=None, due_soon_days=due_soon_days)
    earliest: dict[int, tuple[int, str, int]] = {}
    for a_id, now, status, then in db.execute(query.order_by(move.on.desc(), move.id.desc())):
        earliest[a_id] = (now, status, then)  # the earliest move after `at` is read last
    allowed = _allowed(db, filters, user)
    keys = _keys(db, by, {x for now, _s, then in earliest.values() for x in (now, then)})
    moves = Counter((now, then, status) for now, status, then in earliest.values() if now != then)
    sums: Counter[tuple[int, str]] = Counter()
    for (now, then, status), n in moves.items():
        for key in keys(now) if allowed(now) else []:
            sums[key, status] -= n
        for key in keys(then) if allowed(then) else []:
            sums[key, status] += n
    return [(key, status, n) for (key, status), n in sums.items() if n]


def show_holders_at(db: Session, rows: list[AssignmentRow], at: date) -> list[AssignmentRow]:
    """List rows with the agency that held each assignment at `at` (moved after it)."""
    earlier = agency_ids_at(db, [row.id for row in rows], at)
    if not earlier:
        return rows
    query = select(Agency.id, Agency.code, Agency.name).where(Agency.id.in_(earlier.values()))
    agencies = {agency_id: (code, name) for agency_id, code, name in db.execute(query)}
    for row in rows:
        if row.id in earlier:
            row.agency_code, row.agency_name = agencies[earlier[row.id]]
    return rows
