"""POST /api/v1/documents: several files, each its own unit (stored, duplicate or failed)."""

from __future__ import annotations

from pathlib import Path

from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.documents.models import Document
from dxtrack.files import sha256_hex

SEEDS = Path(__file__).parents[2] / "samples" / "seeds"
SEED_A = SEEDS / "003_4b1783ee37e356eb.txt"
SEED_B = SEEDS / "001_e3002b4f3bcaeaf1.txt"
BROKEN = ("hong.pdf", b"%PDF-1.4 broken", "application/pdf")


def seed(path: Path) -> tuple[str, bytes, str]:
    return (path.name, path.read_bytes(), "text/plain")


def upload(client: TestClient, headers: dict[str, str], *files: tuple[str, bytes, str]):
    return client.post(
        "/api/v1/documents", headers=headers, files=[("files", item) for item in files]
    )


class TestUploadSeveral:
    def test_broken_file_does_not_lose_the_good_ones(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        response = upload(client, headers, seed(SEED_A), BROKEN, seed(SEED_B))
        assert response.status_code == 201, response.text
        items = response.json()
        assert [(i["filename"], i["status"]) for i in items] == [
            (SEED_A.name, "created"),
            ("hong.pdf", "failed"),
            (SEED_B.name, "created"),
        ]
        failed = items[1]
        assert failed["error"] == "extraction_failed" and failed["document"] is None
        assert "hong.pdf" in failed["detail"] and "PDF bị hỏng" in failed["detail"]
        for item in (items[0], items[2]):
            assert item["error"] is None and item["tasks"] > 0
            read = client.get(f"/api/v1/documents/{item['document']['id']}", headers=headers)
            assert read.status_code == 200 and read.json()["task_ids"]
        stored = db.scalars(select(Document.sha256)).all()
        assert sorted(stored) == sorted(sha256_hex(p.read_bytes()) for p in (SEED_A, SEED_B))

    def test_duplicates_reported(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        first = upload(client, headers, seed(SEED_A)).json()[0]
        items = upload(client, headers, seed(SEED_B), seed(SEED_A), seed(SEED_B)).json()
        assert [i["status"] for i in items] == ["created", "duplicate", "duplicate"]
        assert items[1]["duplicate"] is True
        assert items[1]["document"]["id"] == first["document"]["id"]
        assert items[2]["document"]["id"] == items[0]["document"]["id"]

    def test_every_file_failed_is_422_with_each_reason(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        empty = ("rong.txt", b"", "text/plain")
        response = upload(client, headers, BROKEN, empty)
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "extraction_failed" and "2 tệp" in body["detail"]
        assert [(f["filename"], f["status"]) for f in body["files"]] == [
            ("hong.pdf", "failed"),
            ("rong.txt", "failed"),
        ]
        assert "tệp rỗng" in body["files"][1]["detail"]
        assert db.scalars(select(Document)).all() == []

    def test_too_large_file_is_one_failure(
        self, client: TestClient, db: Session, settings: Settings
    ):
        headers = login(client, db, "dieuphoi")
        limit = settings.max_upload_bytes
        big = ("lon.txt", b"a" * (limit + 1), "text/plain")
        items = upload(client, headers, big, seed(SEED_A)).json()
        assert [i["status"] for i in items] == ["failed", "created"]
        assert items[0]["error"] == "invalid"
        assert items[0]["detail"] == f"Tệp «lon.txt» vượt quá {settings.max_upload_mb} MB."


class TestUploadOne:
    """A single file keeps the earlier contract: 201 with a one-item list, or the error body."""

    def test_created(self, client: TestClient, db: Session):
        response = upload(client, login(client, db, "dieuphoi"), seed(SEED_A))
        assert response.status_code == 201
        (item,) = response.json()
        assert set(item) >= {"filename", "document", "duplicate", "tasks", "unresolved"}
        assert (item["status"], item["duplicate"]) == ("created", False)
        assert item["document"]["sha256"] == sha256_hex(SEED_A.read_bytes())

    def test_unreadable(self, client: TestClient, db: Session):
        response = upload(client, login(client, db, "dieuphoi"), BROKEN)
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "extraction_failed"
        assert body["detail"].startswith("Không đọc được tệp 'hong.pdf'")
        assert body["files"][0]["detail"] == body["detail"]

    def test_officer_refused(self, client: TestClient, db: Session):
        response = upload(client, login(client, db, "syt"), seed(SEED_A))
        assert response.status_code == 403
        assert db.scalars(select(Document)).all() == []

    def test_openapi_describes_per_file_status(self, client: TestClient):
        spec = client.get("/api/v1/openapi.json").json()
        post = spec["paths"]["/api/v1/documents"]["post"]
        assert {"201", "422"} <= set(post["responses"])
        fields = spec["components"]["schemas"]["IngestRead"]["properties"]
        assert fields["status"]["enum"] == ["created", "duplicate", "failed", "reading"]
        assert {"error", "detail", "document"} <= set(fields)
