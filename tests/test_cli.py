"""The CLI's machine-readable contract (issue 3), on a fresh database of each backend."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import time_machine
from builders import minimal_pdf
from typer.testing import CliRunner

from dxtrack.cli import app, is_loopback
from dxtrack.config import Settings
from dxtrack.tasks.status import Status

SEED = Path(__file__).parents[1] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
runner = CliRunner()


def run(settings: Settings, *args: str, input: str | None = None, ok: bool = True):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def ready(fresh_settings: Settings) -> Settings:
    run(fresh_settings, "init")
    for name, role, agency in (
        ("dieuphoi", "coordinator", None),
        ("syt", "officer", "so-y-te"),
        ("cat", "officer", "cong-an-tinh"),
    ):
        extra = ["--agency", agency] if agency else []
        run(
            fresh_settings,
            "users",
            "add",
            name,
            "--role",
            role,
            *extra,
            "--password-stdin",
            input="mat-khau-dai\n",
        )
    return fresh_settings


class TestInit:
    def test_upgrade_keeps_data(self, ready: Settings):
        result = run(ready, "init")
        assert "Đã nạp" not in result.output
        users = json.loads(run(ready, "users", "list").output)
        assert {u["username"] for u in users} == {"dieuphoi", "syt", "cat"}

    def test_agencies_list_json(self, ready: Settings):
        rows = json.loads(run(ready, "agencies", "list", "--json").output)
        assert len(rows) == 124 and rows[0]["code"] == "ubnd-tinh"


class TestUsersAdd:
    def test_password_from_stdin_required(self, ready: Settings):
        result = run(ready, "users", "add", "x", "--role", "viewer", ok=False)
        assert result.exit_code != 0

    def test_officer_without_agency_refused(self, ready: Settings):
        result = run(
            ready,
            "users",
            "add",
            "x",
            "--role",
            "officer",
            "--password-stdin",
            input="mat-khau-dai\n",
            ok=False,
        )
        assert result.exit_code != 0 and "cơ quan" in result.output


class TestServe:
    def test_init_writes_the_data_directorys_key(self, fresh_settings: Settings):
        run(fresh_settings, "init")
        key = (fresh_settings.data_dir / "secret.key").read_text().strip()
        assert len(key) >= 32 and fresh_settings.signing_key == key

    @pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "dx.angiang.gov.vn"])
    def test_development_refuses_a_network_address(self, fresh_settings: Settings, host: str):
        result = run(fresh_settings, "serve", "--host", host, ok=False)
        assert result.exit_code == 6
        assert "DXTRACK_ENV=production" in result.output and host in result.output

    def test_loopback_addresses(self):
        assert all(map(is_loopback, ["127.0.0.1", "::1", "localhost", "127.0.0.2"]))
        assert not any(map(is_loopback, ["0.0.0.0", "10.0.0.1", "::", "example.org"]))


class TestStartup:
    """A command that serves nothing and draws nothing starts without the web stack, charts,
    spreadsheets, image processing or alembic: `dxtrack --help` and `dxtrack extract` at a
    terminal, a cron `dxtrack notify`, the before-stop checks. Imported in a fresh interpreter."""

    HEAVY = ("fastapi", "uvicorn", "jinja2", "matplotlib", "openpyxl", "numpy", "PIL", "alembic")

    def test_cli_import_leaves_heavy_libraries_out(self):
        probe = (
            "import sys, dxtrack.cli; "
            f"print(' '.join(m for m in {self.HEAVY!r} if m in sys.modules))"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == ""

    def test_help_lists_every_domain(self):
        result = runner.invoke(app, ["--help"])
        assert result.exit_code == 0
        for name in ("serve", "extract", "agencies", "tasks", "report", "backup"):
            assert name in result.output


class TestIngestAndReport:
    def test_contract(self, ready: Settings, tmp_path: Path):
        run(ready, "ingest", str(SEED), "--confirm")
        again = run(ready, "ingest", str(SEED), "--confirm", "--json")
        assert json.loads(again.output)[0]["duplicate"] is True

        tasks = json.loads(run(ready, "tasks", "list", "--json", "--at", "2025-12-09").output)
        assert tasks and set(tasks[0]) >= {
            "id",
            "document",
            "clause",
            "summary",
            "deadline",
            "recurrence",
            "assignments",
        }
        police = next(t for t in tasks if t["clause"] == "4")
        (assignment,) = police["assignments"]
        assert (assignment["agency"], assignment["role"], assignment["status"]) == (
            "cong-an-tinh",
            "lead",
            "due_soon",
        )

        refused = run(
            ready,
            "progress",
            "add",
            "--assignment",
            str(assignment["id"]),
            "--as",
            "syt",
            "--state",
            "done",
            ok=False,
        )
        assert refused.exit_code != 0
        evidence = tmp_path / "bien-ban.pdf"
        evidence.write_bytes(minimal_pdf())
        run(
            ready,
            "progress",
            "add",
            "--assignment",
            str(assignment["id"]),
            "--as",
            "cat",
            "--state",
            "done",
            "--completed-on",
            "2025-12-08",
            "--note",
            "Đã báo cáo Bộ",
            "--evidence",
            str(evidence),
        )

        status = json.loads(run(ready, "status", "--at", "2025-12-11", "--json").output)
        assert status["at"] == "2025-12-11"
        assert set(status["totals"]) == {s.value for s in Status}
        row = next(r for r in status["agencies"] if r["code"] == "cong-an-tinh")
        assert row["done_on_time"] == 1 and {s.value for s in Status} <= set(row)
        assert {"code", "name", "assigned", "on_time_rate"} <= set(row)

    def test_today_is_the_provinces_date(self, ready: Settings):
        """At 23:30 UTC it is 06:30 the next day in Vietnam: statuses use Vietnam's date."""
        run(ready, "ingest", str(SEED), "--confirm")
        tasks = json.loads(run(ready, "tasks", "list", "--json", "--at", "2025-12-09").output)
        police = next(t for t in tasks if t["clause"] == "4")
        deadline = date.fromisoformat(police["deadline"])

        def police_now(hour: int, minute: int) -> tuple[dict, str]:
            moment = datetime.combine(deadline, time(hour, minute), tzinfo=UTC)
            with time_machine.travel(moment, tick=False):
                status = json.loads(run(ready, "status", "--json").output)
                listed = json.loads(run(ready, "tasks", "list", "--json").output)
            task = next(t for t in listed if t["clause"] == "4")
            return status, task["assignments"][0]["status"]

        evening, before = police_now(16, 30)  # 23:30 in Vietnam: still the deadline day
        assert evening["at"] == deadline.isoformat() and before == "due_soon"
        night, after = police_now(23, 30)  # 06:30 the next day in Vietnam
        assert night["at"] == (deadline + timedelta(days=1)).isoformat() and after == "overdue"
        police_rows = [
            next(r for r in report["agencies"] if r["code"] == "cong-an-tinh")
            for report in (evening, night)
        ]
        assert police_rows[1]["overdue"] == police_rows[0]["overdue"] + 1

    def test_unknown_file_type_fails_cleanly(self, ready: Settings, tmp_path: Path):
        path = tmp_path / "rong.pdf"
        path.write_bytes(b"%PDF-1.4 broken")
        result = run(ready, "ingest", str(path), ok=False)
        assert result.exit_code != 0


