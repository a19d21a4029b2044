"""Báo cáo page: the form (officers see only their agency), the download, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pagehelp import html, page_session
from sqlalchemy.orm import Session

from reports.docread import read_docx, read_xlsx, sheet_records
from reports.province import Province

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class TestForm:
    def test_options(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        page = html(client.get("/reports").text)
        assert page.xpath("//form[@action='/reports/download']")
        assert page.xpath("//select[@name='kind']/option/@value") == ["tasks", "overdue", "plan"]
        assert page.xpath("//select[@name='fmt']/option/@value") == ["docx", "xlsx", "pdf"]
        assert "so-y-te" in page.xpath("//select[@name='agency']/option/@value")
        assert page.xpath("//select[@name='group']")

    def test_officer_sees_own_agency(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        page = html(client.get("/reports").text)
        assert page.xpath("//select[@name='agency']/option/@value") == ["", "so-y-te"]
        assert not page.xpath("//select[@name='group']")


class TestDownload:
    def test_docx_with_vietnamese_dates(self, client: TestClient, db: Session, province: Province):
        page_session(client, db, "dieuphoi")
        params = {"kind": "tasks", "period": "2025-Q4", "at": "31/12/2025", "fmt": "docx"}
        response = client.get("/reports/download", params=params)
        assert response.status_code == 200 and response.headers["content-type"] == DOCX
        lines = [p.text for p in read_docx(response.content).paragraphs]
        assert any("tổng số nhiệm vụ được giao là 7 nhiệm vụ" in line for line in lines)

    def test_custom_dates_and_officer_scope(
        self, client: TestClient, db: Session, province: Province
    ):
        page_session(client, db, "syt")
        params = {
            "kind": "tasks", "period": "2025-Q4", "date_from": "01/10/2025",
            "date_to": "31/12/2025", "at": "31/12/2025", "fmt": "xlsx",
        }  # fmt: skip
        annex = read_xlsx(client.get("/reports/download", params=params).content)
        assert {r["Mã cơ quan"] for r in sheet_records(annex, "Theo cơ quan")} == {"so-y-te"}

    def test_bad_date_shows_error_page(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        response = client.get("/reports/download", params={"period": "2025", "at": "32/13/2025"})
        assert response.status_code == 422 and "Ngày lấy số liệu" in response.text

    def test_login_required(self, client: TestClient):
        response = client.get("/reports", follow_redirects=False)
        assert response.status_code in (303, 302, 401)
