"""The XLSX annex: typed cells, formats, frozen headers, filters, raw sheets, figures."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report
from reports.docread import read_xlsx, sheet_records
from reports.province import AT, PERIOD, Province

SHEETS = ["Tổng hợp", "Theo cơ quan", "Quá hạn", "Khó khăn, kiến nghị", "Nhiệm vụ", "Phân công"]


@pytest.fixture
def annex(db: Session, settings: Settings, province: Province):
    request = ReportRequest(ReportKind.tasks, PERIOD, AT, ReportFormat.xlsx)
    rendered = render_report(db, request=request, settings=settings)
    assert rendered.filename == "bao-cao-tasks-2025-Q4.xlsx"
    return read_xlsx(rendered.content)


class TestLayout:
    def test_sheets_frozen_filtered(self, annex):
        assert annex.sheetnames == SHEETS
        for ws in annex.worksheets:
            assert ws.freeze_panes == "A2"
            assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
            assert ws["A1"].font.b
            assert ws.column_dimensions["A"].width > 0

    def test_typed_cells_and_formats(self, annex):
        ws = annex["Theo cơ quan"]
        header = [c.value for c in ws[1]]
        row = ws[2]
        assert isinstance(row[header.index("Được giao")].value, int)
        rate = row[header.index("Tỷ lệ đúng hạn")]
        assert isinstance(rate.value, float) and rate.number_format == "0.00%"
        overdue = annex["Quá hạn"]
        deadline = overdue[2][[c.value for c in overdue[1]].index("Thời hạn")]
        assert isinstance(deadline.value, datetime) and deadline.number_format == "DD/MM/YYYY"


class TestFigures:
    def test_summary_counts_and_shares(self, annex):
        rows = {r["Trạng thái"]: r for r in sheet_records(annex, "Tổng hợp")}
        assert rows["Quá hạn"]["Số nhiệm vụ"] == 2
        assert rows["Tổng số được giao"]["Số nhiệm vụ"] == 7
        assert rows["Đã hoàn thành"]["Tỷ lệ"] == pytest.approx(2 / 7)

    def test_agency_rows(self, annex):
        rows = {r["Mã cơ quan"]: r for r in sheet_records(annex, "Theo cơ quan")}
        health = rows["so-y-te"]
        assert (health["Được giao"], health["Hoàn thành đúng hạn"], health["Quá hạn"]) == (3, 1, 1)
        assert health["Tỷ lệ đúng hạn"] == pytest.approx(0.3333, abs=1e-4)
        assert rows["so-tai-chinh"]["Tỷ lệ đúng hạn"] is None

    def test_overdue_and_feedback(self, annex):
        overdue = sheet_records(annex, "Quá hạn")
        assert [(r["Cơ quan, đơn vị"], r["Số ngày quá hạn"]) for r in overdue] == [
            ("Công an tỉnh", 77),
            ("Sở Y tế", 30),
        ]
        feedback = sheet_records(annex, "Khó khăn, kiến nghị")
        assert [r["Mục"] for r in feedback] == ["F"]

    def test_raw_sheets(self, annex, province: Province):
        assignments = sheet_records(annex, "Phân công")
        assert {r["Mã phân công"] for r in assignments} == {
            a.id for a in province.assignments.values()
        }
        statuses = {r["Mục"]: r["Trạng thái"] for r in assignments}
        assert statuses["A"] == "Hoàn thành đúng hạn" and statuses["F"] == "Quá hạn"
        tasks = sheet_records(annex, "Nhiệm vụ")
        assert len(tasks) == 7 and sum(r["Quá hạn"] for r in tasks) == 2
