"""Văn bản: upload through the page, list and search, review (highlights, edit, stale edit, add,
delete, confirm)."""

from __future__ import annotations

from pathlib import Path

from builders import make_document, make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session

from dxtrack.tasks.listing import list_document_tasks
from dxtrack.tasks.models import Assignment

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"


def _upload(client: TestClient, csrf: str, *files: tuple[str, bytes]) -> str:
    response = client.post(
        "/documents/upload",
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        files=[("files", (name, data, "text/plain")) for name, data in files],
    )
    assert response.status_code == 200, response.text
    return response.text


class TestUpload:
    def test_seed_then_review_page(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "dieuphoi")
        text = _upload(client, csrf, (SEED.name, SEED.read_bytes()))
        link = html(text).xpath("//a[@data-document]")[0]
        review = client.get(link.get("href")).text
        marks = html(review).xpath("//mark[@class='task-span']")
        cards = html(review).xpath("//article[contains(@class,'task-card')]")
        assert len(cards) >= 5 and len(marks) == len(cards)
        assert html(review).xpath("//button[@id='confirm-document']")

    def test_batch_goes_on_after_a_bad_file(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "dieuphoi")
        broken = ("hong.pdf", b"%PDF-1.4 broken")
        text = _upload(client, csrf, broken, (SEED.name, SEED.read_bytes()))
        assert [li.get("data-upload") for li in html(text).xpath("//li")] == ["error", "ok"]
        (error,) = texts(text, "//li[@data-upload='error']")
        assert error.startswith("hong.pdf: không nhập được. Không đọc được tệp 'hong.pdf'")

    def test_viewer_cannot_upload(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        page = html(client.get("/documents").text)
        assert not page.xpath("//form[@id='upload-form']")


class TestList:
    def test_search(self, client: TestClient, db: Session):
        make_document(db, subject="V/v triển khai Đề án 06 năm 2026")
        make_document(db, subject="V/v khác")
        page_session(client, db, "lanhdao")
        rows = texts(client.get("/documents?q=Đề án 06").text, "//tbody/tr/td[2]")
        assert rows == ["V/v triển khai Đề án 06 năm 2026"]


class TestReview:
    def _draft(self, db: Session):
        document = make_document(db, text="1. Sở Y tế chủ trì triển khai.")
        task = make_task(db, document=document, lead=["Sở Y tế"], confirm=False)
        task.span_start, task.span_end = 3, 30
        db.flush()
        return document, task

    def test_highlight_wraps_the_span(self, client: TestClient, db: Session):
        document, task = self._draft(db)
        page_session(client, db, "dieuphoi")
        text = client.get(f"/documents/{document.id}").text
        assert texts(text, f"//mark[@id='span-{task.id}']") == ["Sở Y tế chủ trì triển khai."]

    def test_edit_deadline_and_lead(self, client: TestClient, db: Session):
        _document, task = self._draft(db)
        csrf = page_session(client, db, "dieuphoi")
        response = client.post(
            f"/tasks/{task.id}/edit",
            headers={"HX-Request": "true", "X-CSRF-Token": csrf},
            data={
                "version": "1",
                "clause": "1",
                "summary": "Triển khai",
                "deadline": "31/12/2025",
                "lead": "Sở Tài chính\nCơ quan lạ",
                "coordinators": "",
            },
        )
        assert response.status_code == 200, response.text
        card = html(response.text)
        assert card.xpath("//input[@name='deadline']/@value") == ["31/12/2025"]
        assert card.xpath("//input[@name='version']/@value") == ["2"]
        (unknown,) = card.xpath("//li[contains(@class, 'party-unresolved')]")
        assert "«Cơ quan lạ»" in unknown.text_content() and unknown.xpath(".//input[@list]")

    def test_stale_edit_is_refused(self, client: TestClient, db: Session):
        _document, task = self._draft(db)
        csrf = page_session(client, db, "dieuphoi")
        db.commit()
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
        data = {"version": "1", "summary": "Bản của tôi", "deadline": "01/01/2026"}
        assert client.post(f"/tasks/{task.id}/edit", headers=headers, data=data).status_code == 200
        stale = client.post(f"/tasks/{task.id}/edit", headers=headers, data=data)
        assert stale.status_code == 409 and stale.headers["HX-Retarget"] == "#messages"
        assert "đã được người khác cập nhật" in stale.text

    def test_add_delete_confirm(self, client: TestClient, db: Session):
        document, task = self._draft(db)
        csrf = page_session(client, db, "dieuphoi")
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
        added = client.post(
            f"/documents/{document.id}/tasks",
            headers=headers,
            data={
                "clause": "2",
                "summary": "Nhiệm vụ thêm",
                "lead": "Công an tỉnh",
                "deadline": "",
            },
        )
        assert added.status_code == 200 and "Nhiệm vụ thêm" in added.text
        assert client.post(f"/tasks/{task.id}/delete", headers=headers).status_code == 200
        confirmed = client.post(
            f"/documents/{document.id}/confirm", data={"csrf_token": csrf}, follow_redirects=False
        )
        assert confirmed.status_code == 303
        (remaining,) = list_document_tasks(db, document_id=document.id)
        assert remaining.review_state == "confirmed"
        assert db.query(Assignment).filter(Assignment.task_id == remaining.id).count() == 1

    def test_viewer_sees_read_only_cards(self, client: TestClient, db: Session):
        document, _task = self._draft(db)
        page_session(client, db, "lanhdao")
        page = html(client.get(f"/documents/{document.id}").text)
        assert page.xpath("//article[contains(@class,'task-card')]")
        assert not page.xpath("//form[@class='task-form']")


class TestEmptySearch:
    def test_says_nothing_matched(self, client: TestClient, db: Session):
        make_document(db, subject="V/v chuyển đổi số")
        page_session(client, db, "dieuphoi")
        text = client.get("/documents?q=khong-co-dau-ca").text
        (cell,) = texts(text, "//td[@class='empty']")
        assert cell.startswith("Không tìm thấy văn bản nào phù hợp với «khong-co-dau-ca»")
        assert "Chưa có văn bản nào" not in text
