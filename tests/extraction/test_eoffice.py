"""The way most letters arrive: a Word-like DOCX in the Decree 30 layout (borderless letterhead
and closing tables), printed to PDF by an office suite. Each seed is laid out that way, turned
into a PDF by LibreOffice, and read back: the extraction must equal the one of the plain text.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.shared import Cm

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_bytes, extract_text
from dxtrack.reports.docx_layout import new_document, para, two_columns

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

SEEDS = Path(__file__).parents[2] / "samples" / "seeds"
PARENTS = {"Ủy ban nhân dân tỉnh An Giang": ("ỦY BAN NHÂN DÂN", "TỈNH AN GIANG")}

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) missing"
)
SEED_NAMES = ["002_d4a88603f1258d60.txt", "003_4b1783ee37e356eb.txt"]


def layout(text: str) -> bytes:
    """The document of `text` (normalised by the engine) as an e-office DOCX."""
    ref = extract_text(text, directory=AN_GIANG)
    lines = ref.text.split("\n")
    first = lines.index("Kính gửi:") + 1
    while lines[first].startswith("-"):
        first += 1
    body = lines[first : next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))]
    doc = new_document()
    head = two_columns(doc, Cm(7), Cm(9.5)).rows[0].cells
    for issuer_line in PARENTS.get(ref.issuer or "", (str(ref.issuer).upper(),)):
        para(head[0], issuer_line, bold=True, align="center", size=13)
    para(head[0], f"Số: {ref.number}", align="center", size=13)
    para(head[0], ref.subject or "", align="center", size=12)
    para(head[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align="center", size=12)
    para(head[1], "Độc lập - Tự do - Hạnh phúc", bold=True, align="center", size=13)
    para(head[1], next(line for line in lines if ", ngày" in line), italic=True, align="center")
    para(doc, "Kính gửi:", align="center")
    for recipient in ref.recipients:
        para(doc, f"- {recipient};", align="center")
    for paragraph in body:
        para(doc, paragraph, indent=True)
    closing = two_columns(doc, Cm(8), Cm(8.5)).rows[0].cells
    para(closing[0], "Nơi nhận:", bold=True, italic=True, size=12, align="left")
    for recipient in ("- Như trên;", "- Lãnh đạo (để b/c);", "- Lưu: VT."):
        para(closing[0], recipient, size=11, align="left")
    para(closing[1], "KT. THỦ TRƯỞNG", bold=True, align="center")
    para(closing[1], ref.signer["title"], bold=True, align="center")
    para(closing[1], "", align="center")
    para(closing[1], ref.signer["name"], bold=True, align="center")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def to_pdf(docx: bytes, work: Path) -> bytes:
    source = work / "van-ban.docx"
    source.write_bytes(docx)
    command = [
        "soffice",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(source),
    ]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    return (work / "van-ban.pdf").read_bytes()


def tasks(result) -> list[tuple]:
    return [
        (t["clause"], t["lead"], t["coordinators"], t["deadline"], t["recurrence"])
        for t in result.to_dict()["tasks"]
    ]


def assert_same(got, expected) -> None:
    for field in ("doc_type", "number", "issuer", "place", "subject", "recipients"):
        assert getattr(got, field) == getattr(expected, field), field
    assert got.signer == expected.signer
    assert tasks(got) == tasks(expected)
    cited = {r["number"] for r in got.to_dict()["references"]}
    # Footnotes are not laid out; every reference of the body is found.
    assert cited <= {r["number"] for r in expected.to_dict()["references"]}
    assert len(cited) >= len(expected.to_dict()["references"]) - 2


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_docx_of_the_letter_reads_like_its_text(seed: str):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert_same(
        extract_bytes(layout(text), "van-ban.docx", directory=AN_GIANG),
        extract_text(text, directory=AN_GIANG),
    )


@needs_libreoffice
@pytest.mark.parametrize("seed", SEED_NAMES)
def test_pdf_of_the_letter_reads_like_its_text(seed: str, tmp_path: Path):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    got = extract_bytes(to_pdf(layout(text), tmp_path), "van-ban.pdf", directory=AN_GIANG)
    assert_same(got, extract_text(text, directory=AN_GIANG))
