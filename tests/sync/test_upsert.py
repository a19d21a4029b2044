"""Upserts by external id: a nightly sync never duplicates; a changed source updates a draft
or flags a confirmed task "cần xem lại" (API, both databases)."""

from __future__ import annotations

from pathlib import Path

from apihelp import login
from builders import make_document, make_task
from fastapi.testclient import TestClient
from pagehelp import page_login
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.documents.models import Document
from dxtrack.tasks.models import Assignment, Task

SEEDS = Path(__file__).parents[2] / "samples" / "seeds"
SEED_A = SEEDS / "003_4b1783ee37e356eb.txt"
SEED_B = SEEDS / "001_e3002b4f3bcaeaf1.txt"


def put_task(client: TestClient, headers: dict[str, str], external_id: str, **body: object):
    return client.put(f"/api/v1/sync/tasks/{external_id}", headers=headers, json=body)


def source(document_id: int, **changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "document_id": document_id,
        "clause": "2.1",
        "summary": "Triển khai nền tảng số dùng chung",
        "deadline": "2026-06-30",
        "lead": ["Sở Y tế"],
        "coordinators": ["Công an tỉnh"],
    }
    return body | changes


def audits(db: Session, action: str) -> int:
    return db.scalar(select(func.count()).where(AuditEntry.action == action)) or 0


