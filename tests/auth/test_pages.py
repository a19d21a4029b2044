"""Login, logout, CSRF, role-aware navigation and page errors."""

from __future__ import annotations

import httpx
from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from pagehelp import html, login_token, page_login, page_session, texts
from sqlalchemy.orm import Session

from dxtrack.auth.sessions import COOKIE_NAME, LOGIN_COOKIE_NAME, make_login_cookie

LOGIN_EXPIRED = "Biểu mẫu đăng nhập đã hết hạn hoặc không hợp lệ."


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
        form = {
            "username": "dieuphoi",
            "password": "sai-mat-khau",
            "csrf_token": login_token(client),
        }
        response = client.post("/login", data=form)
        assert response.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.text
        assert html(response.text).xpath("//input[@id='username']/@value") == ["dieuphoi"]

    def test_login_returns_to_next(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = client.post(
            "/login",
            data={
                "username": "lanhdao",
                "password": PASSWORD,
                "next": "/tasks",
                "csrf_token": login_token(client),
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == "/tasks"

    def test_next_cannot_leave_the_site(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = client.post(
            "/login",
            data={
                "username": "lanhdao",
                "password": PASSWORD,
                "next": "//evil.example",
                "csrf_token": login_token(client),
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


class TestLoginCsrf:
    """Login CSRF: the form's token must match the signed pre-session cookie."""

    def _post(self, client: TestClient, token: str | None, **extra: str) -> httpx.Response:
        form = {"username": "lanhdao", "password": PASSWORD, "next": "/tasks", **extra}
        if token is not None:
            form["csrf_token"] = token
        return client.post("/login", data=form, follow_redirects=False)

    def _refused(self, response: httpx.Response) -> None:
        assert response.status_code == 403
        assert LOGIN_EXPIRED in response.text
        page = html(response.text)
        assert page.xpath("//input[@id='username']/@value") == ["lanhdao"]
        assert page.xpath("//input[@name='next']/@value") == ["/tasks"]
        assert COOKIE_NAME not in response.cookies

    def test_form_sets_cookie_and_hidden_field(self, client: TestClient):
        response = client.get("/login")
        cookie = response.headers["set-cookie"]
        assert cookie.startswith(f"{LOGIN_COOKIE_NAME}=")
        assert "Path=/login" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        token = html(response.text).xpath(
            "//form[@action='/login']//input[@name='csrf_token']/@value"
        )
        assert len(token) == 1 and len(token[0]) >= 24
        assert token[0] not in cookie  # the cookie holds the signed token, not a bare copy

    def test_token_stays_the_same_across_tabs(self, client: TestClient):
        assert login_token(client) == login_token(client)

    def test_missing_token_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        login_token(client)  # the cookie is there, the field is not
        self._refused(self._post(client, None))

    def test_wrong_token_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        token = login_token(client)
        self._refused(self._post(client, token[:-1] + ("A" if token[-1] != "A" else "B")))

    def test_non_ascii_token_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        login_token(client)
        self._refused(self._post(client, "mã-giả"))

    def test_missing_cookie_refused(self, client: TestClient, db: Session):
        """The attacker's page posts a token but the victim's browser has no matching cookie."""
        make_user(db, "lanhdao")
        token = login_token(client)
        client.cookies.clear()
        self._refused(self._post(client, token))

    def test_forged_cookie_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        client.cookies.set(LOGIN_COOKIE_NAME, "attacker-token.sig", path="/login")
        self._refused(self._post(client, "attacker-token"))

    def test_cookie_signed_with_another_key_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        settings = client.app.state.settings  # type: ignore[attr-defined]
        other = settings.model_copy(update={"secret_key": "another-secret"})
        value, token = make_login_cookie(other)
        client.cookies.set(LOGIN_COOKIE_NAME, value, path="/login")
        self._refused(self._post(client, token))

    def test_refusal_gives_a_working_form(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        refused = self._post(client, "sai")
        assert refused.status_code == 403
        token = html(refused.text).xpath("//input[@name='csrf_token']/@value")[0]
        response = self._post(client, token)
        assert response.status_code == 303 and response.headers["location"] == "/tasks"

    def test_success_clears_login_cookie(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = self._post(client, login_token(client))
        assert response.status_code == 303
        assert COOKIE_NAME in response.cookies
        cleared = [
            h for h in response.headers.get_list("set-cookie") if h.startswith(LOGIN_COOKIE_NAME)
        ]
        assert len(cleared) == 1 and "Max-Age=0" in cleared[0]

    def test_api_token_login_needs_no_form_token(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        response = client.post(
            "/api/v1/auth/token", json={"username": "lanhdao", "password": PASSWORD}
        )
        assert response.status_code == 200 and response.json()["token"]


class TestLogout:
    def test_logout_needs_csrf(self, client: TestClient, db: Session):
        page_login(client, db, "lanhdao")
        response = client.post("/logout", data={"csrf_token": "wrong"})
        assert response.status_code == 403
        assert "Phiên biểu mẫu đã hết hạn" in response.text

    def test_logout_non_ascii_csrf_is_403_not_500(self, client: TestClient, db: Session):
        page_login(client, db, "lanhdao")
        response = client.post("/logout", data={"csrf_token": "mã-giả"})
        assert response.status_code == 403

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
