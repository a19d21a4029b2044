"""Own password change; an admin locks, unlocks and resets accounts from the web UI."""

from __future__ import annotations

import pytest
from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session

from dxtrack.auth import account
from dxtrack.auth.service import authenticate
from dxtrack.errors import Invalid, Unauthorized


class TestChangePassword:
    def test_service_checks_current_and_confirmation(self, db: Session):
        user = make_user(db, "syt")
        with pytest.raises(Invalid, match="hiện tại không đúng"):
            account.change_password(
                db, user=user, current="sai", new="mat-khau-moi-1", confirm="mat-khau-moi-1"
            )
        with pytest.raises(Invalid, match="không khớp"):
            account.change_password(
                db, user=user, current=PASSWORD, new="mat-khau-moi-1", confirm="khac-han-1"
            )
        account.change_password(
            db, user=user, current=PASSWORD, new="mat-khau-moi-1", confirm="mat-khau-moi-1"
        )
        assert authenticate(db, username="syt", password="mat-khau-moi-1").id == user.id

    def test_page(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "syt")
        assert html(client.get("/").text).xpath("//a[@href='/account']")
        form = {
            "csrf_token": csrf,
            "current": PASSWORD,
            "new": "mat-khau-moi-1",
            "confirm": "mat-khau-moi-1",
        }
        response = client.post("/account/password", data=form)
        assert response.status_code == 200 and "Đã đổi mật khẩu." in response.text


class TestAdminLocksAndResets:
    def test_lock_unlock_reset(self, client: TestClient, db: Session):
        target = make_user(db, "cat")
        csrf = page_session(client, db, "quantri")
        locked = client.post("/admin/users/cat/lock", data={"csrf_token": csrf})
        assert locked.status_code == 200 and "Đã khóa tài khoản «cat»" in locked.text
        with pytest.raises(Unauthorized):
            authenticate(db, username="cat", password=PASSWORD)
        client.post("/admin/users/cat/unlock", data={"csrf_token": csrf})
        assert target.active
        reset = client.post("/admin/users/cat/reset-password", data={"csrf_token": csrf})
        (password,) = texts(reset.text, "//*[@data-testid='reset-password']/code")
        assert authenticate(db, username="cat", password=password).id == target.id

    def test_admin_cannot_lock_self_and_others_cannot_lock(self, client: TestClient, db: Session):
        admin = make_user(db, "quantri")
        with pytest.raises(Invalid):
            account.set_active(db, username="quantri", active=False, actor=admin)
        make_user(db, "cat")
        csrf = page_session(client, db, "dieuphoi")
        db.commit()
        assert client.post("/admin/users/cat/lock", data={"csrf_token": csrf}).status_code == 403
