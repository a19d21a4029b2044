"""Nhiệm vụ: list filters and Vietnamese sorting, XLSX export, task page, progress report form."""

from __future__ import annotations

import io
from datetime import date

from builders import make_task, make_user, minimal_pdf
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pagehelp import html, one, page_session, texts
from sqlalchemy import event
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress


def _agencies(text: str) -> list[str]:
    return texts(text, "//tr[@data-assignment]/td[@data-label='Cơ quan']/a")


class TestList:
    def test_filter_by_status_and_text(self, client: TestClient, db: Session):
        make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 1))
        make_task(db, lead=["Sở Tài chính"], deadline=date(2026, 3, 1))
        page_session(client, db, "dieuphoi")
        text = client.get("/tasks?at=2025-12-11&status=overdue&q=thử nghiệm").text
        assert "Sở Y tế" in _agencies(text) and "Sở Tài chính" not in _agencies(text)
        form = html(text)
        assert form.xpath("//select[@name='status']/option[@selected]/@value") == ["overdue"]

    def test_sort_by_agency_in_vietnamese_order(self, client: TestClient, db: Session):
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        page_session(client, db, "dieuphoi")
        names = _agencies(client.get("/tasks?sort=agency").text)
        assert len(names) > 10 and names == sorted(names, key=vn.sort_key)
        descending = _agencies(client.get("/tasks?sort=-agency").text)
        assert descending == sorted(descending, key=vn.sort_key, reverse=True)

    def test_htmx_gets_the_results_fragment(self, client: TestClient, db: Session):
        make_task(db)
        page_session(client, db, "dieuphoi")
        response = client.get("/tasks", headers={"HX-Request": "true"})
        assert "<html" not in response.text and "data-assignment" in response.text

    def test_officer_sees_only_own_agency(self, client: TestClient, db: Session):
        make_task(db, lead=["Sở Y tế"])
        make_task(db, lead=["Công an tỉnh"])
        page_session(client, db, "syt")
        text = client.get("/tasks").text
        assert set(_agencies(text)) == {"Sở Y tế"}
        assert not html(text).xpath("//select[@name='agency']")


class TestExport:
    def test_xlsx_is_the_current_view(self, client: TestClient, db: Session):
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        page_session(client, db, "dieuphoi")
        query = "at=2025-12-11&status=overdue&sort=agency"
        listed = _agencies(client.get(f"/tasks?{query}").text)
        response = client.get(f"/tasks/export.xlsx?{query}")
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header = rows.index(next(r for r in rows if r[0] == "Văn bản"))
        exported = [r[3] for r in rows[header + 1 :]]
        assert exported == listed and rows[header + 1][7] == "Quá hạn"
        assert rows[header + 1][6].date() == date(2025, 12, 10)


