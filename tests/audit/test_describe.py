"""The audit log in Vietnamese, filterable by user, date range, document and action."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from apihelp import login
from builders import make_document, make_task, make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit.describe import describe, load_names
from dxtrack.audit.models import AuditEntry
from dxtrack.audit.service import list_entries
from dxtrack.tasks.service import confirm_document, update_task


def _confirmed_document(db: Session):
    coordinator = make_user(db, username="nva", full_name="Nguyễn Văn A")
    document = make_document(db, number="4085/UBND-ĐT")
    for clause in "1234567":
        make_task(db, document=document, clause=clause, confirm=False)
    confirm_document(db, document_id=document.id, actor=coordinator)
    return coordinator, document


class TestSentences:
    def test_confirming_a_document(self, db: Session):
        _, document = _confirmed_document(db)
        rows, _ = list_entries(db, action="document.confirm", document_id=document.id)
        (entry,) = rows
        assert describe(entry, load_names(db, rows)) == (
            "Đ/c Nguyễn Văn A xác nhận 7 nhiệm vụ của văn bản 4085/UBND-ĐT"
        )

    def test_task_edit_names_the_task_and_fields(self, db: Session):
        coordinator, document = _confirmed_document(db)
        task = make_task(db, document=document, clause="8", confirm=False)
        update_task(
            db,
            task_id=task.id,
            version=None,
            changes={"deadline": date(2026, 3, 31)},
            actor=coordinator,
        )
        rows, _ = list_entries(db, action="task.update", entity_id=task.id)
        text = describe(rows[0], load_names(db, rows))
        assert text == "Đ/c Nguyễn Văn A sửa nhiệm vụ 8 của văn bản 4085/UBND-ĐT (thời hạn)"

    def test_system_and_unknown_actions(self, db: Session):
        entry = AuditEntry(
            actor_id=None, actor_name="hệ thống", action="x.y", entity="plan", entity_id=3
        )
        assert describe(entry, load_names(db, [entry])) == (
            "Hệ thống thực hiện «x.y» trên kế hoạch #3"
        )


class TestFilters:
    def test_by_user_document_and_dates(self, db: Session):
        _, document = _confirmed_document(db)
        other = make_document(db)
        make_task(db, document=other, confirm=False)
        rows, total = list_entries(db, document_id=document.id)
        assert total == 7 + 7 + 1  # created, confirmed, the document confirmed
        assert {r.action for r in rows} == {"task.create", "task.confirm", "document.confirm"}
        mine, _ = list_entries(db, actor="nva")
        assert mine and {r.actor_name for r in mine} == {"nva"}
        today = vn.today()
        assert list_entries(db, document_id=document.id, date_from=today)[1] == total
        assert list_entries(db, document_id=document.id, date_to=today - timedelta(days=1))[1] == 0
        late = AuditEntry(  # 01:30 on 2 March in the province, 1 March in UTC
            at=datetime(2025, 3, 1, 18, 30),
            actor_name="nva",
            action="document.confirm",
            entity="document",
            entity_id=other.id,
        )
        db.add(late)
        db.flush()
        day = date(2025, 3, 2)
        rows, _ = list_entries(db, action="document.confirm", date_from=day, date_to=day)
        assert [r.id for r in rows] == [late.id]
        rows, _ = list_entries(db, date_from=date(2025, 3, 1), date_to=date(2025, 3, 1))
        assert rows == []


class TestApi:
    def test_text_and_filters(self, client: TestClient, db: Session):
        _, document = _confirmed_document(db)
        headers = login(client, db, "dieuphoi")
        body = client.get(
            "/api/v1/audit",
            params={"document_id": document.id, "action": "document.confirm", "actor": "nva"},
            headers=headers,
        ).json()
        (item,) = body["items"]
        assert item["text"] == "Đ/c Nguyễn Văn A xác nhận 7 nhiệm vụ của văn bản 4085/UBND-ĐT"
        assert item["action_label"] == "Xác nhận văn bản"
