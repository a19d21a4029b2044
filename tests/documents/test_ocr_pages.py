"""A document read by OCR: marked on its page with each page's confidence, the page image
beside the recognised text (low-confidence words marked), the image under the original's
access rule."""

from __future__ import annotations

from builders import make_document
from fastapi.testclient import TestClient
from ocrhelp import needs_tesseract, page_image, scan_pdf
from pagehelp import html, page_session
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.documents.service import ingest_bytes

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    "Số: 2077/UBND-KGVX",
    "V/v rà soát thủ tục hành chính",
    "1. Giao Sở Y tế chủ trì rà soát thủ tục hành chính.",
]


def _scanned(db: Session, settings: Settings) -> int:
    data = scan_pdf([page_image(LINES)])
    result = ingest_bytes(db, data=data, filename="ban-quet.pdf", settings=settings, actor=None)
    return result.document.id


@needs_tesseract
class TestOcrPanel:
    def test_marked_with_image_beside_text(
        self, client: TestClient, db: Session, settings: Settings
    ) -> None:
        document_id = _scanned(db, settings)
        page_session(client, db, "dieuphoi")
        page = html(client.get(f"/documents/{document_id}").text)
        (panel,) = page.xpath("//section[@id='ocr']")
        heading = " ".join(panel.xpath(".//h2")[0].text_content().split())
        assert heading == "Đọc bằng nhận dạng chữ (OCR): 1 trang"
        (title,) = panel.xpath(".//div[@id='ocr-page-1']/h3")
        assert "độ tin cậy trung bình" in title.text_content()
        assert panel.xpath(".//img/@src") == [f"/documents/{document_id}/pages/1.png"]
        text = panel.xpath(".//div[contains(@class,'ocr-text')]")[0].text_content()
        assert "2077/UBND-KGVX" in text

        image = client.get(f"/documents/{document_id}/pages/1.png")
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        assert image.content.startswith(b"\x89PNG")
        assert client.get(f"/documents/{document_id}/pages/2.png").status_code == 404

    def test_image_follows_the_originals_access_rule(
        self, client: TestClient, db: Session, settings: Settings
    ) -> None:
        document_id = _scanned(db, settings)
        page_session(client, db, "syt")  # an officer: no assignment from this document yet
        image = client.get(f"/documents/{document_id}/pages/1.png", follow_redirects=False)
        assert image.status_code == 404 and b"PNG" not in image.content


class TestTextDocument:
    def test_no_panel_no_image(self, client: TestClient, db: Session) -> None:
        document = make_document(db, text="Nội dung")
        page_session(client, db, "dieuphoi")
        page = html(client.get(f"/documents/{document.id}").text)
        assert page.xpath("//section[@id='ocr']") == []
        image = client.get(f"/documents/{document.id}/pages/1.png", follow_redirects=False)
        assert image.status_code == 404
