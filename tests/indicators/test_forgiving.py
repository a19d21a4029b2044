"""Forgiving annex import: title rows above the header, yes/no indicators written without a
unit, dates as text or Excel serials, every problem of a file (and of a row) at once."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from dxtrack.errors import Invalid
from dxtrack.indicators.annex import REQUIRED
from dxtrack.indicators.models import Measurement
from dxtrack.indicators.service import list_indicators
from dxtrack.indicators.transfer import import_annex

from .factory import DAY, make_plan

HEADER = (*REQUIRED, "Ngày số liệu")


def row(code: str, **cells: object) -> list[object]:
    values = {
        "STT": 1, "Mã": code, "Chỉ tiêu": f"Chỉ tiêu {code}", "Đơn vị tính": "%", "Chiều": "≥",
        "Mục tiêu": 80, "Kết quả": None, "Cơ quan chủ trì": "Sở Y tế",
        "Có hướng dẫn đánh giá": "Có", "Ghi chú": "", "Ngày số liệu": None,
    } | cells  # fmt: skip
    return [values[name] for name in HEADER]


def annex_file(rows: list[list[object]], *, titles: int = 2) -> bytes:
    """A sheet as provinces make it: merged title rows, then the header, then the rows."""
    book = Workbook()
    sheet = book.active
    for n in range(1, titles + 1):
        sheet.cell(row=n, column=1, value=f"PHỤ LỤC {n}: CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025")
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=len(HEADER))
    sheet.append(list(HEADER))
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(db, settings, plan, data: bytes):
    return import_annex(db, plan_code=plan.code, data=data, at=DAY, settings=settings, actor=None)


class TestForgivingAnnex:
    def test_title_rows_and_yes_no_without_unit(self, db, settings):
        plan = make_plan(db)
        rows = [
            row("CL1", **{"Đơn vị tính": None, "Chiều": "Đạt/Không", "Mục tiêu": "Đạt"}),
            row("CL2", **{"Đơn vị tính": "—", "Chiều": None, "Mục tiêu": "Có/Không"}),
            row("SL1", **{"Kết quả": 90}),
        ]
        result = run(db, settings, plan, annex_file(rows))
        assert result["indicators_created"] == 3
        found = {i.code: i for i in list_indicators(db, plan.id)}
        assert found["CL1"].unit == "yes_no" and found["CL1"].target == 1
        assert found["CL2"].unit == "yes_no" and found["CL2"].direction == "yes_no"
        assert found["SL1"].unit == "percent"

    def test_empty_unit_without_yes_no_is_reported(self, db, settings):
        plan = make_plan(db)
        with pytest.raises(Invalid) as caught:
            run(db, settings, plan, annex_file([row("X1", **{"Đơn vị tính": "—"})]))
        assert caught.value.detail == ["Dòng 4: thiếu đơn vị tính."]  # the sheet's own row

    @pytest.mark.parametrize(
        "written", ["30/11/2025", 45_991, date(2025, 11, 30), "2025-11-30"], ids=str
    )
    def test_result_date_as_text_serial_or_date(self, db, settings, written):
        plan = make_plan(db)
        run(
            db, settings, plan, annex_file([row("SL1", **{"Kết quả": 75, "Ngày số liệu": written})])
        )
        [measurement] = db.scalars(select(Measurement)).all()
        assert measurement.as_of == date(2025, 11, 30) and measurement.value == 75

    def test_every_problem_of_every_row_at_once(self, db, settings):
        plan = make_plan(db)
        rows = [
            row("A1", **{"Mục tiêu": "tám mươi", "Cơ quan chủ trì": "Sở Không Có"}),
            row("A2"),
            row("A3", Chiều=">>", **{"Ngày số liệu": "31/02/2025"}),
            row("A4", **{"Ngày số liệu": "15/01/2026"}),  # after the import's date
        ]
        with pytest.raises(Invalid) as caught:
            run(db, settings, plan, annex_file(rows, titles=1))
        errors = caught.value.detail
        assert [e.split(":")[0] for e in errors] == ["Dòng 3", "Dòng 5", "Dòng 6"]
        assert "Sở Không Có" in errors[0] and "tám mươi" in errors[0]
        assert "chiều" in errors[1] and "31/02/2025" in errors[1]
        assert "sau ngày nhập" in errors[2]
        assert list_indicators(db, plan.id) == []
