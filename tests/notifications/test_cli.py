"""`dxtrack notify run --at DATE --json` and `users add --email` on a fresh database."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings
from notifications.conftest import smtp_server

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
runner = CliRunner()


def run(settings: Settings, *args: str, input: str | None = None) -> str:
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    assert result.exit_code == 0, result.output
    return result.stdout


def add_user(settings: Settings, name: str, *extra: str) -> None:
    run(settings, "users", "add", name, *extra, "--password-stdin", input="mat-khau-dai\n")


@pytest.fixture
def loaded(fresh_settings: Settings) -> tuple[Settings, str, date]:
    """Seed 003 ingested and confirmed; an officer with e-mail for the first dated agency."""
    run(fresh_settings, "init")
    add_user(fresh_settings, "dieuphoi", "--role", "coordinator")
    run(fresh_settings, "ingest", str(SEED), "--confirm", "--as", "dieuphoi")
    tasks = json.loads(run(fresh_settings, "tasks", "list", "--json"))
    dated = [t for t in tasks if t["deadline"] and t["assignments"]]
    task = min(dated, key=lambda t: t["deadline"])
    agency = task["assignments"][0]["agency"]
    add_user(
        fresh_settings,
        "canbo",
        "--role",
        "officer",
        "--agency",
        agency,
        "--email",
        "canbo@angiang.gov.vn",
    )
    return fresh_settings, agency, date.fromisoformat(task["deadline"])


class TestNotifyRun:
    def test_json_contract_and_second_run(self, loaded, monkeypatch: pytest.MonkeyPatch):
        settings, _agency, deadline = loaded
        with smtp_server() as (handler, port):
            monkeypatch.setenv("DXTRACK_SMTP_HOST", "127.0.0.1")
            monkeypatch.setenv("DXTRACK_SMTP_PORT", str(port))
            at = (deadline - timedelta(days=7)).isoformat()
            first = json.loads(run(settings, "notify", "run", "--at", at, "--json"))
            assert first == {"sent": 1, "skipped_already_sent": 0, "failed": 0}
            again = json.loads(run(settings, "notify", "run", "--at", at, "--json"))
            assert again == {"sent": 0, "skipped_already_sent": 1, "failed": 0}
        assert [r.recipients for r in handler.received] == [["canbo@angiang.gov.vn"]]

    def test_dry_run_without_smtp(self, loaded):
        settings, _agency, deadline = loaded
        at = (deadline - timedelta(days=7)).isoformat()
        out = json.loads(run(settings, "notify", "run", "--at", at, "--dry-run", "--json"))
        assert out == {"sent": 0, "skipped_already_sent": 0, "failed": 0}

    def test_reminder_letter(self, loaded, tmp_path: Path):
        settings, agency, deadline = loaded
        out = tmp_path / "cv.docx"
        at = (deadline + timedelta(days=3)).isoformat()
        run(
            settings,
            "notify",
            "letter",
            "--agency",
            agency,
            "--as",
            "dieuphoi",
            "--at",
            at,
            "--out",
            str(out),
        )
        from docx import Document

        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
        assert "Kính gửi:" in text and "quá thời hạn" in text
