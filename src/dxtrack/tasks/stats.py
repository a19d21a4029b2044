"""Status summaries and scorecards, computed in SQL from the one status definition."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyGroup, group_members
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.tasks.counts import latest_completion, row_sets
from dxtrack.tasks.models import Assignment, AssignmentCount
from dxtrack.tasks.queries import (
    Filters,
    apply_filters,
    assignment_status,
    only_agency_filters,
    restrict_agencies,
)
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, Status, empty_counts, status_case

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class ScoreRow:
    code: str
    name: str
    counts: dict[str, int] = field(default_factory=empty_counts)

    @property
    def assigned(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[Status.done_on_time] + self.counts[Status.done_late]

    @property
    def completion_rate(self) -> float | None:
        """Share of assignments done (on time or late)."""
        return round(self.done / self.assigned, 4) if self.assigned else None

    @property
    def on_time_rate(self) -> float | None:
        """Done on time over everything already due: done (either way) + overdue."""
        due = self.done + self.counts[Status.overdue]
        return round(self.counts[Status.done_on_time] / due, 4) if due else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "assigned": self.assigned,
            **self.counts,
            "completion_rate": self.completion_rate,
            "on_time_rate": self.on_time_rate,
        }


def _use_counts(db: Session, filters: Filters, at: date) -> bool:
    """The maintained counts are exact for agency/group filters at or after the last completion."""
    if not only_agency_filters(filters):
        return False
    latest = latest_completion(db)
    return latest is None or latest <= at


def _status_counts(
    db: Session,
    *,
    at: date,
    filters: Filters,
    user: User | None,
    due_soon_days: int,
    by: str | None,
    use_counts: bool,
) -> list[tuple[int, str, int]]:
    """(key, status, count) rows; key is the agency id, the group id, or 0 for totals."""
    if use_counts and _use_counts(db, filters, at):
        agency, weight = AssignmentCount.agency_id, AssignmentCount.n
        status = status_case(
            AssignmentCount.deadline,
            AssignmentCount.completed_on,
            at=at,
            due_soon_days=due_soon_days,
        )
    else:
        agency, weight = Assignment.agency_id, literal(1)
        status = assignment_status(at, due_soon_days)
    key = {"agency": agency, "group": group_members.c.group_id}.get(by or "", literal(0))
    inner = select(key.label("key"), status.label("status"), weight.label("weight"))
    if by == "group":
        inner = inner.join(group_members, group_members.c.agency_id == agency)
    if agency is Assignment.agency_id:
        inner = apply_filters(inner, filters, at=at, user=user, due_soon_days=due_soon_days)
    else:
        scoped = bool(filters.agency or filters.group)
        scoped = scoped or (user is not None and visible_agency_id(user) is not None)
        totals = by is None and not scoped
        inner = restrict_agencies(inner, agency, filters, user)
        inner = inner.where(agency.is_(None) if totals else agency.is_not(None))
        inner = union_all(*(inner.where(rows) for rows in row_sets(at, due_soon_days)))
    sub = inner.subquery()
    grouped = select(sub.c.key, sub.c.status, func.sum(sub.c.weight))
    return [tuple(row) for row in db.execute(grouped.group_by(sub.c.key, sub.c.status))]


def summarize(
    db: Session,
    *,
    at: date,
    filters: Filters | None = None,
    user: User | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    use_counts: bool = True,
) -> dict[str, int]:
    """Number of assignments per status at `at` (all six keys present)."""
    counts = empty_counts()
    for _key, status, count in _status_counts(
        db,
        at=at,
        filters=filters or Filters(),
        user=user,
        due_soon_days=due_soon_days,
        by=None,
        use_counts=use_counts,
    ):
        counts[status] += int(count)
    return counts


def _ranked(rows: list[ScoreRow]) -> list[ScoreRow]:
    def key(row: ScoreRow) -> tuple[float, int, str]:
        rate = row.on_time_rate if row.on_time_rate is not None else -1.0
        return (-rate, row.counts[Status.overdue], row.code)

    return sorted(rows, key=key)


def scorecard(
    db: Session,
    *,
    at: date,
    by: str = "agency",
    filters: Filters | None = None,
    user: User | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    use_counts: bool = True,
) -> list[ScoreRow]:
    """Counts per status per agency (or per group), ranked by on-time rate then overdue."""
    model = Agency if by == "agency" else AgencyGroup
    names = {row.id: row for row in db.execute(select(model.id, model.code, model.name))}
    rows: dict[int, ScoreRow] = {}
    for key_id, status, count in _status_counts(
        db,
        at=at,
        filters=filters or Filters(),
        user=user,
        due_soon_days=due_soon_days,
        by=by,
        use_counts=use_counts,
    ):
        meta = names[key_id]
        rows.setdefault(key_id, ScoreRow(meta.code, meta.name)).counts[status] += int(count)
    return _ranked([row for row in rows.values() if row.assigned])


def status_report(
    db: Session,
    *,
    at: date,
    user: User | None = None,
    filters: Filters | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> dict[str, Any]:
    """The `dxtrack status --json` document: totals and the per-agency scorecard."""
    totals = summarize(db, at=at, filters=filters, user=user, due_soon_days=due_soon_days)
    agencies = scorecard(db, at=at, filters=filters, user=user, due_soon_days=due_soon_days)
    return {
        "at": at.isoformat(),
        "totals": totals,
        "agencies": [row.to_dict() for row in agencies],
    }
