"""Bulk actions on the task list (issue 15.2): API and pages, each row checked as the single
action checks it, refused rows untouched, one audit row per change (both databases)."""

from __future__ import annotations

import io
from datetime import date

from apihelp import login
from builders import agency_id, make_task
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pagehelp import html, page_session, texts
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.models import AssignmentMove
from dxtrack.audit.models import AuditEntry
from dxtrack.notifications.models import ExplanationRequest
from dxtrack.tasks.models import Assignment, TaskParty

AT = "2025-12-15"


def one_assignment(db: Session, **task: object) -> Assignment:
    made = make_task(db, **task)  # type: ignore[arg-type]
    return db.scalars(select(Assignment).where(Assignment.task_id == made.id)).one()


def rows(db: Session) -> tuple[Assignment, Assignment, Assignment]:
    """Two overdue assignments (Sở Y tế, Công an tỉnh) and one done (Sở Y tế)."""
    late = one_assignment(db, deadline=date(2025, 12, 1))
    other = one_assignment(db, lead=["Công an tỉnh"], deadline=date(2025, 11, 20))
    done = one_assignment(db, deadline=date(2025, 12, 5))
    done.completed_on, done.state = date(2025, 12, 3), "done"
    db.flush()
    return late, other, done


def audits(db: Session, action: str) -> int:
    return db.scalar(select(func.count()).where(AuditEntry.action == action)) or 0


def post(client: TestClient, headers: dict[str, str], **body: object):
    return client.post("/api/v1/assignments/bulk", headers=headers, json={"at": AT, **body})


class TestBulkApi:
    def test_extend_previews_then_applies_each_allowed_row(self, client: TestClient, db: Session):
        late, other, done = rows(db)
        headers = login(client, db, "dieuphoi")
        body = {"action": "extend", "ids": [late.id, other.id, done.id],
                "deadline": "2026-01-31", "reason": "Chờ nguồn vốn"}  # fmt: skip
        preview = post(client, headers, dry_run=True, **body).json()
        assert (preview["would_apply"], preview["refused"]) == (2, 1)
        refused = [i for i in preview["items"] if i["result"] == "refused"]
        assert refused[0]["assignment_id"] == done.id
        assert refused[0]["detail"] == "Phân công đã hoàn thành: không gia hạn."
        assert audits(db, "assignment.extend") == 0  # the preview kept nothing
        applied = post(client, headers, **body).json()
        assert (applied["applied"], applied["refused"]) == (2, 1)
        for item in (late, other, done):
            db.refresh(item)
        assert late.deadline == other.deadline == date(2026, 1, 31)
        assert late.original_deadline == date(2025, 12, 1)
        assert done.deadline == date(2025, 12, 5)  # refused: untouched
        assert audits(db, "assignment.extend") == 2
        entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "assignment.extend"))
        assert entry is not None and entry.after["reason"] == "Chờ nguồn vốn"

    def test_officers_are_refused_per_row_as_for_the_single_action(
        self, client: TestClient, db: Session
    ):
        late, other, _ = rows(db)
        headers = login(client, db, "syt")
        body = {"action": "extend", "ids": [late.id], "deadline": "2026-01-31", "reason": "x"}
        answer = post(client, headers, **body)
        assert answer.status_code == 200
        item = answer.json()["items"][0]
        assert item["result"] == "refused"
        assert item["detail"] == "Bạn không có quyền thực hiện thao tác này."
        db.refresh(late)
        assert late.deadline == date(2025, 12, 1)
        # an officer exports only their agency's rows
        exported = post(client, headers, action="export", ids=[late.id, other.id])
        sheet = load_workbook(io.BytesIO(exported.content)).active
        agencies = {row[3] for row in sheet.iter_rows(values_only=True)}
        assert "Sở Y tế" in agencies and "Công an tỉnh" not in agencies

    def test_explanations_only_for_overdue_rows(self, client: TestClient, db: Session):
        late, _, done = rows(db)
        headers = login(client, db, "dieuphoi")
        answer = post(client, headers, action="explain", ids=[late.id, done.id], message="Báo cáo")
        items = {i["assignment_id"]: i for i in answer.json()["items"]}
        assert items[late.id]["result"] == "applied"
        assert items[done.id]["detail"] == "Chỉ yêu cầu giải trình đối với nhiệm vụ đang quá hạn."
        assert db.scalar(select(func.count()).select_from(ExplanationRequest)) == 1

    def test_reassign_moves_with_history_and_refuses_group_members(
        self, client: TestClient, db: Session
    ):
        late = one_assignment(db, deadline=date(2025, 12, 1))
        grouped = make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 1))
        member = db.scalars(select(Assignment).where(Assignment.task_id == grouped.id)).first()
        assert member is not None
        headers = login(client, db, "dieuphoi")
        body = {"action": "reassign", "ids": [late.id, member.id], "agency": "cong-an-tinh",
                "reason": "Đúng chức năng"}  # fmt: skip
        items = {i["assignment_id"]: i for i in post(client, headers, **body).json()["items"]}
        assert items[late.id]["result"] == "applied"
        assert "nhóm cơ quan" in items[member.id]["detail"]
        db.refresh(late)
        assert late.agency_id == agency_id(db, "cong-an-tinh")
        move = db.scalars(
            select(AssignmentMove).where(AssignmentMove.assignment_id == late.id)
        ).one()
        assert move.from_agency_id == agency_id(db, "so-y-te")
        party = db.scalars(select(TaskParty).where(TaskParty.task_id == late.task_id)).one()
        assert party.agency_id == agency_id(db, "cong-an-tinh")
        assert audits(db, "assignment.reassign") == 1

    def test_reassign_refuses_an_agency_that_has_ended(self, client: TestClient, db: Session):
        late = one_assignment(db, deadline=date(2025, 12, 1))
        merge_agencies(
            db, codes=["cong-an-tinh"], into="so-tu-phap", on=date(2025, 7, 1), name=None,
            actor=None,
        )  # fmt: skip
        headers = login(client, db, "dieuphoi")
        body = {"action": "reassign", "ids": [late.id], "agency": "cong-an-tinh",
                "reason": "Đúng chức năng"}  # fmt: skip
        (item,) = post(client, headers, **body).json()["items"]
        assert item["result"] != "applied"
        assert "đơn vị kế thừa" in item["detail"]
        db.refresh(late)
        assert late.agency_id == agency_id(db, "so-y-te")
        assert audits(db, "assignment.reassign") == 0

    def test_all_matching_the_filter(self, client: TestClient, db: Session):
        late, other, _ = rows(db)
        headers = login(client, db, "dieuphoi")
        body = {"action": "explain", "all_matching": True,
                "filters": {"agency": "cong-an-tinh", "status": "overdue"}, "dry_run": True}  # fmt: skip
        items = post(client, headers, **body).json()["items"]
        assert [i["assignment_id"] for i in items] == [other.id]
        bad = post(client, headers, action="extend", ids=[late.id], reason="x")
        assert bad.status_code == 422 and "thời hạn mới" in bad.json()["detail"]


