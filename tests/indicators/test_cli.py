"""The CLI contract of issue 5, on a fresh database of each backend."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings

from .test_xlsx import _row, workbook

runner = CliRunner()
SUMMARY_KEYS = {
    "total", "achieved", "not_achieved", "not_evaluated", "rate_all", "rate_evaluated",
    "sentence", "pillars", "budget",
}  # fmt: skip


def run(settings: Settings, *args: str, ok: bool = True, input: str | None = None):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def ready(fresh_settings: Settings) -> Settings:
    run(fresh_settings, "init")
    run(fresh_settings, "plans", "create", "KH-CDS-2025", "--name", "Kế hoạch chuyển đổi số 2025",
        "--year", "2025", "--dx-pillars", "--budget", "993140000000",
        "--budget-source", "recurrent=103401000000", "--budget-source", "investment=889739000000")  # fmt: skip
    return fresh_settings


def _annex(tmp_path, n_achieved=21, n_failed=4, n_no_guidance=4, n_unmeasured=3):
    rows = []
    for n in range(n_achieved + n_failed + n_no_guidance + n_unmeasured):
        cells: dict[str, object] = {"STT": n + 1, "Kết quả": None}
        if n < n_achieved:
            cells["Kết quả"] = "85,5"
        elif n < n_achieved + n_failed:
            cells["Kết quả"] = "71,29"
        elif n < n_achieved + n_failed + n_no_guidance:
            cells |= {"Kết quả": 90, "Có hướng dẫn đánh giá": "Không"}
        rows.append(_row(f"CT{n + 1:02d}", **cells))
    path = tmp_path / "phu-luc-II.xlsx"
    path.write_bytes(workbook(rows))
    return path


class TestPlansCli:
    def test_create_and_summary_contract(self, ready, tmp_path):
        run(ready, "indicators", "import", str(_annex(tmp_path)), "--plan", "KH-CDS-2025",
            "--at", "2025-12-31")  # fmt: skip
        result = run(ready, "plans", "summary", "KH-CDS-2025", "--at", "2025-12-31", "--json")
        summary = json.loads(result.stdout)
        assert SUMMARY_KEYS <= set(summary)
        assert summary["sentence"] == "21/32 chỉ tiêu đạt (65,63%), 7/32 chưa đánh giá"
        assert summary["budget"]["total"] == 993140000000
        assert summary["budget"]["by_source"]["recurrent"] == 103401000000
        assert summary["budget"]["reconciles"] is True
        assert len(summary["pillars"]) == 10  # the nine pillars, then «Chưa phân trụ cột»
        assert summary["pillars"][-1]["code"] is None and summary["pillars"][-1]["total"] == 32

    def test_duplicate_plan_exit_5(self, ready):
        result = run(
            ready, "plans", "create", "KH-CDS-2025", "--name", "X", "--year", "2025", ok=False
        )
        assert result.exit_code == 5

    def test_unknown_document_exit_4(self, ready):
        result = run(ready, "plans", "create", "KH-2", "--name", "X", "--year", "2025",
                     "--document", "999", ok=False)  # fmt: skip
        assert result.exit_code == 4

    def test_rollup_json(self, ready, tmp_path):
        run(ready, "indicators", "import", str(_annex(tmp_path)), "--plan", "KH-CDS-2025",
            "--at", "2025-12-31")  # fmt: skip
        result = run(ready, "plans", "rollup", "KH-CDS-2025", "--at", "2025-12-31", "--json")
        index = json.loads(result.stdout)
        assert index["agencies"][0]["code"] == "so-y-te"
        assert index["agencies"][0]["indicator_rate"] == 0.84
        province = json.loads(run(ready, "plans", "rollup", "--at", "2025-12-31", "--json").stdout)
        assert province["plan"] is None
        assert province["plans"][0]["sentence"] == "21/32 chỉ tiêu đạt (65,63%), 7/32 chưa đánh giá"


class TestIndicatorsCli:
    def test_export_round_trip(self, ready, tmp_path):
        run(ready, "indicators", "import", str(_annex(tmp_path)), "--plan", "KH-CDS-2025",
            "--at", "2025-12-31")  # fmt: skip
        out = tmp_path / "xuat.xlsx"
        run(ready, "indicators", "export", "--plan", "KH-CDS-2025", str(out), "--at", "2025-12-31")
        sheet = load_workbook(out).worksheets[0]
        assert [c.value for c in sheet[1]][:3] == ["STT", "Mã", "Chỉ tiêu"]
        assert sheet.max_row == 33
        run(ready, "plans", "create", "KH-COPY", "--name", "Bản sao", "--year", "2025")
        run(ready, "indicators", "import", str(out), "--plan", "KH-COPY", "--at", "2025-12-31")
        result = run(ready, "plans", "summary", "KH-COPY", "--at", "2025-12-31", "--json")
        assert json.loads(result.stdout)["sentence"].startswith("21/32 chỉ tiêu đạt (65,63%)")

    def test_malformed_file_exit_6_nothing_applied(self, ready, tmp_path):
        path = tmp_path / "loi.xlsx"
        path.write_bytes(workbook([_row("A1"), _row("A2", Chiều="lớn hơn")]))
        result = run(ready, "indicators", "import", str(path), "--plan", "KH-CDS-2025", ok=False)
        assert result.exit_code == 6
        assert "Dòng 3" in result.stderr
        listed = run(ready, "indicators", "list", "--plan", "KH-CDS-2025", "--json")
        assert json.loads(listed.stdout) == []

    def test_measure_permissions(self, ready, tmp_path):
        run(ready, "indicators", "import", str(_annex(tmp_path)), "--plan", "KH-CDS-2025")
        for name, agency in (("syt", "so-y-te"), ("cat", "cong-an-tinh")):
            run(ready, "users", "add", name, "--role", "officer", "--agency", agency,
                "--password-stdin", input="mat-khau-dai\n")  # fmt: skip
        ok = run(ready, "indicators", "measure", "CT32", "--plan", "KH-CDS-2025", "--value", "81,5",
                 "--as", "syt")  # fmt: skip
        assert "CT32" in ok.stdout
        refused = run(ready, "indicators", "measure", "CT32", "--plan", "KH-CDS-2025",
                      "--value", "90", "--as", "cat", ok=False)  # fmt: skip
        assert refused.exit_code == 3
