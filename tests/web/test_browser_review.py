"""The review-and-confirm loop in real Chromium: unmatched names picked from the directory, the
preview, clean sticky text, every card working with mouse, touch and keyboard, exports that
follow the filters, officers' own documents and dashboard (issue 17)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from dxtrack.db import transaction
from dxtrack.documents.models import Document
from web.conftest import CHROMIUM, LiveServer
from web.test_browser import AT, assignment_of, login

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)

LETTER = Path(__file__).parents[2] / "src" / "dxtrack" / "demo_data" / "4102-UBND-KGVX.txt"
FORMER_NAME = "Đài Phát thanh và Truyền hình An Giang"
NEW_NAME = "Báo và Phát thanh – Truyền hình An Giang"


def document_id(server: LiveServer, prefix: str) -> int:
    with transaction(server.settings) as db:
        query = select(Document.id).where(Document.filename.startswith(prefix))
        return db.scalars(query).one()


def test_unmatched_name_picked_previewed_and_confirmed(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", "/documents")
    page.get_by_label("Chọn một hoặc nhiều tệp").set_input_files(str(LETTER))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    result = page.locator("#upload-results a[data-document]")
    expect(result).to_be_visible(timeout=30_000)
    result.click()
    confirm = page.locator("#confirm-document")
    expect(confirm).to_be_disabled()
    expect(page.locator("#unresolved-list")).to_contain_text(f"«{FORMER_NAME}»")
    text = page.locator(".doc-text").inner_text()
    assert "**" not in text and "Giao Đài Phát thanh" in text
    party = page.locator("li.party-unresolved")
    party.get_by_placeholder("Chọn cơ quan trong danh mục…").fill(NEW_NAME)
    party.get_by_role("button", name="Chọn").click()  # the mouse
    resolved = page.locator("li.party-resolved", has_text=FORMER_NAME)
    expect(resolved).to_contain_text(f"→ {NEW_NAME}")
    expect(confirm).to_be_enabled()  # the confirm box was refreshed out of band
    expect(page.locator("[data-testid=preview-total]")).to_be_visible()
    page.get_by_label(re.compile("kỳ tiếp theo")).check()
    confirm.click()
    expect(page.locator(".alert-ok")).to_contain_text("Đã xác nhận văn bản")
    states = page.locator("article.task-card .form-actions .muted").all_inner_texts()
    assert states and all(s.startswith("Đã xác nhận") for s in states)  # the state after
    tasks = page.request.get(
        f"{live_server.url}/api/v1/tasks?document_id={page.url.split('/')[-1].split('?')[0]}"
    )
    monthly = [t for t in tasks.json() if t["recurrence"] == "monthly"]
    deadlines = [date.fromisoformat(a["deadline"]) for t in monthly for a in t["assignments"]]
    assert deadlines and {d.day for d in deadlines} == {20} and min(deadlines) > date.today()


def test_text_panel_stays_beside_the_cards(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", f"/documents/{document_id(live_server, '004')}")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(200)
    box = page.locator(".text-panel").bounding_box()
    assert box is not None and 0 <= box["y"] < 100 and box["height"] > 400
    assert "**" not in page.locator(".doc-text").inner_text()


def _tenth_card(page: Page):
    card = page.locator("article.task-card").nth(9)
    card.scroll_into_view_if_needed()
    return card


def _saved(page: Page, card_id: str) -> None:
    expect(page.locator(f"#{card_id} .saved")).to_have_text("Đã lưu")


def test_tenth_card_with_the_mouse_and_keyboard(page: Page, live_server: LiveServer):
    doc = document_id(live_server, "004")
    login(page, live_server, "dieuphoi", f"/documents/{doc}")
    card = _tenth_card(page)
    card_id = card.get_attribute("id")
    before = page.evaluate("window.scrollY")
    assert before > 1500
    card.get_by_label("Nội dung nhiệm vụ").click()
    assert abs(page.evaluate("window.scrollY") - before) < 50  # the page did not jump
    summary = card.get_by_label("Nội dung nhiệm vụ").input_value()
    card.get_by_label("Nội dung nhiệm vụ").fill(summary + " (đã rà soát)")
    card.get_by_role("button", name="Lưu").click()
    _saved(page, card_id)
    task = page.request.get(f"{live_server.url}/api/v1/tasks/{card_id.removeprefix('task-')}")
    assert task.json()["summary"].endswith("(đã rà soát)")
    card = page.locator(f"#{card_id}")
    coordinators = card.get_by_label(re.compile("^Cơ quan phối hợp"))
    original = coordinators.input_value()
    picker = card.get_by_label("Thêm cơ quan phối hợp từ danh mục")
    picker.fill("Sở Tài chính")  # chosen from the directory's autocomplete list
    picker.dispatch_event("change")
    expect(coordinators).to_have_value(re.compile("Sở Tài chính$"))
    expect(picker).to_have_value("")
    coordinators.fill(original)  # not saved: this test only checks the picker
    card.get_by_label("Mục", exact=True).focus()
    page.keyboard.type(".")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")  # implicit submission from the keyboard
    saved_version = str(task.json()["version"] + 1)
    expect(page.locator(f"#{card_id} input[name=version]")).to_have_value(saved_version)
    _saved(page, card_id)


def test_tenth_card_by_touch(browser: Browser, live_server: LiveServer):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", has_touch=True
    )
    page = context.new_page()
    login(page, live_server, "dieuphoi", f"/documents/{document_id(live_server, '004')}")
    card = _tenth_card(page)
    card_id = card.get_attribute("id")
    before = page.evaluate("window.scrollY")
    card.get_by_label("Thời hạn").tap()
    assert abs(page.evaluate("window.scrollY") - before) < 50
    card.get_by_role("button", name="Lưu").tap()
    _saved(page, card_id)
    context.close()


def test_export_follows_the_filters_on_screen(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", f"/tasks?at={AT}")
    page.locator("#f-agency").select_option("so-y-te")
    page.locator("#f-status").select_option("overdue")
    page.get_by_role("button", name="Lọc").click()  # HTMX: the page is not reloaded
    expect(page.locator("#export-link")).to_have_attribute("href", re.compile("status=overdue"))
    total = int(page.locator("[data-testid=result-total]").inner_text().replace(".", ""))
    href = page.locator("#export-link").get_attribute("href")
    assert "agency=so-y-te" in href
    with page.expect_download() as download:
        page.locator("#export-link").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    preamble = sheet.cell(row=1, column=1).value
    assert "Quá hạn" in preamble and "so-y-te" in preamble  # the filters on screen
    rows = [r for r in sheet.iter_rows(min_row=3, values_only=True) if any(r)]
    assert 0 < len(rows) == total and {r[3] for r in rows} == {"Sở Y tế"}


def test_officer_reads_the_source_of_own_task(page: Page, live_server: LiveServer):
    assignment = assignment_of(live_server, "so-y-te")
    login(page, live_server, "syt", "/")
    detail = page.request.get(f"{live_server.url}/api/v1/assignments/{assignment}").json()
    page.goto(f"{live_server.url}/tasks/{detail['assignment']['task_id']}")
    page.locator("dl.meta a[href^='/documents/']").click()
    expect(page.locator(".doc-text")).to_be_visible()
    expect(page.locator("form.task-form")).to_have_count(0)  # read-only
    links = "a[href^='/tasks/'], a[href^='/documents/'], a[href^='/api/v1/documents/']"
    for href in page.locator(links).evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        target = href.split("#")[0]
        if target.rstrip("/") in ("/tasks", "/documents"):
            continue
        assert page.request.get(f"{live_server.url}{target}").status == 200, href
    other = document_id(live_server, "002")
    assert page.request.get(f"{live_server.url}/api/v1/documents/{other}").status == 404


def test_officer_phone_dashboard_opens_with_own_work(browser: Browser, live_server: LiveServer):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="vi-VN", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    login(page, live_server, "syt", f"/?at={AT}")
    first = page.locator("main section").first
    expect(first).to_have_attribute("data-testid", "own-overdue")
    box = first.bounding_box()
    assert box is not None and box["y"] < 740
    buttons = first.get_by_role("link", name="Báo cáo tiến độ")
    assert buttons.count() >= 1
    expect(page.locator("#rank-on-time-h, #rank-overdue-h")).to_have_count(0)
    buttons.first.tap()
    page.wait_for_url(re.compile(r"/assignments/\d+/report"))
    context.clear_cookies()
    login(page, live_server, "dieuphoi", f"/?at={AT}")
    cell = page.locator("[data-testid=overdue-tasks] td[data-label='Nhiệm vụ']").first
    width = cell.bounding_box()["width"]
    assert width > 200  # one card per task on a phone, not one character per line
    context.close()


SMALL_LETTER = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 4200/UBND-KGVX
V/v khám chữa bệnh bằng căn cước điện tử
An Giang, ngày 01 tháng 12 năm 2025

Kính gửi: Sở Y tế

1. Giao Sở Y tế chủ trì triển khai khám chữa bệnh bằng căn cước điện tử tại các bệnh viện tuyến tỉnh, hoàn thành trước ngày 31/3/2026.
"""


