"""The streaming XLSX writer: read back by openpyxl, and opened by LibreOffice Calc."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dxtrack.spreadsheet import MAX_TEXT, Column, Style, Workbook, column_letter, write_xlsx

COLUMNS = [
    Column("Mã", 8, Style.integer),
    Column("Cơ quan, đơn vị", 40),
    Column("Thời hạn", 12),
    Column("Tỷ lệ", 10, Style.percent),
    Column("Giá trị", 12, Style.decimal),
]


class Kind(StrEnum):
    lead = "Chủ trì"


def _read(content: bytes):
    return load_workbook(io.BytesIO(content))


class TestCells:
    def test_types_and_formats(self):
        rows = [
            [1, "Sở Tài chính", date(2025, 12, 10), 0.5, 1234.5],
            [2_000_000, Kind.lead, datetime(2025, 12, 10, 8, 30), None, Decimal("2.25")],
            [3, None, None, True, None],
        ]
        ws = _read(write_xlsx([("Bảng", COLUMNS, rows)]))["Bảng"]
        first, second, third = ws[2], ws[3], ws[4]
        assert [c.value for c in first] == [1, "Sở Tài chính", datetime(2025, 12, 10), 0.5, 1234.5]
        assert first[0].number_format == "#,##0" and first[3].number_format == "0.00%"
        assert first[2].number_format == "DD/MM/YYYY" and first[4].number_format == "#,##0.##"
        assert second[1].value == "Chủ trì" and second[4].value == 2.25
        assert second[2].value == datetime(2025, 12, 10, 8, 30)
        assert second[2].number_format == "DD/MM/YYYY HH:MM"
        # Empty cells keep the following ones in their columns.
        assert [c.value for c in third] == [3, None, None, True, None]

    def test_text_is_escaped_cleaned_and_cut(self):
        texts = [
            "a < b & c > d",
            "  lề trái và phải  ",
            "điều khiển\x00\x0b\x1f bị bỏ",
            "dòng 1\ndòng 2\ttab",
            "x" * (MAX_TEXT + 10),
            "=SUM(A1:A2)",
        ]
        rows = [[i, text, None, None, None] for i, text in enumerate(texts)]
        ws = _read(write_xlsx([("T", COLUMNS, rows)]))["T"]
        got = [ws.cell(row=i + 2, column=2).value for i in range(len(texts))]
        assert got[0] == "a < b & c > d"
        assert got[1] == "  lề trái và phải  "
        assert got[2] == "điều khiển bị bỏ"
        assert got[3] == "dòng 1\ndòng 2\ttab"
        assert len(got[4]) == MAX_TEXT
        assert got[5] == "=SUM(A1:A2)" and ws.cell(row=7, column=2).data_type == "s"

    def test_dates_excel_cannot_hold_become_text(self):
        # Excel has no dates before 1900 and counts a 29/02/1900 that never was: a date before
        # 01/03/1900 (a typo such as 0025 for 2025) is written as it reads, not shifted or #####.
        rows = [
            [1, None, date(25, 12, 31), None, None],
            [2, None, date(1900, 1, 15), None, None],
            [3, None, datetime(1899, 12, 31, 8, 5), None, None],
            [4, None, date(1900, 3, 1), None, None],
        ]
        ws = _read(write_xlsx([("T", COLUMNS, rows)]))["T"]
        assert [ws.cell(row=n, column=3).value for n in range(2, 6)] == [
            "31/12/0025",
            "15/01/1900",
            "31/12/1899 08:05",
            datetime(1900, 3, 1),
        ]

    def test_non_finite_numbers_become_text(self):
        ws = _read(write_xlsx([("T", COLUMNS, [[1, None, None, float("nan"), float("inf")]])]))
        assert [c.value for c in ws["T"][2]][3:] == ["nan", "inf"]

    def test_row_of_wrong_width_is_refused(self):
        with pytest.raises(ValueError, match="row 2 has 2 values for 5 columns"):
            write_xlsx([("T", COLUMNS, [[1, "a"]])])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
    def test_any_text_survives(self, texts):
        rows = [[i, text, None, None, None] for i, text in enumerate(texts)]
        ws = _read(write_xlsx([("T", COLUMNS, rows)]))["T"]
        for i, text in enumerate(texts):
            expected = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
            expected = expected.replace("\ufffe", "").replace("\uffff", "")
            # XML parsers normalise a bare carriage return to a line feed.
            expected = expected.replace("\r\n", "\n").replace("\r", "\n")
            assert (ws.cell(row=i + 2, column=2).value or "") == expected


class TestSheets:
    def test_header_frozen_filtered_widths(self):
        content = write_xlsx([("Bảng", COLUMNS, [[1, "a", None, None, None]] * 3)])
        ws = _read(content)["Bảng"]
        assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
        assert ws["A1"].font.b and ws["A1"].font.name == "Times New Roman"
        assert ws["A1"].fill.fgColor.rgb == "FFDDE6F0"
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
        assert ws.column_dimensions["B"].width == 40

    def test_preamble_lines_above_the_header(self):
        book = Workbook()
        book.add_sheet("Danh sách", COLUMNS, [[1, "a", None, None, None]], preamble=["Tiêu đề"])
        ws = _read(book.close())["Danh sách"]
        assert ws["A1"].value == "Tiêu đề" and ws["A1"].font.b
        assert ws["A2"].value == "Mã" and ws.freeze_panes == "A3"
        assert ws.auto_filter.ref == "A2:E3"

    def test_sheet_names_cleaned_and_unique(self):
        book = Workbook()
        names = [
            book.add_sheet(title, COLUMNS, [])
            for title in ("Báo cáo: quý 4/2025", "Báo cáo: quý 4/2025", "x" * 40)
        ]
        assert names == ["Báo cáo  quý 4 2025", "Báo cáo  quý 4 2025 (2)", "x" * 31]
        assert _read(book.close()).sheetnames == names

    def test_cut_sheet_name_does_not_end_with_an_apostrophe(self):
        # Excel refuses a sheet name that begins or ends with an apostrophe.
        book = Workbook()
        names = [book.add_sheet(t, COLUMNS, []) for t in ("x" * 30 + "'y", "x" * 29 + " 'y")]
        assert names == ["x" * 30, "x" * 29]
        assert _read(book.close()).sheetnames == names

    def test_empty_workbook_is_valid(self):
        assert _read(Workbook().close()).sheetnames == ["Sheet"]

    def test_parts_are_well_formed_xml(self):
        from xml.dom.minidom import parseString

        content = write_xlsx([("A & B", COLUMNS, [[1, "<x>", None, None, None]])])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert archive.testzip() is None
            for name in archive.namelist():
                parseString(archive.read(name))

    def test_column_letters(self):
        assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def _calc_available() -> bool:
    soffice = shutil.which("soffice")
    return soffice is not None and Path(soffice).resolve().parent.joinpath("libsclo.so").exists()


@pytest.mark.skipif(not _calc_available(), reason="LibreOffice Calc (libreoffice-calc-nogui)")
def test_libreoffice_calc_reads_the_workbook(tmp_path: Path):
    rows = [
        [1, "Sở Tài chính & Sở Nội vụ", date(2025, 12, 10), 0.25, 3.5],
        [2, None, None, None, 7],
    ]
    source = tmp_path / "bang.xlsx"
    source.write_bytes(write_xlsx([("Bảng", COLUMNS, rows)]))
    command = [
        "soffice",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        str(tmp_path),
        str(source),
    ]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    with (tmp_path / "bang.csv").open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [c.title for c in COLUMNS]
    assert table[1] == ["1", "Sở Tài chính & Sở Nội vụ", "10/12/2025", "25.00%", "3.5"]
    assert table[2] == ["2", "", "", "", "7"]
