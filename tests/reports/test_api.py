"""GET /api/v1/reports/{kind}: files, errors, officer scope; one source of numbers."""

from __future__ import annotations

import pytest
from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from reports.docread import find_table, read_docx, read_xlsx, sheet_records
from reports.province import Province

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
QUERY = {"period": "2025-Q4", "at": "2025-12-31"}


class TestDownload:
    def test_docx_attachment(self, client: TestClient, db: Session, province: Province):
        response = client.get(
            "/api/v1/reports/tasks", params=QUERY, headers=login(client, db, "dieuphoi")
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == DOCX
        assert "bao-cao-tasks-2025-Q4.docx" in response.headers["content-disposition"]
        assert read_docx(response.content).tables

    def test_bad_period_is_422_in_vietnamese(self, client: TestClient, db: Session):
        response = client.get(
            "/api/v1/reports/tasks",
            params={"period": "2025-Q9"},
            headers=login(client, db, "dieuphoi"),
        )
        assert response.status_code == 422 and "Kỳ báo cáo" in response.json()["detail"]

    def test_plan_kind_needs_a_plan(self, client: TestClient, db: Session):
        response = client.get(
            "/api/v1/reports/plan", params=QUERY, headers=login(client, db, "dieuphoi")
        )
        assert response.status_code in (404, 422)

    def test_pdf_without_libreoffice_is_503_with_the_remedy(
        self, client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
    ):
        monkeypatch.setattr("dxtrack.reports.pdf.find_soffice", lambda: None)
        response = client.get(
            "/api/v1/reports/tasks",
            params=QUERY | {"format": "pdf"},
            headers=login(client, db, "dieuphoi"),
        )
        assert response.status_code == 503
        assert "libreoffice-writer-nogui" in response.json()["detail"]

    def test_login_required(self, client: TestClient):
        assert client.get("/api/v1/reports/tasks", params=QUERY).status_code == 401

    def test_officer_sees_own_agency_only(
        self, client: TestClient, db: Session, province: Province
    ):
        headers = login(client, db, "syt")
        params = QUERY | {"format": "xlsx"}
        annex = read_xlsx(
            client.get("/api/v1/reports/tasks", params=params, headers=headers).content
        )
        assert {r["Mã cơ quan"] for r in sheet_records(annex, "Theo cơ quan")} == {"so-y-te"}


class TestOneSourceOfNumbers:
    """The report's figures are those of /api/v1/status at the same cut-off date."""

    def test_xlsx_agency_sheet_equals_status_api(
        self, client: TestClient, db: Session, province: Province
    ):
        headers = login(client, db, "dieuphoi")
        status = client.get("/api/v1/status", params={"at": "2025-12-31"}, headers=headers).json()
        params = QUERY | {"format": "xlsx"}
        annex = read_xlsx(
            client.get("/api/v1/reports/tasks", params=params, headers=headers).content
        )
        sheet = {r["Mã cơ quan"]: r for r in sheet_records(annex, "Theo cơ quan")}
        assert [r["code"] for r in status["agencies"]] == list(sheet)  # same ranking
        for row in status["agencies"]:
            mine = sheet[row["code"]]
            assert mine["Được giao"] == row["assigned"]
            assert mine["Hoàn thành đúng hạn"] == row["done_on_time"]
            assert mine["Hoàn thành quá hạn"] == row["done_late"]
            assert mine["Quá hạn"] == row["overdue"]
            within = row["in_progress"] + row["due_soon"] + row["no_deadline"]
            assert mine["Còn hạn"] == within
            assert mine["Tỷ lệ đúng hạn"] == row["on_time_rate"]
        totals = {r["Trạng thái"]: r["Số nhiệm vụ"] for r in sheet_records(annex, "Tổng hợp")}
        assert totals["Quá hạn"] == status["totals"]["overdue"]
        assert totals["Tổng số được giao"] == sum(status["totals"].values())

    def test_docx_agency_table_equals_status_api(
        self, client: TestClient, db: Session, province: Province
    ):
        headers = login(client, db, "dieuphoi")
        status = client.get("/api/v1/status", params={"at": "2025-12-31"}, headers=headers).json()
        doc = read_docx(client.get("/api/v1/reports/tasks", params=QUERY, headers=headers).content)
        rows = find_table(doc, "STT", "Cơ quan, đơn vị")[1:-1]
        assert [r[1] for r in rows] == [r["name"] for r in status["agencies"]]
        assert [int(r[2]) for r in rows] == [r["assigned"] for r in status["agencies"]]
        assert [int(r[6]) for r in rows] == [r["overdue"] for r in status["agencies"]]
