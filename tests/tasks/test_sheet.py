"""Phiếu cập nhật tiến độ: export layout, per-row import, re-import, evidence ZIP, API."""

from __future__ import annotations

from datetime import date

import pytest
from apihelp import login
from builders import make_task, make_user, minimal_pdf
from fastapi.testclient import TestClient
from sheethelp import HEADER_ROW, columns, fill, open_sheet, rows_by_id, zip_of
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.config import Settings
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.models import Assignment, ProgressReport, ProgressState
from dxtrack.tasks.progress import ProgressInput, list_evidence, report_progress
from dxtrack.tasks.sheet import export_sheet
from dxtrack.tasks.sheet_import import import_progress_sheet

TODAY = date(2026, 1, 15)


def assignment_of(db: Session, lead: str, **task: object) -> Assignment:
    made = make_task(db, lead=[lead], **task)  # type: ignore[arg-type]
    return db.scalars(select(Assignment).where(Assignment.task_id == made.id)).one()


def export(db: Session, user, **kwargs) -> bytes:
    return export_sheet(db, user=user, at=TODAY, due_soon_days=7, **kwargs)


def run_import(db: Session, settings: Settings, data: bytes, actor, **kwargs):
    return import_progress_sheet(db, data, actor=actor, settings=settings, today=TODAY, **kwargs)


def reports_of(db: Session, assignment: Assignment) -> int:
    query = select(func.count()).where(ProgressReport.assignment_id == assignment.id)
    return db.scalar(query) or 0


