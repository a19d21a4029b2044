"""Users, argon2 passwords, bearer tokens, cookie sessions with CSRF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from builders import PASSWORD, make_user
from sqlalchemy.orm import Session

from dxtrack.auth import passwords, service
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
    def test_an_old_hash_is_upgraded_at_login(self, db: Session):
        user = make_user(db, "dieuphoi")
        weak = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1).hash(PASSWORD)
        user.password_hash = weak
        db.flush()
        assert passwords.needs_rehash(weak)
        assert service.authenticate(db, username="dieuphoi", password=PASSWORD).id == user.id
        db.refresh(user)
        assert user.password_hash != weak and not passwords.needs_rehash(user.password_hash)
        assert service.authenticate(db, username="dieuphoi", password=PASSWORD).id == user.id

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
    def test_signed_cookie_and_csrf(self, db: Session, tmp_path: Path):
        settings = Settings(data_dir=tmp_path)
        user = make_user(db, "syt")
        value, data = make_session_cookie(db, settings, user.id)
        read = read_session_cookie(db, settings, value)
        assert read == data
        check_csrf(read, data.csrf)
        with pytest.raises(Forbidden):
            check_csrf(read, "gia-mao")

    def test_tampered_cookie_is_ignored(self, db: Session, tmp_path: Path):
        settings = Settings(data_dir=tmp_path)
        user = make_user(db, "syt")
        value, _ = make_session_cookie(db, settings, user.id)
        assert read_session_cookie(db, settings, value[:-2] + "xx") is None
        other = Settings(data_dir=tmp_path, secret_key="khac")
        assert read_session_cookie(db, other, value) is None


class TestSecretKey:
    def test_without_a_configured_key_the_data_directory_holds_a_random_one(self, tmp_path: Path):
        first = Settings(data_dir=tmp_path / "a", env="production")
        key = first.signing_key
        key_file = tmp_path / "a" / "secret.key"
        assert key_file.read_text().strip() == key and len(key) >= 32
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert Settings(data_dir=tmp_path / "b").signing_key != key

    def test_every_process_reads_the_same_key(self, tmp_path: Path):
        key = Settings(data_dir=tmp_path).signing_key
        script = "from dxtrack.config import Settings; print(Settings().signing_key)"
        env = os.environ | {"DXTRACK_DATA_DIR": str(tmp_path)}
        env.pop("DXTRACK_SECRET_KEY", None)
        other = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        assert other.stdout.strip() == key

    def test_a_cookie_signed_with_the_old_public_default_is_refused(
        self, db: Session, tmp_path: Path
    ):
        user = make_user(db, "quantri")
        public = Settings(data_dir=tmp_path, secret_key="dev-secret-change-me")
        forged, _ = make_session_cookie(db, public, user.id)
        assert read_session_cookie(db, public, forged) is not None  # a real session row
        assert read_session_cookie(db, Settings(data_dir=tmp_path), forged) is None

    def test_a_configured_key_wins(self, tmp_path: Path):
        settings = Settings(data_dir=tmp_path, secret_key="k" * 40)
        assert settings.signing_key == "k" * 40 and not (tmp_path / "secret.key").exists()