class TestIngestSeveral:
    """One bad file is reported and skipped; the others are stored; the exit code says so."""

    def test_bad_file_does_not_stop_the_others(self, ready: Settings, tmp_path: Path):
        broken = tmp_path / "hong.pdf"
        broken.write_bytes(b"%PDF-1.4 broken")
        other = SEED.parent / "001_e3002b4f3bcaeaf1.txt"
        result = run(ready, "ingest", str(SEED), str(broken), str(other), "--json", ok=False)
        assert result.exit_code == 6
        items = json.loads(result.stdout)
        assert [i["status"] for i in items] == ["created", "failed", "created"]
        assert items[1]["error"] == "extraction_failed" and "hong.pdf" in items[1]["detail"]
        assert "Không nhập được 1/3 tệp." in result.stderr
        again = json.loads(run(ready, "ingest", str(other), str(SEED), "--json").stdout)
        assert [(i["status"], i["document_id"]) for i in again] == [
            ("duplicate", items[2]["document_id"]),
            ("duplicate", items[0]["document_id"]),
        ]

    def test_text_output_names_the_failed_file(self, ready: Settings, tmp_path: Path):
        empty = tmp_path / "rong.txt"
        empty.write_bytes(b"")
        result = run(ready, "ingest", str(empty), str(SEED), ok=False)
        assert result.exit_code == 6
        assert "Đã nhập:" in result.stdout
        assert f"Không nhập được: {empty}" in " ".join(result.stderr.split())

    def test_unknown_actor_stops_before_any_file(self, ready: Settings):
        result = run(ready, "ingest", str(SEED), "--as", "khong-co", ok=False)
        assert result.exit_code == 4
        assert result.stdout == ""
        again = json.loads(run(ready, "ingest", str(SEED), "--json").stdout)
        assert again[0]["status"] == "created"

    def test_officer_cannot_ingest(self, ready: Settings):
        result = run(ready, "ingest", str(SEED), "--as", "syt", ok=False)
        assert result.exit_code == 3


