"""The one status definition: Python function and SQL CASE agree, at every boundary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Date, literal, select, union_all
from sqlalchemy.orm import Session

from dxtrack.tasks.status import STATUS_LABELS, Status, compute_status, status_case, status_hint

AT = date(2025, 12, 9)


class TestComputeStatus:
    @pytest.mark.parametrize(
        ("deadline", "completed_on", "expected"),
        [
            (date(2025, 12, 10), None, Status.due_soon),
            (date(2025, 12, 9), None, Status.due_soon),
            (date(2025, 12, 16), None, Status.due_soon),
            (date(2025, 12, 17), None, Status.in_progress),
            (date(2025, 12, 8), None, Status.overdue),
            (None, None, Status.no_deadline),
            (date(2025, 12, 10), date(2025, 12, 1), Status.done_on_time),
            (date(2025, 12, 9), date(2025, 12, 9), Status.done_on_time),
            (date(2025, 12, 1), date(2025, 12, 5), Status.done_late),
            (None, date(2025, 12, 5), Status.done_on_time),
            (date(2025, 12, 1), date(2025, 12, 20), Status.overdue),
            (date(2025, 12, 31), date(2025, 12, 20), Status.in_progress),
        ],
        ids=lambda v: str(v),
    )
    def test_cases(self, deadline: date | None, completed_on: date | None, expected: Status):
        assert compute_status(deadline=deadline, completed_on=completed_on, at=AT) == expected

    def test_due_soon_window_is_configurable(self):
        deadline = AT + timedelta(days=3)
        assert compute_status(deadline=deadline, completed_on=None, at=AT, due_soon_days=2) == (
            Status.in_progress
        )

    def test_every_status_has_a_vietnamese_label(self):
        assert set(STATUS_LABELS) == set(Status)
        assert STATUS_LABELS[Status.due_soon] == "Sắp đến hạn"


DAY = st.dates(min_value=date(2025, 11, 1), max_value=date(2026, 2, 1))


class TestSqlAgreesWithPython:
    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
    )
    @given(
        rows=st.lists(st.tuples(st.none() | DAY, st.none() | DAY), min_size=1, max_size=40),
        at=DAY,
        days=st.integers(0, 30),
    )
    def test_random_rows(
        self, db: Session, rows: list[tuple[date | None, date | None]], at: date, days: int
    ):
        table = union_all(
            *(
                select(literal(d, Date).label("deadline"), literal(c, Date).label("completed_on"))
                for d, c in rows
            )
        ).subquery()
        expr = status_case(table.c.deadline, table.c.completed_on, at=at, due_soon_days=days)
        got = db.execute(select(table.c.deadline, table.c.completed_on, expr)).all()
        for deadline, completed_on, status in got:
            expected = compute_status(
                deadline=deadline, completed_on=completed_on, at=at, due_soon_days=days
            )
            assert status == expected.value, (deadline, completed_on, at, days)


class TestStatusHints:
    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40, deadline=None
    )
    @given(
        rows=st.lists(st.tuples(st.none() | DAY, st.none() | DAY), min_size=1, max_size=40),
        at=DAY,
        days=st.integers(0, 30),
    )
    def test_every_row_of_a_status_meets_its_hint(
        self, db: Session, rows: list[tuple[date | None, date | None]], at: date, days: int
    ):
        table = union_all(
            *(
                select(literal(d, Date).label("deadline"), literal(c, Date).label("completed_on"))
                for d, c in rows
            )
        ).subquery()
        for status in Status:
            expr = status_case(table.c.deadline, table.c.completed_on, at=at, due_soon_days=days)
            hint = status_hint(
                status, table.c.deadline, table.c.completed_on, at=at, due_soon_days=days
            )
            query = select(table.c.deadline).where(expr == status.value, ~hint)
            assert db.execute(query).all() == [], status
