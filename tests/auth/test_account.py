"""A user changes their own password from the web UI (admins' locks and resets: accounts)."""

from __future__ import annotations

import pytest
from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from pagehelp import html, page_session
from sqlalchemy.orm import Session

from dxtrack.auth.account import change_password
from dxtrack.auth.service import authenticate
from dxtrack.errors import Invalid

NEW = "mat-khau-moi-1"


class TestChangeOwnPassword:
    def test_current_password_and_confirmation_are_checked(self, db: Session):
        user = make_user(db, "syt")
        with pytest.raises(Invalid, match="hiện tại không đúng"):
            change_password(db, user=user, current="sai", new=NEW, confirm=NEW, session_id=None)
        with pytest.raises(Invalid, match="không khớp"):
            change_password(
                db, user=user, current=PASSWORD, new=NEW, confirm="khac-1", session_id=None
            )
        change_password(db, user=user, current=PASSWORD, new=NEW, confirm=NEW, session_id=None)
        assert authenticate(db, username="syt", password=NEW).id == user.id

    def test_page_from_the_users_name(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "syt")
        assert html(client.get("/").text).xpath("//a[@href='/account']")
        form = {"csrf_token": csrf, "current": PASSWORD, "new": NEW, "confirm": NEW}
        response = client.post("/account/password", data=form)
        assert response.status_code == 200 and "Đã đổi mật khẩu." in response.text
        assert client.get("/account").status_code == 200  # the own session stays
