"""The API: explanation requests end to end, permissions, the bell, rules, letter."""

from __future__ import annotations

from datetime import date

from apihelp import login
from builders import make_task
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.tasks.models import Assignment

API = "/api/v1"


def overdue_assignment(db: Session) -> int:
    task = make_task(db, deadline=date(2025, 12, 1))
    return db.scalars(select(Assignment.id).where(Assignment.task_id == task.id)).one()


class TestExplanationFlow:
    def test_ask_answer_accept(self, client: TestClient, db: Session):
        staff, officer = login(client, db, "dieuphoi"), login(client, db, "syt")
        assignment_id = overdue_assignment(db)
        asked = client.post(
            f"{API}/assignments/{assignment_id}/explanation-request",
            json={"message": "Đề nghị giải trình", "at": "2025-12-05"},
            headers=staff,
        )
        assert asked.status_code == 201, asked.text
        request_id = asked.json()["id"]
        bell = client.get(f"{API}/notifications/unread-count", headers=officer).json()
        assert bell == {"unread": 1}
        listed = client.get(f"{API}/explanations", headers=officer).json()
        assert [i["id"] for i in listed] == [request_id]
        answered = client.post(
            f"{API}/explanations/{request_id}/answer",
            json={"reason": "Chờ phân bổ kinh phí", "proposed_deadline": "2025-12-31"},
            headers=officer,
        )
        assert answered.json()["state"] == "answered"
        decided = client.post(
            f"{API}/explanations/{request_id}/decision",
            json={"accept": True, "note": "Đồng ý gia hạn"},
            headers=staff,
        )
        assert decided.json()["state"] == "accepted"
        assignment = db.get(Assignment, assignment_id)
        assert (assignment.original_deadline, assignment.deadline) == (
            date(2025, 12, 1),
            date(2025, 12, 31),
        )

    def test_other_agency_officer_gets_404_and_officer_cannot_ask(
        self, client: TestClient, db: Session
    ):
        staff, police = login(client, db, "dieuphoi"), login(client, db, "cat")
        assignment_id = overdue_assignment(db)
        request_id = client.post(
            f"{API}/assignments/{assignment_id}/explanation-request",
            json={"at": "2025-12-05"},
            headers=staff,
        ).json()["id"]
        assert client.get(f"{API}/explanations/{request_id}", headers=police).status_code == 404
        answer = client.post(
            f"{API}/explanations/{request_id}/answer", json={"reason": "x"}, headers=police
        )
        assert answer.status_code == 404
        assert client.get(f"{API}/explanations", headers=police).json() == []
        ask = client.post(
            f"{API}/assignments/{assignment_id}/explanation-request", json={}, headers=police
        )
        assert ask.status_code == 403


class TestBell:
    def test_read_one_and_all(self, client: TestClient, db: Session):
        staff, officer = login(client, db, "dieuphoi"), login(client, db, "syt")
        for _ in range(2):
            client.post(
                f"{API}/assignments/{overdue_assignment(db)}/explanation-request",
                json={"at": "2025-12-05"},
                headers=staff,
            )
        items = client.get(f"{API}/notifications", headers=officer).json()
        assert items["unread"] == 2
        first = items["items"][0]["id"]
        assert client.post(f"{API}/notifications/{first}/read", headers=officer).json() == {
            "marked": 1
        }
        assert client.post(f"{API}/notifications/read-all", headers=officer).json() == {"marked": 1}
        assert client.post(f"{API}/notifications/{first}/read", headers=staff).status_code == 404


class TestRulesAndLetter:
    def test_admin_edits_rules_coordinator_cannot(self, client: TestClient, db: Session):
        admin, staff = login(client, db, "quantri"), login(client, db, "dieuphoi")
        rules = client.get(f"{API}/notification-rules", headers=staff).json()
        assert sorted((r["kind"], r["days"]) for r in rules) == [
            ("before_deadline", 1),
            ("before_deadline", 7),
            ("difficulty_report", 0),
            ("on_deadline", 0),
            ("overdue_every", 7),
        ]
        rule = next(r for r in rules if r["kind"] == "overdue_every")
        denied = client.patch(
            f"{API}/notification-rules/{rule['id']}", json={"days": 3}, headers=staff
        )
        assert denied.status_code == 403
        changed = client.patch(
            f"{API}/notification-rules/{rule['id']}", json={"days": 3}, headers=admin
        )
        assert changed.json()["days"] == 3

    def test_reminder_letter_docx(self, client: TestClient, db: Session):
        import io

        from docx import Document

        staff = login(client, db, "dieuphoi")
        overdue_assignment(db)
        response = client.get(
            f"{API}/reminder-letters/so-y-te", params={"at": "2025-12-10"}, headers=staff
        )
        assert response.status_code == 200
        doc = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert "Kính gửi: Sở Y tế." in text
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        assert "V/v đôn đốc thực hiện nhiệm vụ quá hạn" in "\n".join(cells)
        assert "9" in cells  # days late: 01/12 -> 10/12


class TestDigestInTheApp:
    def test_digest_visible_without_smtp(self, client: TestClient, db: Session, units, settings):
        from datetime import timedelta

        from dxtrack.notifications.runner import run_notifications

        officer = login(client, db, "syt")
        at = date(2026, 3, 10)
        make_task(db, deadline=at + timedelta(days=1))
        assert run_notifications(units=units, settings=settings, at=at).sent == 0
        digest = client.get(f"{API}/notifications/digests/2026-03-10", headers=officer).json()
        assert digest["state"] == "no_email" and "còn 1 ngày" in digest["text_body"]
        other = login(client, db, "cat")
        missing = client.get(f"{API}/notifications/digests/2026-03-10", headers=other)
        assert missing.status_code == 404
