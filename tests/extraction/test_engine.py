"""Engine behaviour: the output contract, spans, footnotes, and robustness on any input."""

from __future__ import annotations

import string
from pathlib import Path

from case_documents import AN_GIANG, DOCS, tasks_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxtrack.extraction import extract_file, extract_text
from dxtrack.extraction.normalize import normalize

FORMAT_KEYS = {
    "doc_id",
    "doc_type",
    "number",
    "issuer",
    "place",
    "issued_date",
    "subject",
    "recipients",
    "signer",
    "references",
    "tasks",
    "text",
}
TASK_KEYS = {
    "clause",
    "lead",
    "coordinators",
    "deadline",
    "recurrence",
    "summary",
    "optional",
    "span",
}

LETTER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẾN TRE Độc lập - Tự do - Hạnh phúc
Số: 125/UBND-VX Bến Tre, ngày 03 tháng 3 năm 2026
V/v triển khai chữ ký số
Kính gửi:
- Sở Nội vụ;
- Ủy ban nhân dân các xã, phường.
Thực hiện Công văn số 45/BKHCN-CĐS ngày 12/02/2026 của Bộ Khoa học và Công nghệ,
Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát nhu cầu chữ ký số, báo cáo
Ủy ban nhân dân tỉnh trước ngày 20/3/2026.
2. Ủy ban nhân dân các xã, phường định kỳ hằng tháng cập nhật số liệu.
Trân trọng./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


class TestContract:
    def test_keys_and_values(self):
        result = extract_text(LETTER, doc_id="bt", directory=AN_GIANG).to_dict()
        assert FORMAT_KEYS <= result.keys()
        assert result["number"] == "125/UBND-VX"
        assert result["issuer"] == "Ủy ban nhân dân tỉnh Bến Tre"
        assert result["place"] == "Bến Tre" and result["issued_date"] == "2026-03-03"
        assert result["recipients"] == ["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"]
        assert result["signer"] == {"name": "Nguyễn Văn An", "title": "PHÓ CHỦ TỊCH"}
        assert [r["number"] for r in result["references"]] == ["45/BKHCN-CĐS"]
        first, second = result["tasks"]
        assert TASK_KEYS <= first.keys()
        assert (first["clause"], first["lead"], first["coordinators"], first["deadline"]) == (
            "1",
            ["Sở Nội vụ"],
            ["Sở Tài chính"],
            "2026-03-20",
        )
        assert (second["lead"], second["recurrence"]) == (
            ["Ủy ban nhân dân các xã, phường"],
            "monthly",
        )

    def test_span_points_at_clause_text(self):
        result = extract_text(LETTER, directory=AN_GIANG).to_dict()
        for task in result["tasks"]:
            start, end = task["span"]
            assert result["text"][start:end].split() == task["summary"].split()


class TestFootnotes:
    def test_marker_stripped_and_note_kept(self):
        raw = (
            "1. Các sở, ban, ngành tỉnh thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024\n"
            "của Bộ Chính trị1, hoàn thành trong năm 2025.\n"
            "1 Về đột phá phát triển khoa học, công nghệ theo Kế hoạch số 02-KH/BCĐTW.\n"
        )
        norm = normalize(raw)
        assert "Bộ Chính trị," in norm.text and "Chính trị1" not in norm.text
        assert norm.footnotes[0].number == 1
        refs = extract_text(raw, directory=AN_GIANG).to_dict()["references"]
        assert {r["number"] for r in refs} == {"57-NQ/TW", "02-KH/BCĐTW"}


class TestRobustness:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(max_size=2000))
    def test_any_text_extracts(self, text):
        result = extract_text(text, directory=AN_GIANG).to_dict()
        for task in result["tasks"]:
            start, end = task["span"]
            assert 0 <= start <= end <= len(result["text"])

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "1. ",
                    "a) ",
                    "- ",
                    "I. ",
                    "1.1. ",
                    "+ ",
                    "Giao Sở Y tế ",
                    "trước ngày 10/12/2025 ",
                    "Các Bộ: Công an, ",
                    "\n",
                    "Số: 1/QĐ-UBND ",
                    "Kính gửi: ",
                    "số 12/KH-UBND ngày ",
                    string.ascii_letters[:5],
                    "đ) ",
                    "Nơi nhận:",
                ]
            ),
            max_size=300,
        )
    )
    def test_document_shaped_noise(self, parts):
        extract_text("".join(parts), directory=AN_GIANG)

    def test_deeply_nested_clauses(self):
        lines = [f"{'1.' * (i % 8 + 1)} Sở Y tế chủ trì nội dung {i}" for i in range(3000)]
        result = extract_text("\n".join(lines), directory=AN_GIANG)
        assert len(result.tasks) > 0


