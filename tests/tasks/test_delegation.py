"""Delegation: sub-assignments to child units and communes, the roll-up, honest counting."""

from __future__ import annotations

from datetime import date

import pytest
from builders import agency_id, make_agency, make_task, make_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.audit.describe import describe, load_names
from dxtrack.audit.models import AuditEntry
from dxtrack.config import Settings
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.delegation import Delegation, assignment_detail, delegate
from dxtrack.tasks.models import Assignment, ProgressReport, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.stats import scorecard, summarize

DEADLINE = date(2026, 3, 31)
TODAY = date(2026, 1, 15)
COMMUNES = ["xa-an-phu", "phuong-long-xuyen"]


def held(db: Session, lead: str = "Sở Y tế") -> Assignment:
    task = make_task(db, lead=[lead], deadline=DEADLINE)
    return db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()


def split(db: Session, parent: Assignment, actor, targets=COMMUNES, **kwargs) -> list[Assignment]:
    request = Delegation(targets=list(targets), **kwargs)
    return delegate(db, assignment_id=parent.id, request=request, actor=actor)


def finish(db: Session, settings: Settings, item: Assignment, actor, **kwargs):
    data = ProgressInput(state=ProgressState.done, completed_on=TODAY, **kwargs)
    return report_progress(
        db,
        assignment_id=item.id,
        data=data,
        expected_version=None,
        settings=settings,
        actor=actor,
        today=TODAY,
    )


def count_rows(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Assignment)) or 0


class TestDelegate:
    def test_officer_splits_to_two_communes(self, db: Session):
        parent = held(db)
        children = split(db, parent, make_user(db, "syt"), note="Báo cáo trước ngày 20")
        assert [c.agency_id for c in children] == [agency_id(db, c) for c in COMMUNES]
        assert {(c.parent_id, c.deadline, c.note) for c in children} == {
            (parent.id, DEADLINE, "Báo cáo trước ngày 20")
        }
        audit = db.scalars(select(AuditEntry).where(AuditEntry.action == "assignment.delegate"))
        assert sorted(e.entity_id for e in audit) == sorted(c.id for c in children)

    def test_child_unit_of_the_agency(self, db: Session):
        unit = make_agency(db, name="Trung tâm Kiểm soát bệnh tật", parent_code="so-y-te")
        parent = held(db)
        [child] = split(db, parent, make_user(db, "dieuphoi"), targets=[unit.code])
        assert child.agency_id == unit.id

    def test_earlier_deadline_kept(self, db: Session):
        parent = held(db)
        children = split(db, parent, make_user(db, "quantri"), deadline=date(2026, 3, 1))
        assert {c.deadline for c in children} == {date(2026, 3, 1)}

    def test_later_deadline_refused(self, db: Session):
        parent = held(db)
        before = count_rows(db)
        with pytest.raises(Invalid, match="muộn hơn thời hạn"):
            split(db, parent, make_user(db, "syt"), deadline=date(2026, 4, 1))
        assert count_rows(db) == before

    def test_other_department_refused(self, db: Session):
        parent = held(db)
        before = count_rows(db)
        with pytest.raises(Invalid, match="chỉ giao cho đơn vị trực thuộc"):
            split(db, parent, make_user(db, "syt"), targets=["xa-an-phu", "cong-an-tinh"])
        assert count_rows(db) == before

    def test_outsider_refused(self, db: Session):
        parent = held(db)
        before = count_rows(db)
        for user in (make_user(db, "cat"), make_user(db, "lanhdao")):
            with pytest.raises(Forbidden, match="cán bộ của cơ quan được giao"):
                split(db, parent, user)
        assert count_rows(db) == before

    def test_twice_to_the_same_commune_refused(self, db: Session):
        parent = held(db)
        split(db, parent, make_user(db, "syt"), targets=["xa-an-phu"])
        with pytest.raises(Invalid, match="đã được giao nhiệm vụ này"):
            split(db, parent, make_user(db, "syt"), targets=["xa-an-phu"])

    def test_unknown_code_refused(self, db: Session):
        with pytest.raises(Invalid, match="Không có cơ quan mã «khong-co»"):
            split(db, held(db), make_user(db, "syt"), targets=["khong-co"])


