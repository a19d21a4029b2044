"""Issue 14 in real Chromium on a 360 px phone: the province's received tasks page, and the
dashboard scoped to everything under a document chosen with the document picker."""

from __future__ import annotations

import re
from datetime import date

import pytest
from builders import make_document, make_task
from playwright.sync_api import Browser, expect

from dxtrack.db import transaction
from dxtrack.tasks.chain import link_tasks
from web.conftest import CHROMIUM, LiveServer
from web.test_browser import login

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)
PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "vi-VN", "is_mobile": True,
         "has_touch": True}  # fmt: skip


def received_chain(server: LiveServer) -> tuple[int, str]:
    """A national resolution's task for the province, implemented by a Sở's task."""
    with transaction(server.settings) as db:
        resolution = make_document(db, number="99-NQ/TW", number_key="99-nq/tw",
                                   subject="V/v chuyển đổi số quốc gia (thử trên điện thoại)")  # fmt: skip
        national = make_task(db, document=resolution, lead=["UBND các tỉnh"],
                             deadline=date(2027, 6, 30))  # fmt: skip
        local = make_task(db, lead=["Sở Y tế"], deadline=date(2027, 5, 31))
        link_tasks(db, child_id=local.id, parent_id=national.id, actor=None)
        return national.id, resolution.number or ""


def test_received_page_and_document_picker_on_a_phone(browser: Browser, live_server: LiveServer):
    national, number = received_chain(live_server)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    login(page, live_server, "lanhdao", "/received")
    row = page.locator(f"tr[data-task='{national}']")
    expect(row).to_contain_text("30/06/2027")
    expect(row.locator("[data-testid='rollup']")).to_contain_text("1 nhiệm vụ triển khai")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(f"{live_server.url}/")
    page.locator("details.filter-box > summary").click()  # folded on a phone
    picker = page.get_by_label("Triển khai văn bản (gồm cấp dưới)")
    picker.fill(number)
    picker.press("Enter")
    page.wait_for_url(re.compile(r"under=99-NQ"))
    expect(page.get_by_label("Triển khai văn bản (gồm cấp dưới)")).to_have_value(
        re.compile(r"^99-NQ/TW — ")
    )
    total = page.locator("ul[data-testid='totals'] span[data-count]")
    assert sum(int(n) for n in total.evaluate_all("els => els.map(e => e.dataset.count)")) == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