class TestAgenciesImport:
    def test_csv(self, ready: Settings, tmp_path: Path):
        path = tmp_path / "moi.csv"
        path.write_text("code,name,kind\nso-moi,Sở Mới,department\n", encoding="utf-8")
        result = run(ready, "agencies", "import", str(path))
        assert "1 cơ quan mới" in result.output


class TestUninitialisedDatabase:
    def test_clear_message(self, fresh_settings: Settings):
        result = run(fresh_settings, "tasks", "list", "--json", ok=False)
        assert result.exit_code == 1 and "dxtrack init" in result.output


class TestRecount:
    def test_rebuilds_counts(self, ready: Settings):
        run(ready, "ingest", str(SEED), "--confirm")
        assert "dòng tổng hợp" in run(ready, "tasks", "recount").output


class TestRoll:
    def test_reports_created_occurrences(self, ready: Settings):
        result = run(ready, "tasks", "roll", "--until", "2027-12-31")
        assert "Đã tạo 0 phân công" in result.output


class TestExitCodes:
    """The README's table: 3 not allowed, 4 not found, 5 conflict, 6 invalid or unreadable."""

    def test_every_error_kind(self):
        from dxtrack import errors
        from dxtrack.cli_support import exit_code
        from dxtrack.locks import Busy

        cases = {
            errors.Unauthorized: 3,
            errors.Forbidden: 3,
            errors.NotFound: 4,
            errors.Conflict: 5,
            Busy: 5,
            errors.Invalid: 6,
            errors.ExtractionFailed: 6,
            errors.Unavailable: 1,
            errors.DxError: 1,
        }
        assert {kind: exit_code(kind("x")) for kind in cases} == cases


UNRESOLVED_LETTER = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 77/UBND-KGVX
V/v triển khai định danh điện tử
An Giang, ngày 05 tháng 3 năm 2025

Kính gửi: Các cơ quan, đơn vị

1. Giao Sở Y tế chủ trì triển khai định danh điện tử trong khám chữa bệnh, hoàn thành trước ngày 30/6/2025.
2. Giao Công an Thành phố Cần Thơ phối hợp với Công an tỉnh rà soát dữ liệu dân cư, hoàn thành trước ngày 30/9/2025.
"""


class TestIngestConfirmRefused:
    def test_unresolved_name_exit_6_tasks_stay_draft(self, ready: Settings, tmp_path: Path):
        letter = tmp_path / "cong-van.txt"
        letter.write_text(UNRESOLVED_LETTER, encoding="utf-8")
        result = run(ready, "ingest", str(letter), "--confirm", "--json", ok=False)
        assert result.exit_code == 6
        assert "«Công an Thành phố Cần Thơ»" in result.stderr and "nhiệm vụ 2" in result.stderr
        (item,) = json.loads(result.stdout)
        assert item["status"] == "created" and item["review_state"] == "draft"
        assert item["unresolved_tasks"][0]["name"] == "Công an Thành phố Cần Thơ"
        tasks = json.loads(run(ready, "tasks", "list", "--json").output)
        assert tasks and {t["review_state"] for t in tasks} == {"draft"}
        assert all(t["assignments"] == [] for t in tasks)
