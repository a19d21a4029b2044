"""DOCX reader: the layout tables of real Word letters (spacer columns, one line per row,
manual line breaks, the "Kính gửi" table) and line breaks inside footnotes."""

from __future__ import annotations

import docx
from test_readers_docx import add_footnotes, save

from dxtrack.extraction.readers import read_bytes


def table(document, rows: list[list[list[str]]]) -> None:  # type: ignore[no-untyped-def]
    """A table whose cells hold the given paragraphs ([] leaves a cell empty)."""
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, paragraphs in enumerate(row):
            cell = grid.cell(r, c)
            for i, text in enumerate(paragraphs):
                (cell.paragraphs[0] if i == 0 else cell.add_paragraph()).text = text


def broken(cell_lines: list[str]) -> list[str]:
    """One paragraph whose lines are separated by manual line breaks (marked for later)."""
    return ["\u2028".join(cell_lines)]


def with_breaks(document) -> None:  # type: ignore[no-untyped-def]
    """Turn the marks of broken() into real <w:br/> line breaks."""
    for paragraph in document.element.body.iter(docx.oxml.ns.qn("w:p")):
        for run in paragraph.iter(docx.oxml.ns.qn("w:r")):
            text = run.find(docx.oxml.ns.qn("w:t"))
            if text is None or "\u2028" not in (text.text or ""):
                continue
            parts = text.text.split("\u2028")
            run.remove(text)
            for i, part in enumerate(parts):
                if i:
                    run.append(docx.oxml.OxmlElement("w:br"))
                node = docx.oxml.OxmlElement("w:t")
                node.text = part
                node.set(docx.oxml.ns.qn("xml:space"), "preserve")
                run.append(node)


LETTER = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH AN GIANG",
    "Số: 12/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "An Giang, ngày 5 tháng 12 năm 2025",
]


def test_letterhead_with_a_spacer_column() -> None:
    document = docx.Document()
    table(
        document,
        [
            [LETTER[0:2], [], LETTER[3:5]],
            [LETTER[2:3], [], LETTER[5:6]],
        ],
    )
    document.add_paragraph("BÁO CÁO")
    assert read_bytes(save(document), "bc.docx").text.split("\n") == [*LETTER, "BÁO CÁO"]


def test_letterhead_one_line_per_row() -> None:
    document = docx.Document()
    table(
        document,
        [
            [[LETTER[0]], [LETTER[3]]],
            [[LETTER[1]], [LETTER[4]]],
            [[LETTER[2]], [LETTER[5]]],
            [["V/v báo cáo kết quả"], []],
        ],
    )
    assert read_bytes(save(document), "cv.docx").text.split("\n") == [
        LETTER[0], LETTER[1], LETTER[2], "V/v báo cáo kết quả", *LETTER[3:],
    ]  # fmt: skip


def test_addressee_table() -> None:
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    recipients = ["- Bộ Nông nghiệp và Môi trường;", "- Bộ Công Thương;", "- Bộ Xây dựng."]
    table(document, [[["Kính gửi:"], recipients]])
    document.add_paragraph("Thực hiện chỉ đạo của Chính phủ, tỉnh báo cáo như sau.")
    text = read_bytes(save(document), "bc.docx").text
    assert text.split("\n") == [
        "BÁO CÁO", "Kính gửi:", *recipients,
        "Thực hiện chỉ đạo của Chính phủ, tỉnh báo cáo như sau.",
    ]  # fmt: skip


def test_addressee_table_gives_clean_recipients() -> None:
    from dxtrack.extraction import extract_bytes

    document = docx.Document()
    table(document, [[LETTER[0:3], LETTER[3:6]]])
    document.add_paragraph("BÁO CÁO")
    table(document, [[["Kính gửi:"], ["- Bộ Công Thương;", "- Bộ Xây dựng."]]])
    document.add_paragraph("Thực hiện chỉ đạo, tỉnh báo cáo như sau.")
    assert extract_bytes(save(document), "bc.docx").recipients == ["Bộ Công Thương", "Bộ Xây dựng"]


def test_closing_cells_with_manual_line_breaks() -> None:
    document = docx.Document()
    document.add_paragraph("Đề nghị các cơ quan thực hiện./.")
    table(
        document,
        [
            [
                broken(["Nơi nhận:", "- Như trên;", "- Lưu: VT."]),
                broken(["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Nguyễn Văn An"]),
            ]
        ],
    )
    with_breaks(document)
    assert read_bytes(save(document), "cv.docx").text.split("\n") == [
        "Đề nghị các cơ quan thực hiện./.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Nguyễn Văn An",
    ]  # fmt: skip


def test_body_table_with_an_empty_column_stays_rows() -> None:
    document = docx.Document()
    document.add_paragraph("Danh sách đầu mối:")
    table(document, [[["Sở Y tế", "Sở Nội vụ"], [], ["Ông A", "Bà B"]]])
    text = read_bytes(save(document), "a.docx").text
    assert text == "Danh sách đầu mối:\nSở Y tế Sở Nội vụ |  | Ông A Bà B"


def test_line_break_inside_a_footnote_is_a_space() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Thực hiện các luật về khoáng sản")
    paragraph.add_run("[[FN1]]")
    paragraph.add_run(", các sở triển khai.")
    data = add_footnotes(
        save(document), {1: "Luật Địa chất và khoáng sản;</w:t><w:br/><w:t>Luật Đất đai."}
    )
    lines = read_bytes(data, "kh.docx").text.split("\n")
    assert lines == [
        "Thực hiện các luật về khoáng sản1, các sở triển khai.",
        "1 Luật Địa chất và khoáng sản; Luật Đất đai.",
    ]


def test_all_caps_effect_gives_capitals() -> None:
    """A letterhead typed in lower case and shown in capitals by Word's All Caps effect (on
    the run or on the paragraph's style) reads in capitals; Small Caps too; a run that turns
    the effect off keeps its case. The issuer is then read from it."""
    from docx.enum.style import WD_STYLE_TYPE

    from dxtrack.extraction import extract_bytes

    document = docx.Document()
    style = document.styles.add_style("Letterhead", WD_STYLE_TYPE.PARAGRAPH)
    style.font.all_caps = True
    document.add_paragraph("Ủy ban nhân dân", style="Letterhead")
    run = document.add_paragraph().add_run("tỉnh Lâm Đồng")
    run.font.small_caps = True
    number = document.add_paragraph(style="Letterhead").add_run("Số: 12/UBND-NC")
    number.font.all_caps = False
    document.add_paragraph("V/v triển khai thực hiện Công văn số 427/BCA-C04")
    document.add_paragraph("Kính gửi: Công an tỉnh")
    document.add_paragraph("Chủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì thực hiện.")
    data = save(document)
    assert read_bytes(data, "cv.docx").text.split("\n")[:3] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: 12/UBND-NC",
    ]
    result = extract_bytes(data, "cv.docx")
    assert (result.issuer, result.number) == ("Ủy ban nhân dân tỉnh Lâm Đồng", "12/UBND-NC")
