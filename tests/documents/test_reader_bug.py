"""A defect of ours met while reading an upload is an internal error for that file (code
`internal`, logged with its traceback), not "tệp bị hỏng"; the other files are stored."""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber.page
import pytest
from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "001_e3002b4f3bcaeaf1.txt"


def text_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Enough text on this page to be read as a text layer page.")
    return bytes(pdf.output())


def test_internal_error_for_that_file_only(
    client: TestClient,
    db: Session,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    headers = login(client, db, "dieuphoi")
    # pdfplumber answering in a shape our reader does not expect: the KeyError is raised in
    # our own code (reader_pdf.py), a bug of ours, whatever the file
    monkeypatch.setattr(pdfplumber.page.Page, "extract_text_lines", lambda self, **kw: [{}])
    files = [
        ("files", ("vb.pdf", text_pdf(), "application/pdf")),
        ("files", (SEED.name, SEED.read_bytes(), "text/plain")),
    ]
    with caplog.at_level(logging.ERROR, logger="dxtrack"):
        response = client.post("/api/v1/documents", headers=headers, files=files)
    assert response.status_code == 201, response.text
    bug, good = response.json()
    assert (bug["status"], bug["error"]) == ("failed", "internal")
    assert "lỗi nội bộ" in bug["detail"] and "bị hỏng" not in bug["detail"]
    assert good["status"] == "created"
    assert any(r.exc_info and "reader failed file=vb.pdf" in r.getMessage() for r in caplog.records)