class TestRollup:
    def test_counts_and_percent(self, db: Session, settings: Settings):
        parent = held(db)
        a, _b = split(db, parent, make_user(db, "syt"))
        commune = make_user(db, role="officer", agency_code="xa-an-phu")
        finish(db, settings, a, commune)
        detail = assignment_detail(db, assignment_id=parent.id, at=TODAY, viewer=None)
        assert detail["rollup"] == {
            "done_on_time": 1,
            "done_late": 0,
            "in_progress": 1,
            "due_soon": 0,
            "overdue": 0,
            "no_deadline": 0,
        }
        assert detail["rollup_percent"] == 50.0
        assert [c["status"] for c in detail["children"]] == ["done_on_time", "in_progress"]
        assert detail["parent"] is None and detail["agency"] == "so-y-te"
        past = assignment_detail(db, assignment_id=parent.id, at=date(2026, 1, 1), viewer=None)
        assert past["rollup"]["done_on_time"] == 0 and past["rollup"]["in_progress"] == 2

    def test_weights(self, db: Session, settings: Settings):
        parent = held(db)
        a, b = split(db, parent, make_user(db, "syt"))
        a.weight, b.weight = 3, 1
        finish(db, settings, a, make_user(db, "dieuphoi"))
        detail = assignment_detail(db, assignment_id=parent.id, at=TODAY, viewer=None)
        assert detail["rollup_percent"] == 75.0

    def test_grandchildren_counted(self, db: Session):
        parent = held(db)
        unit = make_agency(db, name="Trung tâm Y tế khu vực", parent_code="so-y-te")
        [child] = split(db, parent, make_user(db, "syt"), targets=[unit.code])
        split(db, child, make_user(db, "dieuphoi"), targets=["xa-an-phu"])
        detail = assignment_detail(db, assignment_id=parent.id, at=TODAY, viewer=None)
        assert sum(detail["rollup"].values()) == 2 and len(detail["children"]) == 1


class TestDoneWithOpenChildren:
    def test_reason_required_then_recorded(self, db: Session, settings: Settings):
        parent = held(db)
        split(db, parent, make_user(db, "syt"))
        officer = make_user(db, "syt")
        with pytest.raises(Invalid, match="Còn 2 đơn vị được giao tiếp chưa hoàn thành"):
            finish(db, settings, parent, officer)
        assert parent.completed_on is None
        report = finish(db, settings, parent, officer, open_children_reason="Đã đủ kết quả")
        stored = db.get(ProgressReport, report.id)
        assert stored.open_children_reason == "Đã đủ kết quả"
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "progress.report")).all()[
            -1
        ]
        assert entry.after["open_children_reason"] == "Đã đủ kết quả"


class TestHonestCounting:
    def test_province_figures_count_top_level(self, db: Session):
        parent = held(db)
        before = summarize(db, at=TODAY)
        split(db, parent, make_user(db, "syt"))
        assert summarize(db, at=TODAY) == before
        assert summarize(db, at=TODAY, use_counts=False) == before
        with_sub = summarize(db, at=TODAY, filters=Filters(levels="all"))
        assert with_sub["in_progress"] == before["in_progress"] + 2
        sub = summarize(db, at=TODAY, filters=Filters(levels="sub"))
        assert sum(sub.values()) == 2

    def test_commune_officer_sees_its_sub_assignment(self, db: Session):
        parent = held(db)
        [child] = split(db, parent, make_user(db, "syt"), targets=["xa-an-phu"])
        commune = make_user(db, role="officer", agency_code="xa-an-phu")
        rows, _ = list_assignments(db, filters=Filters(), at=TODAY, user=commune)
        assert child.id in [r.id for r in rows]
        assert [r.parent_id for r in rows if r.id == child.id] == [parent.id]
        assert summarize(db, at=TODAY, user=commune)["in_progress"] >= 1
        mine = scorecard(db, at=TODAY, user=commune)
        assert [row.code for row in mine] == ["xa-an-phu"]

    def test_province_list_hides_sub_assignments_unless_asked(self, db: Session):
        parent = held(db)
        [child] = split(db, parent, make_user(db, "syt"), targets=["xa-an-phu"])
        task_only = Filters(task_id=parent.task_id)
        rows, _ = list_assignments(db, filters=task_only, at=TODAY, user=None)
        assert [r.id for r in rows] == [parent.id]
        task_only.levels = "all"
        rows, _ = list_assignments(db, filters=task_only, at=TODAY, user=None)
        assert sorted(r.id for r in rows) == sorted([parent.id, child.id])


class TestAuditSentence:
    def test_delegation_reads_in_vietnamese(self, db: Session):
        parent = held(db)
        split(db, parent, make_user(db, "syt"), targets=["xa-an-phu"])
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "assignment.delegate")
        ).one()
        sentence = describe(entry, load_names(db, [entry]))
        assert f"giao tiếp phân công #{parent.id} cho xa-an-phu" in sentence


class TestParentDeadlineMoves:
    def test_earlier_task_deadline_caps_sub_assignments(self, db: Session):
        from dxtrack.tasks.service import update_task

        parent = held(db)
        children = split(db, parent, make_user(db, "syt"))
        task = parent.task_id
        update_task(db, task_id=task, version=None, changes={"deadline": date(2026, 2, 28)},
                    actor=None)  # fmt: skip
        assert parent.deadline == date(2026, 2, 28)
        assert {c.deadline for c in children} == {date(2026, 2, 28)}
        assert all(c.parent_id == parent.id for c in children)  # delegated ones are kept
