"""Settings from DXTRACK_* environment variables (and CLI options), one object.

Every field here is documented in README.md (tests/test_docs.py checks it).
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from dxtrack import vn

KEY_FILE = "secret.key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DXTRACK_", extra="ignore")

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("./data")
    database_url: str | None = None
    # Empty: the random key in the data directory (`secret.key`, written by `dxtrack init`).
    secret_key: str = ""
    backup_key: str = ""  # signs backup manifests (backup/crypto.py); kept apart from backups
    due_soon_days: int = Field(default=7, ge=0, le=365)
    max_upload_mb: int = Field(default=20, ge=1, le=1024)
    max_request_mb: int = Field(default=100, ge=1, le=4096)  # a whole request body (web/guards.py)
    token_ttl_days: int = Field(default=30, ge=1)
    session_max_age_hours: int = Field(default=12, ge=1)
    session_idle_minutes: int = Field(default=60, ge=5)
    login_max_failures: int = Field(default=10, ge=2)
    login_lock_minutes: int = Field(default=15, ge=1)
    cookie_secure: bool = False
    host: str = "127.0.0.1"
    # The server's log level (CLI commands log warnings and errors unless this is set).
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Requests handled at once by the worker threads; the database pool holds as many connections.
    threads: int = Field(default=16, ge=1, le=200)
    # The province's time zone: what "today" means for statuses, reports and reminders.
    timezone: str = vn.DEFAULT_TIMEZONE
    port: int = 8000
    # Periodic reports (Decree 30/2020/NĐ-CP letterhead and signature block).
    report_issuer: str = "Sở Khoa học và Công nghệ"
    report_issuer_parent: str = "UBND tỉnh An Giang"
    report_symbol: str = "SKHCN"
    report_place: str = "An Giang"
    report_signer_authority: str = "KT. GIÁM ĐỐC"
    report_signer_title: str = "PHÓ GIÁM ĐỐC"
    report_signer_name: str = ""
    report_recipients: str = "Ủy ban nhân dân tỉnh;Bộ Khoa học và Công nghệ;Các sở, ban, ngành tỉnh"
    # Notifications: links in e-mails, and SMTP (nothing is sent while smtp_host is empty).
    base_url: str = "http://127.0.0.1:8000"
    smtp_host: str = ""
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = "dxtrack@localhost"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_tls: Literal["none", "starttls", "ssl"] = "none"
    smtp_ca_file: Path | None = None
    # Background jobs (jobs/): the server's worker thread, the lease a killed worker's job
    # waits out before another worker takes it, and when an import becomes a job.
    worker_in_server: bool = True
    job_lease_seconds: int = Field(default=60, ge=2, le=3600)
    job_row_threshold: int = Field(default=2000, ge=0)
    job_batch_rows: int = Field(default=500, ge=1)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r} (an IANA name such as Asia/Ho_Chi_Minh)"
            ) from exc
        return value

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'dxtrack.sqlite3').resolve()}"

    @property
    def key_file(self) -> Path:
        return self.data_dir / KEY_FILE

    @property
    def signing_key(self) -> str:
        """The key that signs sessions and CSRF tokens: `DXTRACK_SECRET_KEY` when set, else the
        data directory's random key (created once, then read by every process)."""
        return self.secret_key or data_dir_key(self.key_file)

    @property
    def originals_dir(self) -> Path:
        return self.data_dir / "originals"

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def jobs_dir(self) -> Path:
        return self.data_dir / "jobs"

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024


_current: Settings | None = None
_keys: dict[Path, str] = {}


def data_dir_key(path: Path) -> str:
    """The random key stored at `path`, written first (mode 0600) when there is none yet.

    Created with O_EXCL, so two processes starting together end up with the same key."""
    path = path.resolve()
    if path not in _keys:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(handle, "w") as file:
                file.write(secrets.token_urlsafe(48) + "\n")
        key = path.read_text().strip()
        if len(key) < 32:
            raise ValueError(f"{path}: the secret key is too short (at least 32 characters)")
        _keys[path] = key
    return _keys[path]


@lru_cache(maxsize=1)
def _from_env() -> Settings:
    return Settings()


def get_settings() -> Settings:
    """The settings in force: those set by `use_settings()` (CLI, tests), else the environment."""
    return _current if _current is not None else _from_env()


def use_settings(settings: Settings | None) -> None:
    """Install `settings` as the current settings (None goes back to the environment)."""
    global _current
    _current = settings
    vn.set_timezone((settings or _from_env()).timezone)
