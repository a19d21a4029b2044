"""Nhiệm vụ tỉnh nhận (/received): the province's received tasks with their own deadline and
status and the roll-up of the chain below, for admin, coordinator and viewer."""

from __future__ import annotations

from datetime import date

from builders import make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session

from dxtrack.tasks.chain import link_tasks


def _chain(db: Session) -> tuple[int, int]:
    national = make_task(db, lead=["UBND các tỉnh"], deadline=date(2026, 6, 30))
    local = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 1, 31))
    link_tasks(db, child_id=local.id, parent_id=national.id, actor=None)
    return national.id, local.id


class TestReceivedPage:
    def test_own_deadline_and_rollup(self, client: TestClient, db: Session):
        national, _local = _chain(db)
        page_session(client, db, "lanhdao")
        text = client.get("/received?at=01/02/2026").text
        [row] = html(text).xpath(f"//tr[@data-task='{national}']")
        assert "30/06/2026" in row.xpath("string(td[2])")
        assert row.xpath("string(td[3])").strip() == "Đang thực hiện trong hạn"
        rollup = {s.get("data-status"): s.text for s in row.xpath(".//span[@data-status]")}
        assert rollup == {"in_progress": "1", "overdue": "1"}  # the province's own + the Sở's
        assert "Tỉnh nhận" in texts(text, "//nav[@class='main-nav']//a")

    def test_officer_refused_and_no_nav(self, client: TestClient, db: Session):
        _chain(db)
        page_session(client, db, "syt")
        assert client.get("/received").status_code == 403
        assert "Tỉnh nhận" not in texts(client.get("/").text, "//nav[@class='main-nav']//a")

    def test_empty_and_bad_date(self, client: TestClient, db: Session):
        page_session(client, db, "dieuphoi")
        empty = client.get("/received?at=01/01/2000").text
        assert texts(empty, "//td[@class='empty']")
        assert client.get("/received?at=31/02/2026").status_code == 422
