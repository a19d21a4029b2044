"""Kind `plan`: the plan's tasks only, and its indicators' achievement (plans domain)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.errors import Invalid, NotFound
from dxtrack.indicators.measurements import record_measurement
from dxtrack.indicators.schemas import IndicatorCreate, MeasurementCreate, PillarCreate, PlanCreate
from dxtrack.indicators.service import create_indicator, create_plan, link_tasks
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report
from reports.docread import find_table, read_docx, read_xlsx, sheet_records, texts
from reports.province import AT, PERIOD, Province

PLAN = "KH-CDS-2025"


def build_plan(db: Session, settings: Settings, province: Province) -> None:
    """Tasks A (done on time), C and F (overdue); indicators achieved, missed, unmeasured."""
    create_plan(
        db,
        data=PlanCreate(
            code=PLAN,
            name="Kế hoạch chuyển đổi số năm 2025",
            year=2025,
            pillars=[PillarCreate(name="Chính quyền số", code="cqs")],
        ),
        actor=None,
    )
    links = {province.assignments[c].task_id: "cqs" for c in ("A", "C", "F")}
    link_tasks(db, plan_code=PLAN, links=links, actor=None)
    for code, target, value in (("CT1", 80, 85.0), ("CT2", 90, 70.0), ("CT3", 50, None)):
        indicator = create_indicator(
            db,
            plan_code=PLAN,
            data=IndicatorCreate(
                code=code, name=f"Tỷ lệ {code}", unit="percent", target=target, pillar="cqs"
            ),
            actor=None,
        )
        if value is not None:
            record_measurement(
                db,
                indicator_id=indicator.id,
                data=MeasurementCreate(value=value, as_of=date(2025, 12, 1)),
                settings=settings,
                actor=None,
            )


def render(db: Session, settings: Settings, fmt: str = "docx", plan: str | None = PLAN):
    request = ReportRequest(ReportKind.plan, PERIOD, AT, ReportFormat(fmt), plan=plan)
    return render_report(db, request=request, settings=settings).content


class TestPlanReport:
    def test_docx_tasks_and_indicators(self, db: Session, settings: Settings, province: Province):
        build_plan(db, settings, province)
        doc = read_docx(render(db, settings))
        lines = texts(doc)
        assert "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2025 quý IV năm 2025" in lines
        assert any("tổng số nhiệm vụ được giao là 3 nhiệm vụ" in line for line in lines)
        assert "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU" in lines
        assert any("1/3 chỉ tiêu đạt (33,33%), 1/3 chưa đánh giá" in line for line in lines)
        indicators = find_table(doc, "STT", "Chỉ tiêu")
        assert [(r[2], r[3], r[4]) for r in indicators[1:]] == [
            ("≥ 80%", "85%", "Đạt"),
            ("≥ 90%", "70%", "Không đạt"),
            ("≥ 50%", "—", "Chưa đánh giá"),
        ]
        assert "IV. KIẾN NGHỊ, ĐỀ XUẤT" in lines

    def test_xlsx_has_indicator_sheet(self, db: Session, settings: Settings, province: Province):
        build_plan(db, settings, province)
        annex = read_xlsx(render(db, settings, "xlsx"))
        rows = sheet_records(annex, "Chỉ tiêu")
        assert [r["Đánh giá"] for r in rows] == ["Đạt", "Không đạt", "Chưa đánh giá"]
        assert len(sheet_records(annex, "Phân công")) == 3

    def test_plan_code_required(self, db: Session, settings: Settings):
        with pytest.raises(Invalid, match="cần chọn một kế hoạch"):
            render(db, settings, plan=None)

    def test_unknown_plan(self, db: Session, settings: Settings):
        with pytest.raises(NotFound):
            render(db, settings, plan="KHONG-CO")
