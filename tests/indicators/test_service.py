"""Plans, indicators, derived formulas, measurements, summaries and budgets (both databases)."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_document, make_task, make_user, minimal_pdf

from dxtrack.audit.service import list_entries
from dxtrack.errors import Conflict, Forbidden, Invalid
from dxtrack.indicators.measurements import list_measurements
from dxtrack.indicators.projects import create_project
from dxtrack.indicators.queries import indicator_detail, plan_summary
from dxtrack.indicators.schemas import IndicatorUpdate, PlanCreate, ProjectCreate
from dxtrack.indicators.service import (
    create_plan,
    link_tasks,
    tasks_by_pillar,
    update_indicator,
)

from .factory import DAY, make_indicator, make_plan, measure


class TestPlans:
    def test_nine_pillars_and_audit(self, db, plan):
        summary = plan_summary(db, plan_code=plan.code, at=DAY)
        assert [p["name"] for p in summary["pillars"]][:3] == [
            "Lãnh đạo, chỉ đạo",
            "Thể chế số",
            "Hạ tầng số",
        ]
        assert len(summary["pillars"]) == 9
        rows, _ = list_entries(db, entity="plan", entity_id=plan.id)
        assert rows[0].action == "plan.create"

    def test_duplicate_code_conflict(self, db, plan):
        with pytest.raises(Conflict):
            create_plan(db, data=PlanCreate(code=plan.code, name="Khác", year=2025), actor=None)

    def test_officer_cannot_create(self, db):
        with pytest.raises(Forbidden):
            create_plan(
                db, data=PlanCreate(code="KH-X", name="X", year=2025), actor=make_user(db, "syt")
            )


class TestSummarySentence:
    def test_32_indicators_21_achieved_7_not_evaluated(self, db, plan, settings):
        pillars = ["ha-tang-so", "chinh-quyen-so", "kinh-te-so-va-xa-hoi-so"]
        for n in range(32):
            pillar = pillars[n % 3]
            if n < 21:
                measure(db, make_indicator(db, plan, pillar=pillar), 85, settings=settings)
            elif n < 25:
                measure(db, make_indicator(db, plan, pillar=pillar), 50, settings=settings)
            elif n < 29:
                make_indicator(db, plan, pillar=pillar, has_guidance=False)
            else:
                make_indicator(db, plan, pillar=pillar)  # no measurement
        summary = plan_summary(db, plan_code=plan.code, at=DAY)
        assert summary["sentence"] == "21/32 chỉ tiêu đạt (65,63%), 7/32 chưa đánh giá"
        assert (summary["achieved"], summary["not_achieved"], summary["not_evaluated"]) == (
            21,
            4,
            7,
        )
        assert summary["rate_all"] == 0.6563
        assert summary["rate_evaluated"] == 0.84
        by_code = {p["code"]: p for p in summary["pillars"]}
        assert sum(by_code[c]["total"] for c in pillars) == 32
        assert by_code["ha-tang-so"]["sentence"].startswith("7/11 chỉ tiêu đạt (63,64%)")

    def test_measurement_after_reference_date_does_not_count(self, db, plan, settings):
        indicator = make_indicator(db, plan)
        measure(db, indicator, 90, settings=settings, as_of=date(2025, 6, 30))
        assert plan_summary(db, plan_code=plan.code, at=date(2025, 6, 29))["not_evaluated"] == 1
        assert plan_summary(db, plan_code=plan.code, at=date(2025, 6, 30))["achieved"] == 1


class TestDerived:
    def test_it_spending_share(self, db, plan, settings):
        spend = make_indicator(db, plan, code="CNTT", unit="vnd", target=None)
        budget = make_indicator(db, plan, code="NSNN", unit="vnd", target=None)
        share = make_indicator(
            db, plan, code="TYLE", target=0.2, formula="CNTT / NSNN * 100", agency=None
        )
        measure(db, spend, 52_160_000_000, settings=settings)
        measure(db, budget, 19_922_000_000_000, settings=settings)
        detail = indicator_detail(db, indicator_id=share.id, at=DAY)
        assert detail["value_text"] == "0,26%"
        assert detail["achievement"] == "achieved"

    def test_zero_denominator_not_evaluated(self, db, plan, settings):
        a = make_indicator(db, plan, code="A1")
        b = make_indicator(db, plan, code="B1")
        ratio = make_indicator(db, plan, code="R1", formula="A1 / B1")
        measure(db, a, 5, settings=settings)
        measure(db, b, 0, settings=settings)
        detail = indicator_detail(db, indicator_id=ratio.id, at=DAY)
        assert (detail["achievement"], detail["reason"]) == ("not_evaluated", "Mẫu số bằng 0")

    def test_missing_input_not_evaluated(self, db, plan):
        make_indicator(db, plan, code="A2")
        derived = make_indicator(db, plan, code="D2", formula="A2 * 2")
        detail = indicator_detail(db, indicator_id=derived.id, at=DAY)
        assert detail["reason"] == "Chưa có số liệu của chỉ tiêu A2"

    def test_unknown_code_refused(self, db, plan):
        with pytest.raises(Invalid, match="mã không có: KHONGCO"):
            make_indicator(db, plan, formula="KHONGCO + 1")

    def test_cycle_refused(self, db, plan):
        x = make_indicator(db, plan, code="X1")
        make_indicator(db, plan, code="Y1", formula="X1 + 1")
        with pytest.raises(Invalid, match="vòng"):
            update_indicator(
                db,
                indicator_id=x.id,
                data=IndicatorUpdate(version=x.version, formula="Y1 * 2"),
                actor=None,
            )

    def test_malicious_formula_refused(self, db, plan):
        with pytest.raises(Invalid, match="Công thức"):
            make_indicator(db, plan, formula="__import__('os').system('id')")

    def test_no_direct_measurement(self, db, plan, settings):
        make_indicator(db, plan, code="A3")
        derived = make_indicator(db, plan, code="D3", formula="A3")
        with pytest.raises(Invalid):
            measure(db, derived, 1, settings=settings)


class TestMeasurements:
    def test_responsible_officer_records_with_evidence(self, db, plan, settings):
        indicator = make_indicator(db, plan, agency="so-y-te")
        officer = make_user(db, "syt")
        files = [("bien-ban.pdf", minimal_pdf())]
        from dxtrack.indicators.measurements import record_measurement
        from dxtrack.indicators.schemas import MeasurementCreate

        record_measurement(
            db,
            indicator_id=indicator.id,
            data=MeasurementCreate(value=81.5, as_of=date(2025, 6, 30)),
            files=files,
            settings=settings,
            actor=officer,
        )
        history = list_measurements(db, indicator.id)
        assert history[0]["evidence"][0]["filename"] == "bien-ban.pdf"
        assert list((settings.evidence_dir).rglob("*.pdf"))
        rows, _ = list_entries(db, entity="indicator", entity_id=indicator.id)
        assert rows[0].action == "measurement.create"
        assert rows[0].actor_name == "syt"

    @pytest.mark.parametrize("username", ["cat", "lanhdao"])
    def test_other_agency_and_viewer_forbidden(self, db, plan, settings, username):
        indicator = make_indicator(db, plan, agency="so-y-te")
        with pytest.raises(Forbidden):
            measure(db, indicator, 90, settings=settings, actor=make_user(db, username))
        assert list_measurements(db, indicator.id) == []

    @pytest.mark.parametrize("username", ["dieuphoi", "quantri"])
    def test_staff_may_record(self, db, plan, settings, username):
        indicator = make_indicator(db, plan, agency="so-y-te")
        measure(db, indicator, 90, settings=settings, actor=make_user(db, username))
        assert len(list_measurements(db, indicator.id)) == 1

    def test_officer_refused_without_responsible_agency(self, db, plan, settings):
        indicator = make_indicator(db, plan, agency=None)
        with pytest.raises(Forbidden):
            measure(db, indicator, 90, settings=settings, actor=make_user(db, "syt"))

    def test_history_kept_and_latest_counts(self, db, plan, settings):
        indicator = make_indicator(db, plan, target=80)
        measure(db, indicator, 70, settings=settings, as_of=date(2025, 3, 31))
        measure(db, indicator, 82, settings=settings, as_of=date(2025, 9, 30))
        detail = indicator_detail(db, indicator_id=indicator.id, at=DAY)
        assert [m["value"] for m in detail["history"]] == [70, 82]
        assert detail["achievement"] == "achieved"

    def test_per_agency_sum(self, db, plan, settings):
        indicator = make_indicator(db, plan, unit="count", target=100, aggregation="sum")
        measure(db, indicator, 40, settings=settings, agency="so-y-te")
        measure(db, indicator, 30, settings=settings, agency="cong-an-tinh")
        measure(db, indicator, 65, settings=settings, agency="so-y-te", as_of=DAY)
        assert indicator_detail(db, indicator_id=indicator.id, at=DAY)["value"] == 95

    def test_bad_evidence_refused(self, db, plan, settings):
        indicator = make_indicator(db, plan)
        from dxtrack.indicators.measurements import record_measurement
        from dxtrack.indicators.schemas import MeasurementCreate

        with pytest.raises(Invalid):
            record_measurement(
                db,
                indicator_id=indicator.id,
                data=MeasurementCreate(value=1, as_of=date(2025, 1, 1)),
                files=[("virus.pdf", b"MZ\x90\x00")],
                settings=settings,
                actor=None,
            )


class TestBudget:
    def test_seed_004_sources_reconcile(self, db):
        plan = make_plan(
            db,
            budget_total=993_140_000_000,
            budget_by_source={"recurrent": 103_401_000_000, "investment": 889_739_000_000},
        )
        budget = plan_summary(db, plan_code=plan.code, at=DAY)["budget"]
        assert budget["reconciles"] is True
        assert budget["by_source"]["investment"] == 889_739_000_000

    def test_projects_mismatch_warns(self, db):
        plan = make_plan(
            db,
            budget_total=993_140_000_000,
            budget_by_source={"recurrent": 103_401_000_000, "investment": 889_739_000_000},
        )
        for source, amount in (("recurrent", 103_401_000_000), ("investment", 889_000_000_000)):
            data = ProjectCreate(name=f"Dự án {source}", funding_source=source, budget=amount)
            create_project(db, plan_code=plan.code, data=data, actor=None)
        budget = plan_summary(db, plan_code=plan.code, at=DAY)["budget"]
        assert budget["reconciles"] is False
        assert budget["from"] == "projects"
        assert "992.401.000.000 đồng" in budget["warnings"][0]
        assert "993.140.000.000 đồng" in budget["warnings"][0]
        assert budget["warnings"][1] == (
            "Vốn đầu tư: các dự án 889.000.000.000 đồng, kế hoạch ghi 889.739.000.000 đồng."
        )


class TestPlanTasks:
    def test_link_by_clause_prefix(self, db):
        document = make_document(db)
        infra = make_task(db, document=document, clause="III.3.a")
        gov = make_task(db, document=document, clause="III.7.b")
        other = make_task(db, document=document, clause="VI.1.a")
        plan = make_plan(
            db,
            document_id=document.id,
            pillars=[
                {"name": "Hạ tầng số", "clause_prefix": "III.3"},
                {"name": "Chính quyền số", "clause_prefix": "III.7"},
            ],
        )
        assert link_tasks(db, plan_code=plan.code, links={}, actor=None) == 3
        groups = {g["code"]: [t["id"] for t in g["tasks"]] for g in tasks_by_pillar(db, plan)}
        assert groups == {"ha-tang-so": [infra.id], "chinh-quyen-so": [gov.id], None: [other.id]}
