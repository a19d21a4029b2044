"""Issue 16.1 and 16.2: login throttling with a lock an admin can lift, logins audited;
server-side sessions that logout, disabling, a password change, sign-out-everywhere and idle
time end at once; API tokens listed and revocable."""

from __future__ import annotations

from datetime import timedelta

from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from pagehelp import csrf_token, html, login_token, page_login
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.auth.models import LoginFailure, UserSession
from dxtrack.auth.sessions import COOKIE_NAME

TOKEN = "/api/v1/auth/token"


def token_login(client: TestClient, username: str, password: str):
    return client.post(TOKEN, json={"username": username, "password": password})


def age_failures(db: Session, minutes: float) -> None:
    """Move the clock: every failure happened `minutes` earlier."""
    for row in db.scalars(select(LoginFailure)):
        row.at -= timedelta(minutes=minutes)
    db.flush()


def actions(db: Session, action: str) -> list[AuditEntry]:
    return list(db.scalars(select(AuditEntry).where(AuditEntry.action == action)))


class TestThrottle:
    def test_growing_delays_then_a_lock_the_admin_lifts(self, client: TestClient, db: Session):
        make_user(db, "syt")
        for _ in range(5):
            assert token_login(client, "syt", "sai-mat-khau").status_code == 401
        waited = token_login(client, "syt", "sai-mat-khau")
        assert waited.status_code == 429 and int(waited.headers["Retry-After"]) >= 1
        assert waited.json()["error"] == "too_many_attempts"
        assert "chờ" in waited.json()["detail"]
        for _ in range(5):  # each failure doubles the wait; here the clock moves past it
            age_failures(db, 1)
            assert token_login(client, "syt", "sai-mat-khau").status_code == 401
        locked = token_login(client, "syt", PASSWORD)  # even the right password
        assert locked.status_code == 429
        assert 800 < int(locked.headers["Retry-After"]) <= 901
        assert "tạm bị khóa" in locked.json()["detail"]
        assert len(actions(db, "user.login_failed")) == 10
        assert actions(db, "user.login_refused")

        admin = client.post(TOKEN, json={"username": "quantri", "password": PASSWORD})
        assert admin.status_code == 401  # no such user yet
        make_user(db, "quantri")
        page_login(client, db, "quantri")
        page = client.get("/admin/users/syt")
        assert "Đăng nhập đang tạm khóa" in page.text
        unlocked = client.post(
            "/admin/users/syt/unlock", data={"csrf_token": csrf_token(page.text)}
        )
        assert unlocked.status_code == 200 and "Đã mở khóa đăng nhập" in unlocked.text
        assert token_login(client, "syt", PASSWORD).status_code == 200
        assert actions(db, "user.login") and actions(db, "user.unlock")

    def test_lock_ends_with_the_window(self, client: TestClient, db: Session):
        make_user(db, "syt")
        for _ in range(10):
            age_failures(db, 1)
            token_login(client, "syt", "sai")
        assert token_login(client, "syt", PASSWORD).status_code == 429
        age_failures(db, 16)
        assert token_login(client, "syt", PASSWORD).status_code == 200

    def test_per_address(self, client: TestClient, db: Session):
        make_user(db, "cat")
        for n in range(20):  # twenty different names from one address
            age_failures(db, 0.5)
            token_login(client, f"khong-co-{n}", "sai")
        assert token_login(client, "cat", PASSWORD).status_code == 429

    def test_login_page_says_it_in_vietnamese(self, client: TestClient, db: Session):
        make_user(db, "syt")
        for _ in range(10):
            age_failures(db, 1)
            client.post(
                "/login",
                data={"username": "syt", "password": "sai", "csrf_token": login_token(client)},
            )
        response = client.post(
            "/login",
            data={"username": "syt", "password": PASSWORD, "csrf_token": login_token(client)},
        )
        assert response.status_code == 429 and "Retry-After" in response.headers
        assert "thử lại sau" in response.text and COOKIE_NAME not in response.cookies


def sign_in(client: TestClient, username: str) -> str:
    response = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": login_token(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.cookies[COOKIE_NAME]


def opens(client: TestClient, cookie: str) -> bool:
    client.cookies.clear()
    client.cookies.set(COOKIE_NAME, cookie)
    return client.get("/tasks", follow_redirects=False).status_code == 200


