"""Acceptance scenario (issue 3), through the API on SQLite and PostgreSQL.

Ingest seed 003 -> tasks for "Các sở, ban, ngành tỉnh" fan out to every department; an
officer of Sở Y tế reports with an evidence PDF; the same officer is refused (403, nothing
changes) on Công an tỉnh's assignment; Công an tỉnh's report task (deadline 2025-12-10) is
"Sắp đến hạn" at 2025-12-09 and "Quá hạn" at 2025-12-11; the audit log shows each write.
"""

from __future__ import annotations

from pathlib import Path

from builders import make_user, minimal_pdf
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.service import get_group
from dxtrack.audit.models import AuditEntry
from dxtrack.tasks.models import ProgressReport

SEED = Path(__file__).parents[1] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"


def login(client: TestClient, db: Session, username: str) -> dict[str, str]:
    make_user(db, username)
    response = client.post(
        "/api/v1/auth/token", json={"username": username, "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def assignments_of(client: TestClient, headers: dict[str, str], **params: str) -> list[dict]:
    response = client.get(
        "/api/v1/assignments", params=params | {"page_size": "500"}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


class TestSeed003Scenario:
    def test_end_to_end(self, client: TestClient, db: Session):
        coordinator = login(client, db, "dieuphoi")
        with SEED.open("rb") as handle:
            response = client.post(
                "/api/v1/documents",
                headers=coordinator,
                files={"files": (SEED.name, handle, "text/plain")},
                data={"confirm": "true"},
            )
        assert response.status_code == 201, response.text
        document_id = response.json()[0]["document"]["id"]
        assert response.json()[0]["tasks"] > 0

        tasks = client.get(
            "/api/v1/tasks", params={"document_id": document_id}, headers=coordinator
        ).json()
        group = {a.code for a in get_group(db, "so-ban-nganh-tinh").members}
        group_tasks = [t for t in tasks if t["clause"].startswith("2.")]
        assert group_tasks, "seed 003 section 2 assigns tasks to Các sở, ban, ngành tỉnh"
        for task in group_tasks:
            leads = {a["agency"] for a in task["assignments"] if a["role"] == "lead"}
            assert leads == group, task["clause"]

        officer = login(client, db, "syt")
        mine = assignments_of(client, officer, document_id=str(document_id))
        assert mine and {a["agency"] for a in mine} == {"so-y-te"}
        target = mine[0]
        response = client.post(
            f"/api/v1/assignments/{target['id']}/progress",
            headers=officer,
            data={
                "state": "in_progress",
                "percent": "40",
                "note": "Đang rà soát",
                "version": str(target["version"]),
            },
            files={"files": ("bien-ban.pdf", minimal_pdf(), "application/pdf")},
        )
        assert response.status_code == 201, response.text
        assert response.json()["evidence"][0]["content_type"] == "application/pdf"

        police = [
            a
            for a in assignments_of(
                client, coordinator, agency="cong-an-tinh", document_id=str(document_id)
            )
            if a["clause"] == "4"
        ]
        assert len(police) == 1
        police_id = police[0]["id"]
        reports_before = db.scalar(select(func.count()).select_from(ProgressReport))
        audit_before = db.scalar(select(func.count()).select_from(AuditEntry))
        response = client.post(
            f"/api/v1/assignments/{police_id}/progress", headers=officer, data={"state": "done"}
        )
        assert response.status_code == 403
        assert response.json()["error"] == "forbidden"
        assert db.scalar(select(func.count()).select_from(ProgressReport)) == reports_before
        assert db.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
        detail = client.get(f"/api/v1/assignments/{police_id}", headers=coordinator).json()
        assert detail["reports"] == [] and detail["assignment"]["version"] == 1

        for day, status, label in (
            ("2025-12-09", "due_soon", "Sắp đến hạn"),
            ("2025-12-11", "overdue", "Quá hạn"),
        ):
            row = client.get(
                f"/api/v1/assignments/{police_id}", params={"at": day}, headers=coordinator
            ).json()["assignment"]
            assert (row["status"], row["status_label"]) == (status, label)

        audit = client.get("/api/v1/audit", params={"page_size": "500"}, headers=coordinator).json()
        actions = {entry["action"] for entry in audit["items"]}
        assert {
            "document.create",
            "task.create",
            "task.confirm",
            "document.confirm",
            "progress.report",
        } <= actions
        assert client.get("/api/v1/audit", headers=officer).status_code == 403
