"""PDF = the DOCX converted by LibreOffice; rendered to PNG to count pages. Skipped without it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.errors import DxError
from dxtrack.reports.pdf import find_soffice
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report
from reports.province import AT, PERIOD, Province

needs_libreoffice = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (libreoffice-writer-nogui) or poppler-utils not installed",
)


def pdf_request(kind: str = "tasks") -> ReportRequest:
    return ReportRequest(ReportKind(kind), PERIOD, AT, ReportFormat.pdf)


def render_pages(pdf: bytes, directory: Path) -> list[Path]:
    source = directory / "bao-cao.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(source), str(directory / "trang")], check=True
    )
    return sorted(directory.glob("trang-*.png"))


@needs_libreoffice
class TestPdf:
    def test_task_report_pages(
        self, db: Session, settings: Settings, province: Province, tmp_path: Path
    ):
        rendered = render_report(db, request=pdf_request(), settings=settings)
        assert rendered.media_type == "application/pdf" and rendered.content.startswith(b"%PDF")
        pages = render_pages(rendered.content, tmp_path)
        assert len(pages) == 3  # letterhead and totals; agencies and overdue; feedback, signature

    def test_overdue_list_pages(
        self, db: Session, settings: Settings, province: Province, tmp_path: Path
    ):
        rendered = render_report(db, request=pdf_request("overdue"), settings=settings)
        assert len(render_pages(rendered.content, tmp_path)) == 2


class TestWithoutLibreOffice:
    def test_says_how_to_install(
        self, db: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch
    ):
        monkeypatch.setattr("dxtrack.reports.pdf.find_soffice", lambda: None)
        with pytest.raises(DxError, match="apt-get install --no-install-recommends libreoffice"):
            render_report(db, request=pdf_request(), settings=settings)
