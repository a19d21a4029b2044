"""PDF reader: running headers, page numbers, signature stamps, tables, scans, damage."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import ExtractionError
from dxtrack.extraction.reader_pdf import clean_pages, inflated_size
from dxtrack.extraction.readers import read_bytes

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(
    not FONT.exists(), reason="DejaVu Sans missing: apt-get install fonts-dejavu-core"
)
HEADER = "CÔNG BÁO/Số {n} + {m}/Ngày 07-04-2025"
STAMP = [
    "Người ký: Cổng Thông tin điện tử Chính phủ",
    "Email: thongtinchinhphu@chinhphu.vn",
    "Cơ quan: Văn phòng Chính phủ",
    "Thời gian ký: 07.04.2025 16:32:56 +07:00",
]
BODY = [
    [
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
        "Số: 1545/UBND-KGVX",
        "Kính gửi: Các sở, ban, ngành tỉnh.",
        "1. Giao Sở Khoa học và Công nghệ chủ trì rà soát nhiệm vụ.",
    ],
    [
        "2. Các sở, ngành khẩn trương triển khai, đồng thời tăng cường",
        "công tác kiểm tra, giám sát việc thực hiện.",
        "3. Sở Tài chính bố trí kinh phí thực hiện.",
    ],
    [
        "4. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.",
        "Nơi nhận:",
        "- Như trên;",
    ],
]


def new_pdf():  # type: ignore[no-untyped-def]
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.set_font("dejavu", size=12)
    return pdf


def line(pdf, text: str, height: float = 8) -> None:  # type: ignore[no-untyped-def]
    pdf.cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def gazette_pdf() -> bytes:
    """Three pages: running header, page numbers, a stamp in mid-sentence on page 2."""
    pdf = new_pdf()
    for number, lines in enumerate(BODY, start=1):
        pdf.add_page()
        line(pdf, HEADER.format(n=440 + number, m=441 + number))
        if number > 1:
            line(pdf, f"- {number} -")
        for i, text in enumerate(lines):
            line(pdf, text)
            if number == 2 and i == 0:
                for stamp_line in STAMP:
                    line(pdf, stamp_line, height=5)
        pdf.set_y(-20)
        pdf.cell(0, 8, f"Trang {number}/3", align="C")
    return bytes(pdf.output())


def table_pdf() -> bytes:
    pdf = new_pdf()
    pdf.add_page()
    line(pdf, "Phụ lục: Danh mục nhiệm vụ")
    rows = [
        ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
        ("1", "Xây dựng cơ sở dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ", "Quý IV/2025"),
        ("2", "Đào tạo kỹ năng số cho cán bộ", "Sở Nội vụ", "Hằng năm"),
    ]  # fmt: skip
    with pdf.table(col_widths=(8, 40, 22, 16), first_row_as_headings=False) as table:
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(value)
    line(pdf, "Các cơ quan tổ chức thực hiện.")
    return bytes(pdf.output())


@needs_font
class TestGazetteCleanup:
    def test_body_only(self) -> None:
        doc = read_bytes(gazette_pdf(), "congbao.pdf")
        assert doc.format == "pdf"
        assert doc.text.split("\n") == [text for lines in BODY for text in lines]

    def test_stamp_no_longer_splits_the_sentence(self) -> None:
        text = read_bytes(gazette_pdf(), "congbao.pdf").text
        assert "tăng cường\ncông tác kiểm tra" in text
        assert "Người ký" not in text and "+07:00" not in text


def framed_pdf() -> bytes:
    pdf = new_pdf()
    pdf.add_page()
    pdf.rect(5, 5, 200, 287)  # a page border
    for text in BODY[1]:
        line(pdf, text)
    return bytes(pdf.output())


def side_stamp_pdf() -> bytes:
    """A small-font stamp at the top right, sharing text lines with the letterhead."""
    pdf = new_pdf()
    pdf.add_page()
    for text in BODY[0]:
        pdf.set_x(10)
        line(pdf, text)
    pdf.set_font("dejavu", size=6)
    for i, text in enumerate(STAMP):  # same rows as the body lines, baselines close
        pdf.set_xy(140, 10 + 8 * i)
        pdf.cell(60, 8, text)
    return bytes(pdf.output())


@needs_font
class TestFrame:
    def test_page_border_is_not_a_table(self) -> None:
        assert read_bytes(framed_pdf(), "khung.pdf").text.split("\n") == BODY[1]


@needs_font
class TestSideStamp:
    def test_stamp_sharing_lines_with_the_letterhead(self) -> None:
        doc = read_bytes(side_stamp_pdf(), "congbao.pdf")
        assert doc.text.split("\n") == BODY[0]


def closing_pdf(
    *,
    break_after: int | None = None,
    second_column: bool = True,
    page_numbers: bool = False,
    body: tuple[str, ...] = (),
) -> bytes:
    """A body line, then the Decree 30 closing as two borderless columns (list | signature),
    optionally broken over two pages after `break_after` rows, optionally with each page's
    number centred at its foot."""
    rows = [
        ("Nơi nhận:", "KT. CHỦ TỊCH"),
        ("- Như trên;", "PHÓ CHỦ TỊCH"),
        ("- TT. Tỉnh ủy;", ""),
        ("- Lưu: VT, KGVX.", ""),
        ("", "Nguyễn Văn An"),
    ]
    pdf = new_pdf()
    pdf.set_auto_page_break(False)

    def number() -> None:
        if page_numbers:
            pdf.set_xy(0, 280)
            pdf.cell(210, 7, str(pdf.page_no()), align="C")

    pdf.add_page()
    for text in body:
        line(pdf, text)
    line(pdf, "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc./.")
    y = pdf.get_y()
    for index, (left, right) in enumerate(rows):
        if index == break_after:
            number()
            pdf.add_page()
            y = 20
        pdf.set_xy(20, y)
        pdf.cell(70, 7, left)
        if second_column:
            pdf.set_xy(115, y)
            pdf.cell(80, 7, right, align="C")
        y += 7
    number()
    return bytes(pdf.output())


CLOSING = [
    "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc./.",
    "Nơi nhận:",
    "- Như trên;",
    "- TT. Tỉnh ủy;",
    "- Lưu: VT, KGVX.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Văn An",
]


@needs_font
class TestClosingColumns:
    """Read as columns, the list comes before the signature block (not interleaved)."""

    def test_one_page(self) -> None:
        assert read_bytes(closing_pdf(), "cv.pdf").text.split("\n") == CLOSING

    def test_over_a_page_break(self) -> None:
        assert read_bytes(closing_pdf(break_after=2), "cv.pdf").text.split("\n") == CLOSING

    @pytest.mark.parametrize("break_after", [None, 1, 2, 3])
    def test_page_numbers_stay_out_of_the_signature(self, break_after: int | None) -> None:
        # The centred number at the foot of a page is below the gap between the columns: it is
        # the page's (dropped with the other page numbers), not a line of the signature block.
        pdf = closing_pdf(break_after=break_after, page_numbers=True)
        assert read_bytes(pdf, "cv.pdf").text.split("\n") == CLOSING

    def test_body_line_opening_with_noi_nhan(self) -> None:
        # "Nơi nhận hồ sơ ..." in the body is not the closing's "Nơi nhận:" heading.
        body = ("Nơi nhận hồ sơ: Bộ phận Một cửa.",)
        text = read_bytes(closing_pdf(body=body), "cv.pdf").text
        assert text.split("\n") == [*body, *CLOSING]

    def test_single_column_kept(self) -> None:
        text = read_bytes(closing_pdf(second_column=False), "cv.pdf").text
        assert text.split("\n") == [c for c in CLOSING if "CHỦ TỊCH" not in c][:-1]

    def test_signer_read(self) -> None:
        from dxtrack.extraction import extract_bytes

        signer = extract_bytes(closing_pdf(break_after=3), "cv.pdf", directory=AN_GIANG).signer
        assert signer == {"name": "Nguyễn Văn An", "title": "PHÓ CHỦ TỊCH"}


@needs_font
class TestTables:
    def test_wrapped_cells_rejoined(self) -> None:
        doc = read_bytes(table_pdf(), "phuluc.pdf")
        assert doc.text.split("\n") == [
            "Phụ lục: Danh mục nhiệm vụ",
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn",
            "1 | Xây dựng cơ sở dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | Quý IV/2025",
            "2 | Đào tạo kỹ năng số cho cán bộ | Sở Nội vụ | Hằng năm",
            "Các cơ quan tổ chức thực hiện.",
        ]


class TestCleanPages:
    def test_page_numbers_only_at_edges(self) -> None:
        body = ["Điều 1.", "a)", "b)", "2", "c)", "d)", "đ)"]
        pages = [["1", *body], ["- 2 -", "Trang 2/5", "tiếp theo"]]
        assert clean_pages(pages) == [*body, "tiếp theo"]

    def test_single_email_line_kept(self) -> None:
        pages = [["Liên hệ:", "Email: sokhcn@angiang.gov.vn", "Cơ quan: Sở Khoa học"]]
        assert clean_pages(pages) == pages[0]

    def test_inline_signing_time_removed(self) -> None:
        pages = [["triển khai Thời gian ký: 20.11.2025 09:15:01 +07:00 thực hiện"]]
        assert clean_pages(pages) == ["triển khai thực hiện"]

    def test_repeated_table_header_kept_once(self) -> None:
        head = "STT | Nhiệm vụ | Thời hạn"
        pages = [["Mở đầu", head, "1 | A | 2025"], [head, "2 | B | 2026"], [head, "3 | C | 2027"]]
        assert clean_pages(pages) == [
            "Mở đầu",
            head,
            "1 | A | 2025",
            "2 | B | 2026",
            "3 | C | 2027",
        ]

    def test_numbered_headings_at_page_tops_kept(self) -> None:
        pages = [["Điều 1. Phạm vi", "nội dung"], ["Điều 2. Đối tượng", "nội dung khác"],
                 ["Điều 3. Hiệu lực", "nội dung cuối"]]  # fmt: skip
        assert clean_pages(pages) == [line for page in pages for line in page]

    def test_varying_numbers_need_three_pages(self) -> None:
        pages = [["Trang tin số 1", "một"], ["Trang tin số 2", "hai"]]
        assert clean_pages(pages) == ["Trang tin số 1", "một", "Trang tin số 2", "hai"]
        pages.append(["Trang tin số 3", "ba"])
        assert clean_pages(pages) == ["một", "hai", "ba"]

    def test_two_pages_share_header(self) -> None:
        pages = [["SỞ NỘI VỤ 2025", "nội dung một"], ["SỞ NỘI VỤ 2025", "nội dung hai"]]
        assert clean_pages(pages) == ["nội dung một", "nội dung hai"]


class TestInflatedSize:
    def test_counts_flate_streams_up_to_the_limit(self) -> None:
        stream = zlib.compress(b"BT ET " * 1000)
        data = b"%PDF-1.4\n1 0 obj\n<< >>\nstream\n" + stream + b"\nendstream\nendobj\n"
        assert inflated_size(data, limit=10**6) == 6000
        assert inflated_size(data, limit=100) == 101  # stops just past the limit

    def test_other_filters_ignored(self) -> None:
        data = b"%PDF-1.4\n1 0 obj\n<< >>\nstream\nnot flate\nendstream\nendobj\n"
        assert inflated_size(data, limit=10**6) == 0


class TestUnreadable:
    def message(self, data: bytes) -> str:
        with pytest.raises(ExtractionError) as info:
            read_bytes(data, "x.pdf")
        assert info.value.message.startswith("Không đọc được tệp 'x.pdf': ")
        return info.value.message

    def test_scan_without_text_layer(self) -> None:
        from fpdf import FPDF
        from PIL import Image, ImageDraw

        image = Image.new("L", (400, 200), 255)
        ImageDraw.Draw(image).rectangle((20, 20, 380, 60), fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf = FPDF()
        pdf.add_page()
        pdf.image(buffer, x=10, y=10, w=180)
        assert self.message(bytes(pdf.output())) == (  # read by OCR (tests/extraction/test_ocr.py)
            "Không đọc được tệp 'x.pdf': không nhận dạng được chữ nào trong bản quét "
            "(ảnh quá mờ, quá nhỏ hoặc không có chữ)."
        )

    @needs_font
    def test_signed_scan_with_only_stamp_text(self) -> None:
        pdf = new_pdf()
        pdf.add_page()
        for text in STAMP:
            line(pdf, text, height=5)
        assert "bản quét" in self.message(bytes(pdf.output()))

    def test_not_a_pdf(self) -> None:
        assert "PDF bị hỏng" in self.message(b"<html>not a pdf</html>")

    @needs_font
    @pytest.mark.parametrize("cut", [20, 400, 0.5])
    def test_truncated(self, cut: float) -> None:
        data = gazette_pdf()
        size = int(len(data) * cut) if cut < 1 else int(cut)
        try:
            doc = read_bytes(data[:size], "x.pdf")
        except ExtractionError as exc:
            assert "PDF bị hỏng" in exc.message or "bản quét" in exc.message
        else:  # pdfminer may recover the pages before the cut
            assert doc.text

    @needs_font
    def test_password_protected(self) -> None:
        pdf = new_pdf()
        pdf.set_encryption(owner_password="chu", user_password="mat-khau")
        pdf.add_page()
        line(pdf, "Tài liệu mật")
        assert "mật khẩu" in self.message(bytes(pdf.output()))
