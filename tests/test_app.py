"""API surface: JSON errors with Vietnamese messages, authentication, OpenAPI."""

from __future__ import annotations

import unicodedata

from apihelp import login
from builders import make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session


class TestErrors:
    def test_missing_credentials_401(self, client: TestClient):
        response = client.get("/api/v1/tasks")
        assert response.status_code == 401
        assert response.json() == {"error": "unauthorized", "detail": "Vui lòng đăng nhập."}

    def test_not_found_is_json(self, client: TestClient, db: Session):
        headers = login(client, db, "dieuphoi")
        response = client.get("/api/v1/agencies/khong-co", headers=headers)
        assert response.status_code == 404
        body = response.json()
        assert body["error"] == "not_found"
        assert unicodedata.is_normalized("NFC", body["detail"])

    def test_unknown_route_is_json(self, client: TestClient):
        response = client.get("/api/v1/khong-co")
        assert response.status_code == 404 and response.json()["error"] == "not_found"

    def test_validation_error(self, client: TestClient):
        response = client.post("/api/v1/auth/token", json={"username": 1, "password": False})
        assert response.status_code == 422
        assert response.json()["detail"] == "Dữ liệu gửi lên không hợp lệ."

    def test_wrong_password(self, client: TestClient, db: Session):
        login(client, db, "dieuphoi")
        response = client.post(
            "/api/v1/auth/token", json={"username": "dieuphoi", "password": "sai-mat-khau"}
        )
        assert response.status_code == 401


class TestAuth:
    def test_me(self, client: TestClient, db: Session):
        headers = login(client, db, "syt")
        body = client.get("/api/v1/auth/me", headers=headers).json()
        assert (body["username"], body["role"], body["agency"]) == ("syt", "officer", "so-y-te")

    def test_admin_creates_users(self, client: TestClient, db: Session):
        admin = login(client, db, "quantri")
        response = client.post(
            "/api/v1/users",
            headers=admin,
            json={
                "username": "xa-an-phu",
                "password": "mat-khau-dai",
                "role": "officer",
                "agency": "xa-an-phu",
            },
        )
        assert response.status_code == 201, response.text
        coordinator = login(client, db, "dieuphoi")
        assert client.get("/api/v1/users", headers=coordinator).status_code == 403

    def test_cookie_session_needs_csrf_for_writes(self, client: TestClient, db: Session, settings):
        from dxtrack.auth.sessions import COOKIE_NAME, make_session_cookie

        user = make_user(db, "dieuphoi")
        value, data = make_session_cookie(db, settings, user.id)
        client.cookies.set(COOKIE_NAME, value)
        assert client.get("/api/v1/auth/me").status_code == 200
        response = client.post("/api/v1/tasks/999/confirm")
        assert response.status_code == 403
        response = client.post("/api/v1/tasks/999/confirm", headers={"X-CSRF-Token": data.csrf})
        assert response.status_code == 404


class TestOpenApi:
    def test_document_lists_the_api(self, client: TestClient):
        paths = client.get("/api/v1/openapi.json").json()["paths"]
        for path in (
            "/api/v1/assignments",
            "/api/v1/status",
            "/api/v1/documents",
            "/api/v1/assignments/{assignment_id}/progress",
            "/api/v1/audit",
        ):
            assert path in paths


class TestCompression:
    def test_html_is_gzipped(self, client, db):
        from pagehelp import page_session

        page_session(client, db, "dieuphoi")
        response = client.get("/documents", headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip" and "<html" in response.text