class TestTaskUpsert:
    def test_created_then_unchanged_never_duplicates(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        first = put_task(client, headers, "qlvb:NV-17", **source(document.id))
        assert first.status_code == 201, first.text
        assert first.json()["result"] == "created"
        again = put_task(client, headers, "qlvb:NV-17", **source(document.id))
        assert again.status_code == 200 and again.json()["result"] == "unchanged"
        assert again.json()["id"] == first.json()["id"]
        count = select(func.count()).where(Task.external_id == "qlvb:NV-17")
        assert db.scalar(count) == 1
        assert audits(db, "task.sync") == 1  # the unchanged run wrote nothing

    def test_changed_source_updates_a_draft(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        task_id = put_task(client, headers, "qlvb:NV-18", **source(document.id)).json()["id"]
        changed = put_task(
            client, headers, "qlvb:NV-18", **source(document.id, deadline="2026-09-30")
        )
        assert changed.json()["result"] == "updated"
        task = db.get(Task, task_id)
        assert task is not None
        db.refresh(task)
        assert task.deadline.isoformat() == "2026-09-30" and task.review_note is None

    def test_changed_source_flags_a_confirmed_task_instead_of_overwriting(
        self, client: TestClient, db: Session
    ):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        task_id = put_task(client, headers, "qlvb:NV-19", **source(document.id)).json()["id"]
        assert client.post(f"/api/v1/tasks/{task_id}/confirm", headers=headers).status_code == 200
        flagged = put_task(
            client, headers, "qlvb:NV-19", **source(document.id, deadline="2026-12-31")
        )
        assert flagged.json()["result"] == "flagged"
        note = flagged.json()["review_note"]
        assert "thời hạn 30/06/2026 → 31/12/2026" in note
        task = db.get(Task, task_id)
        assert task is not None
        db.refresh(task)
        assert task.deadline.isoformat() == "2026-06-30"  # not overwritten
        deadlines = db.scalars(select(Assignment.deadline).where(Assignment.task_id == task_id))
        assert {d.isoformat() for d in deadlines} == {"2026-06-30"}
        # the same changed source again: already flagged, nothing new
        again = put_task(
            client, headers, "qlvb:NV-19", **source(document.id, deadline="2026-12-31")
        )
        assert again.json()["result"] == "unchanged"
        # the task page shows the flag
        page_login(client, db, "dieuphoi")
        page = client.get(f"/tasks/{task_id}")
        assert "Cần xem lại" in page.text and "31/12/2026" in page.text
        # the coordinator applies it
        applied = client.post(
            f"/api/v1/tasks/{task_id}/sync-review", headers=headers, json={"apply": True}
        )
        assert applied.status_code == 200, applied.text
        db.refresh(task)
        assert task.deadline.isoformat() == "2026-12-31" and task.review_note is None
        deadlines = db.scalars(select(Assignment.deadline).where(Assignment.task_id == task_id))
        assert {d.isoformat() for d in deadlines} == {"2026-12-31"}
        assert audits(db, "task.sync_review") == 1

    def test_the_task_page_keeps_the_task_as_it_is(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        task_id = put_task(client, headers, "qlvb:NV-23", **source(document.id)).json()["id"]
        client.post(f"/api/v1/tasks/{task_id}/confirm", headers=headers)
        put_task(client, headers, "qlvb:NV-23", **source(document.id, summary="Nội dung mới"))
        csrf = page_login(client, db, "dieuphoi")
        page = client.get(f"/tasks/{task_id}").text
        assert "nội dung Triển khai nền tảng số dùng chung → Nội dung mới" in page
        kept = client.post(
            f"/tasks/{task_id}/sync-review", data={"csrf_token": csrf, "apply": "0"},
            follow_redirects=True,
        )  # fmt: skip
        assert kept.status_code == 200 and "Cần xem lại" not in kept.text
        task = db.get(Task, task_id)
        assert task is not None
        db.refresh(task)
        assert task.summary == "Triển khai nền tảng số dùng chung" and task.review_note is None
        # decided: the same source again changes nothing, a newer one flags again
        changed = source(document.id, summary="Nội dung mới")
        assert put_task(client, headers, "qlvb:NV-23", **changed).json()["result"] == "unchanged"
        newer = source(document.id, summary="Bản 3")
        assert put_task(client, headers, "qlvb:NV-23", **newer).json()["result"] == "flagged"

    def test_document_by_external_id_and_bad_ids(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db, external_id="qlvb:VB-1")
        body = source(0) | {"document_id": None, "document_external_id": "qlvb:VB-1"}
        created = put_task(client, headers, "qlvb:NV-20", **body)
        assert created.status_code == 201
        assert db.get(Task, created.json()["id"]).document_id == document.id  # type: ignore[union-attr]
        bad = put_task(client, headers, "khong co he thong", **source(document.id))
        assert bad.status_code == 422 and "hệ-thống:mã" in bad.json()["detail"]
        missing = body | {"document_external_id": "qlvb:VB-404"}
        assert put_task(client, headers, "qlvb:NV-21", **missing).status_code == 404

    def test_officers_may_not_sync(self, client: TestClient, db: Session):
        headers = login(client, db, "syt")
        task = make_task(db)
        response = put_task(client, headers, "qlvb:NV-22", **source(task.document_id))
        assert response.status_code == 403


class TestDocumentUpsert:
    def put(self, client: TestClient, headers: dict[str, str], external_id: str, path: Path):
        files = {"file": (path.name, path.read_bytes(), "text/plain")}
        return client.put(f"/api/v1/sync/documents/{external_id}", headers=headers, files=files)

    def test_created_unchanged_updated_flagged(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        created = self.put(client, headers, "egov:2025/4085", SEED_A)
        assert created.status_code == 201, created.text
        document_id = created.json()["id"]
        assert self.put(client, headers, "egov:2025/4085", SEED_A).json()["result"] == "unchanged"
        assert db.scalar(select(func.count()).select_from(Document)) == 1
        updated = self.put(client, headers, "egov:2025/4085", SEED_B)  # a draft: replaced
        assert updated.json() == updated.json() | {"result": "updated", "id": document_id}
        document = db.get(Document, document_id)
        assert document is not None
        db.refresh(document)
        assert document.filename == SEED_B.name
        tasks = db.scalars(select(Task).where(Task.document_id == document_id)).all()
        assert tasks and all(t.review_state == "draft" for t in tasks)
        document.review_state = "confirmed"
        db.flush()
        flagged = self.put(client, headers, "egov:2025/4085", SEED_A)
        assert flagged.json()["result"] == "flagged"
        assert "Văn bản nguồn đã thay đổi" in flagged.json()["review_note"]
        db.refresh(document)
        assert document.filename == SEED_B.name  # not overwritten
        csrf = page_login(client, db, "dieuphoi")
        assert "Văn bản nguồn đã thay đổi" in client.get(f"/documents/{document_id}").text
        seen = client.post(
            f"/documents/{document_id}/sync-review", data={"csrf_token": csrf},
            follow_redirects=True,
        )  # fmt: skip
        assert seen.status_code == 200 and "Cần xem lại" not in seen.text
        again = client.post(f"/api/v1/documents/{document_id}/sync-review", headers=headers)
        assert again.status_code == 409

    def test_a_stored_file_is_linked_not_duplicated(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        files = [("files", (SEED_A.name, SEED_A.read_bytes(), "text/plain"))]
        stored = client.post("/api/v1/documents", headers=headers, files=files).json()[0]
        linked = self.put(client, headers, "egov:VB-9", SEED_A)
        assert (
            linked.json()["result"] == "linked" and linked.json()["id"] == stored["document"]["id"]
        )
        other = self.put(client, headers, "egov:VB-10", SEED_A)
        assert other.status_code == 409
