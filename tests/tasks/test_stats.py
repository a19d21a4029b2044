"""Summaries and scorecards in SQL agree with the Python status function."""

from __future__ import annotations

from datetime import date

from builders import make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.stats import scorecard, status_report, summarize
from dxtrack.tasks.status import Status, compute_status

AT = date(2025, 12, 9)


def build(db: Session, settings: Settings) -> None:
    """Sở Y tế: one done on time, one overdue; Công an tỉnh: due soon, no deadline."""
    officer = make_user(db, "syt")
    done = make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 5))
    make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 1))
    make_task(db, lead=["Công an tỉnh"], deadline=date(2025, 12, 10))
    make_task(db, lead=["Công an tỉnh"])
    assignment = db.scalars(select(Assignment).where(Assignment.task_id == done.id)).one()
    report_progress(
        db,
        assignment_id=assignment.id,
        settings=settings,
        actor=officer,
        expected_version=None,
        data=ProgressInput(state=ProgressState.done, completed_on=date(2025, 12, 4)),
    )


class TestSummarize:
    def test_counts_match_python(self, db: Session, settings: Settings):
        build(db, settings)
        counts = summarize(db, at=AT)
        expected = {s.value: 0 for s in Status}
        for a in db.scalars(select(Assignment)):
            expected[compute_status(deadline=a.deadline, completed_on=a.completed_on, at=AT)] += 1
        assert counts == expected
        assert counts["done_on_time"] >= 1 and counts["due_soon"] >= 1

    def test_officer_sees_own_agency_only(self, db: Session, settings: Settings):
        build(db, settings)
        counts = summarize(db, at=AT, user=make_user(db, "syt"))
        assert sum(counts.values()) == 2


class TestScorecard:
    def test_rates_and_ranking(self, db: Session, settings: Settings):
        build(db, settings)
        rows = {r.code: r for r in scorecard(db, at=AT)}
        health = rows["so-y-te"]
        assert health.counts["done_on_time"] == 1 and health.counts["overdue"] == 1
        assert health.on_time_rate == 0.5 and health.completion_rate == 0.5
        assert rows["cong-an-tinh"].on_time_rate is None

    def test_by_group(self, db: Session, settings: Settings):
        build(db, settings)
        rows = {r.code: r for r in scorecard(db, at=AT, by="group")}
        assert rows["so-ban-nganh-tinh"].assigned == 4

    def test_status_report_has_all_keys(self, db: Session, settings: Settings):
        build(db, settings)
        report = status_report(db, at=AT)
        assert report["at"] == "2025-12-09"
        assert list(report["totals"]) == [s.value for s in Status]
        for row in report["agencies"]:
            assert {s.value for s in Status} <= set(row) and "on_time_rate" in row


class TestFilteredList:
    def test_status_filter_at_date(self, db: Session, settings: Settings):
        build(db, settings)
        rows, more = list_assignments(db, filters=Filters(status=Status.overdue), at=AT, user=None)
        assert [r.agency_code for r in rows] == ["so-y-te"] and not more
        rows, _ = list_assignments(db, filters=Filters(agency="cong-an-tinh"), at=AT, user=None)
        assert [r.status for r in rows] == ["due_soon", "no_deadline"]


class TestPagination:
    def test_dated_rows_first_then_undated_across_pages(self, db: Session, settings: Settings):
        tasks = [make_task(db, lead=["Sở Nội vụ"], deadline=date(2025, 12, d)) for d in (9, 3, 5)]
        tasks += [make_task(db, lead=["Sở Nội vụ"]) for _ in range(3)]
        expected = [tasks[i].id for i in (1, 2, 0, 3, 4, 5)]
        seen, page, more = [], 1, True
        while more:
            rows, more = list_assignments(
                db, filters=Filters(agency="so-noi-vu"), at=AT, user=None, page=page, page_size=2
            )
            seen += [r.task_id for r in rows]
            page += 1
        assert seen == expected
        rows, more = list_assignments(
            db, filters=Filters(agency="so-noi-vu"), at=AT, user=None, page=3, page_size=2
        )
        assert [r.task_id for r in rows] == expected[4:] and not more
        rows, _ = list_assignments(
            db, filters=Filters(agency="so-noi-vu"), at=AT, user=None, page=2, page_size=4
        )
        assert [r.task_id for r in rows] == expected[4:]


class TestMaintainedCounts:
    def test_fast_path_equals_scan(self, db: Session, settings: Settings):
        build(db, settings)
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2026, 1, 5))
        for at in (
            date(2025, 12, 4),
            date(2025, 12, 9),
            date(2025, 12, 26),
            date(2025, 12, 31),
            date(2026, 1, 5),
            date(2026, 1, 31),
            date(2026, 2, 1),
        ):
            for filters in (
                Filters(),
                Filters(group="so-ban-nganh-tinh"),
                Filters(agency="so-y-te"),
            ):
                assert summarize(db, at=at, filters=filters) == summarize(
                    db, at=at, filters=filters, use_counts=False
                )
            fast = [r.to_dict() for r in scorecard(db, at=at, by="group")]
            assert fast == [r.to_dict() for r in scorecard(db, at=at, by="group", use_counts=False)]
            for days in (0, 40):
                assert summarize(db, at=at, due_soon_days=days) == summarize(
                    db, at=at, due_soon_days=days, use_counts=False
                )
                fast = [r.to_dict() for r in scorecard(db, at=at, due_soon_days=days)]
                scan = scorecard(db, at=at, due_soon_days=days, use_counts=False)
                assert fast == [r.to_dict() for r in scan]
