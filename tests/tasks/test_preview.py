"""Recurring tasks keep their day of the period; the preview shows what confirming creates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from apihelp import login
from builders import make_document, make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.errors import Invalid
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.periods import next_period_start, occurrences
from dxtrack.tasks.preview import preview_confirmation
from dxtrack.tasks.service import confirm_document, create_extracted_tasks, update_task


def _deadlines(db: Session, task_id: int) -> list[date | None]:
    query = select(Assignment.deadline).where(Assignment.task_id == task_id)
    return list(db.scalars(query.order_by(Assignment.deadline)))


class TestDayOfPeriod:
    def test_monthly_on_the_20th(self):
        found = occurrences(
            "monthly", deadline=date(2025, 12, 31), start=date(2025, 10, 5), period_day="20"
        )
        assert found == [
            ("2025-M10", date(2025, 10, 20)),
            ("2025-M11", date(2025, 11, 20)),
            ("2025-M12", date(2025, 12, 20)),
        ]

    def test_period_already_due_before_the_start_is_skipped(self):
        found = occurrences(
            "monthly", deadline=date(2025, 11, 30), start=date(2025, 10, 25), period_day="20"
        )
        assert found == [("2025-M11", date(2025, 11, 20))]

    def test_day_past_the_month_end_is_its_last_day(self):
        found = occurrences(
            "monthly", deadline=date(2026, 2, 28), start=date(2026, 2, 1), period_day="31"
        )
        assert found == [("2026-M02", date(2026, 2, 28))]

    def test_quarter_and_year(self):
        quarter = occurrences("quarterly", deadline=None, start=date(2025, 11, 1), period_day="15")
        assert quarter == [("2025-Q4", date(2025, 12, 15))]
        year = occurrences("yearly", deadline=None, start=date(2025, 1, 2), period_day="11-15")
        assert year == [("2025", date(2025, 11, 15))]

    def test_extracted_day_reaches_the_assignments(self, db: Session):
        document = make_document(db, issued_date=date(2025, 10, 1), text="")
        item = {
            "clause": "1",
            "summary": "Báo cáo trước ngày 20 hằng tháng",
            "lead": ["Sở Y tế"],
            "deadline": None,
            "recurrence": "monthly",
            "period_day": "20",
        }
        from dxtrack.agencies.resolver import build_resolver

        (task,), _ = create_extracted_tasks(
            db, document=document, tasks=[item], resolver=build_resolver(db), actor=None
        )
        confirm_document(db, document_id=document.id, actor=None)
        deadlines = _deadlines(db, task.id)
        assert deadlines and {d.day for d in deadlines} == {20}

    def test_bad_day_refused(self, db: Session):
        task = make_task(db, recurrence="monthly", confirm=False)
        with pytest.raises(Invalid):
            update_task(db, task_id=task.id, version=None, changes={"period_day": "40"}, actor=None)


def _year_old_plan(db: Session) -> tuple[int, int]:
    """A document dated a year ago with a monthly task for two agencies (draft)."""
    issued = vn.today() - timedelta(days=365)
    document = make_document(db, issued_date=issued)
    task = make_task(
        db,
        document=document,
        recurrence="monthly",
        lead=["Sở Y tế"],
        coordinators=["Sở Tài chính"],
        confirm=False,
    )
    task.period_day = "20"
    return document.id, task.id


class TestPreview:
    def test_counts_match_what_confirming_creates(self, db: Session):
        document_id, task_id = _year_old_plan(db)
        preview = preview_confirmation(db, document_id=document_id)
        assert db.scalars(select(Assignment).where(Assignment.task_id == task_id)).all() == []
        from_document, following = preview.options["document"], preview.options["next"]
        assert from_document.overdue >= 22 and from_document.assignments >= 24
        assert following.overdue == 0 and following.assignments >= 2
        assert {s.key for s in from_document.agencies} == {"so-y-te", "so-tai-chinh"}
        assert sum(s.assignments for s in from_document.periods) == from_document.assignments
        assert preview.recurring == 1 and preview.unresolved == []
        confirm_document(db, document_id=document_id, actor=make_user(db, "dieuphoi"), start="next")
        created = _deadlines(db, task_id)
        assert len(created) == following.assignments
        assert min(created) >= next_period_start("monthly", vn.today())

    def test_from_document_date_matches_too(self, db: Session):
        document_id, task_id = _year_old_plan(db)
        expected = preview_confirmation(db, document_id=document_id).options["document"]
        confirm_document(db, document_id=document_id, actor=None)
        created = _deadlines(db, task_id)
        assert len(created) == expected.assignments
        assert sum(1 for d in created if d < vn.today()) == expected.overdue

    def test_api(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document_id, _ = _year_old_plan(db)
        body = client.get(f"/api/v1/documents/{document_id}/preview", headers=headers).json()
        assert body["options"]["next"]["overdue"] == 0 and body["options"]["document"]["overdue"]
        confirmed = client.post(
            f"/api/v1/documents/{document_id}/confirm?start=next", headers=headers
        )
        assert confirmed.status_code == 200 and confirmed.json()["review_state"] == "confirmed"
        assert (
            client.get(
                f"/api/v1/documents/{document_id}/preview", headers=login(client, db, "syt")
            ).status_code
            == 403
        )
