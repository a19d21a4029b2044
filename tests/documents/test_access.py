"""Officers read the source documents of their own tasks, and only those."""

from __future__ import annotations

from apihelp import login
from builders import make_document, make_task
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.files import store_blob


def _stored_document(db: Session, settings: Settings, data: bytes):
    digest, relative = store_blob(settings.originals_dir, data, suffix=".txt")
    return make_document(db, sha256=digest, stored_path=relative, size=len(data), text="Nội dung")


class TestOfficerReadsOwnSources:
    def test_document_and_original_of_own_task(
        self, client: TestClient, db: Session, settings: Settings
    ):
        mine = _stored_document(db, settings, b"cong van giao so y te")
        make_task(db, document=mine, lead=["Sở Y tế"])
        other = _stored_document(db, settings, b"cong van giao cong an")
        make_task(db, document=other, lead=["Công an tỉnh"])
        headers = login(client, db, "syt")
        read = client.get(f"/api/v1/documents/{mine.id}", headers=headers)
        assert read.status_code == 200 and read.json()["text"] == "Nội dung"
        original = client.get(f"/api/v1/documents/{mine.id}/original", headers=headers)
        assert original.status_code == 200 and original.content == b"cong van giao so y te"
        for path in (f"/api/v1/documents/{other.id}", f"/api/v1/documents/{other.id}/original"):
            assert client.get(path, headers=headers).status_code == 404
        listed = client.get("/api/v1/documents", headers=headers).json()
        assert [d["id"] for d in listed["items"]] == [mine.id] and listed["total"] == 1

    def test_read_only(self, client: TestClient, db: Session, settings: Settings):
        mine = _stored_document(db, settings, b"van ban")
        make_task(db, document=mine, lead=["Sở Y tế"], confirm=False)
        headers = login(client, db, "syt")
        assert client.get(f"/api/v1/documents/{mine.id}", headers=headers).status_code == 404
        refused = client.post(f"/api/v1/documents/{mine.id}/confirm", headers=headers)
        assert refused.status_code == 403

    def test_staff_and_viewers_read_all(self, client: TestClient, db: Session, settings: Settings):
        document = _stored_document(db, settings, b"van ban chung")
        for user in ("dieuphoi", "lanhdao"):
            headers = login(client, db, user)
            assert (
                client.get(f"/api/v1/documents/{document.id}", headers=headers).status_code == 200
            )
