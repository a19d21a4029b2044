"""Digests remind undated work not updated in its period, before the period ends."""

from __future__ import annotations

from datetime import date

from builders import make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.notifications.compose import Context, compose_digest
from dxtrack.notifications.digest import Recipient, collect_agency_items
from dxtrack.notifications.models import RuleKind
from dxtrack.tasks.models import Assignment

AT = date(2026, 3, 28)  # three days before the end of March (and of the first quarter)
RULES = {RuleKind.before_deadline: [3], RuleKind.on_deadline: [0]}


def undated(db: Session, lead: str) -> Assignment:
    task = make_task(db, lead=[lead])
    return db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()


class TestRhythmDigest:
    def test_stale_undated_work_listed_near_period_end(self, db: Session):
        stale, updated = undated(db, "Sở Y tế"), undated(db, "Sở Y tế")
        updated.last_report_on = date(2026, 3, 2)
        stale.last_report_on = date(2026, 2, 27)  # last month: not this period
        db.flush()
        user = make_user(db, "syt")
        items = collect_agency_items(db, at=AT, rules=RULES)[user.agency_id]
        assert [i.assignment_id for i in items.rhythm] == [stale.id]
        assert items.rhythm[0].deadline == date(2026, 3, 31) and items.period == "tháng 3/2026"
        recipient = Recipient(user.id, user.username, "Cán bộ", None, "officer", user.agency_id)
        ctx = Context(at=AT, base_url="http://127.0.0.1:8000", agency_code="so-y-te")
        digest = compose_digest(ctx, recipient, items, [], [])
        assert digest is not None
        assert "1 nhiệm vụ thường xuyên chưa cập nhật trong kỳ" in digest.subject
        assert "NHIỆM VỤ THƯỜNG XUYÊN CHƯA CẬP NHẬT TRONG KỲ" in digest.text
        assert "chưa cập nhật trong tháng 3/2026" in digest.text
        assert f"/assignments/{stale.id}/report" in digest.html

    def test_nothing_on_other_days(self, db: Session):
        user = make_user(db, "syt")
        undated(db, "Sở Y tế")
        items = collect_agency_items(db, at=date(2026, 3, 10), rules=RULES)
        assert items.get(user.agency_id) is None or not items[user.agency_id].rhythm
