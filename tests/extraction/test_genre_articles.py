"""Decisions whose tasks sit in the articles of an attached regulation (cases/documents/).

Unit fixtures in the genre's shapes, not real documents."""

from __future__ import annotations

from case_documents import AN_GIANG, DOCS, tasks_of

from dxtrack.extraction import extract_file, extract_text


class TestResponsibilityArticles:
    def test_trach_nhiem_cua_heading_lends_its_agency(self):
        """ "Điều 5. Trách nhiệm của Sở X" over numbered items, or over one paragraph; the
        closing article ("chịu trách nhiệm thi hành") and the regulation's scope are none;
        a task sentence before "trong quá trình thực hiện, nếu có khó khăn" stays."""
        nnmt, xa = "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"
        assert tasks_of("quy_che_trach_nhiem.txt") == [
            ("Điều 5.1", [nnmt], [], None, None),
            ("Điều 5.2", [nnmt], [], None, None),
            ("Điều 5.3", [nnmt], [], None, "yearly"),
            ("Điều 6", ["Sở Tài chính"], [], None, None),
            ("Điều 7.1", [xa], [], None, None),
            ("Điều 7.2", [xa], [nnmt], None, None),
            ("Điều 8", [nnmt], [], None, None),
        ]

    def test_articles_naming_their_party_by_form(self):
        """ "Điều 3. Phòng X xã có nhiệm vụ" / "Trách nhiệm của Phòng Y" name a body the
        vocabulary does not know: it is their items' lead, as printed; "Kho bạc A, Kho bạc B
        có nhiệm vụ" is two bodies and no task of its own; an item printed as two sentences
        whose second paragraph opens with its actor is two tasks; a council's status ("theo chế độ kiêm nhiệm", "sử
        dụng con dấu") and "Điều 7. Xử lý vi phạm" are none."""
        kb = ["Kho bạc Nhà nước khu vực", "Kho bạc Nhà nước tỉnh"]
        vhxh, kt = ["Phòng Văn hóa - Xã hội xã"], ["Phòng Kinh tế xã"]
        units = ["Các đơn vị sự nghiệp thuộc Sở Y tế"]
        assert tasks_of("quy_che_nhiem_vu.txt") == [
            ("Điều 2.1", kb, [], None, None),
            ("Điều 2.2", kb, [], None, None),
            ("Điều 3.1", vhxh, [], None, None),
            ("Điều 3.2", vhxh, [], None, "monthly"),
            ("Điều 3.2", vhxh, [], None, None),
            ("Điều 4.1", kt, [], None, None),
            ("Điều 4.2", kt, [], None, None),
            ("Điều 5.1", units, [], None, None),
            ("Điều 5.2", units, [], None, None),
            ("Điều 6.1", ["Tổ công tác chi trả"], [], None, "monthly"),
        ]

    def test_bodies_named_by_form_before_an_obligation_verb(self):
        """ "Tổ chức làm nhiệm vụ bồi thường ... có trách nhiệm", "Quỹ Phát triển đất tỉnh có
        trách nhiệm": bodies no vocabulary lists lead by their form; "Tổ chức kiểm tra việc
        ..." is a verb phrase naming no one, no task of a decision."""
        assert tasks_of("quyet_dinh_to_chuc_boi_thuong.txt") == [
            (
                "Điều 1.1",
                ["Tổ chức làm nhiệm vụ bồi thường, hỗ trợ và tái định cư"],
                [],
                None,
                None,
            ),
            ("Điều 1.2", ["Quỹ Phát triển đất tỉnh"], [], None, None),
        ]

    def test_closing_sentence_is_cut_from_the_task(self):
        result = extract_file(DOCS / "quy_che_trach_nhiem.txt", directory=AN_GIANG)
        last = result.tasks[-1]["summary"]
        assert last.endswith("theo dõi, kiểm tra việc thực hiện Quy chế này;")

    def test_names_before_the_formula_are_still_a_closing(self):
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 1. Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2025.\n"
            "Điều 2. Giám đốc Sở Y tế; Thủ trưởng các cơ quan, đơn vị liên quan; Chủ tịch"
            " Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert [t["clause"] for t in result.tasks] == ["Điều 1"]

    def test_doi_voi_heading(self):
        text = (
            "1. Đối với Ủy ban nhân dân các xã, phường:\n"
            "a) Rà soát danh sách hộ nghèo trước ngày 15/10/2025.\n"
            "b) Báo cáo kết quả về Sở Y tế.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert [(t["clause"], t["lead"]) for t in result.tasks] == [
            ("1.a", ["Ủy ban nhân dân các xã, phường"]),
            ("1.b", ["Ủy ban nhân dân các xã, phường"]),
        ]


class TestSectionHeadings:
    def test_goal_heading_with_task_words_is_a_task_section(self):
        """ "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" holds tasks; "MỤC TIÊU" alone and a report's
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" do not."""
        text = (
            "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
            "1. Sở Nội vụ tổ chức tập huấn cho cán bộ.\n"
            "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP\n"
            "1. Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2025.\n"
            "III. MỤC TIÊU\n"
            "1. Sở Nội vụ tổ chức tập huấn cho cán bộ.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert [(t["clause"], t["lead"]) for t in result.tasks] == [("II.1", ["Sở Y tế"])]

    def test_heading_naming_bodies_over_paragraphs_with_their_own_actors(self):
        """ "2. Các cơ quan chuyên trách ...; các chi bộ, đảng bộ cơ sở" (names it does not
        lend as a heading would) over paragraphs that each open with their own actor."""
        text = (
            "1. Ủy ban nhân dân tỉnh chỉ đạo các sở triển khai Chương trình.\n"
            "2. Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở\n"
            "Các cấp ủy, tổ chức đảng chủ động quán triệt Kết luận.\n"
            "Sở Nội vụ hướng dẫn các tổ chức đảng tuyên truyền.\n"
        )
        result = extract_text(text, wrapped=False, directory=AN_GIANG)  # lines = paragraphs
        assert [(t["clause"], t["lead"]) for t in result.tasks] == [
            ("1", ["Ủy ban nhân dân tỉnh"]),
            ("2", ["Các cấp ủy, tổ chức đảng"]),
            ("2", ["Sở Nội vụ"]),
        ]


class TestNotTasks:
    def test_members_of_a_council_are_no_tasks(self):
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 1. Thành lập Hội đồng đánh giá, gồm:\n"
            "1. Chủ tịch Hội đồng: Ông Ngô Văn Phúc, Phó Chủ tịch Ủy ban nhân dân tỉnh.\n"
            "2. Các thành viên Hội đồng: Bà Lê Thị Hoa, Phó Giám đốc Sở Tài chính.\n"
            "Điều 2. Sở Công Thương chủ trì tổng hợp hồ sơ trước ngày 30/6/2025.\n"
        )
        result = extract_text(text, wrapped=False, directory=AN_GIANG)
        assert [(t["clause"], t["lead"]) for t in result.tasks] == [("Điều 2", ["Sở Công Thương"])]

    def test_a_report_gives_only_its_explicit_requests(self):
        text = (
            "BÁO CÁO\n"
            "Kết quả thực hiện Chỉ thị số 38-CT/TU\n"
            "1. Thanh tra tỉnh tổ chức 03 cuộc thanh tra trong năm 2025.\n"
            "2. Đề nghị Sở Tài chính bố trí kinh phí cho công tác thanh tra.\n"
        )
        result = extract_text(text, wrapped=False, directory=AN_GIANG)
        assert result.doc_type == "Báo cáo"
        assert [(t["clause"], t["lead"]) for t in result.tasks] == [("2", ["Sở Tài chính"])]