class TestBulkPages:
    def test_select_confirm_apply(self, client: TestClient, db: Session):
        late, other, done = rows(db)
        csrf = page_session(client, db, "dieuphoi")
        listing = html(client.get(f"/tasks?at={AT}").text)
        assert listing.xpath("//form[@id='bulk-form']//input[@name='csrf_token']")
        boxes = listing.xpath("//input[@name='ids'][@form='bulk-form']/@value")
        assert {str(late.id), str(other.id), str(done.id)} <= set(boxes)
        form = {"csrf_token": csrf, "action": "extend", "ids": [late.id, done.id],
                "deadline": "31/01/2026", "reason": "Chờ vốn"}  # fmt: skip
        confirm = client.post("/tasks/bulk", data=form | {"view": f"at={AT}"})
        assert confirm.status_code == 200, confirm.text
        page = html(confirm.text)
        assert texts(confirm.text, "//tr[@class='accepted']/td[@data-label='Thay đổi']") == [
            "Thời hạn 01/12/2025 → 31/01/2026"
        ]
        refused = texts(confirm.text, "//tr[@class='refused']/td[@data-label='Kết quả dự kiến']")
        assert "Phân công đã hoàn thành" in refused[0]
        assert page.xpath("//form[@action='/tasks/bulk/apply']//input[@name='ids']/@value") == [
            str(late.id)
        ]
        assert audits(db, "assignment.extend") == 0
        apply = {"csrf_token": csrf, "action": "extend", "at": AT, "ids": [late.id],
                 "deadline": "2026-01-31", "reason": "Chờ vốn", "back": "/tasks"}  # fmt: skip
        done_page = client.post("/tasks/bulk/apply", data=apply)
        assert "Đã áp dụng 1 thay đổi" in done_page.text
        db.refresh(late)
        assert late.deadline == date(2026, 1, 31) and audits(db, "assignment.extend") == 1

    def test_without_csrf_nothing_happens(self, client: TestClient, db: Session):
        late, _, _ = rows(db)
        page_session(client, db, "dieuphoi")
        form = {"action": "extend", "ids": [late.id], "deadline": "31/01/2026", "reason": "x"}
        refused = client.post("/tasks/bulk/apply", data=form | {"at": AT})
        assert refused.status_code == 403 and "Phiên biểu mẫu" in refused.text

    def test_export_of_ticked_rows(self, client: TestClient, db: Session):
        _, other, _ = rows(db)
        csrf = page_session(client, db, "lanhdao")
        form = {"csrf_token": csrf, "action": "export", "ids": [other.id]}
        response = client.post("/tasks/bulk", data=form | {"view": f"at={AT}"})
        sheet = load_workbook(io.BytesIO(response.content)).active
        agencies = [row[3] for row in sheet.iter_rows(values_only=True) if row[3]]
        assert "Công an tỉnh" in agencies and "Sở Y tế" not in agencies
