"""The document picker for `under` on the dashboard and the report page: a text input over
a list of suggestions (no inline script), read back as an id, a suggestion or a number."""

from __future__ import annotations

from datetime import date

from builders import make_document, make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session
from sqlalchemy.orm import Session

from dxtrack.documents.choices import choice_label
from dxtrack.tasks.chain import link_tasks


def _chain(db: Session) -> tuple[str, str]:
    """Nghị quyết 57 with one task, a provincial plan implementing it, an unrelated letter."""
    resolution = make_document(db, number="57-NQ/TW", number_key="57-nq/tw",
                               subject="V/v đột phá phát triển khoa học, công nghệ")  # fmt: skip
    national = make_task(
        db, document=resolution, lead=["UBND các tỉnh"], deadline=date(2026, 6, 30)
    )
    local = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 5, 31))
    link_tasks(db, child_id=local.id, parent_id=national.id, actor=None)
    make_task(db, lead=["Công an tỉnh"], deadline=date(2026, 5, 31))  # not under it
    label = choice_label(resolution.number, resolution.subject, resolution.filename)
    return label, resolution.number or ""


def _total(text: str) -> int:
    counts = html(text).xpath("//ul[@data-testid='totals']//span[@data-count]/@data-count")
    return sum(int(n) for n in counts)


class TestDashboardPicker:
    def test_label_or_number_scopes_the_figures(self, client: TestClient, db: Session):
        label, number = _chain(db)
        page_session(client, db, "lanhdao")
        page = client.get("/", params={"at": "01/02/2026", "under": label})
        assert page.status_code == 200 and _total(page.text) == 2  # the province's + the Sở's
        assert _total(client.get("/", params={"at": "01/02/2026", "under": number}).text) == 2
        doc = html(page.text)
        [field] = doc.xpath("//input[@name='under']")
        assert field.get("value") == label and field.get("list") == "under-documents"
        assert label in doc.xpath("//datalist[@id='under-documents']/option/@value")
        assert doc.xpath("//label[@for='f-under']") and not doc.xpath("//script[not(@src)]")
        assert _total(client.get("/", params={"at": "01/02/2026"}).text) > 2

    def test_unknown_document_is_refused(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        response = client.get("/", params={"under": "999/KHÔNG-CÓ"})
        assert response.status_code == 422 and "không tìm thấy văn bản" in response.text


class TestReportPicker:
    def test_report_restricted_to_the_chain(self, client: TestClient, db: Session):
        from reports.docread import read_xlsx, sheet_records

        label, _number = _chain(db)
        page_session(client, db, "dieuphoi")
        form = html(client.get("/reports").text)
        assert label in form.xpath("//datalist[@id='under-documents']/option/@value")
        params = {"kind": "tasks", "date_from": "01/01/2026", "date_to": "30/06/2026",
                  "at": "01/02/2026", "fmt": "xlsx"}  # fmt: skip
        scoped = read_xlsx(
            client.get("/reports/download", params=params | {"under": label}).content
        )
        codes = {r["Mã cơ quan"] for r in sheet_records(scoped, "Theo cơ quan")}
        assert codes == {"ubnd-tinh", "so-y-te"}
        wrong = client.get("/reports/download", params=params | {"under": "khong co"})
        assert wrong.status_code == 422
