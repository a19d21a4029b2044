"""The web app in real Chromium (Debian's /usr/bin/chromium) through pytest-playwright.

Each test logs in through the form. Screenshots of the main pages go to docs/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builders import PASSWORD, minimal_pdf
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from dxtrack.agencies.models import Agency
from dxtrack.db import transaction
from dxtrack.documents.models import Document
from dxtrack.tasks.models import Assignment
from web.conftest import CHROMIUM, SCREENSHOTS, SEEDS, LiveServer

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)

AT = "2025-12-11"
NAV = {
    "quantri": ["Tổng quan", "Văn bản", "Nhiệm vụ", "Cơ quan", "Quản trị"],
    "dieuphoi": ["Tổng quan", "Văn bản", "Nhiệm vụ", "Cơ quan", "Quản trị"],
    "lanhdao": ["Tổng quan", "Văn bản", "Nhiệm vụ", "Cơ quan"],
    "syt": ["Tổng quan", "Nhiệm vụ", "Cơ quan"],
    "cat": ["Tổng quan", "Nhiệm vụ", "Cơ quan"],
}


def login(page: Page, server: LiveServer, username: str, path: str = "/") -> None:
    page.goto(f"{server.url}/login?next={path}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"^(?!.*/login).*$"))


def shot(page: Page, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def assignment_of(server: LiveServer, agency_code: str) -> int:
    with transaction(server.settings) as db:
        agency_id = db.scalar(select(Agency.id).where(Agency.code == agency_code))
        query = select(Assignment.id).where(Assignment.agency_id == agency_id)
        return db.scalars(query.order_by(Assignment.deadline, Assignment.id).limit(1)).one()


@pytest.mark.parametrize("username", list(NAV))
def test_login_each_role(page: Page, live_server: LiveServer, username: str):
    login(page, live_server, username)
    expect(page.locator("nav.main-nav a").first).to_have_text("Tổng quan")
    shown = [t.strip() for t in page.locator("nav.main-nav a").all_inner_texts()]
    core = set(NAV["quantri"])  # other domains (plans, reports ...) add their own entries
    assert [t for t in shown if t in core] == NAV[username]
    expect(page.locator("h1")).to_contain_text("Tổng quan")
    if username == "dieuphoi":
        page.goto(f"{live_server.url}/login")
        shot(page, "dang-nhap", full_page=False)


def test_dashboard_numbers_equal_api(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", f"/?at={AT}")
    expect(page.locator("#status-chart canvas")).to_have_count(1)  # ECharts drew the chart
    shown = {
        link.get_attribute("data-status"): int(
            link.locator("[data-count]").get_attribute("data-count")
        )
        for link in page.locator("ul[data-testid=totals] a").all()
    }
    api = page.request.get(f"{live_server.url}/api/v1/status?at={AT}").json()
    assert shown == api["totals"] and sum(shown.values()) > 100
    shot(page, "tong-quan")
    page.locator("a[data-status=overdue]").click()
    expect(page.locator("tr[data-assignment]").first).to_be_visible()
    assert "status=overdue" in page.url
    shot(page, "nhiem-vu")


def test_upload_review_change_deadline_confirm(page: Page, live_server: LiveServer):
    login(page, live_server, "dieuphoi", "/documents")
    page.get_by_label("Chọn một hoặc nhiều tệp").set_input_files(
        str(SEEDS / "003_4b1783ee37e356eb.txt")
    )
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    result = page.locator("#upload-results a[data-document]")
    expect(result).to_be_visible(timeout=30_000)
    result.click()
    card = page.locator("article.task-card").first
    expect(card).to_be_visible()
    assert page.locator("mark.task-span").count() == page.locator("article.task-card").count()
    card.get_by_label("Nội dung nhiệm vụ").focus()  # highlights its span in the text
    page.evaluate("document.getElementById('text-h').scrollIntoView()")
    shot(page, "ra-soat-van-ban")
    task_id = card.get_attribute("id").removeprefix("task-")
    card.get_by_label("Thời hạn").fill("31/12/2025")
    card.get_by_role("button", name="Lưu").click()
    saved = page.locator(f"#task-{task_id}")
    expect(saved.locator(".saved")).to_have_text("Đã lưu")
    expect(saved.get_by_label("Thời hạn")).to_have_value("31/12/2025")
    _stale_edit_keeps_input(page, live_server, task_id)
    page.locator("#confirm-document").click()  # the refused edit is still typed in its card
    expect(page.locator("#confirm-warning")).to_contain_text("chưa lưu")
    page.reload()  # dropping it
    page.locator("#confirm-document").click()
    expect(page.locator("#messages .alert-ok")).to_contain_text("Đã xác nhận văn bản")
    task = page.request.get(f"{live_server.url}/api/v1/tasks/{task_id}").json()
    assert task["deadline"] == "2025-12-31" and task["review_state"] == "confirmed"
    assert task["assignments"] and {a["deadline"] for a in task["assignments"]} == {"2025-12-31"}


def _stale_edit_keeps_input(page: Page, server: LiveServer, task_id: str) -> None:
    """Someone else edits the task meanwhile: saving says so in the card, the text stays."""
    csrf = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']")
    other = page.request.patch(
        f"{server.url}/api/v1/tasks/{task_id}",
        data={"version": 2, "clause": "1.a"},
        headers={"X-CSRF-Token": csrf},
    )
    assert other.ok, other.text()
    card = page.locator(f"#task-{task_id}")
    card.get_by_label("Nội dung nhiệm vụ").fill("Nội dung tôi vừa sửa")
    card.get_by_role("button", name="Lưu").click()
    expect(card.locator(".messages")).to_contain_text("đã được người khác cập nhật")
    expect(card.get_by_label("Nội dung nhiệm vụ")).to_have_value("Nội dung tôi vừa sửa")
    expect(card.get_by_label("Thời hạn")).to_have_value("31/12/2025")


def test_officer_reports_progress_with_evidence(
    page: Page, live_server: LiveServer, tmp_path: Path
):
    evidence = tmp_path / "bien-ban-hop.pdf"
    evidence.write_bytes(minimal_pdf())
    assignment_id = assignment_of(live_server, "so-y-te")
    login(page, live_server, "syt", f"/assignments/{assignment_id}/report")
    page.get_by_label("Hoàn thành", exact=True).check()
    page.get_by_label("Kết quả thực hiện").fill("Đã tổ chức rà soát, có biên bản kèm theo.")
    page.get_by_label("Khó khăn, vướng mắc").fill("Thiếu cán bộ chuyên trách.")
    page.get_by_label("Minh chứng (chọn một hoặc nhiều tệp)").set_input_files(str(evidence))
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_url(re.compile(r"/tasks/\d+\?reported=1"))
    expect(page.locator("#messages")).to_contain_text("Đã ghi nhận báo cáo tiến độ.")
    article = page.locator(f"#a{assignment_id}")
    expect(article.locator(".evidence a")).to_contain_text("bien-ban-hop.pdf")
    expect(article.locator(".timeline li").first).to_contain_text("Thiếu cán bộ chuyên trách.")
    shot(page, "trang-nhiem-vu")


def test_officer_cannot_reach_other_agency_report_form(page: Page, live_server: LiveServer):
    other = assignment_of(live_server, "cong-an-tinh")
    login(page, live_server, "syt")
    response = page.goto(f"{live_server.url}/assignments/{other}/report")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Không tìm thấy")
    expect(page.locator("#report-form")).to_have_count(0)


def test_safety_net_sentence_becomes_a_task_in_one_click(page: Page, live_server: LiveServer):
    """The review page lists the sentences that assign or set a deadline but gave no task;
    one click adds one as a draft task and the sentence leaves the list for good."""
    with transaction(live_server.settings) as db:
        document_id = db.scalar(select(Document.id).where(Document.filename.startswith("004_")))
    login(page, live_server, "dieuphoi", f"/documents/{document_id}")
    items = page.locator("#unassigned-list li.unassigned-item")
    expect(items.first).to_be_visible()
    before_items, before_cards = items.count(), page.locator("article.task-card").count()
    sentence = items.first.locator("q").inner_text()
    page.evaluate("document.getElementById('unassigned').scrollIntoView()")
    shot(page, "ra-soat-cau-chua-thanh-nhiem-vu")
    items.first.get_by_role("button", name="Thêm thành nhiệm vụ").click()
    expect(items).to_have_count(before_items - 1)
    expect(page.locator("article.task-card")).to_have_count(before_cards + 1)
    added = page.locator("article.task-card").last
    expect(added.get_by_label("Nội dung nhiệm vụ")).to_have_value(sentence)
    page.reload()
    expect(page.locator("#unassigned-list li.unassigned-item")).to_have_count(before_items - 1)
    assert sentence not in " ".join(page.locator("#unassigned-list").all_inner_texts())


PHONE_PAGES = ("/", "/tasks", "/agencies", "/documents", "/agencies/so-y-te", "/admin/audit")


def test_phone_layout_has_no_horizontal_scroll(browser: Browser, live_server: LiveServer):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="vi-VN", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    login(page, live_server, "dieuphoi")
    task_path = page.locator("a[href^='/tasks/']").first.get_attribute("href").split("#")[0]
    for path in (*PHONE_PAGES, task_path, "/documents/1"):
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
    page.goto(f"{live_server.url}/?at={AT}")
    shot(page, "dien-thoai-tong-quan")
    context.clear_cookies()
    login(page, live_server, "syt", f"/assignments/{assignment_of(live_server, 'so-y-te')}/report")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "dien-thoai-bao-cao")
    context.close()
