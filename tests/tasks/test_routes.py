"""Task and assignment endpoints: review edits, stale edits, filters, visibility."""

from __future__ import annotations

from datetime import date

from apihelp import login
from builders import make_document, make_task
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session


class TestReviewEdits:
    def test_edit_then_confirm(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        task = make_task(db, lead=["Cơ quan chưa rõ"], confirm=False)
        response = client.patch(
            f"/api/v1/tasks/{task.id}",
            headers=headers,
            json={"version": 1, "deadline": "2025-12-20", "lead": ["Sở Tài chính"]},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["deadline"] == "2025-12-20" and body["lead"][0]["agency"] == "so-tai-chinh"
        confirmed = client.post(f"/api/v1/tasks/{task.id}/confirm", headers=headers).json()
        assert [a["agency"] for a in confirmed["assignments"]] == ["so-tai-chinh"]

    def test_stale_edit_409(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        task = make_task(db, confirm=False)
        assert (
            client.patch(
                f"/api/v1/tasks/{task.id}", headers=headers, json={"version": 1, "summary": "A"}
            ).status_code
            == 200
        )
        response = client.patch(
            f"/api/v1/tasks/{task.id}", headers=headers, json={"version": 1, "summary": "B"}
        )
        assert response.status_code == 409 and response.json()["error"] == "conflict"

    def test_add_task_to_document(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        document = make_document(db)
        response = client.post(
            f"/api/v1/documents/{document.id}/tasks",
            headers=headers,
            json={
                "clause": "6",
                "summary": "Nhiệm vụ thêm",
                "deadline": "2026-01-31",
                "lead": ["Công an tỉnh"],
            },
        )
        assert response.status_code == 201, response.text
        assert response.json()["review_state"] == "draft"

    def test_officer_cannot_edit(self, client: TestClient, db: Session):
        headers = login(client, db, "syt")
        task = make_task(db)
        response = client.patch(
            f"/api/v1/tasks/{task.id}",
            headers=headers,
            json={"version": task.version, "summary": "x"},
        )
        assert response.status_code == 403


class TestAssignmentList:
    def test_filters_and_pagination(self, client: TestClient, db: Session):
        headers = login(client, db, "lanhdao")
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        page = client.get(
            "/api/v1/assignments",
            headers=headers,
            params={
                "group": "so-ban-nganh-tinh",
                "at": "2025-12-09",
                "status": "due_soon",
                "page_size": 10,
            },
        ).json()
        assert len(page["items"]) == 10 and page["has_more"]
        assert {i["status_label"] for i in page["items"]} == {"Sắp đến hạn"}
        page2 = client.get(
            "/api/v1/assignments",
            headers=headers,
            params={"group": "so-ban-nganh-tinh", "page": 2, "page_size": 10},
        ).json()
        assert len(page2["items"]) == 7 and not page2["has_more"]

    def test_officer_sees_only_own_agency(self, client: TestClient, db: Session):
        headers = login(client, db, "syt")
        task = make_task(db, lead=["Các sở, ban, ngành tỉnh"])
        items = client.get("/api/v1/assignments", headers=headers).json()["items"]
        assert {i["agency"] for i in items} == {"so-y-te"}
        other = make_task(db, lead=["Công an tỉnh"])
        assert client.get(f"/api/v1/tasks/{other.id}", headers=headers).status_code == 404
        assert client.get(f"/api/v1/tasks/{task.id}", headers=headers).status_code == 200

    def test_status_endpoint_shape(self, client: TestClient, db: Session):
        headers = login(client, db, "lanhdao")
        make_task(db, lead=["Công an tỉnh"], deadline=date(2025, 12, 10))
        body = client.get("/api/v1/status", params={"at": "2025-12-11"}, headers=headers).json()
        assert body["totals"]["overdue"] == 1
        rows = client.get("/api/v1/scorecard", params={"at": "2025-12-11"}, headers=headers).json()
        assert rows[0]["rank"] == 1 and rows[0]["code"] == "cong-an-tinh"
