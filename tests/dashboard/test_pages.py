"""Tổng quan: totals equal the API's, every number links to its list, filters stay in the URL."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from builders import make_document, make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session


def _totals(text: str) -> dict[str, int]:
    page = html(text)
    return {
        a.get("data-status"): int(a.xpath(".//span[@data-count]/@data-count")[0])
        for a in page.xpath("//ul[@data-testid='totals']//a")
    }


def _seed(db: Session) -> None:
    make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
    make_task(db, lead=["Công an tỉnh"], deadline=date(2025, 11, 30))
    make_task(db, lead=["Sở Y tế"], deadline=None)


class TestTotals:
    def test_equal_to_api(self, client: TestClient, db: Session):
        _seed(db)
        page_session(client, db, "lanhdao")
        for at in ("2025-12-09", "2025-12-11"):
            page = client.get(f"/?at={at}")
            api = client.get(f"/api/v1/status?at={at}").json()["totals"]
            assert _totals(page.text) == api
        assert _totals(client.get("/?at=2025-12-11").text)["overdue"] >= 2

    def test_officer_sees_own_agency(self, client: TestClient, db: Session):
        _seed(db)
        page_session(client, db, "cat")
        totals = _totals(client.get("/?at=2025-12-11").text)
        assert totals == client.get("/api/v1/status?at=2025-12-11").json()["totals"]
        assert sum(totals.values()) == totals["overdue"] == 2  # its own task and the group's

    def test_numbers_link_to_filtered_list(self, client: TestClient, db: Session):
        _seed(db)
        document = make_document(db)
        make_task(db, document=document, lead=["Sở Y tế"], deadline=date(2025, 12, 1))
        page_session(client, db, "dieuphoi")
        text = client.get(f"/?at=2025-12-11&document_id={document.id}").text
        link = html(text).xpath("//a[@data-status='overdue']/@href")[0]
        query = parse_qs(urlsplit(link).query)
        assert urlsplit(link).path == "/tasks"
        assert query == {
            "at": ["2025-12-11"],
            "status": ["overdue"],
            "document_id": [str(document.id)],
        }
        listed = client.get(link).text
        assert len(html(listed).xpath("//tr[@data-assignment]")) == _totals(text)["overdue"] == 1


class TestSections:
    def test_rankings_overdue_and_upcoming(self, client: TestClient, db: Session):
        _seed(db)
        page_session(client, db, "dieuphoi")
        text = client.get("/?at=2025-12-05").text
        ranked = texts(text, "//section[@aria-labelledby='rank-overdue-h']//tbody//td[2]")
        assert ranked == ["Công an tỉnh"]
        overdue_rows = html(text).xpath("//section[@aria-labelledby='overdue-h']//tr[@data-task]")
        assert len(overdue_rows) == 1
        upcoming = texts(text, "//ul[@class='upcoming']/li//span[@class='total-num']")
        assert int(upcoming[0].replace(".", "")) >= 17  # every department, due 10/12

    def test_overdue_grouped_by_task_for_staff_per_assignment_for_officers(
        self, client: TestClient, db: Session
    ):
        task = make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        page_session(client, db, "lanhdao")
        text = client.get("/?at=2025-12-11").text
        rows = html(text).xpath("//*[@data-testid='overdue-tasks']//tr[@data-task]")
        assert [r.get("data-task") for r in rows] == [str(task.id)]
        cell = texts(text, "//tr[@data-task]/td[2]")[0]
        assert cell.split(" cơ quan")[0].isdigit() and int(cell.split(" cơ quan")[0]) > 3
        assert texts(text, "//tr[@data-task]/td[4]") == ["1 ngày"]
        page_session(client, db, "syt")
        mine = html(client.get("/?at=2025-12-11").text)
        (item,) = mine.xpath("//*[@data-testid='own-overdue']//div[@data-assignment]")
        assert item.xpath(".//a[text()='Báo cáo tiến độ']/@href")[0].endswith("/report")
        assert not mine.xpath("//*[@data-testid='overdue-tasks']")

    def test_chart_data_is_embedded(self, client: TestClient, db: Session):
        _seed(db)
        page_session(client, db, "lanhdao")
        chart = html(client.get("/").text).xpath("//div[@id='status-chart']/@data-chart")[0]
        assert "Quá hạn" in chart

    def test_date_shown_dd_mm_yyyy(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        text = client.get("/?at=2025-12-09").text
        assert "tại ngày 09/12/2025" in texts(text, "//h1")[0]
        assert html(text).xpath("//input[@name='at']/@value") == ["09/12/2025"]


class TestPlanFilter:
    def test_plan_and_pillar_restrict_the_view(self, client: TestClient, db: Session):
        from dxtrack.indicators.schemas import PillarCreate, PlanCreate
        from dxtrack.indicators.service import create_plan, link_tasks

        document = make_document(db)
        in_pillar = make_task(db, document=document, lead=["Sở Y tế"], deadline=date(2025, 12, 1))
        other = make_task(db, document=document, lead=["Công an tỉnh"], deadline=date(2025, 12, 1))
        make_task(db, lead=["Sở Tài chính"], deadline=date(2025, 12, 1))  # not in the plan
        pillars = [PillarCreate(name="Chính quyền số", code="cqs"), PillarCreate(name="Kinh tế số")]
        data = PlanCreate(code="KH-1", name="Kế hoạch thử", year=2025, pillars=pillars)
        create_plan(db, data=data, actor=None)
        link_tasks(db, plan_code="KH-1", links={in_pillar.id: "cqs", other.id: None}, actor=None)
        page_session(client, db, "dieuphoi")
        whole = _totals(client.get("/?at=2025-12-11&plan=KH-1").text)
        assert whole["overdue"] == 2
        text = client.get("/?at=2025-12-11&plan=KH-1&pillar=cqs").text
        assert _totals(text)["overdue"] == 1
        link = html(text).xpath("//a[@data-status='overdue']/@href")[0]
        assert "plan=KH-1" in link and "pillar=cqs" in link
        assert texts(client.get(link).text, "//tr[@data-assignment]/td[2]/a") == ["Sở Y tế"]


class TestOfficerWeek:
    def test_due_this_week_with_report_links(self, client: TestClient, db: Session):
        make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 12))
        make_task(db, lead=["Sở Y tế"], deadline=date(2026, 1, 30))  # later: not listed
        make_task(db, lead=["Công an tỉnh"], deadline=date(2025, 12, 12))  # other agency
        page_session(client, db, "syt")
        page = html(client.get("/?at=2025-12-09").text)
        items = page.xpath("//div[@class='due-item']")
        assert len(items) == 1
        assert items[0].xpath(".//a[text()='Báo cáo tiến độ']/@href")[0].endswith("/report")


class TestIndicatorPanel:
    def _plan(self, db: Session, settings):
        from indicators.factory import make_indicator, make_plan, measure

        plan = make_plan(db)
        ok = make_indicator(db, plan, code="HT02", pillar="ha-tang-so", agency="so-y-te")
        low = make_indicator(db, plan, code="HT01", pillar="ha-tang-so", agency="cong-an-tinh")
        make_indicator(db, plan, code="KT04", pillar="kinh-te-so-va-xa-hoi-so")
        measure(db, ok, 83.17, settings=settings)
        measure(db, low, 71.29, settings=settings)
        return plan

    def test_leader_sees_sentence_and_missed_targets(
        self, client: TestClient, db: Session, settings
    ):
        plan = self._plan(db, settings)
        page_session(client, db, "lanhdao")
        text = client.get("/?at=2025-12-31").text
        panel = f"//*[@data-testid='plan-panel']//*[@data-plan='{plan.code}']"
        assert texts(text, f"{panel}//*[@data-testid='plan-sentence']") == [
            "1/3 chỉ tiêu đạt (33,33%), 1/3 chưa đánh giá"
        ]
        assert html(text).xpath(f"{panel}//li/@data-indicator") == ["HT01"]
        missed = texts(text, f"{panel}//li[@data-indicator='HT01']/span")[0]
        assert missed == "Công an tỉnh: Kết quả 71,29% chưa đạt mục tiêu ≥ 80%"
        link = html(text).xpath(f"{panel}//li[@data-indicator='HT01']/a/@href")[0]
        assert client.get(link).status_code == 200
        # The pillar filter narrows the panel to that pillar's indicators.
        narrowed = client.get(f"/?at=2025-12-31&plan={plan.code}&pillar=kinh-te-so-va-xa-hoi-so")
        assert texts(narrowed.text, "//*[@data-testid='plan-sentence']") == [
            "0/1 chỉ tiêu đạt (0%), 1/1 chưa đánh giá"
        ]

    def test_officer_sees_own_indicators_only(self, client: TestClient, db: Session, settings):
        self._plan(db, settings)
        page_session(client, db, "cat")
        text = client.get("/?at=2025-12-31").text
        assert "Chỉ tiêu do cơ quan bạn phụ trách" in text
        assert texts(text, "//*[@data-testid='plan-sentence']") == [
            "0/1 chỉ tiêu đạt (0%), 0/1 chưa đánh giá"
        ]

    def test_no_plans_no_panel(self, client: TestClient, db: Session):
        _seed(db)
        page_session(client, db, "lanhdao")
        assert html(client.get("/").text).xpath("//*[@data-testid='plan-panel']") == []


class TestOfficerFirst:
    def test_own_work_first_no_rankings(self, client: TestClient, db: Session):
        make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 10))
        make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 15))
        page_session(client, db, "syt")
        page = html(client.get("/?at=2025-12-11").text)
        sections = page.xpath("//main//section/@data-testid | //section/@data-testid")
        assert sections[:2] == ["own-overdue", "own-due-soon"]
        for testid in ("own-overdue", "own-due-soon"):
            (item,) = page.xpath(f"//*[@data-testid='{testid}']//div[@data-assignment]")
            assert item.xpath(".//a[contains(@class,'btn')]/text()") == ["Báo cáo tiến độ"]
        assert not page.xpath("//*[@id='rank-on-time-h' or @id='rank-overdue-h']")

    def test_staff_see_undelivered_tasks(self, client: TestClient, db: Session):
        from dxtrack.tasks.mapping import mark_outside
        from dxtrack.tasks.service import confirm_task, list_parties

        task = make_task(db, lead=["Bộ Công an"], confirm=False)
        (party,) = list_parties(db, task.id)
        mark_outside(db, party_id=party.id, actor=None)
        confirm_task(db, task_id=task.id, actor=None)
        page_session(client, db, "dieuphoi")
        page = html(client.get("/").text)
        (box,) = page.xpath("//*[@data-testid='undelivered']")
        assert "Bộ Công an" in box.text_content()
        assert box.xpath(".//a/@href") == [f"/documents/{task.document_id}#task-{task.id}"]
