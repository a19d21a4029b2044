"""Progress reports: permissions, stale versions, evidence checks, append-only history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import make_task, make_user, minimal_pdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.errors import Conflict, Forbidden, Invalid
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, list_evidence, list_reports, report_progress

TODAY = date(2026, 1, 15)


def first_assignment(db: Session, task_id: int) -> Assignment:
    return db.scalars(select(Assignment).where(Assignment.task_id == task_id)).first()


def report(db: Session, settings: Settings, assignment: Assignment, actor, **kwargs):
    version = kwargs.pop("version", None)
    data = ProgressInput(state=kwargs.pop("state", ProgressState.in_progress), **kwargs)
    return report_progress(
        db,
        assignment_id=assignment.id,
        data=data,
        expected_version=version,
        settings=settings,
        actor=actor,
        today=TODAY,
    )


class TestRecordProgress:
    def test_officer_reports_on_own_agency(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db, lead=["Sở Y tế"]).id)
        report(db, settings, assignment, officer, percent=30, note="Đang làm", version=1)
        assert (assignment.state, assignment.percent, assignment.version) == ("in_progress", 30, 2)

    def test_other_agency_is_forbidden(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db, lead=["Công an tỉnh"]).id)
        with pytest.raises(Forbidden):
            report(db, settings, assignment, officer)
        assert list_reports(db, assignment.id) == [] and assignment.version == 1

    def test_viewer_is_forbidden(self, db: Session, settings: Settings):
        viewer = make_user(db, "lanhdao")
        assignment = first_assignment(db, make_task(db).id)
        with pytest.raises(Forbidden):
            report(db, settings, assignment, viewer)

    def test_stale_version_409(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db).id)
        report(db, settings, assignment, officer, version=1)
        with pytest.raises(Conflict):
            report(db, settings, assignment, officer, version=1)
        assert len(list_reports(db, assignment.id)) == 1

    def test_done_sets_completion(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db, deadline=date(2025, 12, 31)).id)
        report(
            db,
            settings,
            assignment,
            officer,
            state=ProgressState.done,
            completed_on=date(2025, 12, 20),
        )
        assert (assignment.completed_on, assignment.percent) == (date(2025, 12, 20), 100)
        report(db, settings, assignment, officer, state=ProgressState.in_progress, percent=90)
        assert assignment.completed_on is None
        assert [r.state for r in list_reports(db, assignment.id)] == ["done", "in_progress"]

    def test_completion_date_only_when_done(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db).id)
        with pytest.raises(Invalid):
            report(db, settings, assignment, officer, completed_on=date(2025, 12, 1))


class TestEvidence:
    def test_pdf_is_stored_once_by_hash(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db).id)
        first = report(db, settings, assignment, officer, files=[("a.pdf", minimal_pdf())])
        second = report(db, settings, assignment, officer, files=[("b.pdf", minimal_pdf())])
        stored = list_evidence(db, [first.id, second.id])
        assert len(stored) == 2 and stored[0].stored_path == stored[1].stored_path
        assert (settings.evidence_dir / stored[0].stored_path).read_bytes() == minimal_pdf()

    def test_type_checked_from_content(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db).id)
        with pytest.raises(Invalid) as error:
            report(db, settings, assignment, officer, files=[("anh.jpg", b"MZ\x90\x00 exe")])
        assert "anh.jpg" in error.value.message and list_reports(db, assignment.id) == []

    def test_size_limit(self, db: Session, settings: Settings, tmp_path: Path):
        small = settings.model_copy(update={"max_upload_mb": 1})
        officer = make_user(db, "syt")
        assignment = first_assignment(db, make_task(db).id)
        big = minimal_pdf() + b"0" * (1024 * 1024)
        with pytest.raises(Invalid):
            report(db, small, assignment, officer, files=[("lon.pdf", big)])


class TestHistoryIsAppendOnly:
    @pytest.mark.parametrize("verb", ["update", "delete"])
    def test_database_refuses_changes(self, db: Session, settings: Settings, verb: str):
        from sqlalchemy import delete, update
        from sqlalchemy.exc import DBAPIError

        from dxtrack.tasks.models import ProgressReport

        officer = make_user(db, "syt")
        report(db, settings, first_assignment(db, make_task(db).id), officer)
        statement = (
            update(ProgressReport).values(note="sửa")
            if verb == "update"
            else delete(ProgressReport)
        )
        savepoint = db.begin_nested()
        with pytest.raises(DBAPIError) as error:
            db.execute(statement)
        savepoint.rollback()
        assert "append-only" in str(error.value)
