"""The plans and indicators API: permissions, measurements with evidence, summary, XLSX."""

from __future__ import annotations

import io

from apihelp import login
from builders import minimal_pdf
from openpyxl import load_workbook

from .factory import make_indicator, make_plan
from .test_xlsx import _row, workbook

PDF = ("bien-ban.pdf", minimal_pdf(), "application/pdf")


class TestPlansApi:
    def test_coordinator_creates_plan_with_indicator(self, client, db):
        headers = login(client, db, "dieuphoi")
        body = {
            "code": "KH-2025",
            "name": "Kế hoạch chuyển đổi số năm 2025",
            "year": 2025,
            "budget_total": 993140000000,
            "budget_by_source": {"recurrent": 103401000000, "investment": 889739000000},
            "pillars": [{"name": "Hạ tầng số"}],
        }
        response = client.post("/api/v1/plans", json=body, headers=headers)
        assert response.status_code == 201, response.text
        assert response.json()["pillars"][0]["code"] == "ha-tang-so"
        indicator = {"code": "HT1", "name": "Tỷ lệ hộ gia đình có băng rộng cố định",
                     "unit": "percent", "target": 80, "pillar": "ha-tang-so", "agency": "so-y-te"}  # fmt: skip
        response = client.post("/api/v1/plans/KH-2025/indicators", json=indicator, headers=headers)
        assert response.status_code == 201, response.text
        summary = client.get("/api/v1/plans/KH-2025/summary", headers=headers).json()
        assert summary["sentence"] == "0/1 chỉ tiêu đạt (0%), 1/1 chưa đánh giá"
        assert summary["budget"]["reconciles"] is True

    def test_province_rollup(self, client, db):
        plan = make_plan(db)
        make_indicator(db, plan)
        response = client.get("/api/v1/rollup?at=2025-12-31", headers=login(client, db, "lanhdao"))
        assert response.status_code == 200
        rows = {r["code"]: r for r in response.json()["plans"]}
        assert rows[plan.code]["sentence"] == "0/1 chỉ tiêu đạt (0%), 1/1 chưa đánh giá"

    def test_officer_cannot_create_plan(self, client, db):
        headers = login(client, db, "syt")
        body = {"code": "KH-X", "name": "X", "year": 2025}
        response = client.post("/api/v1/plans", json=body, headers=headers)
        assert response.status_code == 403
        assert response.json()["error"] == "forbidden"

    def test_unknown_plan_404(self, client, db):
        response = client.get(
            "/api/v1/plans/KHONG-CO/summary", headers=login(client, db, "lanhdao")
        )
        assert response.status_code == 404
        assert "KHONG-CO" in response.json()["detail"]


class TestMeasurementsApi:
    def test_responsible_officer_records_with_evidence(self, client, db):
        plan = make_plan(db)
        indicator = make_indicator(db, plan, agency="so-y-te", target=80)
        response = client.post(
            f"/api/v1/indicators/{indicator.id}/measurements",
            data={"value": "83,17", "as_of": "2025-12-31", "note": "Số liệu quý IV"},
            files=[("files", PDF)],
            headers=login(client, db, "syt"),
        )
        assert response.status_code == 201, response.text
        history = response.json()["history"]
        assert history[0]["value"] == 83.17 and history[0]["agency"] == "so-y-te"
        evidence = history[0]["evidence"][0]
        download = client.get(
            f"/api/v1/indicator-evidence/{evidence['id']}", headers=login(client, db, "lanhdao")
        )
        assert download.status_code == 200 and download.content.startswith(b"%PDF")

    def test_other_agency_forbidden_nothing_written(self, client, db):
        plan = make_plan(db)
        indicator = make_indicator(db, plan, agency="so-y-te")
        response = client.post(
            f"/api/v1/indicators/{indicator.id}/measurements",
            data={"value": "90"},
            headers=login(client, db, "cat"),
        )
        assert response.status_code == 403
        detail = client.get(f"/api/v1/indicators/{indicator.id}", headers=login(client, db, "cat"))
        assert detail.json()["history"] == []

    def test_stale_indicator_edit_409(self, client, db):
        plan = make_plan(db)
        indicator = make_indicator(db, plan)
        headers = login(client, db, "dieuphoi")
        ok = client.patch(
            f"/api/v1/indicators/{indicator.id}", json={"version": 1, "target": 85}, headers=headers
        )
        assert ok.status_code == 200 and ok.json()["target"] == 85
        stale = client.patch(
            f"/api/v1/indicators/{indicator.id}", json={"version": 1, "target": 90}, headers=headers
        )
        assert stale.status_code == 409


class TestXlsxApi:
    def test_import_then_export(self, client, db):
        plan = make_plan(db)
        headers = login(client, db, "dieuphoi")
        data = workbook([_row("A1", **{"Kết quả": "85,5"})])
        response = client.post(
            f"/api/v1/plans/{plan.code}/import",
            files={"file": ("phu-luc.xlsx", data)},
            data={"at": "2025-12-31"},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["indicators_created"] == 1
        exported = client.get(f"/api/v1/plans/{plan.code}/export?at=2025-12-31", headers=headers)
        sheet = load_workbook(io.BytesIO(exported.content)).worksheets[0]
        assert [c.value for c in sheet[2]][1:8] == ["A1", "Chỉ tiêu A1", "%", "≥", 80, 85.5, "Đạt"]

    def test_malformed_file_422_with_rows(self, client, db):
        plan = make_plan(db)
        data = workbook([_row("A1"), _row("A2", **{"Mục tiêu": "nhiều"})])
        response = client.post(
            f"/api/v1/plans/{plan.code}/import",
            files={"file": ("phu-luc.xlsx", data)},
            headers=login(client, db, "dieuphoi"),
        )
        assert response.status_code == 422
        assert "Dòng 3" in response.json()["detail"]
        rows = client.get(
            f"/api/v1/plans/{plan.code}/indicators", headers=login(client, db, "dieuphoi")
        )
        assert rows.json() == []
