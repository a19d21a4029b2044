"""Kế hoạch pages: overview sentence and pillar bars, indicator list, detail with history and
the measurement form (shown to the responsible agency and staff only), projects."""

from __future__ import annotations

from builders import minimal_pdf
from pagehelp import html, one, page_session, texts

from dxtrack.indicators.measurements import list_measurements
from dxtrack.indicators.projects import create_project
from dxtrack.indicators.schemas import ProjectCreate

from .factory import make_indicator, make_plan, measure


def _plan(db, settings):
    plan = make_plan(db, budget_total=993_140_000_000)
    achieved = make_indicator(db, plan, code="HT02", pillar="ha-tang-so", agency="so-y-te")
    failed = make_indicator(db, plan, code="HT01", pillar="ha-tang-so")
    make_indicator(db, plan, code="KT04", pillar="kinh-te-so-va-xa-hoi-so", has_guidance=False)
    measure(db, achieved, 83.17, settings=settings)
    measure(db, failed, 71.29, settings=settings)
    return plan, achieved


class TestPlanPages:
    def test_index_and_nav(self, client, db, settings):
        plan, _ = _plan(db, settings)
        page_session(client, db, "lanhdao")
        text = client.get("/plans?at=2025-12-31").text
        assert texts(text, f"//tr[@data-plan='{plan.code}']/td[@class='sentence']") == [
            "1/3 chỉ tiêu đạt (33,33%), 1/3 chưa đánh giá"
        ]
        assert "plans" in html(text).xpath("//nav[@class='main-nav']//a/@data-nav")
        ranked = texts(text, "//*[@data-testid='rank-plans']//tbody/tr/td[2]")
        assert plan.name in ranked

    def test_overview(self, client, db, settings):
        plan, _ = _plan(db, settings)
        page_session(client, db, "lanhdao")
        text = client.get(f"/plans/{plan.code}?at=31/12/2025").text
        assert texts(text, "//*[@data-testid='sentence']") == [
            "1/3 chỉ tiêu đạt (33,33%), 1/3 chưa đánh giá"
        ]
        bars = html(text).xpath("//li[@data-pillar]/@data-pillar")
        assert bars == ["ha-tang-so", "kinh-te-so-va-xa-hoi-so"]
        assert "Tổng kinh phí kế hoạch: <strong>993.140.000.000</strong> đồng" in text
        assert texts(text, "//*[@data-testid='rank-agencies']//tbody/tr/td[2]")[0] == "Sở Y tế"

    def test_indicator_list_filters(self, client, db, settings):
        plan, _ = _plan(db, settings)
        page_session(client, db, "dieuphoi")
        text = client.get(
            f"/plans/{plan.code}/indicators?at=2025-12-31&achievement=not_achieved"
        ).text
        assert html(text).xpath("//tr[@data-indicator]/@data-indicator") == ["HT01"]
        assert "Kết quả 71,29% chưa đạt mục tiêu ≥ 80%" in text

    def test_projects(self, client, db, settings):
        plan, _ = _plan(db, settings)
        data = ProjectCreate(
            name="Trung tâm IOC", funding_source="investment", budget=889_739_000_000
        )
        create_project(db, plan_code=plan.code, data=data, actor=None)
        page_session(client, db, "lanhdao")
        text = client.get(f"/plans/{plan.code}/projects").text
        assert texts(text, "//*[@data-testid='projects']//tbody//td[@data-label='Kinh phí']") == [
            "889.739.000.000"
        ]


class TestIndicatorPage:
    def test_history_and_chart(self, client, db, settings):
        _, indicator = _plan(db, settings)
        page_session(client, db, "lanhdao")
        text = client.get(f"/indicators/{indicator.id}?at=2025-12-31").text
        assert texts(text, "//*[@data-testid='value']") == ["83,17%"]
        assert one(text, "//svg[@role='img']") is not None
        assert not html(text).xpath("//form[@id='measure-form']")  # a viewer cannot record

    def test_responsible_officer_records_with_evidence(self, client, db, settings):
        _, indicator = _plan(db, settings)
        csrf = page_session(client, db, "syt")
        assert html(client.get(f"/indicators/{indicator.id}").text).xpath(
            "//form[@id='measure-form']"
        )
        response = client.post(
            f"/indicators/{indicator.id}/measurements",
            data={"csrf_token": csrf, "value": "85,5", "as_of": "30/06/2025", "note": "Quý II"},
            files=[("files", ("anh.pdf", minimal_pdf(), "application/pdf"))],
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        history = list_measurements(db, indicator.id)
        assert [m["value"] for m in history] == [85.5, 83.17]
        assert history[0]["evidence"][0]["filename"] == "anh.pdf"

    def test_other_officer_gets_no_form_and_403(self, client, db, settings):
        _, indicator = _plan(db, settings)
        csrf = page_session(client, db, "cat")
        assert not html(client.get(f"/indicators/{indicator.id}").text).xpath(
            "//form[@id='measure-form']"
        )
        response = client.post(
            f"/indicators/{indicator.id}/measurements", data={"csrf_token": csrf, "value": "99"}
        )
        assert response.status_code == 403
        assert len(list_measurements(db, indicator.id)) == 1

    def test_missing_csrf_refused(self, client, db, settings):
        _, indicator = _plan(db, settings)
        page_session(client, db, "syt")
        db.commit()  # keep the setup when the refused request rolls back
        response = client.post(f"/indicators/{indicator.id}/measurements", data={"value": "99"})
        assert response.status_code in (403, 401)
        assert len(list_measurements(db, indicator.id)) == 1


class TestImportPage:
    def test_coordinator_imports_annex(self, client, db, settings):
        from .test_xlsx import _row, workbook

        plan = make_plan(db)
        csrf = page_session(client, db, "dieuphoi")
        assert html(client.get(f"/plans/{plan.code}").text).xpath("//form[@id='import-form']")
        response = client.post(
            f"/plans/{plan.code}/import",
            data={"csrf_token": csrf, "at": "31/12/2025"},
            files={"file": ("phu-luc.xlsx", workbook([_row("A1", **{"Kết quả": 90})]))},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        text = client.get(response.headers["location"] + "&at=31/12/2025").text
        assert texts(text, "//*[@data-testid='sentence']") == [
            "1/1 chỉ tiêu đạt (100%), 0/1 chưa đánh giá"
        ]

    def test_bad_rows_shown_nothing_imported(self, client, db, settings):
        from .test_xlsx import _row, workbook

        plan = make_plan(db)
        csrf = page_session(client, db, "dieuphoi")
        db.commit()
        data = workbook([_row("A1"), _row("A2", **{"Mục tiêu": "nhiều"})])
        response = client.post(
            f"/plans/{plan.code}/import",
            data={"csrf_token": csrf},
            files={"file": ("phu-luc.xlsx", data)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 422
        assert "Dòng 3" in response.text
        assert "<html" not in response.text

    def test_officer_has_no_form(self, client, db, settings):
        plan = make_plan(db)
        page_session(client, db, "syt")
        assert not html(client.get(f"/plans/{plan.code}").text).xpath("//form[@id='import-form']")
