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


UNSURE = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 77/KH-UBND
An Giang, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2026.
2. Tiếp tục rà soát các thủ tục hành chính, hoàn thành trước ngày 15/8/2026.
3. Trách nhiệm của các chủ đầu tư:
- Lập hồ sơ đề xuất dự án trước ngày 30/9/2026.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Hồ Văn Mừng
"""


class TestSafetyNet:
    """The engine's reasons on each card, its guesses first, and the sentences that assign
    or set a deadline but gave no task, each addable in one request."""

    def _review(self, client: TestClient, db: Session) -> tuple[str, str]:
        csrf = page_session(client, db, "dieuphoi")
        text = _upload(client, csrf, ("ke-hoach-77.txt", UNSURE.encode()))
        return csrf, html(text).xpath("//a[@data-document]")[0].get("href")

    def test_reasons_and_uncertain_first(self, client: TestClient, db: Session):
        _, href = self._review(client, db)
        page = html(client.get(href).text)
        cards = page.xpath("//article[contains(@class,'task-card')]")
        assert "uncertain" in cards[0].get("class")  # the category heading's item comes first
        reasons = [" ".join(c.xpath(".//p[@class='reason small']//text()")) for c in cards]
        assert reasons[0].startswith("Cần kiểm tra")
        assert "Theo đối tượng của đề mục “Trách nhiệm của các chủ đầu tư:”" in reasons[0]
        assert "Theo câu giao việc nêu tên cơ quan" in reasons[1]

    def test_unassigned_sentence_added_as_a_task(self, client: TestClient, db: Session):
        csrf, href = self._review(client, db)
        page = html(client.get(href).text)
        (form,) = page.xpath("//li[@class='unassigned-item']/form")
        values = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
        assert values["summary"] == (
            "Tiếp tục rà soát các thủ tục hành chính, hoàn thành trước ngày 15/8/2026."
        )
        assert (values["clause"], values["deadline"]) == ("I.2", "15/08/2026")
        added = client.post(
            form.get("hx-post"), data=values, headers={"HX-Request": "true", "X-CSRF-Token": csrf}
        )
        assert added.status_code == 200, added.text
        assert "task-card" in added.text
        again = html(client.get(href).text)
        assert not again.xpath("//li[@class='unassigned-item']")  # its span is a task now
        assert len(again.xpath("//mark[@class='task-span']")) == 3

    def test_span_outside_the_text_is_refused(self, client: TestClient, db: Session):
        csrf, href = self._review(client, db)
        document_id = href.rsplit("/", 1)[1]
        bad = {"summary": "Câu", "span_start": "5", "span_end": "999999"}
        response = client.post(
            f"/documents/{document_id}/tasks",
            data=bad,
            headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        )
        assert response.status_code == 422
        assert "Vị trí câu trong văn bản không hợp lệ" in response.text
