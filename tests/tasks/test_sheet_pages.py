"""The Phiếu cập nhật tiến độ page: download, upload, the per-row result table."""

from __future__ import annotations

from builders import make_task, make_user
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sheethelp import fill, open_sheet, rows_by_id
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.tasks.models import Assignment


def _assignment(db: Session, lead: str) -> Assignment:
    task = make_task(db, lead=[lead])
    return db.scalars(select(Assignment).where(Assignment.task_id == task.id)).one()


class TestSheetPage:
    def test_officer_downloads_and_uploads(self, client: TestClient, db: Session):
        one = _assignment(db, "Sở Y tế")
        two = _assignment(db, "Sở Y tế")
        csrf = page_session(client, db, "syt")
        page = html(client.get("/progress-sheet").text)
        assert page.xpath("//form[@id='download-form']") and not page.xpath(
            "//select[@name='agency']"
        )
        sheet = client.get("/progress-sheet/download")
        assert sheet.status_code == 200 and "phieu-tien-do" in sheet.headers["content-disposition"]
        edits = {one.id: {"Trạng thái": "Hoàn thành"}, two.id: {"Trạng thái": "Vướng mắc"}}
        response = client.post(
            "/progress-sheet",
            data={"csrf_token": csrf},
            files=[
                ("file", ("phieu.xlsx", fill(sheet.content, edits), "application/octet-stream")),
                ("evidence", ("", b"", "application/octet-stream")),
            ],
        )
        assert response.status_code == 200, response.text
        results = texts(response.text, "//table[@id='sheet-rows']//td[@data-label='Kết quả']")
        assert results.count("Đã ghi") == 2
        assert f"#{one.id}" in texts(response.text, "//p[@id='no-evidence']")[0]

    def test_staff_choose_agencies(self, client: TestClient, db: Session):
        police = _assignment(db, "Công an tỉnh")
        page_session(client, db, "dieuphoi")
        page = html(client.get("/progress-sheet").text)
        assert page.xpath("//select[@name='agency']/option[@value='cong-an-tinh']")
        sheet = client.get("/progress-sheet/download?agency=cong-an-tinh&at=11/12/2025")
        assert sheet.status_code == 200
        assert list(rows_by_id(open_sheet(sheet.content).worksheets[0])) == [police.id]
        assert "sheet-link" in client.get("/tasks").text

    def test_viewer_refused(self, client: TestClient, db: Session):
        make_user(db, "lanhdao")
        page_session(client, db, "lanhdao")
        assert client.get("/progress-sheet").status_code == 403
