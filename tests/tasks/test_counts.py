"""Maintained counts (tasks/counts.py): kept by database triggers through every kind of write,
equal to a full recount, and giving the same summaries and scorecards as reading every
assignment, at any date (randomised, on both databases)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import make_task
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.tasks import counts
from dxtrack.tasks.models import Assignment, AssignmentCount, OverdueSpan, Task
from dxtrack.tasks.overdue_count import counted_overdue_tasks
from dxtrack.tasks.queries import Filters, overdue_tasks
from dxtrack.tasks.service import delete_task, update_task
from dxtrack.tasks.stats import _count_plan, scorecard, summarize
from dxtrack.tasks.status import Status, compute_status

START = date(2025, 1, 1)
HYPOTHESIS = hsettings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

days = st.integers(min_value=0, max_value=800).map(lambda n: START + timedelta(days=n))
maybe_day = st.none() | days
# (agency index, deadline, completed_on)
new_rows = st.lists(st.tuples(st.integers(0, 3), maybe_day, maybe_day), min_size=1, max_size=40)
# Dates close together, so that deadlines, completions and reference dates meet often
# (the boundaries: done on the reference date, due at the window's ends ...).
near = st.integers(min_value=0, max_value=90).map(lambda n: START + timedelta(days=n))
near_rows = st.lists(
    st.tuples(st.integers(0, 3), st.none() | near, st.none() | near), min_size=1, max_size=60
)
changes = st.lists(
    st.tuples(
        st.sampled_from(["deadline", "completed_on", "agency", "delete", "bulk_shift", "cascade"]),
        st.integers(0, 10_000),
        maybe_day,
    ),
    max_size=25,
)


def snapshot(db: Session) -> list[tuple]:
    c, s = AssignmentCount, OverdueSpan
    query = select(c.agency_id, c.kind, c.grain, c.day, c.day2, c.n).where(c.n != 0)
    spans = select(s.task_id, s.agency_id, s.first_day, s.last_day)
    return sorted(db.execute(query).all(), key=repr) + sorted(db.execute(spans).all(), key=repr)


def overdue_tasks_by_hand(db: Session, at: date, agency_id: int | None) -> int:
    """Tasks with an overdue top-level assignment at `at`, from every row, in Python."""
    rows = db.execute(
        select(
            Assignment.task_id, Assignment.agency_id, Assignment.deadline, Assignment.completed_on
        )
    ).all()
    return len(
        {
            task_id
            for task_id, agency, deadline, completed in rows
            if (agency_id is None or agency == agency_id)
            and compute_status(deadline=deadline, completed_on=completed, at=at) == Status.overdue
        }
    )


def agencies(db: Session) -> list[int]:
    return list(db.scalars(select(Agency.id).order_by(Agency.id).limit(4)))


def apply_change(db: Session, kind: str, pick: int, day: date | None) -> None:
    """One write of a kind the services, bulk SQL, cascades or a console might make."""
    ids = list(db.scalars(select(Assignment.id).order_by(Assignment.id)))
    if not ids:
        return
    target = ids[pick % len(ids)]
    if kind == "deadline":  # through the ORM
        db.get(Assignment, target).deadline = day
    elif kind == "completed_on":
        db.get(Assignment, target).completed_on = day
    elif kind == "agency":
        others = agencies(db)
        db.execute(
            update(Assignment)
            .where(Assignment.id == target)
            .values(agency_id=others[pick % len(others)])
        )
    elif kind == "delete":
        db.execute(delete(Assignment).where(Assignment.id == target))
    elif kind == "bulk_shift":  # every deadline of a task moves by raw SQL
        task_id = db.get(Assignment, target).task_id
        db.execute(
            text("UPDATE assignments SET completed_on = :day WHERE task_id = :task"),
            {"day": day, "task": task_id},
        )
    else:  # the database's ON DELETE CASCADE from tasks
        task_id = db.get(Assignment, target).task_id
        db.execute(delete(Task).where(Task.id == task_id))
    db.flush()
    db.expire_all()


def fill(db: Session, rows: list[tuple]) -> None:
    ids = agencies(db)
    tasks = [make_task(db, confirm=False) for _ in range(3)]
    for index, (agency, deadline, completed) in enumerate(rows):
        db.add(
            Assignment(
                task_id=tasks[index % 3].id,
                agency_id=ids[agency],
                role="lead",
                period=str(index),
                deadline=deadline,
                completed_on=completed,
            )
        )
    db.flush()


class TestCountsFollowEveryWrite:
    @HYPOTHESIS
    @given(rows=new_rows, steps=changes)
    def test_counts_equal_a_full_recount(self, db: Session, rows: list, steps: list):
        nested = db.begin_nested()
        try:
            fill(db, rows)
            for kind, pick, day in steps:
                apply_change(db, kind, pick, day)
            kept = snapshot(db)
            counts.rebuild(db)
            assert snapshot(db) == kept
            total = db.scalar(
                select(func.sum(AssignmentCount.n)).where(
                    AssignmentCount.agency_id == counts.TOTAL,
                    AssignmentCount.grain == "year",
                    AssignmentCount.kind.in_(["due", "undated"]),
                )
            )
            assert (total or 0) == db.scalar(select(func.count()).select_from(Assignment))
        finally:
            nested.rollback()

    def test_service_writes_are_counted(self, db: Session):
        task = make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 20))
        update_task(
            db,
            task_id=task.id,
            version=task.version,
            changes={"deadline": date(2025, 12, 8), "lead": ["Sở Y tế", "Sở Nội vụ"]},
            actor=None,
        )
        delete_task(db, task_id=make_task(db, lead=["Sở Y tế"]).id, actor=None)
        kept = snapshot(db)
        assert kept, "the triggers wrote nothing"
        counts.rebuild(db)
        assert snapshot(db) == kept
        at = date(2025, 12, 1)
        assert summarize(db, at=at)["due_soon"] == 2


class TestAnyDate:
    @HYPOTHESIS
    @given(
        rows=near_rows,
        at=near,
        due_soon_days=st.sampled_from([0, 1, 7, 30, counts.WINDOW_DAYS]),
        start=st.integers(0, 10),
        span=st.sampled_from([0, 6, 7, 29, 30, 50]),
    )
    def test_counts_give_the_full_computation(
        self, db: Session, rows: list, at: date, due_soon_days: int, start: int, span: int
    ):
        end = start + span
        nested = db.begin_nested()
        try:
            fill(db, rows)
            window = {
                "deadline_from": at + timedelta(days=start),
                "deadline_to": at + timedelta(days=end),
            }
            assert _count_plan(Filters(**window), at, due_soon_days) is not None  # counts used
            for filters in (
                Filters(),
                Filters(agency="so-y-te"),
                Filters(group="so-ban-nganh-tinh"),
                Filters(**window),  # the dashboard's next days
                Filters(agency="so-y-te", **window),
            ):
                fast = summarize(db, at=at, filters=filters, due_soon_days=due_soon_days)
                full = summarize(
                    db, at=at, filters=filters, due_soon_days=due_soon_days, use_counts=False
                )
                assert fast == full
            for by in ("agency", "group"):
                fast_rows = scorecard(db, at=at, by=by, due_soon_days=due_soon_days)
                full_rows = scorecard(
                    db, at=at, by=by, due_soon_days=due_soon_days, use_counts=False
                )
                assert [r.to_dict() for r in fast_rows] == [r.to_dict() for r in full_rows]
        finally:
            nested.rollback()

    @HYPOTHESIS
    @given(
        rows=new_rows,
        at=days,
        due_soon_days=st.sampled_from([0, 7, 30, 90]),
        start=st.none() | days,
        end=st.none() | days,
    )
    def test_any_deadline_window_at_any_date(
        self,
        db: Session,
        rows: list,
        at: date,
        due_soon_days: int,
        start: date | None,
        end: date | None,
    ):
        """A report's period at a past cut-off: windows before, around or after `at`, one side
        open, over several years (the two-dimensional pair counts, every grain)."""
        nested = db.begin_nested()
        try:
            fill(db, rows)
            window = {"deadline_from": start, "deadline_to": end}
            for filters in (
                Filters(**window),
                Filters(agency="so-y-te", **window),
                Filters(group="so-ban-nganh-tinh", **window),
            ):
                if (start or end) and (start is None or end is None or start <= end):
                    assert _count_plan(filters, at, due_soon_days) is not None
                fast = summarize(db, at=at, filters=filters, due_soon_days=due_soon_days)
                full = summarize(
                    db, at=at, filters=filters, due_soon_days=due_soon_days, use_counts=False
                )
                assert fast == full
        finally:
            nested.rollback()

    @HYPOTHESIS
    @given(rows=near_rows, steps=changes, at=near)
    def test_overdue_tasks_at_any_date(self, db: Session, rows: list, steps: list, at: date):
        """The report's "N nhiệm vụ quá hạn" from the spans' counts equals every row read,
        after writes of every kind, for the province and for one agency."""
        nested = db.begin_nested()
        try:
            fill(db, rows)
            for kind, pick, day in steps:
                apply_change(db, kind, pick, day)
            for agency_id in (None, *agencies(db)[:2]):
                code = db.scalar(select(Agency.code).where(Agency.id == agency_id))
                filters = Filters(agency=code)
                got = overdue_tasks(db, filters=filters, at=at, user=None, limit=5)[1]
                assert got == overdue_tasks_by_hand(db, at, agency_id)
                assert got == counted_overdue_tasks(db, at=at, agency=code)  # counts were used
        finally:
            nested.rollback()

    def test_count_queries_plan_without_parallel_workers(self, db: Session):
        """PostgreSQL: starting parallel workers for a few hundred count rows costs more than
        the query; the setting is local to the transaction."""
        if db.get_bind().dialect.name != "postgresql":
            pytest.skip("a PostgreSQL planner setting")
        summarize(db, at=date(2025, 6, 30))
        assert db.scalar(text("SHOW max_parallel_workers_per_gather")) == "0"
        db.rollback()
        assert db.scalar(text("SHOW max_parallel_workers_per_gather")) != "0"

    def test_every_status_at_past_dates(self, db: Session):
        ids = agencies(db)
        task = make_task(db, confirm=False)
        plan = [  # deadline, completed_on
            (date(2025, 3, 10), date(2025, 3, 1)),  # on time
            (date(2025, 3, 10), date(2025, 4, 2)),  # late
            (date(2025, 3, 12), None),
            (None, date(2025, 2, 1)),
            (None, None),
            (date(2025, 6, 1), None),
        ]
        for index, (deadline, completed) in enumerate(plan):
            db.add(
                Assignment(
                    task_id=task.id,
                    agency_id=ids[0],
                    role="lead",
                    period=str(index),
                    deadline=deadline,
                    completed_on=completed,
                )
            )
        db.flush()
        got = summarize(db, at=date(2025, 3, 5))
        assert got == summarize(db, at=date(2025, 3, 5), use_counts=False)
        assert got == {
            "done_on_time": 2,
            "done_late": 0,
            "in_progress": 1,
            "due_soon": 2,
            "overdue": 0,
            "no_deadline": 1,
        }
        later = summarize(db, at=date(2025, 3, 20))
        assert later == {
            "done_on_time": 2,
            "done_late": 0,
            "in_progress": 1,
            "due_soon": 0,
            "overdue": 2,
            "no_deadline": 1,
        }
        assert summarize(db, at=date(2025, 4, 2))["done_late"] == 1
