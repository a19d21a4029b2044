"""Login, logout, CSRF, role-aware navigation and page errors."""

from __future__ import annotations

from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from pagehelp import html, page_login, page_session, texts
from sqlalchemy.orm import Session


class TestLogin:
    def test_anonymous_is_sent_to_login(self, client: TestClient):
        response = client.get("/tasks?status=overdue", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/login?next=%2Ftasks%3Fstatus%3Doverdue"

    def test_login_form_is_labelled(self, client: TestClient):
        page = html(client.get("/login").text)
        for field in ("username", "password"):
            assert page.xpath(f"//label[@for='{field}']"), field
        assert page.xpath("//html/@lang") == ["vi"]

    def test_wrong_password_keeps_username(self, client: TestClient, db: Session):
        make_user(db, "dieuphoi")
        response = client.post("/login", data={"username": "dieuphoi", "password": "sai-mat-khau"})
        assert response.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.text
        assert html(response.text).xpath("//input[@id='username']/@value") == ["dieuphoi"]

    def test_login_returns_to_next(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = client.post(
            "/login",
            data={"username": "lanhdao", "password": PASSWORD, "next": "/tasks"},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/tasks"

    def test_next_cannot_leave_the_site(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = client.post(
            "/login",
            data={"username": "lanhdao", "password": PASSWORD, "next": "//evil.example"},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


class TestLogout:
    def test_logout_needs_csrf(self, client: TestClient, db: Session):
        page_login(client, db, "lanhdao")
        response = client.post("/logout", data={"csrf_token": "wrong"})
        assert response.status_code == 403
        assert "Phiên biểu mẫu đã hết hạn" in response.text

    def test_logout(self, client: TestClient, db: Session):
        token = page_login(client, db, "lanhdao")
        response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
        assert response.status_code == 303
        client.cookies.clear()
        assert client.get("/", follow_redirects=False).status_code == 303


CORE_NAV = {"Tổng quan", "Văn bản", "Nhiệm vụ", "Cơ quan", "Quản trị"}


class TestNavigation:
    def _nav(self, client: TestClient, db: Session, username: str) -> list[str]:
        page_session(client, db, username)
        shown = texts(client.get("/").text, "//nav[@class='main-nav']//a")
        return [item for item in shown if item in CORE_NAV]  # other domains add their own

    def test_officer(self, client: TestClient, db: Session):
        assert self._nav(client, db, "syt") == ["Tổng quan", "Nhiệm vụ", "Cơ quan"]

    def test_viewer(self, client: TestClient, db: Session):
        assert self._nav(client, db, "lanhdao") == ["Tổng quan", "Văn bản", "Nhiệm vụ", "Cơ quan"]

    def test_coordinator_and_admin(self, client: TestClient, db: Session):
        assert self._nav(client, db, "dieuphoi")[-1] == "Quản trị"
        client.cookies.clear()
        assert self._nav(client, db, "quantri")[-1] == "Quản trị"

    def test_current_page_marked(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        current = texts(client.get("/tasks").text, "//nav//a[@aria-current='page']")
        assert current == ["Nhiệm vụ"]


class TestErrors:
    def test_unknown_page_is_vietnamese_html(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        response = client.get("/khong-co-trang-nay")
        assert response.status_code == 404
        assert texts(response.text, "//h1") == ["Không tìm thấy"]

    def test_api_errors_stay_json(self, client: TestClient):
        assert client.get("/api/v1/khong-co").json()["error"] == "not_found"

    def test_forbidden_page(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        response = client.get("/admin/users")
        assert response.status_code == 403
        assert texts(response.text, "//h1") == ["Không có quyền truy cập"]

    def test_htmx_error_is_a_fragment_for_messages(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        response = client.get("/tasks/999999", headers={"HX-Request": "true"})
        assert response.status_code == 404
        assert response.headers["HX-Retarget"] == "#messages"
        assert "<html" not in response.text and "Không tìm thấy nhiệm vụ #999999." in response.text

    def test_htmx_error_goes_to_the_form_message_box(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        db.commit()  # the first refused request rolls back
        for target, expected in (("#msg-task-7", "#msg-task-7"), ("body", "#messages")):
            response = client.get(
                "/tasks/999999", headers={"HX-Request": "true", "X-Error-Target": target}
            )
            assert response.headers["HX-Retarget"] == expected

    def test_invalid_date_is_explained(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        response = client.get("/tasks?deadline_from=31/02/2025")
        assert response.status_code == 422
        assert "Hạn từ ngày không hợp lệ" in response.text