class TestExport:
    def test_layout_locked_columns_and_drop_down(self, db: Session):
        officer = make_user(db, "syt")
        own = assignment_of(db, "Sở Y tế", deadline=date(2026, 3, 31))
        other = assignment_of(db, "Công an tỉnh")
        sheet = open_sheet(export(db, officer)).worksheets[0]
        cols, rows = columns(sheet), rows_by_id(sheet)
        for title in ("Mã phân công", "Phiên bản", "Cơ quan", "Nhiệm vụ", "Thời hạn"):
            assert title in cols
        assert own.id in rows and other.id not in rows
        assert sheet.protection.sheet is True
        row = rows[own.id]
        assert sheet.cell(row=row, column=cols["Mã phân công"]).protection.locked is True
        assert sheet.cell(row=row, column=cols["Thời hạn"]).protection.locked is True
        assert sheet.cell(row=row, column=cols["Trạng thái"]).protection.locked is False
        assert sheet.cell(row=row, column=cols["Ngày hoàn thành"]).protection.locked is False
        deadline = sheet.cell(row=row, column=cols["Thời hạn"])
        assert deadline.value.date() == date(2026, 3, 31) and deadline.number_format == "DD/MM/YYYY"
        [states] = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert "Chưa thực hiện,Đang thực hiện,Hoàn thành,Vướng mắc" in states.formula1
        assert sheet.cell(row=row, column=cols["Trạng thái"]).value == "Chưa thực hiện"

    def test_formula_text_is_literal(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        own = assignment_of(db, "Sở Y tế")
        data = ProgressInput(state=ProgressState.in_progress, note='=HYPERLINK("http://x")')
        report_progress(
            db,
            assignment_id=own.id,
            data=data,
            expected_version=None,
            settings=settings,
            actor=officer,
            today=TODAY,
        )
        sheet = open_sheet(export(db, officer)).worksheets[0]
        cell = sheet.cell(row=rows_by_id(sheet)[own.id], column=columns(sheet)["Kết quả"])
        assert cell.data_type == "s" and cell.quotePrefix is True

    def test_staff_chooses_agencies_officer_cannot(self, db: Session):
        own = assignment_of(db, "Sở Y tế")
        police = assignment_of(db, "Công an tỉnh")
        sheet = open_sheet(export(db, make_user(db, "dieuphoi"), agencies=["cong-an-tinh"]))
        rows = rows_by_id(sheet.worksheets[0])
        assert police.id in rows and own.id not in rows
        with pytest.raises(Forbidden):
            export(db, make_user(db, "syt"), agencies=["cong-an-tinh"])
        with pytest.raises(Forbidden):
            export(db, make_user(db, "lanhdao"))

    def test_done_assignments_are_left_out(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        done = assignment_of(db, "Sở Y tế")
        report_progress(
            db,
            assignment_id=done.id,
            data=ProgressInput(state=ProgressState.done),
            expected_version=None,
            settings=settings,
            actor=officer,
            today=TODAY,
        )
        assert done.id not in rows_by_id(open_sheet(export(db, officer)).worksheets[0])


class TestImport:
    def test_rows_applied_unchanged_conflict_invalid(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        first = assignment_of(db, "Sở Y tế")
        second = assignment_of(db, "Sở Y tế")
        third = assignment_of(db, "Sở Y tế")
        stale = assignment_of(db, "Sở Y tế")
        untouched = assignment_of(db, "Sở Y tế")
        data = export(db, officer)
        # someone reports on `stale` after the download
        report_progress(
            db,
            assignment_id=stale.id,
            data=ProgressInput(state=ProgressState.in_progress, percent=10),
            expected_version=None,
            settings=settings,
            actor=officer,
            today=TODAY,
        )
        edits = {
            first.id: {"Trạng thái": "Đang thực hiện", "Tỷ lệ (%)": 40, "Kết quả": "Đã họp"},
            second.id: {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": "10/01/2026"},
            third.id: {"Trạng thái": "Xong rồi"},
            stale.id: {"Trạng thái": "Vướng mắc", "Khó khăn": "Thiếu kinh phí"},
        }
        filled = fill(data, edits)
        report = run_import(db, settings, filled, officer)
        results = {r.assignment: (r.result, r.detail) for r in report.rows}
        assert results[first.id][0] == "applied"
        assert results[second.id][0] == "applied"
        assert results[third.id][0] == "invalid" and "Xong rồi" in results[third.id][1]
        assert results[stale.id][0] == "conflict" and "phiên bản hiện tại 2" in results[stale.id][1]
        assert results[untouched.id][0] == "unchanged"
        assert (first.state, first.percent, first.version) == ("in_progress", 40, 2)
        assert (second.completed_on, second.percent) == (date(2026, 1, 10), 100)
        assert (stale.state, stale.percent) == ("in_progress", 10)  # never overwritten
        assert report.to_dict()["applied"] == 2 and report.exit_code() == 6
        assert report.done_without_evidence == [second.id]
        audits = select(func.count()).where(
            AuditEntry.action == "progress.report", AuditEntry.entity_id == first.id
        )
        assert db.scalar(audits) == 1

    def test_same_file_twice_applies_nothing_twice(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        one = assignment_of(db, "Sở Y tế")
        filled = fill(
            export(db, officer), {one.id: {"Trạng thái": "Đang thực hiện", "Tỷ lệ (%)": 25}}
        )
        assert run_import(db, settings, filled, officer).count("applied") == 1
        again = run_import(db, settings, filled, officer)
        assert [r.result for r in again.rows if r.assignment == one.id] == ["unchanged"]
        assert again.exit_code() == 0 and reports_of(db, one) == 1

    def test_officer_cannot_report_another_agency(self, db: Session, settings: Settings):
        police = assignment_of(db, "Công an tỉnh")
        coordinator_sheet = export(db, make_user(db, "dieuphoi"), agencies=["cong-an-tinh"])
        filled = fill(coordinator_sheet, {police.id: {"Trạng thái": "Hoàn thành"}})
        report = run_import(db, settings, filled, make_user(db, "syt"))
        [row] = [r for r in report.rows if r.assignment == police.id]
        assert row.result == "invalid" and "cơ quan mình" in row.detail
        assert police.completed_on is None and reports_of(db, police) == 0

    def test_staff_reports_any_agency(self, db: Session, settings: Settings):
        coordinator = make_user(db, "dieuphoi")
        police = assignment_of(db, "Công an tỉnh")
        sheet = export(db, coordinator, agencies=["cong-an-tinh"])
        filled = fill(sheet, {police.id: {"Trạng thái": "Vướng mắc", "Đề xuất": "Bổ sung"}})
        report = run_import(db, settings, filled, coordinator)
        assert report.count("applied") == 1 and police.state == "blocked"

    def test_bad_values_each_reported(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        a, b, c = (assignment_of(db, "Sở Y tế") for _ in range(3))
        edits = {
            a.id: {"Tỷ lệ (%)": 150},
            b.id: {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": "31/02/2026"},
            c.id: {"Trạng thái": "Đang thực hiện", "Ngày hoàn thành": "01/01/2026"},
        }
        report = run_import(db, settings, fill(export(db, officer), edits), officer)
        details = {r.assignment: r.detail for r in report.rows if r.result == "invalid"}
        assert "từ 0 đến 100" in details[a.id]
        assert "31/02/2026" in details[b.id]
        assert "Hoàn thành" in details[c.id]  # a date only when done
        assert all(x.version == 1 for x in (a, b, c))

    def test_excel_date_and_title_rows_kept(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        one = assignment_of(db, "Sở Y tế")
        edits = {one.id: {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": date(2026, 1, 5)}}
        report = run_import(db, settings, fill(export(db, officer), edits), officer)
        assert report.count("applied") == 1 and one.completed_on == date(2026, 1, 5)
        assert report.rows[0].row > HEADER_ROW

    def test_not_a_spreadsheet(self, db: Session, settings: Settings):
        with pytest.raises(Invalid, match="XLSX"):
            run_import(db, settings, b"not a workbook", make_user(db, "syt"))


class TestEvidence:
    def test_zip_named_by_assignment_id(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        one, two = assignment_of(db, "Sở Y tế"), assignment_of(db, "Sở Y tế")
        done = {"Trạng thái": "Hoàn thành"}
        filled = fill(export(db, officer), {one.id: done, two.id: done})
        bundle = zip_of({f"{one.id}-bien-ban.pdf": minimal_pdf(), "khac.pdf": minimal_pdf()})
        report = run_import(db, settings, filled, officer, evidence=bundle)
        assert report.count("applied") == 2
        assert report.done_without_evidence == [two.id]
        assert report.unused_files == ["khac.pdf"]
        [latest] = [r for r in db.scalars(select(ProgressReport)) if r.assignment_id == one.id]
        assert [e.filename for e in list_evidence(db, [latest.id])] == [f"{one.id}-bien-ban.pdf"]
        again = run_import(db, settings, filled, officer, evidence=bundle)
        assert again.count("applied") == 0 and reports_of(db, one) == 1

    def test_bad_evidence_file_makes_its_row_invalid(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        one = assignment_of(db, "Sở Y tế")
        filled = fill(export(db, officer), {one.id: {"Trạng thái": "Hoàn thành"}})
        bundle = zip_of({f"{one.id}/anh.pdf": b"%PDF-1.4 not really"})
        report = run_import(db, settings, filled, officer, evidence=bundle)
        [row] = report.rows
        assert row.result == "invalid" and "PDF" in row.detail
        assert one.completed_on is None

    def test_broken_zip_refused(self, db: Session, settings: Settings):
        officer = make_user(db, "syt")
        assignment_of(db, "Sở Y tế")
        with pytest.raises(Invalid, match="ZIP"):
            run_import(db, settings, export(db, officer), officer, evidence=b"PK\x03\x04junk")


class TestApi:
    def test_download_and_upload(self, client: TestClient, db: Session):
        headers = login(client, db, "syt")
        one = assignment_of(db, "Sở Y tế")
        response = client.get("/api/v1/progress-sheet", headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        filled = fill(response.content, {one.id: {"Trạng thái": "Đang thực hiện"}})
        files = {"file": ("phieu.xlsx", filled)}
        answer = client.post("/api/v1/progress-sheet", headers=headers, files=files)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert set(body) >= {"applied", "unchanged", "conflicts", "invalid", "rows"}
        assert body["applied"] == 1
        assert set(body["rows"][0]) == {"row", "assignment", "result", "detail"}

    def test_viewer_refused(self, client: TestClient, db: Session):
        headers = login(client, db, "lanhdao")
        assert client.get("/api/v1/progress-sheet", headers=headers).status_code == 403
