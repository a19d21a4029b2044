"""What is due, overdue and new, per agency and per user, at a reference date.

Read in a few set-based queries (no per-user query), so a run over 100k assignments and
thousands of users stays within seconds. Rules decide which deadlines count today:
`before_deadline` d (deadline = at + d), `on_deadline` (deadline = at), `overdue_every` m
(open and (at - deadline) a positive multiple of m days).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.auth.models import Role, User
from dxtrack.documents.models import Document
from dxtrack.notifications.models import Notification, RuleKind
from dxtrack.tasks.models import Assignment, ProgressReport, Task
from dxtrack.tasks.rhythm import Cadence, current_period, rhythm_condition


@dataclass(frozen=True)
class Item:
    """One assignment to mention: `days` until the deadline (due) or days late (overdue)."""

    assignment_id: int
    task_id: int
    clause: str
    summary: str
    number: str | None
    deadline: date
    days: int


@dataclass(frozen=True)
class Difficulty:
    report_id: int
    task_id: int
    assignment_id: int
    agency_name: str
    clause: str
    text: str


@dataclass
class AgencyItems:
    due: list[Item] = field(default_factory=list)
    overdue: list[Item] = field(default_factory=list)
    # Undated work not updated in its current period, whose period ends on a reminder day
    # (`deadline`: the period's last day; tasks/rhythm.py). `period`: its label.
    rhythm: list[Item] = field(default_factory=list)
    period: str = ""


@dataclass(frozen=True)
class Recipient:
    id: int
    username: str
    full_name: str | None
    email: str | None
    role: str
    agency_id: int | None


def _open_at(at: date) -> object:
    return or_(Assignment.completed_on.is_(None), Assignment.completed_on > at)


def _item_query() -> object:
    return (
        select(
            Assignment.id,
            Assignment.agency_id,
            Assignment.task_id,
            Task.clause,
            Task.summary,
            Document.number,
            Assignment.deadline,
        )
        .join(Task, Task.id == Assignment.task_id)
        .join(Document, Document.id == Task.document_id)
    )


def _due_dates(rules: dict[RuleKind, list[int]], at: date) -> set[date]:
    dates = {at + timedelta(days=d) for d in rules.get(RuleKind.before_deadline, [])}
    if RuleKind.on_deadline in rules:
        dates.add(at)
    return dates


def collect_agency_items(
    db: Session, *, at: date, rules: dict[RuleKind, list[int]]
) -> dict[int, AgencyItems]:
    """agency id -> the open assignments due or overdue today under the rules."""
    result: dict[int, AgencyItems] = {}
    dates = _due_dates(rules, at)
    if dates:
        query = _item_query().where(Assignment.deadline.in_(sorted(dates)), _open_at(at))  # type: ignore[attr-defined]
        for a_id, agency, task, clause, summary, number, deadline in db.execute(query):
            item = Item(a_id, task, clause, summary, number, deadline, (deadline - at).days)
            result.setdefault(agency, AgencyItems()).due.append(item)
    every = [m for m in rules.get(RuleKind.overdue_every, []) if m > 0]
    if every:
        query = _item_query().where(Assignment.deadline < at, _open_at(at))  # type: ignore[attr-defined]
        for a_id, agency, task, clause, summary, number, deadline in db.execute(query):
            late = (at - deadline).days
            if any(late % m == 0 for m in every):
                item = Item(a_id, task, clause, summary, number, deadline, late)
                result.setdefault(agency, AgencyItems()).overdue.append(item)
    _collect_rhythm(db, at, dates, result)
    for items in result.values():
        items.due.sort(key=lambda i: (i.deadline, i.assignment_id))
        items.overdue.sort(key=lambda i: (-i.days, i.assignment_id))
    return result


def _collect_rhythm(db: Session, at: date, dates: set[date], out: dict[int, AgencyItems]) -> None:
    """Open undated top-level work not updated in a period that ends on a reminder day (the
    period's end is its update deadline, under the same before/on-deadline rules)."""
    for cadence in Cadence:
        period = current_period(cadence, at)
        if period.end not in dates:
            continue
        query = _item_query().where(  # type: ignore[attr-defined]
            rhythm_condition("stale", at),
            Assignment.parent_id.is_(None),
            Assignment.cadence == cadence.value,
        )
        for a_id, agency, task, clause, summary, number, _none in db.execute(query):
            item = Item(a_id, task, clause, summary, number, period.end, (period.end - at).days)
            items = out.setdefault(agency, AgencyItems())
            items.rhythm.append(item)
            items.period = ", ".join(p for p in (items.period, period.label) if p)


def _window(at: date) -> tuple[datetime, datetime]:
    """Yesterday and today of `at` (a daily run sees everything since the previous one)."""
    return datetime.combine(at - timedelta(days=1), time()), datetime.combine(
        at + timedelta(days=1), time()
    )


def collect_difficulties(db: Session, *, at: date) -> list[Difficulty]:
    """Progress reports with difficulties received yesterday or today."""
    start, end = _window(at)
    query = (
        select(
            ProgressReport.id,
            Assignment.task_id,
            Assignment.id,
            Agency.name,
            Task.clause,
            ProgressReport.difficulties,
        )
        .join(Assignment, Assignment.id == ProgressReport.assignment_id)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(Task, Task.id == Assignment.task_id)
        .where(ProgressReport.difficulties != "")
        .where(ProgressReport.created_at >= start, ProgressReport.created_at < end)
        .order_by(ProgressReport.id)
    )
    return [Difficulty(*row) for row in db.execute(query)]


def collect_news(db: Session, *, at: date) -> dict[int, list[Notification]]:
    """user id -> unread in-app notifications of yesterday and today (not digests, and not
    difficulty reports, which have their own section)."""
    start, end = _window(at)
    query = select(Notification).where(
        Notification.read_at.is_(None),
        Notification.kind.not_in(["digest", "difficulty"]),
        Notification.created_at >= start,
        Notification.created_at < end,
    )
    news: dict[int, list[Notification]] = {}
    for notification in db.scalars(query.order_by(Notification.id)):
        news.setdefault(notification.user_id, []).append(notification)
    return news


def list_recipients(db: Session) -> list[Recipient]:
    """Active users who may get a digest: officers (their agency), coordinators and admins."""
    query = select(
        User.id, User.username, User.full_name, User.email, User.role, User.agency_id
    ).where(
        User.active.is_(True),
        User.role.in_([Role.officer.value, Role.coordinator.value, Role.admin.value]),
    )
    return [Recipient(*row) for row in db.execute(query.order_by(User.id))]


def agency_names(db: Session) -> dict[int, tuple[str, str]]:
    """agency id -> (code, name)."""
    return {
        row.id: (row.code, row.name)
        for row in db.execute(select(Agency.id, Agency.code, Agency.name))
    }
