"""Phiếu cập nhật tiến độ in real Chromium: download the sheet, fill two rows (one of them
changed meanwhile by someone else), upload it, read the per-row result table."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sheethelp import fill, open_sheet, rows_by_id

from dxtrack.auth.service import get_user
from dxtrack.db import transaction
from dxtrack.tasks.models import ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from web.conftest import CHROMIUM, LiveServer
from web.test_browser import login, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"
)


def _report_meanwhile(server: LiveServer, assignment_id: int) -> None:
    with transaction(server.settings) as db:
        report_progress(
            db,
            assignment_id=assignment_id,
            data=ProgressInput(state=ProgressState.in_progress, percent=20, note="Báo cáo khác."),
            expected_version=None,
            settings=server.settings,
            actor=get_user(db, "cat"),
        )


def test_upload_sheet_with_one_conflicting_row(page: Page, live_server: LiveServer, tmp_path: Path):
    login(page, live_server, "cat", "/tasks")
    page.locator("#sheet-link").click()
    expect(page.locator("h1")).to_have_text("Phiếu cập nhật tiến độ")
    with page.expect_download() as download:
        page.locator("#download-button").click()
    sheet = Path(download.value.path()).read_bytes()
    ids = sorted(rows_by_id(open_sheet(sheet).worksheets[0]))
    assert len(ids) >= 2
    applied, conflicting = ids[-1], ids[-2]
    _report_meanwhile(live_server, conflicting)
    edits = {
        applied: {"Trạng thái": "Đang thực hiện", "Tỷ lệ (%)": 60, "Kết quả": "Đã triển khai."},
        conflicting: {"Trạng thái": "Vướng mắc", "Khó khăn": "Thiếu nhân lực."},
    }
    filled = tmp_path / "phieu-da-dien.xlsx"
    filled.write_bytes(fill(sheet, edits))
    page.locator("#sheet-file").set_input_files(str(filled))
    page.locator("#upload-button").click()
    rows = page.locator("#sheet-rows tbody tr")
    expect(page.locator("#sheet-summary")).to_contain_text("1 dòng đã ghi")
    expect(page.locator("#sheet-summary")).to_contain_text("1 xung đột")
    conflict = page.locator("#sheet-rows tr[data-result=conflict]")
    expect(conflict).to_have_count(1)
    expect(conflict).to_contain_text(f"#{conflicting}")
    expect(conflict).to_contain_text("Xung đột")
    expect(conflict).to_contain_text("phiên bản hiện tại")
    expect(page.locator("#sheet-rows tr[data-result=applied]")).to_contain_text(f"#{applied}")
    assert rows.count() == len(ids)
    shot(page, "phieu-tien-do", full_page=True)
    detail = page.request.get(f"{live_server.url}/api/v1/assignments/{conflicting}").json()
    assert detail["assignment"]["state"] == "in_progress"  # the other report stands
