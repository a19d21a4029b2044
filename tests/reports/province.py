"""A small province for report tests: three agencies, seven assignments, known statuses.

At AT = 31/12/2025 (due soon = 7 days), period 2025-Q4 (Decree 09 window 15/09-14/12/2025):

    Sở Y tế        A 01/10 done 30/09 (on time), B 01/11 done 10/11 (late), C 01/12 overdue 30 days
    Công an tỉnh   D 05/01/2026 due soon, E no deadline, F 15/10 overdue 77 days (difficulties)
    Sở Tài chính   G 01/03/2026 in progress
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from builders import make_document, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.reports.periods import parse_period
from dxtrack.tasks.models import Assignment, ProgressReport, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress

AT = date(2025, 12, 31)
PERIOD = parse_period("2025-Q4")
REPORTED_AT = datetime(2025, 12, 20, 9, 0)
DIFFICULTY = "Thiếu kinh phí triển khai nền tảng dữ liệu."
PROPOSAL = "Đề nghị Sở Tài chính bố trí kinh phí bổ sung"
LATER = "Vướng mắc báo cáo sau ngày lấy số liệu"


@dataclass
class Province:
    assignments: dict[str, Assignment]


def _report(db: Session, settings: Settings, assignment: Assignment, who: str, **kw) -> None:
    report_progress(
        db,
        assignment_id=assignment.id,
        data=ProgressInput(**kw),
        expected_version=None,
        settings=settings,
        actor=make_user(db, who),
    )


def build_province(db: Session, settings: Settings) -> Province:
    document = make_document(db, number="57/KH-UBND")
    plan = {
        "A": ("Sở Y tế", date(2025, 10, 1)),
        "B": ("Sở Y tế", date(2025, 11, 1)),
        "C": ("Sở Y tế", date(2025, 12, 1)),
        "D": ("Công an tỉnh", date(2026, 1, 5)),
        "E": ("Công an tỉnh", None),
        "F": ("Công an tỉnh", date(2025, 10, 15)),
        "G": ("Sở Tài chính", date(2026, 3, 1)),
    }
    found: dict[str, Assignment] = {}
    for clause, (lead, deadline) in plan.items():
        task = make_task(db, document=document, lead=[lead], deadline=deadline, clause=clause)
        found[clause] = db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()
    done = ProgressState.done
    _report(db, settings, found["A"], "syt", state=done, completed_on=date(2025, 9, 30))
    _report(db, settings, found["B"], "syt", state=done, completed_on=date(2025, 11, 10))
    # A report dated before the cut-off (inserted as made then: the history is append-only) ...
    db.add(
        ProgressReport(
            assignment_id=found["F"].id,
            state=ProgressState.blocked,
            percent=40,
            difficulties=DIFFICULTY,
            proposals=PROPOSAL,
            created_at=REPORTED_AT,
        )
    )
    # ... and one made today, after the cut-off: not quoted at AT.
    _report(
        db, settings, found["G"], "quantri", state=ProgressState.in_progress, difficulties=LATER
    )
    db.flush()
    return Province(found)
