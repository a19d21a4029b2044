"""The DOCX report: Decree 30 page setup, fonts, letterhead, sections and figures."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from docx.shared import Pt
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.reports.service import ReportKind, ReportRequest, render_report
from reports.docread import find_table, read_docx, table_rows, texts
from reports.province import AT, DIFFICULTY, PERIOD, PROPOSAL, Province


def render(db: Session, settings: Settings, kind: str = "tasks", **kw: object) -> bytes:
    request = ReportRequest(kind=ReportKind(kind), period=PERIOD, at=AT, **kw)  # type: ignore[arg-type]
    return render_report(db, request=request, settings=settings).content


@pytest.fixture
def report(db: Session, settings: Settings, province: Province):
    return read_docx(render(db, settings, issued_on=date(2026, 1, 5)))


class TestPageSetup:
    def test_a4_and_margins(self, report):
        section = report.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert 20 <= round(section.top_margin.mm) <= 25
        assert 20 <= round(section.bottom_margin.mm) <= 25
        assert 30 <= round(section.left_margin.mm) <= 35
        assert 15 <= round(section.right_margin.mm) <= 20

    def test_times_new_roman_13_to_14(self, report):
        normal = report.styles["Normal"]
        assert normal.font.name == "Times New Roman"
        assert Pt(13) <= normal.font.size <= Pt(14)
        fonts = normal.element.rPr.rFonts
        assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "cs")} == {
            "Times New Roman"
        }

    def test_page_number_in_header_from_page_two(self, report):
        section = report.sections[0]
        assert section.different_first_page_header_footer
        assert "PAGE" in section.header._element.xml


class TestLetterhead:
    def test_two_column_borderless_table(self, report):
        table = report.tables[0]
        rows = table_rows(table)
        assert len(rows[0]) == 2
        assert 'w:val="nil"' in table._tbl.tblPr.xml
        left, right = rows[0]
        assert left.splitlines() == ["UBND TỈNH AN GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
        assert right.splitlines()[:2] == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]

    def test_issuer_bold_parent_not(self, report):
        parent, issuer = report.tables[0].rows[0].cells[0].paragraphs[:2]
        assert issuer.runs[0].bold and not parent.runs[0].bold

    def test_number_blank_and_date_italic(self, report):
        number, dated = report.tables[0].rows[1].cells
        assert number.text.startswith("Số:") and number.text.replace(" ", "") == "Số:/BC-SKHCN"
        assert dated.text == "An Giang, ngày 05 tháng 01 năm 2026"
        assert dated.paragraphs[0].runs[0].italic

    def test_undated_leaves_day_and_month_blank(self, db: Session, settings: Settings, province):
        doc = read_docx(render(db, settings))
        dated = doc.tables[0].rows[1].cells[1].text
        assert dated.startswith("An Giang, ngày ") and "tháng" in dated and "05" not in dated


class TestBody:
    def test_type_name_subject_and_sections(self, report):
        lines = texts(report)
        assert "BÁO CÁO" in lines
        assert "Tình hình thực hiện nhiệm vụ được giao quý IV năm 2025 trên địa bàn tỉnh" in lines
        for heading in ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "II. KHÓ KHĂN, VƯỚNG MẮC"):
            assert heading in lines
        assert "III. KIẾN NGHỊ, ĐỀ XUẤT" in lines
        assert any("Nghị định số 09/2019/NĐ-CP" in line for line in lines)
        assert (
            lines[-1] == ""
            or lines[-1].endswith("./.")
            or any(line.endswith("./.") for line in lines)
        )

    def test_totals_in_government_office_categories(self, report):
        lines = texts(report)
        assert any("tổng số nhiệm vụ được giao là 7 nhiệm vụ" in line for line in lines)
        assert (
            "- Đã hoàn thành: 2 nhiệm vụ (28,57%), gồm: hoàn thành đúng hạn 1 (14,29%), "
            "hoàn thành quá hạn 1 (14,29%)." in lines
        )
        assert (
            "- Chưa hoàn thành: 5 nhiệm vụ (71,43%), gồm: còn hạn 3 (42,86%) (đang thực hiện "
            "trong hạn 1 (14,29%); sắp đến hạn 1 (14,29%); không có thời hạn / thường xuyên 1 "
            "(14,29%)); quá hạn 2 (28,57%)." in lines
        )

    def test_in_period_counts(self, report):
        lines = texts(report)
        assert any("14/12/2025) có 4 nhiệm vụ đến hạn" in line for line in lines)

    def test_status_table(self, report):
        rows = {r[0]: r[1:] for r in find_table(report, "Trạng thái", "Số nhiệm vụ")[1:]}
        assert rows["Quá hạn"][:2] == ["2", "28,57%"]
        assert rows["Sắp đến hạn"][:2] == ["1", "14,29%"]
        assert rows["Tổng số"] == ["7", "100,00%", "4"]

    def test_agency_table_matches_scorecard(self, report):
        rows = find_table(report, "STT", "Cơ quan, đơn vị")
        by_name = {r[1]: r[2:] for r in rows[1:]}
        assert by_name["Sở Y tế"] == ["3", "1", "1", "0", "1", "33,33%"]
        assert by_name["Công an tỉnh"] == ["3", "0", "0", "2", "1", "0,00%"]
        assert by_name["Sở Tài chính"] == ["1", "0", "0", "1", "0", "—"]
        assert rows[1][1] == "Sở Y tế"  # ranked by on-time rate
        assert rows[-1][1:7] == ["Tổng số", "7", "1", "1", "3", "2"]

    def test_overdue_tasks_with_days_late(self, report):
        rows = find_table(report, "STT", "Nhiệm vụ")
        assert [(r[2], r[3], r[4]) for r in rows[1:]] == [
            ("Công an tỉnh", "15/10/2025", "77"),
            ("Sở Y tế", "01/12/2025", "30"),
        ]
        assert "văn bản số 57/KH-UBND" in rows[1][1]

    def test_difficulties_and_proposals_quoted(self, report):
        lines = texts(report)
        quoted = f"- Công an tỉnh (nhiệm vụ F): “{DIFFICULTY.rstrip('.')}”."
        assert quoted in lines
        assert f"- Công an tỉnh (nhiệm vụ F): “{PROPOSAL}”." in lines

    def test_text_is_nfc(self, report):
        every = texts(report) + [c.text for t in report.tables for r in t.rows for c in r.cells]
        assert all(unicodedata.normalize("NFC", text) == text for text in every)

    def test_two_charts(self, report):
        assert len(report.inline_shapes) == 2

    def test_closing_recipients_and_signature(self, report):
        closing = table_rows(report.tables[-1])[0]
        recipients, signature = closing
        assert recipients.startswith("Nơi nhận:\n- Ủy ban nhân dân tỉnh;")
        assert recipients.splitlines()[-1] == "- Lưu: VT, SKHCN."
        assert signature.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


class TestScopes:
    def test_agency_scope(self, db: Session, settings: Settings, province: Province):
        doc = read_docx(render(db, settings, agency="so-y-te"))
        lines = texts(doc)
        assert "Tình hình thực hiện nhiệm vụ được giao quý IV năm 2025 của Sở Y tế" in lines
        assert any("tổng số nhiệm vụ được giao là 3 nhiệm vụ" in line for line in lines)

    def test_group_scope(self, db: Session, settings: Settings, province: Province):
        doc = read_docx(render(db, settings, group="so-ban-nganh-tinh"))
        assert any("tổng số nhiệm vụ được giao là 7 nhiệm vụ" in line for line in texts(doc))

    def test_agency_and_group_refused(self, db: Session, settings: Settings):
        from dxtrack.errors import Invalid

        with pytest.raises(Invalid):
            render(db, settings, agency="so-y-te", group="so-ban-nganh-tinh")


class TestOverdueKind:
    def test_per_agency_lists(self, db: Session, settings: Settings, province: Province):
        doc = read_docx(render(db, settings, kind="overdue"))
        lines = texts(doc)
        assert "Danh sách nhiệm vụ quá hạn tính đến ngày 31/12/2025" in lines
        assert any("có 2 nhiệm vụ quá hạn chưa hoàn thành của 2 cơ quan" in x for x in lines)
        summary = find_table(doc, "STT", "Cơ quan, đơn vị")
        assert {r[1]: r[2:] for r in summary[1:-1]} == {
            "Công an tỉnh": ["1", "77"],
            "Sở Y tế": ["1", "30"],
        }
        assert "1. Công an tỉnh (1 nhiệm vụ)" in lines

    def test_nothing_overdue(self, db: Session, settings: Settings):
        doc = read_docx(render(db, settings, kind="overdue"))
        assert "Không có nhiệm vụ quá hạn tại thời điểm lấy số liệu." in texts(doc)


class TestIndicatorSection:
    """The provincial report gives the plans' indicator achievement the dashboard shows."""

    def test_sentence_and_missed_targets(self, db: Session, settings: Settings, province):
        from indicators.factory import make_indicator, make_plan, measure

        from dxtrack.indicators.overview import dashboard_plans

        plan = make_plan(db)
        ok = make_indicator(db, plan, code="HT02", pillar="ha-tang-so", agency="so-y-te")
        low = make_indicator(db, plan, code="HT01", pillar="ha-tang-so", agency="cong-an-tinh")
        measure(db, ok, 83.17, settings=settings)
        measure(db, low, 71.29, settings=settings)
        lines = texts(read_docx(render(db, settings)))
        headings = [line for line in lines if line[:4] in ("II. ", "III.", "IV. ")]
        assert headings == [
            "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
            "III. KHÓ KHĂN, VƯỚNG MẮC",
            "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        ]
        (shown,) = dashboard_plans(db, at=AT)
        assert f"{plan.name}: {shown['sentence']}." in lines
        assert shown["sentence"] == "1/2 chỉ tiêu đạt (50%), 0/2 chưa đánh giá"
        rows = find_table(read_docx(render(db, settings)), "STT", "Chỉ tiêu")
        assert rows[1][1:] == [
            f"HT01. {low.name}",
            "Công an tỉnh",
            "Kết quả 71,29% chưa đạt mục tiêu ≥ 80%",
        ]

    def test_agency_report_covers_its_indicators_only(
        self, db: Session, settings: Settings, province
    ):
        from indicators.factory import make_indicator, make_plan, measure

        plan = make_plan(db)
        mine = make_indicator(db, plan, code="HT02", agency="so-y-te")
        make_indicator(db, plan, code="HT01", agency="cong-an-tinh")
        measure(db, mine, 83.17, settings=settings)
        lines = texts(read_docx(render(db, settings, agency="so-y-te")))
        assert f"{plan.name}: 1/1 chỉ tiêu đạt (100%), 0/1 chưa đánh giá." in lines

    def test_no_plans_no_section(self, report):
        assert "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU" not in texts(report)


class TestOverdueByTask:
    def test_one_row_per_task_with_its_agencies(self, db: Session, settings: Settings, province):
        from builders import make_task

        from dxtrack.agencies.service import get_group

        group = make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        doc = read_docx(render(db, settings))
        rows = find_table(doc, "STT", "Nhiệm vụ")[1:]
        # Earliest deadline first: F (15/10, Công an), C (01/12, Sở Y tế), the group's task.
        assert [(r[2], r[3], r[4]) for r in rows[:2]] == [
            ("Công an tỉnh", "15/10/2025", "77"),
            ("Sở Y tế", "01/12/2025", "30"),
        ]
        members = len(get_group(db, "so-ban-nganh-tinh").members)
        assert members > 6
        assert rows[2][2].startswith(f"{members} cơ quan, đơn vị: ")
        assert rows[2][2].endswith(f" và {members - 6} cơ quan, đơn vị khác")
        assert (rows[2][3], rows[2][4]) == ("10/12/2025", "21")
        assert len(rows) == 3 and group.summary in rows[2][1]
        lines = texts(doc)
        assert any("thuộc 3 nội dung nhiệm vụ" in line for line in lines)
