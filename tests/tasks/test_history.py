"""Figures at a past date attribute an assignment to the agency that held it then
(tasks/history.py): before a merger the old agency, from its date the successor."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_task
from fastapi.testclient import TestClient
from pagehelp import page_session, texts
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import merge_agencies
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.stats import scorecard, summarize

ON = date(2026, 3, 1)
BEFORE, AFTER = date(2026, 2, 20), date(2026, 3, 15)


@pytest.fixture
def merged(db: Session) -> None:
    make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 2, 15))  # overdue from 16/02
    make_task(db, lead=["Sở Y tế"], deadline=date(2026, 2, 10))
    merge_agencies(db, codes=["so-tu-phap"], into="so-y-te", on=ON, name=None, actor=None)


def overdue(db: Session, at: date, **options) -> dict[str, int]:
    return {row.code: row.counts["overdue"] for row in scorecard(db, at=at, **options)}


@pytest.mark.usefixtures("merged")
class TestScorecardAtADate:
    @pytest.mark.parametrize("use_counts", [True, False])
    def test_before_the_merger_the_old_agency(self, db: Session, use_counts: bool):
        rows = overdue(db, BEFORE, use_counts=use_counts)
        assert (rows.get("so-tu-phap"), rows.get("so-y-te")) == (1, 1)
        after = overdue(db, AFTER, use_counts=use_counts)
        assert "so-tu-phap" not in after and after["so-y-te"] == 2

    def test_agency_filter_and_groups(self, db: Session):
        old = Filters(agency="so-tu-phap")
        assert summarize(db, at=BEFORE, filters=old)["overdue"] == 1
        assert summarize(db, at=AFTER, filters=old)["overdue"] == 0
        assert summarize(db, at=BEFORE, filters=Filters(agency="so-y-te"))["overdue"] == 1
        totals = summarize(db, at=BEFORE)["overdue"]
        assert totals == summarize(db, at=BEFORE, use_counts=False)["overdue"]
        groups = {r.code: r.counts["overdue"] for r in scorecard(db, at=BEFORE, by="group")}
        assert groups["so-ban-nganh-tinh"] == totals

    def test_fold_puts_the_predecessor_in_its_successor(self, db: Session):
        folded = overdue(db, BEFORE, fold_predecessors=True)
        assert "so-tu-phap" not in folded and folded["so-y-te"] == 2


@pytest.mark.usefixtures("merged")
class TestPagesAtADate:
    def test_agency_page_before_and_after(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")

        def assigned(at: date) -> str:
            page = client.get(f"/agencies/so-tu-phap?at={at.isoformat()}")
            return texts(page.text, "//ul[@data-testid='scorecard']/li[1]//span[1]")[0]

        assert (assigned(BEFORE), assigned(AFTER)) == ("1", "0")
        ending = texts(client.get("/agencies/so-tu-phap").text, "//*[@data-testid='ending']")
        assert "hợp nhất vào Sở Y tế từ ngày 01/03/2026" in ending[0]

    def test_dashboard_agency_table(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")

        def overdue_ranking(at: date) -> dict[str, str]:
            text = client.get(f"/?at={at.isoformat()}").text
            rows = "//section[@aria-labelledby='rank-overdue-h']//tbody/tr"
            names = texts(text, f"{rows}/td[2]/a")
            return dict(zip(names, texts(text, f"{rows}/td[3]/a"), strict=True))

        before, after = overdue_ranking(BEFORE), overdue_ranking(AFTER)
        assert (before.get("Sở Tư pháp"), before.get("Sở Y tế")) == ("1", "1")
        assert "Sở Tư pháp" not in after and after["Sở Y tế"] == "2"

    def test_lists_show_the_holder_at_the_date(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")

        def listed(agency: str, at: date) -> list[str]:
            page = client.get(f"/tasks?agency={agency}&at={at.isoformat()}")
            return texts(page.text, "//tr[@data-assignment]/td[@data-label='Cơ quan']/a")

        assert listed("so-tu-phap", BEFORE) == ["Sở Tư pháp"]  # the number's list agrees
        assert listed("so-tu-phap", AFTER) == []
        assert listed("so-y-te", BEFORE) == ["Sở Y tế"]
        assert listed("so-y-te", AFTER) == ["Sở Y tế", "Sở Y tế"]
        agency_page = client.get(f"/agencies/so-tu-phap?at={BEFORE.isoformat()}").text
        assert len(texts(agency_page, "//tr[@data-assignment]")) == 1

    def test_directory_folds_on_request(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        plain = client.get(f"/agencies?at={BEFORE.isoformat()}").text
        assert texts(plain, "//td/a[text()='Sở Tư pháp']")
        assert "Tiền thân: Sở Tư pháp" in " ".join(
            texts(plain, "//div[@class='muted small former']")
        )
        folded = client.get(f"/agencies?at={BEFORE.isoformat()}&fold=1").text
        assert not texts(folded, "//td/a[text()='Sở Tư pháp']")
        [row] = [r for r in texts(folded, "//tr[td/a[text()='Sở Y tế']]/td[5]")]
        assert row == "2"


@pytest.mark.usefixtures("merged")
def test_scorecard_api_folds_on_request(client: TestClient, db: Session):
    from apihelp import login

    headers = login(client, db, "lanhdao")
    plain = client.get(f"/api/v1/scorecard?at={BEFORE.isoformat()}", headers=headers).json()
    assert {r["code"]: r["overdue"] for r in plain}["so-tu-phap"] == 1
    folded = client.get(f"/api/v1/scorecard?at={BEFORE.isoformat()}&fold=true", headers=headers)
    rows = {r["code"]: r["overdue"] for r in folded.json()}
    assert "so-tu-phap" not in rows and rows["so-y-te"] == 2
