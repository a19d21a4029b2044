"""Issue 14 in real Chromium on a 360 px phone: a Sở officer delegates to two communes, a
commune officer reports on the sub-assignment, the Sở sees the roll-up."""

from __future__ import annotations

import re

import pytest
from builders import PASSWORD
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from dxtrack.agencies.models import Agency
from dxtrack.auth.models import Role
from dxtrack.auth.service import create_user, find_user
from dxtrack.db import transaction
from dxtrack.tasks.models import Assignment
from web.conftest import CHROMIUM, LiveServer
from web.test_browser import login, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)
COMMUNES = {"xa-an-phu": "Xã An Phú", "phuong-long-xuyen": "Phường Long Xuyên"}
PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "vi-VN", "is_mobile": True,
         "has_touch": True}  # fmt: skip


def prepare(server: LiveServer) -> int:
    """A Sở Y tế assignment neither commune holds; the commune officer 'xa-an-phu'."""
    with transaction(server.settings) as db:
        if find_user(db, "xa-an-phu") is None:
            create_user(db, username="xa-an-phu", password=PASSWORD, role=Role.officer,
                        agency_code="xa-an-phu", full_name="Cán bộ xã An Phú", actor=None)  # fmt: skip
        ids = dict(db.execute(select(Agency.code, Agency.id)).all())
        taken = select(Assignment.task_id).where(
            Assignment.agency_id.in_([ids[c] for c in COMMUNES])
        )
        query = select(Assignment.id).where(
            Assignment.agency_id == ids["so-y-te"],
            Assignment.task_id.not_in(taken),
            Assignment.parent_id.is_(None),
        )
        return db.scalars(query.order_by(Assignment.id.desc()).limit(1)).one()


def test_so_delegates_to_two_communes_and_a_commune_reports(
    browser: Browser, live_server: LiveServer
):
    parent = prepare(live_server)
    sở = browser.new_context(**PHONE)
    page = sở.new_page()
    login(page, live_server, "syt", f"/assignments/{parent}/report")
    page.locator("#delegate-link").click()
    page.wait_for_url(re.compile(rf"/assignments/{parent}/delegate"))
    page.get_by_label(re.compile("^Giao cho")).select_option(list(COMMUNES))
    page.get_by_label("Ghi chú cho đơn vị nhận").fill("Báo cáo kết quả trước thời hạn.")
    page.get_by_role("button", name="Giao tiếp").click()
    page.wait_for_url(re.compile(r"/delegate\?done=2"))
    children = page.locator("#children li")
    expect(children).to_have_count(2)
    for name in COMMUNES.values():
        expect(page.locator("#children")).to_contain_text(name)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "dien-thoai-giao-tiep")
    mine = children.filter(has_text=COMMUNES["xa-an-phu"])
    child = int((mine.get_attribute("id") or "").split("-")[1])

    commune = browser.new_context(**PHONE).new_page()
    login(commune, live_server, "xa-an-phu", f"/assignments/{child}/report")
    commune.get_by_label("Hoàn thành", exact=True).check()
    commune.get_by_label("Kết quả thực hiện").fill("Xã đã triển khai xong.")
    commune.get_by_role("button", name="Gửi báo cáo").click()
    commune.wait_for_url(re.compile(r"/tasks/\d+\?reported=1"))

    page.goto(f"{live_server.url}/assignments/{parent}/delegate")
    expect(page.locator("#rollup")).to_contain_text("50")
    expect(page.locator(f"#child-{child}")).to_contain_text("100%")
    with transaction(live_server.settings) as db:
        done = db.get(Assignment, child)
        assert done is not None and done.completed_on is not None and done.parent_id == parent