class TestSessions:
    def test_logout_ends_a_copied_cookie(self, client: TestClient, db: Session):
        make_user(db, "syt")
        cookie = sign_in(client, "syt")
        assert opens(client, cookie)
        token = csrf_token(client.get("/tasks").text)
        client.post("/logout", data={"csrf_token": token})
        assert not opens(client, cookie)  # the copy kept by an attacker is dead too
        assert actions(db, "user.logout")

    def test_sign_out_everywhere(self, client: TestClient, db: Session):
        make_user(db, "syt")
        laptop, phone = sign_in(client, "syt"), sign_in(client, "syt")
        assert opens(client, phone)
        token = csrf_token(client.get("/tasks").text)
        client.post("/logout", data={"csrf_token": token, "everywhere": "1"})
        assert not opens(client, laptop) and not opens(client, phone)

    def test_disable_and_password_change_end_sessions_and_tokens(
        self, client: TestClient, db: Session
    ):
        make_user(db, "syt")
        make_user(db, "cat")
        officer = sign_in(client, "syt")
        api = token_login(client, "syt", PASSWORD).json()["token"]
        other = sign_in(client, "cat")
        make_user(db, "quantri")
        admin_cookie = sign_in(client, "quantri")
        assert opens(client, admin_cookie)
        page = client.get("/admin/users/syt")
        assert page.text.count("Kết thúc") >= 1 and "Thu hồi" in page.text
        token = csrf_token(page.text)
        client.post("/admin/users/syt/active", data={"csrf_token": token, "active": "0"})
        assert not opens(client, officer)
        bearer = {"Authorization": f"Bearer {api}"}
        assert client.get("/api/v1/auth/me", headers=bearer).status_code == 401
        assert opens(client, admin_cookie)
        client.post("/admin/users/syt/active", data={"csrf_token": token, "active": "1"})
        assert not opens(client, officer)  # enabling again does not revive old sessions
        assert opens(client, other)
        assert opens(client, admin_cookie)
        client.post(
            "/admin/users/cat/password", data={"csrf_token": token, "password": "moi-12345678"}
        )
        assert not opens(client, other)
        assert opens(client, admin_cookie)

    def test_idle_timeout(self, client: TestClient, db: Session):
        make_user(db, "syt")
        cookie = sign_in(client, "syt")
        assert opens(client, cookie)
        for row in db.scalars(select(UserSession)):
            row.last_seen_at -= timedelta(minutes=61)
        db.flush()
        assert not opens(client, cookie)

    def test_admin_ends_one_session_and_revokes_a_token(self, client: TestClient, db: Session):
        make_user(db, "syt")
        first, second = sign_in(client, "syt"), sign_in(client, "syt")
        api = token_login(client, "syt", PASSWORD).json()["token"]
        make_user(db, "quantri")
        assert opens(client, sign_in(client, "quantri"))
        page = client.get("/admin/users/syt")
        rows = html(page.text).xpath("//input[@name='session_id']/@value")
        assert len(rows) == 2
        token = csrf_token(page.text)
        client.post(
            "/admin/users/syt/sessions/end", data={"csrf_token": token, "session_id": rows[-1]}
        )
        assert opens(client, second) != opens(client, first)  # exactly one of the two ended
        client.cookies.clear()
        page_login(client, db, "quantri")
        page = client.get("/admin/users/syt")
        (revoke,) = html(page.text).xpath("//form[contains(@action, '/tokens/')]/@action")
        client.post(revoke, data={"csrf_token": csrf_token(page.text)})
        bearer = {"Authorization": f"Bearer {api}"}
        assert client.get("/api/v1/auth/me", headers=bearer).status_code == 401


class TestActivity:
    def test_a_read_notes_activity_without_waiting_for_writers(self, fresh_settings):
        from sqlalchemy import event, text
        from sqlalchemy.engine import Engine

        from dxtrack.auth.sessions import make_session_cookie, read_session_cookie
        from dxtrack.bootstrap import initialise
        from dxtrack.db import get_engine

        initialise(fresh_settings)
        engine = get_engine(fresh_settings)
        with Session(engine) as db:
            user = make_user(db, "syt")
            user_id = user.id
            value, data = make_session_cookie(db, fresh_settings, user.id)
            row = db.get(UserSession, data.session_id)
            row.last_seen_at -= timedelta(minutes=10)
            db.commit()
            before = row.last_seen_at
        with Session(engine) as db:
            assert read_session_cookie(db, fresh_settings, value) is not None
            db.commit()
        with Session(engine) as db:
            noted = db.get(UserSession, data.session_id).last_seen_at
        assert noted > before + timedelta(minutes=9)
        if engine.dialect.name != "sqlite":
            return
        with Session(engine) as db:  # while a writer holds the database, nothing waits
            row = db.get(UserSession, data.session_id)
            row.last_seen_at -= timedelta(minutes=10)
            db.commit()
        writer = engine.connect().execution_options(sqlite_begin="IMMEDIATE")
        writer.begin()
        writer.execute(text("UPDATE users SET full_name = 'x' WHERE id = :id"), {"id": user_id})
        waits: list[int] = []  # busy_timeout (ms) of each connection that notes the activity

        @event.listens_for(Engine, "before_cursor_execute")
        def note(_conn, cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith("UPDATE USER_SESSIONS"):
                waits.append(cursor.connection.execute("PRAGMA busy_timeout").fetchone()[0])

        try:
            with Session(engine) as db:
                assert read_session_cookie(db, fresh_settings, value) is not None
        finally:
            event.remove(Engine, "before_cursor_execute", note)
            writer.rollback()
            writer.close()
        assert waits == [0]  # tried once, without waiting (the app's connections wait up to 10 s)
        with Session(engine) as db:  # and skipped: the next request notes it
            assert db.get(UserSession, data.session_id).last_seen_at < noted
