"""The CLI contract of the progress sheet: `progress export` / `progress import` (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sheethelp import columns, fill, open_sheet, rows_by_id
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
runner = CliRunner()


def run(settings: Settings, *args: str, input: str | None = None, code: int = 0):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def loaded(fresh_settings: Settings) -> Settings:
    run(fresh_settings, "init")
    for name, role, agency in (("dieuphoi", "coordinator", None), ("skhcn", "officer", "so-khcn")):
        extra = ["--agency", agency] if agency else []
        add = ("users", "add", name, "--role", role, *extra, "--password-stdin")
        run(fresh_settings, *add, input="mat-khau-dai\n")
    run(fresh_settings, "ingest", str(SEED), "--confirm")
    return fresh_settings


def export(settings: Settings, out: Path, *args: str) -> bytes:
    run(settings, "progress", "export", "--out", str(out), "--at", "2025-12-10", *args)
    return out.read_bytes()


def import_json(settings: Settings, path: Path, *args: str, code: int) -> dict:
    result = run(settings, "progress", "import", str(path), *args, "--json", code=code)
    return json.loads(result.stdout)


class TestProgressSheetCommands:
    def test_round_trip_exit_codes(self, loaded: Settings, tmp_path: Path):
        sheet = export(loaded, tmp_path / "phieu.xlsx", "--as", "skhcn")
        ids = sorted(rows_by_id(open_sheet(sheet).worksheets[0]))
        assert len(ids) >= 2
        filled = tmp_path / "da-dien.xlsx"
        filled.write_bytes(fill(sheet, {ids[0]: {"Trạng thái": "Đang thực hiện", "Tỷ lệ (%)": 50}}))
        body = import_json(loaded, filled, "--as", "skhcn", code=0)
        assert (body["applied"], body["conflicts"], body["invalid"]) == (1, 0, 0)
        assert body["unchanged"] == len(ids) - 1
        assert {"row", "assignment", "result", "detail"} <= set(body["rows"][0])
        # the same file again: nothing applied twice
        again = import_json(loaded, filled, "--as", "skhcn", code=0)
        assert again["applied"] == 0 and again["unchanged"] == len(ids)
        # the old sheet with another change on the same row: a conflict, exit 5
        stale = tmp_path / "cu.xlsx"
        stale.write_bytes(fill(sheet, {ids[0]: {"Trạng thái": "Vướng mắc"}}))
        conflict = import_json(loaded, stale, "--as", "skhcn", code=5)
        assert conflict["conflicts"] == 1
        # a bad value: exit 6
        bad = tmp_path / "sai.xlsx"
        bad.write_bytes(fill(sheet, {ids[1]: {"Trạng thái": "???"}}))
        assert import_json(loaded, bad, "--as", "skhcn", code=6)["invalid"] == 1

    def test_staff_export_by_agency_columns(self, loaded: Settings, tmp_path: Path):
        sheet = export(loaded, tmp_path / "phieu.xlsx", "--agency", "so-khcn", "--as", "dieuphoi")
        cols = columns(open_sheet(sheet).worksheets[0])
        wanted = ("Mã phân công", "Phiên bản", "Cơ quan", "Nhiệm vụ", "Thời hạn", "Trạng thái",
                  "Tỷ lệ (%)", "Ngày hoàn thành", "Kết quả", "Khó khăn", "Đề xuất")  # fmt: skip
        assert set(wanted) <= set(cols)

    def test_officer_cannot_export_another_agency(self, loaded: Settings, tmp_path: Path):
        out = str(tmp_path / "x.xlsx")
        run(loaded, "progress", "export", "--out", out, "--agency", "cong-an-tinh", "--as",
            "skhcn", code=3)  # fmt: skip


class TestRhythmCommands:
    def test_cadence_and_rhythm(self, loaded: Settings):
        [document] = {
            t["document_id"] for t in json.loads(run(loaded, "tasks", "list", "--json").stdout)
        }
        out = run(
            loaded, "tasks", "cadence", "quarterly", "--document", str(document), "--as", "dieuphoi"
        )
        assert "Hằng quý" in out.stdout
        body = json.loads(run(loaded, "tasks", "rhythm", "--json").stdout)
        assert {"total", "updated", "stale", "period", "sentence", "agencies"} <= set(body)
        assert body["stale"] == body["total"] - body["updated"]
        run(
            loaded,
            "tasks",
            "cadence",
            "hourly",
            "--document",
            str(document),
            "--as",
            "dieuphoi",
            code=6,
        )
        run(
            loaded,
            "tasks",
            "cadence",
            "monthly",
            "--document",
            str(document),
            "--as",
            "skhcn",
            code=3,
        )
