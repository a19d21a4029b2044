"""Issue 15.2 in real Chromium on a 360 px phone, by keyboard: a coordinator ticks two overdue
assignments and a finished one, extends their deadlines with a reason, sees what will change
(the finished one refused with its reason) and confirms; one audit row per change."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import func, select

from dxtrack import vn
from dxtrack.audit.models import AuditEntry
from dxtrack.db import transaction
from dxtrack.tasks.models import Assignment
from web.conftest import CHROMIUM, LiveServer
from web.test_browser import login, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)
PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "vi-VN", "is_mobile": True,
         "has_touch": True}  # fmt: skip
NEW_DEADLINE = date(2031, 12, 31)


def pick(server: LiveServer) -> tuple[list[int], int]:
    """Two overdue top-level assignments of Sở Y tế (the list filtered by agency and status)
    and one of them marked done beforehand, so it must be refused."""
    with transaction(server.settings) as db:
        query = (
            select(Assignment)
            .where(
                Assignment.deadline < vn.today(),
                Assignment.completed_on.is_(None),
                Assignment.parent_id.is_(None),
            )
            .order_by(Assignment.deadline, Assignment.id)
            .limit(3)
        )
        rows = list(db.scalars(query))
        assert len(rows) == 3
        rows[2].completed_on, rows[2].state = rows[2].deadline, "done"
        return [rows[0].id, rows[1].id], rows[2].id


def test_extend_two_deadlines_from_a_phone_by_keyboard(browser: Browser, live_server: LiveServer):
    chosen, finished = pick(live_server)
    page = browser.new_context(**PHONE).new_page()
    login(page, live_server, "dieuphoi", "/tasks?sort=deadline")
    for assignment_id in [*chosen, finished]:
        box = page.locator(f"input[name=ids][value='{assignment_id}']")
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("#bulk-h").focus()  # the collapsed "Thao tác hàng loạt" box
    page.keyboard.press("Enter")
    expect(page.locator("#bulk-action")).to_be_visible()
    page.locator("#bulk-action").focus()
    page.keyboard.press("Home")  # the first choice, Gia hạn
    expect(page.locator("#bulk-action")).to_have_value("extend")
    page.locator("#bulk-deadline").focus()
    page.keyboard.type(vn.date_text(NEW_DEADLINE))
    page.keyboard.press("Tab")  # to the agency picker
    page.keyboard.press("Tab")  # to the reason
    page.keyboard.type("Chờ bố trí kinh phí năm sau")
    page.keyboard.press("Enter")  # submits the bulk form
    page.wait_for_url(re.compile(r"/tasks/bulk"))
    expect(page.locator("h1")).to_contain_text("xác nhận 2 thay đổi")
    expect(page.locator("#bulk-preview tr.accepted")).to_have_count(2)
    refused = page.locator(f"#bulk-preview tr[data-assignment='{finished}']")
    expect(refused).to_contain_text("Phân công đã hoàn thành: không gia hạn.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "dien-thoai-gia-han-hang-loat")
    apply = page.locator("#bulk-apply")
    apply.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tasks/bulk/apply"))
    expect(page.locator("#bulk-done")).to_contain_text("Đã áp dụng 2 thay đổi")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    with transaction(live_server.settings) as db:
        deadlines = db.scalars(select(Assignment.deadline).where(Assignment.id.in_(chosen)))
        assert set(deadlines) == {NEW_DEADLINE}
        untouched = db.get(Assignment, finished)
        assert untouched is not None and untouched.deadline != NEW_DEADLINE
        audited = select(func.count()).where(
            AuditEntry.action == "assignment.extend", AuditEntry.entity_id.in_(chosen)
        )
        assert db.scalar(audited) == 2
