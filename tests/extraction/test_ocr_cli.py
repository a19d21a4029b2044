"""`dxtrack extract scan.pdf photo.jpg old.doc` reads all three; `dxtrack ingest` of a scan
shows the OCR progress on stderr and stores the pages' confidence with the document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ocrhelp import image_bytes, needs_soffice, needs_tesseract, page_image, photo, scan_pdf
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import get_engine
from dxtrack.documents.models import Document
from dxtrack.extraction.office import convert, find_soffice

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    "Số: 315/UBND-KT",
    "V/v triển khai chữ ký số",
    "1. Giao Sở Khoa học và Công nghệ chủ trì triển khai chữ ký số.",
]
runner = CliRunner()


@needs_tesseract
@needs_soffice
def test_extract_scan_photo_and_doc(tmp_path: Path) -> None:
    import docx

    page = page_image(LINES)
    (tmp_path / "scan.pdf").write_bytes(scan_pdf([page]))
    (tmp_path / "photo.jpg").write_bytes(image_bytes(photo(page), "JPEG", quality=85))
    document = docx.Document()
    for text in LINES:
        document.add_paragraph(text)
    document.save(tmp_path / "old.docx")
    soffice = find_soffice()
    assert soffice is not None
    doc = convert(
        soffice, (tmp_path / "old.docx").read_bytes(), suffix=".docx", to="doc:MS Word 97"
    )
    (tmp_path / "old.doc").write_bytes(doc)
    files = [str(tmp_path / name) for name in ("scan.pdf", "photo.jpg", "old.doc")]
    result = runner.invoke(app, ["extract", *files, "--json"])
    assert result.exit_code == 0, result.output
    outputs = json.loads(result.stdout)
    assert [o["number"] for o in outputs] == ["315/UBND-KT"] * 3
    assert [bool(o["pages"]) for o in outputs] == [True, True, False]  # OCR'd, OCR'd, text
    assert "Nhận dạng chữ «scan.pdf»: trang" in result.stderr


@needs_tesseract
def test_ingest_scan_with_progress(fresh_settings: Settings, tmp_path: Path) -> None:
    base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]
    assert runner.invoke(app, [*base, "init"]).exit_code == 0
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(scan_pdf([page_image(LINES)]))
    result = runner.invoke(app, [*base, "ingest", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["status"] == "created" and item["number"] == "315/UBND-KT"
    assert "Nhận dạng chữ «ban-quet.pdf»: trang 1/1" in result.stderr
    with Session(get_engine(fresh_settings)) as db:
        stored = db.scalars(select(Document)).one()
    assert stored.read_by_ocr and stored.ocr_pages is not None
    assert stored.ocr_pages[0]["confidence"] > 80


@pytest.mark.parametrize("name", ["scan.tiff", "x.heic"])
def test_other_images_refused_with_the_list(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"II*\x00")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "không được hỗ trợ (chỉ nhận .txt, .md, .docx, .pdf, .doc, .odt, .jpg" in result.stderr
