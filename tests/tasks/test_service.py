"""Tasks: parties, fan-out to assignments, review edits, stale versions, occurrences."""

from __future__ import annotations

from datetime import date

import pytest
from builders import agency_id, make_document, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.service import get_group
from dxtrack.errors import Conflict, Forbidden
from dxtrack.tasks import fanout, service
from dxtrack.tasks.models import Assignment, PartyRole
from dxtrack.tasks.periods import occurrences


def assignments(db: Session, task_id: int) -> list[Assignment]:
    query = select(Assignment).where(Assignment.task_id == task_id).order_by(Assignment.id)
    return list(db.scalars(query))


class TestFanOut:
    def test_group_gives_one_assignment_per_member(self, db: Session):
        task = make_task(db, lead=["Các sở, ban, ngành tỉnh"])
        members = {a.id for a in get_group(db, "so-ban-nganh-tinh").members}
        assert {a.agency_id for a in assignments(db, task.id)} == members

    def test_lead_wins_over_coordinator(self, db: Session):
        task = make_task(db, lead=["Sở Y tế"], coordinators=["Sở Y tế", "Sở Tài chính"])
        roles = {a.agency_id: a.role for a in assignments(db, task.id)}
        assert roles == {
            agency_id(db, "so-y-te"): PartyRole.lead,
            agency_id(db, "so-tai-chinh"): PartyRole.coordinator,
        }

    def test_draft_task_has_no_assignments(self, db: Session):
        task = make_task(db, confirm=False)
        assert assignments(db, task.id) == []


class TestUnresolvedNames:
    def test_kept_on_the_task(self, db: Session):
        document = make_document(db)
        fields = service.TaskFields(clause="3.b", summary="Phối hợp")
        task, unresolved = service.create_task(
            db,
            document=document,
            fields=fields,
            lead=["Sở Khoa học và Công nghệ"],
            coordinators=["Các cơ quan liên quan"],
            actor=None,
        )
        assert unresolved == ["Các cơ quan liên quan"]
        parties = service.list_parties(db, task.id)
        assert [(p.name, p.agency_id) for p in parties if p.role == "coordinator"] == [
            ("Các cơ quan liên quan", None)
        ]

    def test_fixed_in_review(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        task = make_task(db, lead=["Cơ quan chưa có"], confirm=False)
        service.update_task(
            db,
            task_id=task.id,
            version=task.version,
            changes={"lead": ["Công an tỉnh"]},
            actor=coordinator,
        )
        service.confirm_task(db, task_id=task.id, actor=coordinator)
        assert [a.agency_id for a in assignments(db, task.id)] == [agency_id(db, "cong-an-tinh")]


class TestUpdateTask:
    def test_stale_version_409(self, db: Session):
        task = make_task(db, confirm=False)
        service.update_task(db, task_id=task.id, version=1, changes={"summary": "A"}, actor=None)
        with pytest.raises(Conflict):
            service.update_task(
                db, task_id=task.id, version=1, changes={"summary": "B"}, actor=None
            )
        assert task.summary == "A"

    def test_deadline_change_reaches_assignments(self, db: Session):
        task = make_task(db, deadline=date(2025, 12, 10))
        service.update_task(
            db,
            task_id=task.id,
            version=task.version,
            changes={"deadline": date(2025, 12, 20)},
            actor=None,
        )
        assert {a.deadline for a in assignments(db, task.id)} == {date(2025, 12, 20)}

    def test_officer_cannot_edit(self, db: Session):
        officer = make_user(db, "syt")
        task = make_task(db)
        with pytest.raises(Forbidden):
            service.update_task(db, task_id=task.id, version=None, changes={}, actor=officer)


class TestDeleteTask:
    def test_removes_task_and_assignments(self, db: Session):
        task = make_task(db)
        service.delete_task(db, task_id=task.id, actor=None)
        assert assignments(db, task.id) == []


class TestRecurringTasks:
    def test_roll_adds_periods_and_edits_keep_them(self, db: Session):
        document = make_document(db, issued_date=vn.today().replace(month=1, day=1))
        task = make_task(db, document=document, recurrence="quarterly")
        year = vn.today().year
        assert [a.period for a in assignments(db, task.id)] == [f"{year}-Q{q}" for q in range(1, 5)]
        created = fanout.roll_recurring(db, until=date(year + 1, 6, 30), actor=None)
        assert created == 2
        assert fanout.roll_recurring(db, until=date(year + 1, 6, 30), actor=None) == 0
        service.update_task(
            db, task_id=task.id, version=task.version, changes={"summary": "Sửa"}, actor=None
        )
        periods = [a.period for a in assignments(db, task.id)]
        assert periods[-2:] == [f"{year + 1}-Q1", f"{year + 1}-Q2"] and len(periods) == 6

    def test_one_occurrence_per_month(self, db: Session):
        document = make_document(db, issued_date=date(2025, 10, 15))
        task = make_task(db, document=document, recurrence="monthly", deadline=date(2025, 12, 31))
        rows = assignments(db, task.id)
        assert [(a.period, a.deadline) for a in rows] == [
            ("2025-M10", date(2025, 10, 31)),
            ("2025-M11", date(2025, 11, 30)),
            ("2025-M12", date(2025, 12, 31)),
        ]

    @pytest.mark.parametrize(
        ("recurrence", "expected"),
        [
            ("quarterly", ["2025-Q4"]),
            ("half-yearly", ["2025-H2"]),
            ("yearly", ["2025"]),
            ("continuous", [""]),
            (None, [""]),
        ],
    )
    def test_periods(self, recurrence: str | None, expected: list[str]):
        found = occurrences(recurrence, deadline=None, start=date(2025, 11, 20))
        assert [key for key, _ in found] == expected

    def test_weekly_periods_end_on_sunday(self):
        found = occurrences("weekly", deadline=date(2025, 12, 7), start=date(2025, 11, 26))
        assert found == [("2025-W48", date(2025, 11, 30)), ("2025-W49", date(2025, 12, 7))]
