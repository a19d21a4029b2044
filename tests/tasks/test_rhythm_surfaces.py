"""The reporting rhythm on the dashboard, the task list, the agencies, the sheet, the API."""

from __future__ import annotations

from datetime import timedelta

from apihelp import login
from builders import make_task, make_user
from fastapi.testclient import TestClient
from pagehelp import html, one, page_session, texts
from sheethelp import columns, open_sheet, rows_by_id
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.rhythm import current_period
from dxtrack.tasks.sheet import export_sheet
from dxtrack.tasks.stats import status_report


def undated(db: Session, lead: str = "Sở Y tế") -> Assignment:
    task = make_task(db, lead=[lead])
    return db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()


def two_undated(db: Session) -> tuple[Assignment, Assignment]:
    """One updated this month, one last reported the month before."""
    updated, stale = undated(db), undated(db)
    start = current_period("monthly", vn.today()).start
    updated.last_report_on, stale.last_report_on = start, start - timedelta(days=1)
    db.flush()
    return updated, stale


class TestPages:
    def test_dashboard_sentence_and_stale_list(self, client: TestClient, db: Session):
        updated, stale = two_undated(db)
        page_session(client, db, "syt")
        text = client.get("/").text
        link = one(text, "//a[@data-testid='rhythm-sentence']")
        assert (link.get("data-stale"), link.get("data-total")) == ("1", "2")
        month = current_period("monthly", vn.today()).label
        assert f"1/2 nhiệm vụ thường xuyên chưa cập nhật trong {month}" in link.text_content()
        listed = client.get(link.get("href")).text
        ids = [int(i) for i in html(listed).xpath("//tr[@data-assignment]/@data-assignment")]
        assert ids == [stale.id] and updated.id not in ids
        assert texts(listed, "//div[@data-rhythm]") == [f"Chưa cập nhật trong kỳ {month}"]

    def test_dashboard_at_a_past_date_has_no_rhythm(self, client: TestClient, db: Session):
        two_undated(db)
        page_session(client, db, "syt")
        past = (vn.today() - timedelta(days=40)).isoformat()
        assert not texts(client.get(f"/?at={past}").text, "//*[@data-testid='rhythm']")

    def test_agencies_column(self, client: TestClient, db: Session):
        two_undated(db)
        page_session(client, db, "dieuphoi")
        cell = texts(client.get("/agencies").text, "//td[@data-rhythm='so-y-te']")
        assert cell == ["1/2"]


class TestSheetAndApi:
    def test_sheet_column_and_filter(self, db: Session):
        updated, stale = two_undated(db)
        officer = make_user(db, "syt")
        data = export_sheet(db, user=officer, due_soon_days=7)
        sheet = open_sheet(data).worksheets[0]
        column, rows = columns(sheet)["Cập nhật trong kỳ"], rows_by_id(sheet)
        assert sheet.cell(row=rows[stale.id], column=column).value.startswith("Chưa cập nhật")
        assert sheet.cell(row=rows[updated.id], column=column).value.startswith("Đã cập nhật")
        only = export_sheet(db, user=officer, due_soon_days=7, rhythm="stale")
        assert list(rows_by_id(open_sheet(only).worksheets[0])) == [stale.id]

    def test_status_json_and_api(self, client: TestClient, db: Session):
        two_undated(db)
        document = status_report(db, at=vn.today())
        assert document["rhythm"]["stale"] >= 1 and "period" in document["rhythm"]
        [health] = [row for row in document["agencies"] if row["code"] == "so-y-te"]
        assert (health["rhythm"]["total"], health["rhythm"]["stale"]) == (2, 1)
        headers = login(client, db, "syt")
        body = client.get("/api/v1/rhythm", headers=headers).json()
        assert (body["total"], body["updated"], body["stale"]) == (2, 1, 1)

    def test_cadence_api(self, client: TestClient, db: Session):
        _updated, stale = two_undated(db)
        headers = login(client, db, "dieuphoi")
        response = client.put(
            f"/api/v1/tasks/{stale.task_id}/cadence", json={"cadence": "yearly"}, headers=headers
        )
        assert response.status_code == 200, response.text
        db.refresh(stale)
        assert stale.cadence == "yearly"
        officer = login(client, db, "syt")
        assert client.get("/api/v1/rhythm", headers=officer).json()["stale"] == 0
        refused = client.put(
            f"/api/v1/tasks/{stale.task_id}/cadence", json={"cadence": "weekly"}, headers=headers
        )
        assert refused.status_code == 422


class TestCadenceForm:
    def test_staff_set_cadence_on_the_task_page(self, client: TestClient, db: Session):
        one = undated(db)
        csrf = page_session(client, db, "dieuphoi")
        page = client.get(f"/tasks/{one.task_id}").text
        assert texts(page, "//dd[@id='cadence']")[0].startswith("Hằng tháng")
        response = client.post(
            f"/tasks/{one.task_id}/cadence",
            data={"csrf_token": csrf, "cadence": "quarterly"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        db.refresh(one)
        assert one.cadence == "quarterly"
        assert texts(client.get(f"/tasks/{one.task_id}").text, "//dd[@id='cadence']")[0].startswith(
            "Hằng quý"
        )

    def test_officer_sees_no_form(self, client: TestClient, db: Session):
        one = undated(db)
        page_session(client, db, "syt")
        page = client.get(f"/tasks/{one.task_id}").text
        assert texts(page, "//dd[@id='cadence']") and not html(page).xpath(
            "//form[@id='cadence-form']"
        )
