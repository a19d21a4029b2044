"""Issue 16.3, 16.4, 16.8: security headers on every response (a CSP without inline script),
a request body limit enforced while reading, /statuses behind login."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apihelp import login
from fastapi.testclient import TestClient
from pagehelp import page_session
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.config import Settings

TEMPLATES = Path(__file__).parents[1] / "src" / "dxtrack" / "templates"
PATHS = [
    "/",
    "/login",
    "/tasks",
    "/static/css/app.css",
    "/api/v1/auth/me",
    "/khong-co",
    "/api/v1/x",
]


def check_headers(response, *, hsts: bool) -> None:
    csp = response.headers["content-security-policy"]
    script = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert ("strict-transport-security" in response.headers) is hsts


class TestHeaders:
    @pytest.mark.parametrize("path", PATHS)
    def test_every_response_anonymous(self, client: TestClient, path: str):
        check_headers(client.get(path, follow_redirects=False), hsts=False)

    def test_pages_and_errors_signed_in(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        for path in ("/", "/tasks", "/documents", "/admin/audit", "/tasks/999999"):
            check_headers(client.get(path), hsts=False)
        check_headers(client.post("/tasks/1/x", data={}), hsts=False)

    def test_hsts_when_cookies_are_secure(self, settings: Settings):
        secure = create_app(settings.model_copy(update={"cookie_secure": True}))
        with TestClient(secure) as client:
            check_headers(client.get("/login"), hsts=True)

    def test_no_inline_script_in_any_template(self):
        for path in TEMPLATES.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
            assert not re.search(r"\son[a-z]+\s*=|\shx-on", text), path
            assert "javascript:" not in text, path


class TestBodyLimit:
    def test_declared_length_over_the_limit_is_refused_before_reading(self, settings: Settings):
        small = create_app(settings.model_copy(update={"max_request_mb": 1}))
        with TestClient(small) as client:
            response = client.post(
                "/api/v1/documents", content=b"x" * (2 * 1024 * 1024),
                headers={"content-type": "application/octet-stream"},
            )  # fmt: skip
            assert response.status_code == 413
            assert response.json() == {
                "error": "too_large",
                "detail": "Yêu cầu quá lớn: tối đa 1 MB cho một lần gửi.",
            }
            page = client.post("/login", content=b"x" * (2 * 1024 * 1024))
            assert page.status_code == 413 and "Yêu cầu quá lớn" in page.text

    def test_streamed_body_is_cut_off_while_reading(self, settings: Settings):
        small = create_app(settings.model_copy(update={"max_request_mb": 1}))

        def chunks():  # a multipart upload of 2.5 MB, no Content-Length
            yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n'
            for _ in range(40):
                yield b"y" * 65536
            yield b"\r\n--b--\r\n"

        with TestClient(small) as client:
            response = client.post(
                "/api/v1/documents",
                content=chunks(),
                headers={"content-type": "multipart/form-data; boundary=b"},
            )
            assert response.status_code == 413 and response.json()["error"] == "too_large"

    def test_normal_requests_pass(self, client: TestClient):
        assert (
            client.post("/api/v1/auth/token", json={"username": "a", "password": "b"}).status_code
            == 401
        )


class TestStatuses:
    def test_statuses_need_login(self, client: TestClient, db: Session):
        assert client.get("/api/v1/statuses").status_code == 401
        headers = login(client, db, "lanhdao")
        response = client.get("/api/v1/statuses", headers=headers)
        assert response.status_code == 200 and len(response.json()) == 6
