"""Pages: the bell, the notification list, explanation requests end to end, rules."""

from __future__ import annotations

from datetime import timedelta

from builders import make_task, make_user
from fastapi.testclient import TestClient
from pagehelp import html, one, page_session, texts
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.notifications import explanations as ex
from dxtrack.tasks.models import Assignment


def asked(db: Session) -> int:
    """An explanation request for a Sở Y tế assignment overdue since 20 days."""
    task = make_task(db, deadline=vn.today() - timedelta(days=20))
    assignment_id = db.scalars(select(Assignment.id).where(Assignment.task_id == task.id)).one()
    make_user(db, "syt")
    item = ex.request_explanation(
        db,
        assignment_id=assignment_id,
        message="Đề nghị giải trình",
        at=vn.today(),
        actor=make_user(db, "dieuphoi"),
    )
    return item.id


class TestBell:
    def test_base_page_loads_the_bell(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        slot = one(client.get("/").text, "//a[@id='bell']")
        assert slot.get("hx-get") == "/notifications/bell"

    def test_bell_counts_unread(self, client: TestClient, db: Session):
        asked(db)
        page_session(client, db, "syt")
        bell = one(client.get("/notifications/bell").text, "//span[@class='bell-count']")
        assert bell.get("data-unread") == "1"

    def test_opening_marks_read_and_follows_the_link(self, client: TestClient, db: Session):
        request_id = asked(db)
        csrf = page_session(client, db, "syt")
        page = client.get("/notifications").text
        form = one(page, "//li[contains(@class,'unread')]//form")
        token = form.xpath(".//input[@name='csrf_token']/@value")[0]
        assert token == csrf
        action = form.get("action")
        assert client.post(action, data={}, follow_redirects=False).status_code == 403
        response = client.post(action, data={"csrf_token": token}, follow_redirects=False)
        assert response.headers["location"] == f"/notifications/explanations/{request_id}"
        assert (
            html(client.get("/notifications/bell").text).xpath("//span[@class='bell-count']") == []
        )


class TestExplanationPages:
    def test_officer_answers_coordinator_accepts(self, client: TestClient, db: Session):
        request_id = asked(db)
        csrf = page_session(client, db, "syt")
        page = client.get(f"/notifications/explanations/{request_id}").text
        assert one(page, "//form[@aria-label='Giải trình']") is not None
        proposed = (vn.today() + timedelta(days=30)).isoformat()
        response = client.post(
            f"/notifications/explanations/{request_id}/answer",
            data={"csrf_token": csrf, "reason": "Chờ kinh phí", "proposed_deadline": proposed},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        csrf = page_session(client, db, "dieuphoi")
        response = client.post(
            f"/notifications/explanations/{request_id}/decision",
            data={"csrf_token": csrf, "accept": "1", "note": "Đồng ý"},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        page = client.get(f"/notifications/explanations/{request_id}").text
        assert one(page, "//h1/span").get("data-state") == "accepted"
        original = (vn.today() - timedelta(days=20)).strftime("%d/%m/%Y")
        assert texts(page, "//dd[@data-field='original']") == [original]
        extended = (vn.today() + timedelta(days=30)).strftime("%d/%m/%Y")
        assert texts(page, "//dd[@data-field='extended']") == [extended]

    def test_other_agency_officer_gets_404(self, client: TestClient, db: Session):
        request_id = asked(db)
        csrf = page_session(client, db, "cat")
        db.commit()  # keep the setup when the 404 rolls the request back
        assert client.get(f"/notifications/explanations/{request_id}").status_code == 404
        response = client.post(
            f"/notifications/explanations/{request_id}/answer",
            data={"csrf_token": csrf, "reason": "x"},
            follow_redirects=False,
        )
        assert response.status_code == 404, response.headers
        listing = client.get("/notifications/explanations").text
        assert texts(listing, "//td[@class='empty']") == ["Không có yêu cầu giải trình nào."]

    def test_coordinator_requests_for_a_whole_document(self, client: TestClient, db: Session):
        task = make_task(
            db, deadline=vn.today() - timedelta(days=3), lead=["Sở Y tế", "Công an tỉnh"]
        )
        csrf = page_session(client, db, "dieuphoi")
        response = client.post(
            "/notifications/explanations",
            data={
                "csrf_token": csrf,
                "document_id": str(task.document_id),
                "message": "Giải trình",
            },
            follow_redirects=False,
        )
        assert response.status_code == 303
        listing = client.get("/notifications/explanations?state=requested").text
        assert len(html(listing).xpath("//tbody/tr[td[@data-label='Cơ quan']]")) == 2


class TestRulesPage:
    def test_admin_disables_a_rule(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        page = client.get("/notifications/rules").text
        rule_id = html(page).xpath("//tr/@data-rule")[0]
        response = client.post(
            "/notifications/rules",
            data={"csrf_token": csrf, "rule_id": rule_id, "days": "5"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        row = one(client.get("/notifications/rules").text, f"//tr[@data-rule='{rule_id}']")
        assert row.xpath(".//input[@name='enabled']/@checked") == []

    def test_officer_cannot_open_rules(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        assert client.get("/notifications/rules").status_code == 403
