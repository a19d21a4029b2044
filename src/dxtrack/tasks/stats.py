"""Status summaries and scorecards, computed in SQL from the one status definition."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyGroup, group_members
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.queries import Filters, apply_filters, assignment_status
from dxtrack.tasks.status import DEFAULT_DUE_SOON_DAYS, Status, empty_counts

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


def summarize(
    db: Session,
    *,
    at: date,
    filters: Filters | None = None,
    user: User | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> dict[str, int]:
    """Number of assignments per status at `at` (all six keys present)."""
    inner = select(assignment_status(at, due_soon_days).label("status"))
    inner = apply_filters(
        inner, filters or Filters(), at=at, user=user, due_soon_days=due_soon_days
    ).subquery()
    counts = empty_counts()
    for status, count in db.execute(select(inner.c.status, func.count()).group_by(inner.c.status)):
        counts[status] = count
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
) -> list[ScoreRow]:
    """Counts per status per agency (or per group), ranked by on-time rate then overdue."""
    key = Assignment.agency_id if by == "agency" else group_members.c.group_id
    inner = select(key.label("key"), assignment_status(at, due_soon_days).label("status"))
    if by != "agency":
        inner = inner.join(group_members, group_members.c.agency_id == Assignment.agency_id)
    inner = apply_filters(
        inner, filters or Filters(), at=at, user=user, due_soon_days=due_soon_days
    ).subquery()
    grouped = select(inner.c.key, inner.c.status, func.count()).group_by(
        inner.c.key, inner.c.status
    )
    model = Agency if by == "agency" else AgencyGroup
    names = {row.id: row for row in db.execute(select(model.id, model.code, model.name))}
    rows: dict[int, ScoreRow] = {}
    for key_id, status, count in db.execute(grouped):
        meta = names[key_id]
        rows.setdefault(key_id, ScoreRow(meta.code, meta.name)).counts[status] = count
    return _ranked(list(rows.values()))


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
