"""Roll-up index per agency and per pillar: task on-time rate + indicator achievement."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_document, make_task, make_user
from sqlalchemy import select

from dxtrack.errors import Invalid
from dxtrack.indicators.rollup import rollup
from dxtrack.indicators.schemas import PillarCreate, RollupWeights
from dxtrack.indicators.service import link_tasks
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress

from .factory import make_indicator, make_plan, measure

AT = date(2025, 12, 9)


def build(db, settings):
    """Sở Y tế: task done on time, indicator achieved. Công an tỉnh: task overdue, 1 of 2
    indicators achieved. Pillars: hạ tầng số (the Sở Y tế task), chính quyền số (Công an)."""
    document = make_document(db)
    done = make_task(db, document=document, lead=["Sở Y tế"], deadline=date(2025, 12, 5),
                     clause="III.3.a")  # fmt: skip
    make_task(db, document=document, lead=["Công an tỉnh"], deadline=date(2025, 12, 1),
              clause="III.7.a")  # fmt: skip
    assignment = db.scalars(select(Assignment).where(Assignment.task_id == done.id)).one()
    report_progress(
        db, assignment_id=assignment.id, settings=settings, actor=make_user(db, "syt"),
        expected_version=None,
        data=ProgressInput(state=ProgressState.done, completed_on=date(2025, 12, 4)),
    )  # fmt: skip
    plan = make_plan(
        db,
        document_id=document.id,
        pillars=[
            PillarCreate(name="Hạ tầng số", clause_prefix="III.3"),
            PillarCreate(name="Chính quyền số", clause_prefix="III.7"),
        ],
    )
    link_tasks(db, plan_code=plan.code, links={}, actor=None)
    measure(db, make_indicator(db, plan, agency="so-y-te", pillar="ha-tang-so"), 90,
            settings=settings, as_of=AT)  # fmt: skip
    for value in (90, 10):
        indicator = make_indicator(db, plan, agency="cong-an-tinh", pillar="chinh-quyen-so")
        measure(db, indicator, value, settings=settings, as_of=AT)
    return plan


class TestRollup:
    def test_agencies_ranked_by_composite(self, db, settings):
        plan = build(db, settings)
        index = rollup(db, plan_code=plan.code, at=AT)
        rows = {r["code"]: r for r in index["agencies"]}
        assert rows["so-y-te"]["task_on_time_rate"] == 1.0
        assert rows["so-y-te"]["score"] == 1.0 and rows["so-y-te"]["rank"] == 1
        police = rows["cong-an-tinh"]
        assert (police["task_on_time_rate"], police["indicator_rate"]) == (0.0, 0.5)
        assert police["score"] == 0.25 and police["rank"] == 2

    def test_pillars(self, db, settings):
        plan = build(db, settings)
        rows = {r["code"]: r for r in rollup(db, plan_code=plan.code, at=AT)["pillars"]}
        assert rows["ha-tang-so"]["score"] == 1.0
        assert rows["chinh-quyen-so"]["assigned"] == 1
        assert rows["chinh-quyen-so"]["score"] == 0.25

    def test_weights_are_configurable(self, db, settings):
        plan = build(db, settings)
        weights = RollupWeights(tasks=0, indicators=1)
        rows = {
            r["code"]: r
            for r in rollup(db, plan_code=plan.code, at=AT, weights=weights)["agencies"]
        }
        assert rows["cong-an-tinh"]["score"] == 0.5

    def test_missing_component_uses_the_other(self, db, settings):
        plan = make_plan(db)
        measure(db, make_indicator(db, plan, agency="so-y-te"), 90, settings=settings, as_of=AT)
        rows = rollup(db, plan_code=plan.code, at=AT)["agencies"]
        assert rows == [
            {"code": "so-y-te", "name": "Sở Y tế", "assigned": 0, "task_on_time_rate": None,
             "indicators": 1, "indicator_rate": 1.0,
             "sentence": "1/1 chỉ tiêu đạt (100%), 0/1 chưa đánh giá", "score": 1.0, "rank": 1},
        ]  # fmt: skip

    def test_zero_weights_refused(self, db, plan):
        with pytest.raises(Invalid):
            rollup(db, plan_code=plan.code, at=AT, weights=RollupWeights(tasks=0, indicators=0))


class TestProvinceRollup:
    def test_levels_across_plans(self, db, settings):
        first = build(db, settings)
        second = make_plan(db)
        measure(db, make_indicator(db, second, agency="so-y-te", pillar="ha-tang-so"), 10,
                settings=settings, as_of=AT)  # fmt: skip
        index = rollup(db, plan_code=None, at=AT)
        assert index["plan"] is None
        plans = {r["code"]: r for r in index["plans"]}
        assert plans[first.code]["indicator_rate"] == round(2 / 3, 4)
        assert plans[second.code]["indicator_rate"] == 0.0 and plans[second.code]["assigned"] == 0
        agencies = {r["code"]: r for r in index["agencies"]}
        assert agencies["so-y-te"]["indicators"] == 2
        assert agencies["so-y-te"]["indicator_rate"] == 0.5
        pillars = {r["code"]: r for r in index["pillars"]}
        assert pillars["ha-tang-so"]["indicators"] == 2
        assert pillars["ha-tang-so"]["assigned"] == 1
