"""Users, argon2 passwords, bearer tokens, cookie sessions with CSRF."""

from __future__ import annotations

import pytest
from builders import PASSWORD, make_user
from sqlalchemy.orm import Session

from dxtrack.auth import service
from dxtrack.auth.models import Role
from dxtrack.auth.sessions import check_csrf, make_session_cookie, read_session_cookie
from dxtrack.config import Settings
from dxtrack.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized


class TestCreateUser:
    def test_password_is_hashed_with_argon2(self, db: Session):
        user = make_user(db, "dieuphoi")
        assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash

    def test_officer_needs_an_agency(self, db: Session):
        with pytest.raises(Invalid):
            make_user(db, role=Role.officer, agency_code=None)

    def test_unknown_agency(self, db: Session):
        with pytest.raises(NotFound):
            make_user(db, role=Role.officer, agency_code="khong-co")

    def test_duplicate_username(self, db: Session):
        make_user(db, "dieuphoi")
        with pytest.raises(Conflict):
            make_user(db, username="dieuphoi", role=Role.viewer)

    def test_short_password(self, db: Session):
        with pytest.raises(Invalid):
            make_user(db, password="ngan")


class TestAuthenticate:
    def test_right_and_wrong_password(self, db: Session):
        make_user(db, "dieuphoi")
        assert service.authenticate(db, username="dieuphoi", password=PASSWORD).username == (
            "dieuphoi"
        )
        with pytest.raises(Unauthorized):
            service.authenticate(db, username="dieuphoi", password="sai-mat-khau")

    def test_token_round_trip(self, db: Session):
        user = make_user(db, "syt")
        token = service.issue_token(db, user=user)
        assert service.user_for_token(db, token).id == user.id
        with pytest.raises(Unauthorized):
            service.user_for_token(db, token + "x")


class TestCookieSession:
    def test_signed_cookie_and_csrf(self):
        settings = Settings()
        value, data = make_session_cookie(settings, 42)
        read = read_session_cookie(settings, value)
        assert read == data
        check_csrf(read, data.csrf)
        with pytest.raises(Forbidden):
            check_csrf(read, "gia-mao")

    def test_tampered_cookie_is_ignored(self):
        settings = Settings()
        value, _ = make_session_cookie(settings, 42)
        assert read_session_cookie(settings, value[:-2] + "xx") is None
        other = Settings(secret_key="khac")
        assert read_session_cookie(other, value) is None


class TestSettings:
    def test_default_secret_refused_in_production(self):
        with pytest.raises(ValueError):
            Settings(env="production")
