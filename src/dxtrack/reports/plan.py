"""Kind `plan` (kết quả thực hiện kế hoạch): the plan's tasks and its indicators.

Tasks are counted like the `tasks` kind, restricted to the plan's linked tasks
(`indicators.service.plan_task_ids`); achievement comes from `indicators.queries.plan_summary()`
and `list_indicator_rows()`, what `dxtrack plans summary` and the plan page show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx.document import Document
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.errors import Invalid
from dxtrack.indicators.achievement import SYMBOLS
from dxtrack.indicators.models import Direction
from dxtrack.indicators.queries import list_indicator_rows, plan_summary
from dxtrack.indicators.service import get_plan, plan_task_ids
from dxtrack.reports.data import Scope, TaskReport
from dxtrack.reports.docx_layout import heading, para
from dxtrack.reports.docx_tables import data_table
from dxtrack.reports.docx_tasks import (
    agency_section,
    feedback_sections,
    general_section,
    overdue_section,
)


@dataclass
class PlanPart:
    summary: dict[str, Any]
    indicators: list[dict[str, Any]]


def plan_scope(db: Session, code: str | None, scope: Scope) -> Scope:
    if not code:
        raise Invalid("Báo cáo kết quả thực hiện kế hoạch cần chọn một kế hoạch.")
    plan = get_plan(db, code)
    return dataclasses.replace(scope, plan_name=plan.name, task_ids=plan_task_ids(plan.id))


def collect_plan(db: Session, *, code: str, at: date) -> PlanPart:
    return PlanPart(
        summary=plan_summary(db, plan_code=code, at=at),
        indicators=list_indicator_rows(db, plan_code=code, at=at),
    )


def target_text(row: dict[str, Any]) -> str:
    direction = Direction(row["direction"])
    if direction not in SYMBOLS:
        return "Đạt"
    return f"{SYMBOLS[direction]} {row['target_text']}"


def _pillar_rows(summary: dict[str, Any]) -> list[list[str]]:
    return [
        [
            str(index),
            pillar["name"],
            str(pillar["total"]),
            str(pillar["achieved"]),
            str(pillar["not_achieved"]),
            str(pillar["not_evaluated"]),
            vn.percent(pillar["rate_all"], trim=False),
        ]
        for index, pillar in enumerate((p for p in summary["pillars"] if p["total"]), start=1)
    ]


def indicator_section(doc: Document, part: PlanPart) -> None:
    summary = part.summary
    heading(doc, "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU")
    if not summary["total"]:
        para(doc, "Kế hoạch chưa có chỉ tiêu.", indent=True)
        return
    para(
        doc,
        f"Có {summary['sentence']}; tỷ lệ đạt trên số chỉ tiêu đã đánh giá là "
        f"{vn.percent(summary['rate_evaluated'])}.",
        indent=True,
    )
    data_table(
        doc,
        ["STT", "Trụ cột", "Số chỉ tiêu", "Đạt", "Không đạt", "Chưa đánh giá", "Tỷ lệ đạt"],
        _pillar_rows(summary),
        widths=[1.2, 6.4, 1.8, 1.5, 1.8, 2.0, 1.8],
        aligns=["center", "left", "right", "right", "right", "right", "right"],
        size=11,
    )
    rows = [
        [str(i), row["name"], target_text(row), row["value_text"], row["achievement_label"]]
        for i, row in enumerate(part.indicators, start=1)
    ]
    data_table(
        doc,
        ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Đánh giá"],
        rows,
        widths=[1.2, 8.6, 2.4, 2.4, 1.9],
        aligns=["center", "left", "center", "center", "center"],
        size=11,
    )


def plan_body(doc: Document, report: TaskReport, part: PlanPart) -> None:
    heading(doc, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA KẾ HOẠCH")
    general_section(doc, report)
    agency_section(doc, report)
    overdue_section(doc, report)
    indicator_section(doc, part)
    feedback_sections(doc, report, first="III")
