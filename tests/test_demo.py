"""The demo's letter with a former agency name: picked from the directory, then confirmed."""

from __future__ import annotations

from builders import make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.service import get_agency
from dxtrack.config import Settings
from dxtrack.demo import DEMO_MAPPINGS, _ingest_demo_letter
from dxtrack.documents.models import Document
from dxtrack.tasks.models import Assignment, Task, TaskParty


class TestDemoLetter:
    def test_unmatched_name_is_mapped_and_confirmed(self, db: Session, settings: Settings):
        _ingest_demo_letter(db, settings, make_user(db, "dieuphoi"))
        document = db.scalar(select(Document).where(Document.number == "4102/UBND-KGVX"))
        assert document is not None and document.review_state == "confirmed"
        (name,) = DEMO_MAPPINGS
        party = db.scalar(
            select(TaskParty)
            .join(Task, Task.id == TaskParty.task_id)
            .where(Task.document_id == document.id, TaskParty.name == name)
        )
        agency = get_agency(db, "bao-ptth")
        assert party.agency_id == agency.id and name in agency.aliases
        query = select(Assignment.agency_id, Assignment.role)
        assigned = set(db.execute(query.where(Assignment.task_id == party.task_id)).all())
        assert (agency.id, "lead") in assigned
