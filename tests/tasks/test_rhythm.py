"""The reporting rhythm of undated work: periods, maintained counts equal to a scan, cadence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import make_document, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.delegation import Delegation, delegate
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.rhythm import current_period, rhythm_label
from dxtrack.tasks.rhythm_stats import (
    _counted,
    _scanned,
    rhythm_by_agency,
    rhythm_summary,
    set_cadence,
)


def assignments(db: Session, task_id: int) -> list[Assignment]:
    query = select(Assignment).where(Assignment.task_id == task_id).order_by(Assignment.id)
    return list(db.scalars(query))


def report(db: Session, settings, assignment: Assignment, user, state=ProgressState.in_progress):
    report_progress(
        db,
        assignment_id=assignment.id,
        data=ProgressInput(state=state),
        expected_version=None,
        settings=settings,
        actor=user,
    )


def totals(rows) -> tuple[int, int]:
    return sum(int(r[2]) for r in rows), sum(int(r[3]) for r in rows)


class TestPeriods:
    def test_codes_and_labels(self):
        day = date(2025, 11, 20)
        month, quarter = current_period("monthly", day), current_period("quarterly", day)
        assert (month.code, month.start, month.end, month.label) == (
            "2025-M11",
            date(2025, 11, 1),
            date(2025, 11, 30),
            "tháng 11/2025",
        )
        assert (quarter.code, quarter.start, quarter.label) == (
            "2025-Q4",
            date(2025, 10, 1),
            "quý IV/2025",
        )
        assert current_period("half-yearly", day).label == "6 tháng cuối năm 2025"
        assert current_period("yearly", day).code == "2025"

    def test_label_of_one_assignment(self):
        today = date(2025, 11, 20)
        assert rhythm_label(None, None, "monthly", date(2025, 11, 2), today).startswith(
            "Đã cập nhật"
        )
        assert rhythm_label(None, None, "monthly", date(2025, 10, 31), today).startswith("Chưa")
        assert rhythm_label(None, None, "quarterly", date(2025, 10, 31), today).startswith("Đã")
        assert rhythm_label(date(2025, 12, 1), None, "monthly", None, today) == ""


class TestCounts:
    def test_counts_equal_scan_and_follow_reports(self, db: Session, settings):
        officer, police = make_user(db, "syt"), make_user(db, "cat")
        health = assignments(db, make_task(db, lead=["Sở Y tế"]).id)[0]
        other = assignments(db, make_task(db, lead=["Sở Y tế"]).id)[0]
        guard = assignments(db, make_task(db, lead=["Công an tỉnh"]).id)[0]
        make_task(db, lead=["Sở Y tế"], deadline=date(2030, 1, 1))  # dated: not in the rhythm
        before = rhythm_summary(db, user=None)
        report(db, settings, health, officer)
        report(db, settings, guard, police, ProgressState.done)  # done: leaves the rhythm
        today = vn.today()
        counted = totals(_counted(db, today, Filters(), None, per_agency=False))
        assert counted == totals(_scanned(db, today, Filters(), None))
        after = rhythm_summary(db, user=None)
        assert (after.total, after.updated) == (before.total - 1, before.updated + 1)
        mine = rhythm_summary(db, user=officer)
        assert (mine.total, mine.updated) == (2, 1) and other.completed_on is None
        by_agency = rhythm_by_agency(db, user=None)
        assert by_agency[officer.agency_id].total == mine.total
        assert "nhiệm vụ thường xuyên chưa cập nhật trong tháng" in after.sentence

    def test_last_month_report_is_stale_this_month(self, db: Session, settings):
        officer = make_user(db, "syt")
        one = assignments(db, make_task(db, lead=["Sở Y tế"]).id)[0]
        report(db, settings, one, officer)
        start = current_period("monthly", vn.today()).start
        one.last_report_on = start - timedelta(days=1)
        db.flush()
        stale = Filters(rhythm="stale")
        rows, _ = list_assignments(db, filters=stale, at=vn.today(), user=officer, page_size=500)
        assert one.id in [r.id for r in rows]
        updated = Filters(rhythm="updated")
        rows, _ = list_assignments(db, filters=updated, at=vn.today(), user=officer, page_size=500)
        assert one.id not in [r.id for r in rows]

    def test_sub_assignments_are_not_counted_at_province_level(self, db: Session, settings):
        officer = make_user(db, "syt")
        parent = assignments(db, make_task(db, lead=["Sở Y tế"]).id)[0]
        before = rhythm_summary(db, user=None).total
        delegate(
            db, assignment_id=parent.id, request=Delegation(targets=["xa-an-phu"]), actor=officer
        )
        assert rhythm_summary(db, user=None).total == before
        today = vn.today()
        assert totals(_counted(db, today, Filters(), None, per_agency=False)) == totals(
            _scanned(db, today, Filters(levels="top"), None)
        )


class TestCadence:
    def test_quarterly_task_counts_last_month_as_this_quarter(self, db: Session, settings):
        coordinator = make_user(db, "dieuphoi")
        task = make_task(db, lead=["Sở Y tế"])
        one = assignments(db, task.id)[0]
        today = vn.today()
        quarter = current_period("quarterly", today)
        one.last_report_on = quarter.start
        db.flush()
        set_cadence(db, task_id=task.id, cadence="quarterly", actor=coordinator)
        db.refresh(one)
        assert one.cadence == "quarterly" and task.update_cadence == "quarterly"
        counted = totals(_counted(db, today, Filters(), None, per_agency=False))
        assert counted == totals(_scanned(db, today, Filters(), None))

    def test_document_cadence_and_new_assignments(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        document = make_document(db)
        first = make_task(db, document=document, lead=["Sở Y tế"])
        set_cadence(db, document_id=document.id, cadence="Hằng năm", actor=coordinator)
        later = make_task(db, document=document, lead=["Sở Tài chính"])
        assert {a.cadence for a in assignments(db, first.id) + assignments(db, later.id)} == {
            "yearly"
        }

    def test_refused(self, db: Session):
        task = make_task(db, lead=["Sở Y tế"])
        with pytest.raises(Forbidden):
            set_cadence(db, task_id=task.id, cadence="monthly", actor=make_user(db, "syt"))
        with pytest.raises(Invalid):
            set_cadence(db, task_id=task.id, cadence="hằng giờ", actor=make_user(db, "dieuphoi"))