def test_confirm_shows_the_saved_state_and_never_unsaved_edits(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", "/documents")
    csrf = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']")
    uploaded = page.request.post(
        f"{live_server.url}/api/v1/documents",
        multipart={
            "files": {"name": "4200.txt", "mimeType": "text/plain", "buffer": SMALL_LETTER.encode()}
        },
        headers={"X-CSRF-Token": csrf},
    )
    assert uploaded.ok, uploaded.text()
    doc = uploaded.json()[0]["document"]["id"]
    page.goto(f"{live_server.url}/documents/{doc}")
    card = page.locator("article.task-card").first
    card.get_by_label("Nội dung nhiệm vụ").fill("Triển khai khám chữa bệnh bằng căn cước (đã sửa)")
    page.locator("#confirm-document").click()
    expect(page.locator("#confirm-warning")).to_contain_text("chưa lưu")
    state = page.request.get(f"{live_server.url}/api/v1/documents/{doc}").json()["review_state"]
    assert state == "draft"
    card.get_by_role("button", name="Lưu").click()
    page.locator("#confirm-document").click()  # right after: the save may still be on its way
    expect(page.locator(".alert-ok")).to_contain_text("Đã xác nhận văn bản")
    card = page.locator("article.task-card").first
    expect(card.get_by_label("Nội dung nhiệm vụ")).to_have_value(
        "Triển khai khám chữa bệnh bằng căn cước (đã sửa)"
    )
    expect(card.locator(".form-actions .muted")).to_contain_text("Đã xác nhận")
