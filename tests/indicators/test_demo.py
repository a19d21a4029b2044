"""The demo plan built from seed 004's stated figures."""

from __future__ import annotations

from datetime import date

from builders import make_document, make_task

from dxtrack.indicators.demo import build_plan_demo
from dxtrack.indicators.queries import list_indicator_rows, plan_summary
from dxtrack.indicators.service import get_plan, tasks_by_pillar


class TestDemoPlan:
    def test_plan_summary_and_budget(self, db, settings):
        document = make_document(db, subject="Chuyển đổi số trên địa bàn tỉnh An Giang năm 2025")
        make_task(db, document=document, clause="III.4.d")
        code = build_plan_demo(db, settings=settings, actor=None)
        summary = plan_summary(db, plan_code=code, at=date(2025, 12, 31))
        assert summary["sentence"] == "9/18 chỉ tiêu đạt (50%), 5/18 chưa đánh giá"
        assert summary["budget"]["reconciles"] is True
        assert summary["budget"]["total"] == 993_140_000_000
        rows = {
            r["code"]: r for r in list_indicator_rows(db, plan_code=code, at=date(2025, 12, 31))
        }
        assert rows["KT03"]["value_text"] == "0,26%"
        assert rows["CQ01"]["name"] == "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
        assert rows["HT01"]["reason"] == "Kết quả 71,29% chưa đạt mục tiêu ≥ 80%"
        groups = {g["code"]: g["tasks"] for g in tasks_by_pillar(db, get_plan(db, code))}
        assert len(groups["nhan-luc-so"]) == 1
