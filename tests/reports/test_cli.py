"""`dxtrack report`: writes the file, Vietnamese errors with exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings, use_settings
from reports.docread import read_docx, read_xlsx

runner = CliRunner()


def run(settings: Settings, *args: str):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    try:
        return runner.invoke(app, [*base, "report", *args])
    finally:
        use_settings(None)


class TestReportCommand:
    def test_docx_and_xlsx(self, settings: Settings, tmp_path: Path):
        out = tmp_path / "bc.docx"
        result = run(
            settings, "tasks", "--period", "2025-Q4", "--at", "2025-12-31", "--out", str(out)
        )
        assert result.exit_code == 0, result.output
        assert "quý IV năm 2025" in result.output
        assert "BÁO CÁO" in [p.text for p in read_docx(out.read_bytes()).paragraphs]
        annex = tmp_path / "phu-luc.xlsx"
        result = run(
            settings, "overdue", "--period", "2025-M12", "--calendar", "--format", "xlsx",
            "--out", str(annex),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "Quá hạn" in read_xlsx(annex.read_bytes()).sheetnames

    def test_custom_dates(self, settings: Settings, tmp_path: Path):
        out = tmp_path / "bc.docx"
        result = run(
            settings, "tasks", "--from", "2025-01-01", "--to", "2025-06-30", "--out", str(out)
        )
        assert result.exit_code == 0, result.output
        lines = [p.text for p in read_docx(out.read_bytes()).paragraphs]
        assert any("từ ngày 01/01/2025 đến ngày 30/06/2025" in line for line in lines)

    def test_bad_period_exit_6(self, settings: Settings):
        result = run(settings, "tasks", "--period", "2025-Q5")
        assert result.exit_code == 6 and "Kỳ báo cáo không hợp lệ" in result.output

    def test_unknown_agency_exit_4(self, settings: Settings, tmp_path: Path):
        result = run(
            settings, "tasks", "--period", "2025", "--agency", "khong-co", "--out",
            str(tmp_path / "x.docx"),
        )  # fmt: skip
        assert result.exit_code == 4 and "khong-co" in result.output
