"""Nothing confirmed into nowhere: unresolved names refuse confirming, until mapped or marked."""

from __future__ import annotations

import pytest
from apihelp import login
from builders import make_document, make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.resolver import build_resolver
from dxtrack.agencies.service import get_agency
from dxtrack.audit.models import AuditEntry
from dxtrack.documents.models import Document
from dxtrack.errors import Invalid
from dxtrack.tasks.mapping import map_party, mark_outside
from dxtrack.tasks.models import Assignment, Task, TaskParty
from dxtrack.tasks.parties import list_undelivered, list_unresolved
from dxtrack.tasks.service import confirm_document, list_parties, update_task

UNKNOWN = "Công an Thành phố"


def _assignments(db: Session, document: Document) -> int:
    query = select(func.count()).select_from(Assignment).join(Task, Task.id == Assignment.task_id)
    return db.scalar(query.where(Task.document_id == document.id)) or 0


def _party(db: Session, task: Task, name: str) -> TaskParty:
    return next(p for p in list_parties(db, task.id) if p.name == name)


class TestConfirmRefused:
    def test_unknown_lead_refuses_the_whole_document(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        document = make_document(db)
        make_task(db, document=document, clause="1", confirm=False)
        half = make_task(
            db,
            document=document,
            clause="2",
            lead=[UNKNOWN],
            coordinators=["Sở Tài chính"],
            confirm=False,
        )
        with pytest.raises(Invalid) as refused:
            confirm_document(db, document_id=document.id, actor=coordinator)
        assert UNKNOWN in refused.value.message and "nhiệm vụ 2" in refused.value.message
        (item,) = refused.value.detail["unresolved"]
        assert (item["task_id"], item["name"], item["role"]) == (half.id, UNKNOWN, "lead")
        states = db.scalars(select(Task.review_state).where(Task.document_id == document.id))
        assert set(states) == {"draft"} and document.review_state == "draft"
        assert _assignments(db, document) == 0

    def test_generic_coordinator_does_not_refuse(self, db: Session):
        document = make_document(db)
        make_task(
            db, document=document, coordinators=["Các cơ quan, đơn vị có liên quan"], confirm=False
        )
        confirm_document(db, document_id=document.id, actor=make_user(db, "dieuphoi"))
        assert document.review_state == "confirmed" and _assignments(db, document) == 1

    def test_api_422_lists_each_name_with_its_task(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        task = make_task(db, document=document, clause="3.a", lead=[UNKNOWN], confirm=False)
        db.commit()  # a refused request rolls back to here
        response = client.post(f"/api/v1/documents/{document.id}/confirm", headers=headers)
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "invalid" and "nhiệm vụ 3.a: «Công an Thành phố»" in body["detail"]
        assert body["unresolved"][0]["task_id"] == task.id
        single = client.post(f"/api/v1/tasks/{task.id}/confirm", headers=headers)
        assert single.status_code == 422
        assert client.get(f"/api/v1/tasks/{task.id}", headers=headers).json()["review_state"] == (
            "draft"
        )


class TestMapParty:
    def test_mapped_name_becomes_an_alias_and_confirms(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        document = make_document(db)
        task = make_task(db, document=document, lead=[UNKNOWN], confirm=False)
        other = make_task(db, lead=[UNKNOWN], confirm=False)
        map_party(
            db,
            party_id=_party(db, task, UNKNOWN).id,
            agency_code="cong-an-tinh",
            actor=coordinator,
        )
        assert UNKNOWN in get_agency(db, "cong-an-tinh").aliases
        assert build_resolver(db).resolve(UNKNOWN).code == "cong-an-tinh"
        assert _party(db, other, UNKNOWN).agency_id == get_agency(db, "cong-an-tinh").id
        confirm_document(db, document_id=document.id, actor=coordinator)
        assignment = db.scalar(select(Assignment).where(Assignment.task_id == task.id))
        assert assignment.agency_id == get_agency(db, "cong-an-tinh").id
        actions = db.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == task.id))
        assert "party.map" in set(actions)

    def test_map_to_a_group_fans_out(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        task = make_task(db, lead=["Các đơn vị cấp xã trong tỉnh"], confirm=False)
        party = _party(db, task, "Các đơn vị cấp xã trong tỉnh")
        map_party(db, party_id=party.id, group_code="ubnd-xa-phuong-dac-khu", actor=coordinator)
        confirm_document(db, document_id=task.document_id, actor=coordinator)
        count = db.scalar(select(func.count()).where(Assignment.task_id == task.id))
        assert count > 50

    def test_exactly_one_target(self, db: Session):
        task = make_task(db, lead=[UNKNOWN], confirm=False)
        with pytest.raises(Invalid):
            map_party(db, party_id=_party(db, task, UNKNOWN).id, actor=make_user(db, "dieuphoi"))

    def test_api_picks_an_agency(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        task = make_task(db, lead=[UNKNOWN], confirm=False)
        party = _party(db, task, UNKNOWN)
        response = client.post(
            f"/api/v1/task-parties/{party.id}", headers=headers, json={"agency": "cong-an-tinh"}
        )
        assert response.status_code == 200, response.text
        (lead,) = response.json()["lead"]
        assert (lead["agency"], lead["resolved"]) == ("cong-an-tinh", True)


class TestOutside:
    def test_outside_task_is_confirmed_and_listed_undelivered(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        document = make_document(db)
        task = make_task(db, document=document, lead=["Bộ Công an"], confirm=False)
        mark_outside(db, party_id=_party(db, task, "Bộ Công an").id, actor=coordinator)
        assert list_unresolved(db, document_id=document.id) == []
        confirm_document(db, document_id=document.id, actor=coordinator)
        assert task.review_state == "confirmed"
        rows, total = list_undelivered(db)
        mine = next(row for row in rows if row.task_id == task.id)
        assert total >= 1 and mine.names == ["Bộ Công an"] and mine.assignments == 0

    def test_outside_mark_survives_an_edit(self, db: Session):
        coordinator = make_user(db, "dieuphoi")
        task = make_task(db, lead=["Bộ Công an"], confirm=False)
        mark_outside(db, party_id=_party(db, task, "Bộ Công an").id, actor=coordinator)
        update_task(
            db,
            task_id=task.id,
            version=None,
            changes={"coordinators": ["Sở Y tế"]},
            actor=coordinator,
        )
        assert _party(db, task, "Bộ Công an").outside is True

    def test_api_lists_undelivered(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        task = make_task(db, lead=["Bộ Ngoại giao"], confirm=False)
        party = _party(db, task, "Bộ Ngoại giao")
        marked = client.post(
            f"/api/v1/task-parties/{party.id}", headers=headers, json={"outside": True}
        )
        assert marked.json()["lead"][0]["outside"] is True
        assert client.post(f"/api/v1/tasks/{task.id}/confirm", headers=headers).status_code == 200
        listed = client.get("/api/v1/tasks/undelivered", headers=headers).json()
        assert any(
            row["task_id"] == task.id and row["names"] == ["Bộ Ngoại giao"] for row in listed
        )
