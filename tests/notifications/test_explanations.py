"""Explanation requests: asking, answering, deciding; extensions in statuses; permissions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import make_document, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit.models import AuditEntry
from dxtrack.config import Settings
from dxtrack.errors import Conflict, Forbidden, Invalid, NotFound
from dxtrack.notifications import explanations as ex
from dxtrack.notifications.models import ExplanationState, Notification
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.stats import summarize
from dxtrack.tasks.status import Status, compute_status, within_extension, within_extension_case

ORIGINAL = date(2025, 12, 1)
EXTENDED = date(2025, 12, 31)
ASKED_AT = date(2025, 12, 5)
LATER = date(2026, 2, 1)


def assignment_of(db: Session, task_id: int) -> Assignment:
    return db.scalars(select(Assignment).where(Assignment.task_id == task_id)).one()


def extended_assignment(db: Session) -> Assignment:
    """An assignment of Sở Y tế, overdue at ASKED_AT, extended to EXTENDED."""
    coordinator, officer = make_user(db, "dieuphoi"), make_user(db, "syt")
    assignment = assignment_of(db, make_task(db, deadline=ORIGINAL).id)
    item = ex.request_explanation(
        db,
        assignment_id=assignment.id,
        message="Đề nghị giải trình",
        at=ASKED_AT,
        actor=coordinator,
    )
    ex.answer_explanation(
        db,
        request_id=item.id,
        reason="Chờ kinh phí được phân bổ",
        proposed_deadline=EXTENDED,
        actor=officer,
    )
    ex.decide_explanation(
        db, request_id=item.id, decision=ex.Decision(accept=True, note="Đồng ý"), actor=coordinator
    )
    return assignment


def complete(db: Session, assignment: Assignment, on: date, settings: Settings) -> None:
    report_progress(
        db,
        assignment_id=assignment.id,
        data=ProgressInput(state=ProgressState.done, completed_on=on),
        expected_version=None,
        settings=settings,
        actor=make_user(db, "syt"),
    )


class TestStatusesWithExtensions:
    @pytest.mark.parametrize(
        ("done_on", "status", "flag"),
        [
            (date(2025, 11, 28), Status.done_on_time, False),  # before the original deadline
            (date(2025, 12, 20), Status.done_on_time, True),  # between original and extended
            (date(2026, 1, 5), Status.done_late, False),  # after the extended deadline
        ],
        ids=["before-original", "within-extension", "after-extension"],
    )
    def test_done(self, db: Session, settings: Settings, done_on: date, status: Status, flag: bool):
        assignment = extended_assignment(db)
        assert (assignment.original_deadline, assignment.deadline) == (ORIGINAL, EXTENDED)
        complete(db, assignment, done_on, settings)
        python = compute_status(deadline=assignment.deadline, completed_on=done_on, at=LATER)
        rows, _ = list_assignments(
            db, filters=Filters(assignment_id=assignment.id), at=LATER, user=None
        )
        assert python == status and rows[0].status == status
        assert (
            within_extension(
                original_deadline=ORIGINAL, deadline=EXTENDED, completed_on=done_on, at=LATER
            )
            is flag
        )
        sql_flag = within_extension_case(
            Assignment.original_deadline, Assignment.deadline, Assignment.completed_on, at=LATER
        )
        assert db.scalar(select(sql_flag).where(Assignment.id == assignment.id)) is flag

    def test_open_extended_assignment_is_in_progress_not_overdue(self, db: Session):
        assignment = extended_assignment(db)
        rows, _ = list_assignments(
            db, filters=Filters(assignment_id=assignment.id), at=date(2025, 12, 10), user=None
        )
        assert rows[0].status == Status.in_progress  # 21 days before the extended deadline

    def test_maintained_counts_follow_the_extension(self, db: Session, settings: Settings):
        extended_assignment(db)
        at = vn.today()
        filters = Filters(agency="so-y-te")
        assert summarize(db, at=at, filters=filters) == summarize(
            db, at=at, filters=filters, use_counts=False
        )

    def test_flag_is_false_before_completion_counts(self):
        assert not within_extension(
            original_deadline=ORIGINAL,
            deadline=EXTENDED,
            completed_on=date(2025, 12, 20),
            at=date(2025, 12, 10),
        )


class TestRequests:
    def test_only_overdue_assignments(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        assignment = assignment_of(db, make_task(db, deadline=ORIGINAL).id)
        with pytest.raises(Invalid):
            ex.request_explanation(
                db, assignment_id=assignment.id, at=ORIGINAL - timedelta(days=1), actor=coordinator
            )

    def test_one_open_request_per_assignment(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        assignment = assignment_of(db, make_task(db, deadline=ORIGINAL).id)
        ex.request_explanation(db, assignment_id=assignment.id, at=ASKED_AT, actor=coordinator)
        with pytest.raises(Conflict):
            ex.request_explanation(db, assignment_id=assignment.id, at=ASKED_AT, actor=coordinator)

    def test_bulk_for_a_document_asks_every_overdue_agency(self, db: Session):
        coordinator, officer = make_user(db, "dieuphoi"), make_user(db, "syt")
        document = make_document(db)
        make_task(db, document=document, deadline=ORIGINAL, lead=["Sở Y tế", "Công an tỉnh"])
        make_task(db, document=document, deadline=date(2026, 6, 1), clause="2")
        items = ex.request_for_document(db, document_id=document.id, at=ASKED_AT, actor=coordinator)
        assert len(items) == 2
        again = ex.request_for_document(db, document_id=document.id, at=ASKED_AT, actor=coordinator)
        assert again == []
        bell = db.scalars(select(Notification).where(Notification.user_id == officer.id)).all()
        assert [n.kind for n in bell] == ["explanation_request"]

    def test_rejection_keeps_the_deadline_and_everything_is_audited(self, db: Session):
        coordinator, officer = make_user(db, "dieuphoi"), make_user(db, "syt")
        assignment = assignment_of(db, make_task(db, deadline=ORIGINAL).id)
        item = ex.request_explanation(
            db, assignment_id=assignment.id, at=ASKED_AT, actor=coordinator
        )
        ex.answer_explanation(
            db, request_id=item.id, reason="Lý do", proposed_deadline=EXTENDED, actor=officer
        )
        ex.decide_explanation(
            db,
            request_id=item.id,
            decision=ex.Decision(accept=False, note="Chưa đủ căn cứ"),
            actor=coordinator,
        )
        assert item.state == ExplanationState.rejected
        assert (assignment.deadline, assignment.original_deadline) == (ORIGINAL, None)
        actions = db.scalars(
            select(AuditEntry.action).where(
                AuditEntry.entity_id == item.id, AuditEntry.entity == ex.ENTITY
            )
        ).all()
        assert sorted(actions) == sorted(
            [
                "explanation_request.request",
                "explanation_request.answer",
                "explanation_request.decide",
            ]
        )

    def test_accepting_audits_the_extension(self, db: Session):
        assignment = extended_assignment(db)
        entry = db.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "assignment.extend", AuditEntry.entity_id == assignment.id
            )
        )
        assert entry is not None
        assert entry.before["deadline"] == "2025-12-01" and entry.after["deadline"] == "2025-12-31"
        assert entry.after["original_deadline"] == "2025-12-01"


class TestPermissions:
    def _request(self, db: Session) -> int:
        coordinator = make_user(db, "dieuphoi")
        assignment = assignment_of(db, make_task(db, deadline=ORIGINAL).id)
        return ex.request_explanation(
            db, assignment_id=assignment.id, at=ASKED_AT, actor=coordinator
        ).id

    def test_officer_of_another_agency_neither_sees_nor_answers(self, db: Session):
        request_id = self._request(db)
        police = make_user(db, "cat")
        assert ex.list_explanations(db, user=police) == []
        with pytest.raises(NotFound):
            ex.get_explanation(db, request_id, user=police)
        with pytest.raises(NotFound):
            ex.answer_explanation(
                db, request_id=request_id, reason="x", proposed_deadline=None, actor=police
            )

    def test_officer_sees_and_answers_their_own(self, db: Session):
        request_id = self._request(db)
        officer = make_user(db, "syt")
        assert [i.id for i in ex.list_explanations(db, user=officer)] == [request_id]
        item = ex.answer_explanation(
            db, request_id=request_id, reason="Lý do", proposed_deadline=EXTENDED, actor=officer
        )
        assert item.state == ExplanationState.answered

    def test_officer_cannot_ask_or_decide(self, db: Session):
        request_id = self._request(db)
        officer = make_user(db, "syt")
        assignment_id = ex.get_explanation(db, request_id, user=officer).assignment_id
        with pytest.raises(Forbidden):
            ex.request_explanation(db, assignment_id=assignment_id, at=ASKED_AT, actor=officer)
        with pytest.raises(Forbidden):
            ex.decide_explanation(
                db, request_id=request_id, decision=ex.Decision(accept=True), actor=officer
            )

    def test_viewer_sees_but_cannot_answer(self, db: Session):
        request_id = self._request(db)
        viewer = make_user(db, "lanhdao")
        assert ex.get_explanation(db, request_id, user=viewer).id == request_id
        with pytest.raises(Forbidden):
            ex.answer_explanation(
                db, request_id=request_id, reason="x", proposed_deadline=None, actor=viewer
            )


class TestTaskEditsKeepExtensions:
    def _edit(self, db: Session, assignment: Assignment, deadline: date) -> None:
        from dxtrack.tasks.models import Task
        from dxtrack.tasks.service import update_task

        task = db.get(Task, assignment.task_id)
        update_task(
            db, task_id=task.id, version=task.version, changes={"deadline": deadline}, actor=None
        )

    def test_earlier_task_deadline_keeps_the_extension(self, db: Session):
        assignment = extended_assignment(db)
        self._edit(db, assignment, date(2025, 12, 10))
        assert (assignment.original_deadline, assignment.deadline) == (date(2025, 12, 10), EXTENDED)

    def test_later_task_deadline_replaces_it(self, db: Session):
        assignment = extended_assignment(db)
        self._edit(db, assignment, date(2026, 3, 1))
        assert (assignment.original_deadline, assignment.deadline) == (None, date(2026, 3, 1))