class TestTaskPage:
    def test_assignments_with_status(self, client: TestClient, db: Session):
        task = make_task(
            db, lead=["Sở Y tế"], coordinators=["Sở Tài chính"], deadline=date(2025, 12, 10)
        )
        page_session(client, db, "lanhdao")
        text = client.get(f"/tasks/{task.id}?at=2025-12-09").text
        assert len(html(text).xpath("//article[@data-assignment]")) == 2
        assert texts(text, "//article[@data-assignment]//span[contains(@class,'badge')]") == [
            "Sắp đến hạn",
            "Sắp đến hạn",
        ]
        assert not html(text).xpath(
            "//a[starts-with(@href,'/assignments/')]"
        )  # viewers do not report

    def test_officer_of_other_agency_gets_404(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Công an tỉnh"])
        page_session(client, db, "syt")
        assert client.get(f"/tasks/{task.id}").status_code == 404

    def test_queries_do_not_grow_with_assignments(
        self, client: TestClient, db: Session, settings: Settings
    ):
        """No N+1: a task with 17 reported assignments costs the queries of one with 1."""
        small = make_task(db, lead=["Sở Y tế"])
        large = make_task(db, lead=["Các sở, ban, ngành tỉnh"])
        admin = make_user(db, "quantri")
        for task in (small, large):
            for assignment in db.query(Assignment).filter(Assignment.task_id == task.id):
                report_progress(
                    db,
                    assignment_id=assignment.id,
                    data=ProgressInput(
                        state=ProgressState.in_progress, percent=50, note="Đang làm"
                    ),
                    expected_version=None,
                    settings=settings,
                    actor=admin,
                )
        page_session(client, db, "dieuphoi")
        statements: list[str] = []
        connection = db.connection()
        listener = lambda *args: statements.append(args[2])
        counts = []
        for task in (small, large):
            statements.clear()
            event.listen(connection, "before_cursor_execute", listener)
            try:
                text = client.get(f"/tasks/{task.id}").text
            finally:
                event.remove(connection, "before_cursor_execute", listener)
            counts.append(len(statements))
            shown = len(html(text).xpath("//article[@data-assignment]"))
            assert shown == db.query(Assignment).filter(Assignment.task_id == task.id).count()
        assert shown > 10 and counts[1] <= counts[0], counts


def _assignment(db: Session, task_id: int) -> Assignment:
    return db.query(Assignment).filter(Assignment.task_id == task_id).one()


class TestReportForm:
    def test_form_fields_are_labelled(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"])
        page_session(client, db, "syt")
        text = client.get(f"/assignments/{_assignment(db, task.id).id}/report").text
        page = html(text)
        for field_id in (
            "percent",
            "completed_on",
            "note",
            "difficulties",
            "proposals",
            "files",
            "photo",
        ):
            assert page.xpath(f"//label[@for='{field_id}']"), field_id
        camera = one(text, "//input[@id='photo']")
        assert camera.get("capture") == "environment" and "image/*" in camera.get("accept")
        assert one(text, "//input[@id='files']").get("multiple") is not None

    def test_report_with_evidence(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 10))
        assignment = _assignment(db, task.id)
        csrf = page_session(client, db, "syt")
        response = client.post(
            f"/assignments/{assignment.id}/report",
            data={
                "csrf_token": csrf,
                "version": str(assignment.version),
                "state": "done",
                "completed_on": "05/12/2025",
                "note": "Đã hoàn thành rà soát.",
            },
            files=[("files", ("bien-ban.pdf", minimal_pdf(), "application/pdf"))],
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        text = client.get(response.headers["location"] + "&at=2025-12-11").text
        assert "Đã ghi nhận báo cáo tiến độ." in text
        assert texts(text, "//ul[@class='evidence']//a") == ["bien-ban.pdf"]
        assert texts(text, "//article//span[contains(@class,'badge')]") == ["Hoàn thành đúng hạn"]

    def test_other_agency_cannot_reach_form(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Công an tỉnh"])
        assignment = _assignment(db, task.id)
        csrf = page_session(client, db, "syt")
        db.commit()  # a refused request rolls back; keep the data it was refused on
        assert client.get(f"/assignments/{assignment.id}/report").status_code == 404
        response = client.post(
            f"/assignments/{assignment.id}/report",
            data={"csrf_token": csrf, "version": "1", "state": "in_progress"},
        )
        assert response.status_code == 403 and "của cơ quan mình" in response.text
        db.refresh(assignment)
        assert assignment.version == 1

    def test_viewer_is_refused(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"])
        page_session(client, db, "lanhdao")
        assert client.get(f"/assignments/{_assignment(db, task.id).id}/report").status_code == 403

    def test_stale_form_is_refused_and_input_kept(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"])
        assignment = _assignment(db, task.id)
        csrf = page_session(client, db, "syt")
        db.commit()
        data = {"version": "1", "state": "in_progress", "percent": "40", "note": "Lần một"}
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
        first = client.post(f"/assignments/{assignment.id}/report", data=data, headers=headers)
        assert first.status_code == 204 and first.headers["HX-Redirect"].startswith("/tasks/")
        stale = client.post(f"/assignments/{assignment.id}/report", data=data, headers=headers)
        assert stale.status_code == 409
        assert stale.headers["HX-Retarget"] == "#messages"  # the form itself is not replaced
        assert "Phân công đã có báo cáo mới hơn" in stale.text

    def test_bad_completion_date(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"])
        csrf = page_session(client, db, "syt")
        response = client.post(
            f"/assignments/{_assignment(db, task.id).id}/report",
            data={
                "csrf_token": csrf,
                "version": "1",
                "state": "done",
                "completed_on": "32/13/2025",
            },
        )
        assert response.status_code == 422 and "Ngày hoàn thành không hợp lệ" in response.text
