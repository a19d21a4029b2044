"""Status summaries and scorecards, computed in SQL from the one status definition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.lineage import names_at, successor_map
from dxtrack.agencies.models import Agency, AgencyGroup, group_members
from dxtrack.auth.permissions import visible_agency_id
from dxtrack.db import AnySelect, serial_plans
from dxtrack.tasks import counts, history, windows
from dxtrack.tasks.models import Assignment, AssignmentCount
from dxtrack.tasks.queries import (
    Filters,
    apply_filters,
    assignment_status,
    effective_levels,
    only_agency_filters,
    restrict_agencies,
)
from dxtrack.tasks.rhythm_stats import rhythm_by_agency, rhythm_summary
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


Plan = tuple[dict[str, Any], Callable[[dict[str, int]], dict[str, int]]]


def _count_plan(filters: Filters, at: date, due_soon_days: int) -> Plan | None:
    """Which prefix counts give the answer, and how (None: read the assignments instead).
    Exact at any date for agency / group filters and any deadline window (tasks/windows.py)."""
    start, end = filters.deadline_from, filters.deadline_to
    if not only_agency_filters(replace(filters, deadline_from=None, deadline_to=None)):
        return None
    if start is not None or end is not None:
        if start is not None and end is not None and start > end:
            return None  # an empty window: the scan answers at once
        terms, window = windows.window_terms(at, due_soon_days, start, end)
        return terms, window.combine
    if counts.usable(due_soon_days):
        return counts.terms(at, due_soon_days), counts.combine
    return None


def _scanned(
    db: Session,
    *,
    at: date,
    filters: Filters,
    user: User | None,
    due_soon_days: int,
    by: str | None,
) -> list[tuple[int, str, int]]:
    """(key, status, count) read from every matching assignment."""
    status = assignment_status(at, due_soon_days)
    key = {"agency": Assignment.agency_id, "group": group_members.c.group_id}.get(
        by or "", literal(0)
    )
    inner = select(key.label("key"), status.label("status"))
    if by == "group":
        inner = inner.join(group_members, group_members.c.agency_id == Assignment.agency_id)
    inner = apply_filters(inner, filters, at=at, user=user, due_soon_days=due_soon_days)
    sub = inner.subquery()
    grouped = select(sub.c.key, sub.c.status, func.count()).group_by(sub.c.key, sub.c.status)
    return [(int(k), str(s), int(n)) for k, s, n in db.execute(grouped)]


def _counted(
    db: Session, *, plan: Plan, filters: Filters, user: User | None, by: str | None
) -> list[tuple[int, str, int]]:
    """The same from the maintained prefix counts (tasks/counts.py): a few rows per agency."""
    c = AssignmentCount
    key = {"agency": c.agency_id, "group": group_members.c.group_id}.get(by or "", literal(0))
    scoped = bool(filters.agency or filters.group)
    scoped = scoped or (user is not None and visible_agency_id(user) is not None)
    totals = by is None and not scoped
    branches = []
    terms, combine = plan
    for name, conditions in terms.items():
        for condition in conditions:
            branch: AnySelect = select(
                key.label("key"), literal(name).label("term"), c.n.label("n")
            )
            if by == "group":
                branch = branch.join(group_members, group_members.c.agency_id == c.agency_id)
            branch = restrict_agencies(branch, c.agency_id, filters, user)
            agency = c.agency_id == counts.TOTAL if totals else c.agency_id != counts.TOTAL
            branches.append(branch.where(condition, agency, c.n != 0))
    sub = union_all(*branches).subquery()
    grouped = select(sub.c.key, sub.c.term, func.sum(sub.c.n)).group_by(sub.c.key, sub.c.term)
    sums: dict[int, dict[str, int]] = {}
    serial_plans(db)
    for key_id, term, n in db.execute(grouped):
        sums.setdefault(int(key_id), {})[term] = int(n)
    return [
        (key_id, status, n)
        for key_id, values in sums.items()
        for status, n in combine(values).items()
    ]


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
    levels = effective_levels(filters, user)
    plan = _count_plan(filters, at, due_soon_days) if use_counts and levels != "sub" else None
    # assignments moved by an agency change after `at` count for their holder then
    moved = history.corrections(db, at=at, filters=filters, user=user,
                                due_soon_days=due_soon_days, by=by)  # fmt: skip
    if plan is None:
        scanned = _scanned(db, at=at, filters=filters, user=user, due_soon_days=due_soon_days,
                           by=by)  # fmt: skip
        return scanned + moved
    rows = _counted(db, plan=plan, filters=filters, user=user, by=by)
    if levels == "all":  # the counts hold top-level ones: add the delegated ones, scanned
        sub = replace(filters, levels="sub")
        rows += _scanned(db, at=at, filters=sub, user=user, due_soon_days=due_soon_days, by=by)
    return rows + moved


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
    fold_predecessors: bool = False,
) -> list[ScoreRow]:
    """Counts per status per agency (or per group), ranked by on-time rate then overdue.
    `fold_predecessors`: a merged agency's history counted in its successor's row."""
    model = Agency if by == "agency" else AgencyGroup
    names = {row.id: row for row in db.execute(select(model.id, model.code, model.name))}
    fold = successor_map(db) if fold_predecessors and by == "agency" else {}
    former = names_at(db, at) if by == "agency" else {}  # a name before a rename after `at`
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
        key_id = fold.get(key_id, key_id)
        meta = names.get(key_id)
        if meta is None:  # an agency deleted since (its counts are all zero)
            continue
        name = former.get(key_id, meta.name)
        rows.setdefault(key_id, ScoreRow(meta.code, name)).counts[status] += int(count)
    return _ranked([row for row in rows.values() if row.assigned])


def status_report(
    db: Session,
    *,
    at: date,
    user: User | None = None,
    filters: Filters | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    fold_predecessors: bool = False,
) -> dict[str, Any]:
    """The `dxtrack status --json` document: totals and the per-agency scorecard."""
    totals = summarize(db, at=at, filters=filters, user=user, due_soon_days=due_soon_days)
    agencies = scorecard(db, at=at, filters=filters, user=user, due_soon_days=due_soon_days,
                         fold_predecessors=fold_predecessors)  # fmt: skip
    document: dict[str, Any] = {
        "at": at.isoformat(),
        "totals": totals,
        "agencies": [row.to_dict() for row in agencies],
    }
    if at == vn.today():  # the reporting rhythm of undated work reads the latest reports
        _add_rhythm(db, document, filters, user)
    return document


def _add_rhythm(
    db: Session, document: dict[str, Any], filters: Filters | None, user: User | None
) -> None:
    """`rhythm` beside the totals and beside each agency's counts (tasks/rhythm_stats.py)."""
    document["rhythm"] = rhythm_summary(db, filters=filters, user=user).to_dict()
    by_agency = rhythm_by_agency(db, filters=filters, user=user)
    codes = dict(db.execute(select(Agency.code, Agency.id)).all())
    for row in document["agencies"]:
        found = by_agency.get(codes.get(row["code"], -1))
        row["rhythm"] = found.to_dict() if found else None