class TestGenreShapes:
    """Documents written in the genre's usual shapes (not real documents: unit fixtures)."""

    def test_conclusion_notice(self):
        tasks = tasks_of("thong_bao_ket_luan.txt")
        assert tasks == [
            ("2.a", ["Bộ Khoa học và Công nghệ"], ["Bộ Tài chính"], "2025-06-30", None),
            ("2.b", ["Bộ Công an"], [], "2025-06-30", None),
            (
                "2.c",
                [
                    "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                ],
                [],
                None,
                "monthly",
            ),
            ("2.d", ["Văn phòng Chính phủ"], [], None, None),
            ("3", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"], [], None, None),
        ]

    def test_decision_with_attached_plan(self):
        tasks = tasks_of("quyet_dinh_ke_hoach.txt")
        assert (
            "Điều 2",
            ["Sở Khoa học và Công nghệ"],
            ["Các sở, ban, ngành tỉnh"],
            None,
            "half-yearly",
        ) in tasks
        assert (
            "II.1",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính", "Công an tỉnh"],
            "2025-09-30",
            None,
        ) in tasks
        assert ("II.2", ["Văn phòng Ủy ban nhân dân tỉnh"], [], "2025-10-31", None) in tasks
        assert [t[0] for t in tasks].count("III.1") == 2
        assert not any(t[0] in {"Điều 1", "Điều 3"} for t in tasks)

    def test_layout_letter_with_one_request_to_many(self):
        """pdftotext layout: motto typo, a ";" list wrapped at the margin, a dash list
        closed by "." before the body goes on, the title pushed up into Nơi nhận."""
        result = extract_file(DOCS / "cong_van_layout.txt", directory=AN_GIANG).to_dict()
        assert result["issuer"] == "Ủy ban nhân dân tỉnh Đồng Tháp"
        assert result["signer"] == {"name": "Nguyễn Văn An", "title": "PHÓ CHỦ TỊCH"}
        assert tasks_of("cong_van_layout.txt") == [
            (
                "",
                [
                    "Các sở, ban, ngành của tỉnh",
                    "Công an tỉnh",
                    "Vườn quốc gia Tràm Chim",
                    "Ủy ban nhân dân các xã, phường của tỉnh",
                    "Hiệp hội Doanh nghiệp tỉnh",
                ],
                [],
                None,
                None,
            )
        ]

    def test_heading_task_topic_paragraphs_and_directing(self):
        """A numbered item that assigns a task and then opens a list; topic lines whose
        paragraphs name their own actors; "Chỉ đạo X ..." under an intro addressee."""
        provinces = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
        assert tasks_of("thong_bao_chu_de.txt") == [
            ("1", ["Bộ Khoa học và Công nghệ"], ["Bộ Tài chính"], "2025-06-30", None),
            ("1", ["Bộ Khoa học và Công nghệ"], [], None, None),
            ("1", ["Bộ Tài chính"], [], None, None),
            ("2.a", provinces, [], None, "yearly"),
            ("2.b", provinces, ["Bộ Công an"], None, None),
        ]


class TestSignature:
    def test_title_and_name_on_one_flattened_line(self):
        text = LETTER.replace(
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An",
            "- Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An",
        )
        signer = extract_text(text, directory=AN_GIANG).signer
        assert signer == {"name": "Nguyễn Văn An", "title": "PHÓ CHỦ TỊCH"}


class TestPureLibrary:
    def test_imports_nothing_of_the_app(self):
        """dxtrack.extraction imports only itself (and the locale module dxtrack.vn)."""
        import ast

        package = Path(__file__).parents[2] / "src" / "dxtrack" / "extraction"
        for module in package.rglob("*.py"):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    name = node.module
                    if name == "dxtrack":  # "from dxtrack import vn"
                        name = ".".join([name, *(a.name for a in node.names)])
                elif isinstance(node, ast.Import):
                    name = node.names[0].name
                else:
                    continue
                if name.startswith("dxtrack"):
                    assert name.startswith(("dxtrack.extraction", "dxtrack.vn")), (module, name)

    def test_directory_comes_from_the_caller(self):
        text = "1. Giao Nhà văn hóa Thiếu nhi rà soát dữ liệu trước ngày 20/3/2026."
        assert extract_text(text).tasks == []  # not a name the engine knows by itself
        named = extract_text(text, directory=["Nhà văn hóa Thiếu nhi"]).tasks
        assert [(t["lead"], t["deadline"]) for t in named] == [
            (["Nhà văn hóa Thiếu nhi"], "2026-03-20")
        ]


class TestLayoutDocuments:
    """Whole documents in the layouts the layout stage undoes (tests/extraction/cases/layout)."""

    def test_web_copied_markdown_plan(self):
        result = extract_file(DOCS / "ke_hoach_web.txt", directory=AN_GIANG).to_dict()
        assert (result["number"], result["issuer"], result["place"], result["issued_date"]) == (
            "125/KH-UBND",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
            "Lâm Đồng",
            "2025-03-10",
        )
        assert result["subject"] == (
            "Triển khai chuyển đổi số trong cơ quan nhà nước trên địa bàn tỉnh năm 2025"
        )
        assert result["signer"] == {"name": "Nguyễn Văn Bình", "title": "PHÓ CHỦ TỊCH"}
        assert tasks_of("ke_hoach_web.txt") == [
            ("II.1.a", ["Sở Khoa học và Công nghệ"], [], "2025-06-30", None),
            ("II.1.b", ["Sở Khoa học và Công nghệ"], [], "2025-11-15", None),
            ("II.2", ["Sở Tài chính"], [], "2025-06-30", None),
        ]

    def test_one_cell_per_line_appendix_table(self):
        assert tasks_of("cong_bao_phu_luc.txt") == [
            ("PL.I.1", ["Sở Tư pháp"], ["Công an tỉnh"], "2025-06-30", None),
            ("PL.I.2", ["Công an tỉnh"], ["Các sở, ngành"], "2025-09-30", None),
            (
                "PL.II.3",
                ["Sở Khoa học và Công nghệ"],
                ["Ủy ban nhân dân các xã, phường"],
                "2025-12-31",
                None,
            ),
        ]


class TestPlanAttributeBlocks:
    def test_attribute_forms(self):
        """Đơn vị chủ trì thực hiện / tham mưu, Cơ quan thực hiện (the lead when no chủ trì
        is named), a block after several bullets, lettered fields of one task."""
        assert tasks_of("ke_hoach_thuoc_tinh.txt") == [
            ("II.1", ["Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành"], "2025-09-30", None),
            ("II.2", ["Văn phòng Ủy ban nhân dân tỉnh"], [], "2025-12-31", None),
            ("II.3", ["Sở Văn hóa và Thể thao"], [], None, "continuous"),
            ("II.4", ["Sở Nội vụ"], [], "2025-10-31", None),
            ("II.5", ["Sở Tư pháp"], [], "2025-12-31", None),
            ("II.6", ["Sở Khoa học và Công nghệ"], [], None, None),
            ("II.6", ["Sở Tài chính"], [], None, None),
        ]


class TestItemsAndSentences:
    def test_obliged_categories_topics_groups_letters(self):
        tasks = tasks_of("to_chuc_thuc_hien.txt")
        assert tasks[:3] == [
            ("III.1", ["Các chủ đầu tư"], [], "2025-06-30", None),
            ("III.1", ["Các chủ đầu tư"], [], None, "monthly"),
            ("III.2", ["Các doanh nghiệp viễn thông trên địa bàn tỉnh"], [], "2025-12-31", None),
        ]
        assert ("III.3", ["Sở Khoa học và Công nghệ"], [], "2025-08-15", None) in tasks
        assert ("III.3", ["Công an tỉnh"], [], None, None) in tasks
        assert ("III.4", ["Sở Tài chính"], [], None, None) in tasks
        assert ("III.4", ["Sở Nội vụ"], [], "2025-09-30", None) in tasks
        assert [t[0] for t in tasks if t[0].startswith("III.5")] == [
            "III.5.a",
            "III.5.b",
            "III.5.c",
            "III.5.d",
            "III.5.e",  # a letter list printed without "đ"
        ]
        assert tasks[-1] == ("III.5.e", ["Ủy ban nhân dân các xã, phường"], [], None, "yearly")

    def test_assignments_in_mid_paragraph_and_what_is_not_a_task(self):
        assert tasks_of("cong_van_giua_doan.txt") == [
            ("", ["Bộ Tài chính"], [], None, None),
            ("", ["Bộ Khoa học và Công nghệ"], ["Bộ Tài chính"], "2025-04-15", None),
            ("", ["Sở Nông nghiệp và Môi trường"], [], None, None),
            ("", ["Sở Xây dựng"], [], "2025-04-30", None),
        ]


class TestReviewerSafetyNet:
    def test_each_task_says_why_and_guesses_are_flagged(self):
        result = extract_file(DOCS / "to_chuc_thuc_hien.txt", directory=AN_GIANG).to_dict()
        first = result["tasks"][0]
        assert first["rule"] == "category_heading" and first["uncertain"] is True
        assert first["reason"] == "Theo đối tượng của đề mục “Trách nhiệm của các chủ đầu tư:”"
        group = next(t for t in result["tasks"] if t["clause"] == "III.5.a")
        assert (group["rule"], group["uncertain"]) == ("heading", False)
        assert "Ủy ban nhân dân các xã, phường:" in group["reason"]
        attr = extract_file(DOCS / "ke_hoach_thuoc_tinh.txt", directory=AN_GIANG).tasks[0]
        assert attr["reason"] == "Theo dòng thuộc tính “Đơn vị chủ trì thực hiện”"
        table = extract_file(DOCS / "cong_bao_phu_luc.txt", directory=AN_GIANG).tasks[0]
        assert (table["rule"], table["uncertain"]) == ("table_row", False)

    def test_sentences_that_assign_but_gave_no_task(self):
        text = (
            "1. Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2025.\n"
            "2. Tiếp tục rà soát các thủ tục, hoàn thành trước ngày 15/8/2025.\n"
            "3. Đề nghị Hội đồng nhân dân các cấp giám sát việc thực hiện.\n"
            "4. Các cơ sở đã triển khai thực hiện từ ngày 01/3/2025.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert [t["clause"] for t in result.tasks] == ["1", "3"]
        assert [(u["clause"], u["cue"]) for u in result.unassigned] == [("2", "deadline")]
        (item,) = result.unassigned
        assert result.text[item["span"][0] : item["span"][1]] == item["text"]
        assert item["text"] == "Tiếp tục rà soát các thủ tục, hoàn thành trước ngày 15/8/2025."


class TestMetadataOnOneLine:
    def test_parent_and_unit_on_one_line_and_a_split_ve_viec(self):
        text = (
            "BỘ CÔNG THƯƠNG CỤC HÓA CHẤT -------\n"
            "Số: 597/HC-QLHC\n"
            "Hà Nội, ngày 27 tháng 3 năm 2026\n"
            "QUYẾT ĐỊNH\n"
            "VỀ\n"
            "VIỆC BAN HÀNH QUY CHẾ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ\n"
            "CỤC TRƯỞNG CỤC HÓA CHẤT\n"
            "Căn cứ Luật Hóa chất ngày 21 tháng 11 năm 2007;\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert result.issuer == "Cục Hóa chất"
        assert result.subject == "VỀ VIỆC BAN HÀNH QUY CHẾ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ"

    def test_motto_without_diacritics_is_not_the_issuer(self):
        text = (
            "BỘ TÀI CHÍNH CONG HÒA XA HOI CHỦ NGHĨA VIET NAM\n"
            "Độc lập — Tự do — Hạnh phúc\n"
            "Số: 393/TB-BTC Hà Nội, ngày 07 tháng 05 năm 2019\n"
            "THÔNG BÁO\n"
            "Kết luận của Bộ trưởng tại hội nghị\n"
            "Ngày 02/5/2019, Bộ trưởng Bộ Tài chính chủ trì hội nghị.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert (result.issuer, result.number, result.place) == (
            "Bộ Tài chính",
            "393/TB-BTC",
            "Hà Nội",
        )

    def test_ocr_title_without_its_diacritics(self):
        text = (
            "ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026\n"
            "QUYÉT ĐỊNH\n\n"
            "Ban hành Quy định về quản lý đầu tư và xây dựng\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert (result.doc_type, result.issuer) == ("Quyết định", "Ủy ban nhân dân tỉnh Lào Cai")
        assert result.subject == "Ban hành Quy định về quản lý đầu tư và xây dựng"

    def test_number_with_subject_and_date_with_recipients(self):
        result = extract_file(DOCS / "cong_van_mot_dong.txt", directory=AN_GIANG).to_dict()
        assert result["number"] == "1234/UBND-KT"
        assert result["subject"] == "V/v triển khai Kế hoạch số 78/KH-UBND năm 2025"
        assert (result["place"], result["issued_date"]) == ("Nghệ An", "2025-05-12")
        assert result["recipients"] == ["Sở Tài chính", "Sở Xây dựng"]
        numbers = [r["number"] for r in result["references"]]
        assert numbers == ["78/KH-UBND", "45/BXD-KHTC"]  # never its own number

    def test_signature_and_stamp_glued_to_the_last_article(self):
        """No 'Nơi nhận': the signature block and the e-signature stamp close Điều 2, the
        attached plan keeps its own numbering, the decision's signer is the first."""
        result = extract_file(DOCS / "quyet_dinh_chu_ky_dinh.txt", directory=AN_GIANG).to_dict()
        assert result["signer"] == {"name": "Lê Văn Hùng", "title": "PHÓ CHỦ TỊCH"}
        assert [(t["clause"], t["lead"], t["deadline"]) for t in result["tasks"]] == [
            ("Điều 2", ["Sở Khoa học và Công nghệ"], None),
            ("I.1", ["Sở Tài chính"], "2025-06-30"),
            ("I.2", ["Sở Nội vụ"], "2025-09-30"),
        ]
        assert "Ký bởi" not in result["tasks"][0]["summary"]


class TestHeadingsWithTheirOwnSentences:
    def test_assignment_in_brackets_and_heading_paragraphs(self):
        tasks = tasks_of("ke_hoach_phan_cong.txt")
        assert tasks[0] == (
            "II.1",
            [
                "Các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh",
                "Ủy ban nhân dân các xã, phường",
            ],
            [],
            None,
            None,
        )
        assert tasks[1] == ("II.2", ["Công an tỉnh"], ["Sở Tư pháp"], None, None)
        assert [t[0] for t in tasks].count("III.1") == 3  # its own sentence and two items
        assert ("III.2", ["Các sở, ban, ngành tỉnh"], [], "2026-02-28", None) in tasks

    def test_dash_items_under_a_topic_heading_are_tasks_of_the_addressee(self):
        """'1. Trước khi ...', '2.1. Đối với ...:' are topics: each dash item under them is a
        task of the body the intro sentence addresses."""
        company = ["Công ty Cổ phần Khoáng sản Bình Minh"]
        assert tasks_of("cong_van_yeu_cau_cong_ty.txt") == [
            ("1", company, [], None, None),
            ("1", company, ["Ủy ban nhân dân các xã"], "2026-09-30", None),
            ("2.1", company, [], None, None),
            ("2.1", company, [], None, "yearly"),
        ]

    def test_paragraphs_under_an_agency_heading(self):
        """'1. Công an tỉnh, các sở ...' then paragraphs: one task each, the heading's
        agencies lead them; a lead-in ('Trên cơ sở ..., chủ trì ...') does not take over."""
        text = (
            "1. Công an tỉnh, các sở, ban, ngành tỉnh\n"
            "Tổ chức tuyên truyền, phổ biến Luật Phòng cháy, chữa cháy.\n"
            "Hướng dẫn chủ đầu tư hoàn thiện hồ sơ trước ngày 01/7/2028.\n"
            "2. Giao Sở Xây dựng\n"
            "Trên cơ sở hướng dẫn của Bộ Xây dựng, các sở, ngành phối hợp rà soát quy chuẩn.\n"
        )
        tasks = [
            (t["clause"], t["lead"], t["deadline"])
            for t in extract_text(text, directory=AN_GIANG).tasks
        ]
        lead = ["Công an tỉnh", "Các sở, ban, ngành tỉnh"]
        assert tasks == [
            ("1", lead, None),
            ("1", lead, "2028-07-01"),
            ("2", ["Sở Xây dựng"], None),
        ]

    def test_paragraphs_under_a_topic_heading_without_colon(self):
        text = (
            "3. Hệ thống đăng ký quốc gia về hạn ngạch phát thải khí nhà kính\n\n"
            "Bộ Tài nguyên và Môi trường chủ trì xây dựng, quản lý hệ thống đăng ký.\n\n"
            "Bộ Tài chính hướng dẫn cơ chế tài chính cho hệ thống đăng ký.\n"
        )
        tasks = [(t["clause"], t["lead"]) for t in extract_text(text, directory=AN_GIANG).tasks]
        assert tasks == [("3", ["Bộ Tài nguyên và Môi trường"]), ("3", ["Bộ Tài chính"])]
