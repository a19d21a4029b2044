"""Letters in the genre's less usual shapes (cases/documents/; unit fixtures, not real
documents)."""

from __future__ import annotations

from case_documents import AN_GIANG, DOCS, tasks_of

from dxtrack.extraction import extract_file, extract_text


class TestPartyLetter:
    """A Party committee's letter: "Số 215 -CV/ĐU" without a colon, the lower-case "về
    việc" subject glued to the number line, "Kính gửi: - X," inline, "T/M" over a "PHÓ BÍ
    THƯ" title pushed up into a long Nơi nhận list."""

    def test_metadata(self):
        result = extract_file(DOCS / "cong_van_dang_uy.txt", directory=AN_GIANG)
        assert result.number == "215-CV/ĐU"
        assert result.subject == "về việc tăng cường công tác phòng, chống cháy rừng"
        assert result.recipients == ["Ủy ban nhân dân tỉnh", "Các chi bộ, đảng bộ cơ sở"]
        assert result.signer == {"name": "Lò Văn Mừng", "title": "PHÓ BÍ THƯ"}

    def test_lead_in_without_comma_before_an_assignment(self):
        """ "Sau khi xem xét X giao Sở A chủ trì, phối hợp với Sở B, ..." is Sở A's task
        (not the first agency after a comma); "Yêu cầu ... triển khai thực hiện./." closes."""
        result = extract_file(DOCS / "cong_van_dang_uy.txt", directory=AN_GIANG)
        assert [(t["lead"], t["coordinators"], t["deadline"]) for t in result.tasks] == [
            (
                ["Sở Nông nghiệp và Môi trường"],
                ["Sở Tài chính", "Công an tỉnh", "Các cơ quan, đơn vị có liên quan"],
                "2025-04-30",
            )
        ]


class TestActorsInsideTheClause:
    def test_parenthesised_lead_topic_colon_and_reporting_words(self):
        text = (
            "QUYẾT ĐỊNH:\n"
            "1. Tăng cường giám sát dịch bệnh tại cộng đồng (Sở Y tế chủ trì, phối hợp với"
            " Ủy ban nhân dân các xã, phường thực hiện).\n"
            "2. Về công tác truyền thông: Sở Văn hóa, Thể thao và Du lịch đẩy mạnh tuyên"
            " truyền các biện pháp phòng bệnh.\n"
            "3. Công an tỉnh theo dõi, xử lý nghiêm các trường hợp đưa tin sai sự thật.\n"
            "4. Báo Nhân dân ngày 02/5/2025 đưa tin về tình hình dịch bệnh.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["coordinators"]) for t in tasks] == [
            ("1", ["Sở Y tế"], ["Ủy ban nhân dân các xã, phường"]),
            ("2", ["Sở Văn hóa, Thể thao và Du lịch"], []),
            ("3", ["Công an tỉnh"], []),
        ]


class TestPartyProgramme:
    """A Party committee's programme: the Party motto beside the issuer, a blank number
    "Số   -CTr/TU", "Trách nhiệm chỉ đạo thực hiện:" after an item's bullets naming
    its leads separated by ";"."""

    TEXT = (
        "TỈNH UỶ ĐIỆN BIÊN            ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "*\n"
        "Số         -CTr/TU\n"
        "Điện Biên, ngày        tháng 8 năm 2025\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Kết luận số 75-KL/TW của Ban Chấp hành Trung ương\n"
        "Thực hiện Kết luận số 75-KL/TW, Tỉnh ủy ban hành Chương trình hành động như sau:\n"
        "I. NHIỆM VỤ\n"
        "1. Tăng cường tuyên truyền về bảo vệ môi trường\n"
        "- Quán triệt sâu sắc các quan điểm của Đảng về bảo vệ môi trường.\n"
        "- Đổi mới công tác tuyên truyền, phổ biến pháp luật theo hướng số hóa.\n"
        "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh;"
        " Đảng ủy Ủy ban nhân dân tỉnh.\n"
    )

    def test_metadata(self):
        result = extract_text(self.TEXT, directory=AN_GIANG)
        assert (result.number, result.doc_type) == ("-CTr/TU", "Chương trình hành động")
        assert result.issuer is not None and result.issuer.lower() == "tỉnh uỷ điện biên"

    def test_attribute_block_after_bullets(self):
        (task,) = extract_text(self.TEXT, directory=AN_GIANG).tasks
        assert (task["clause"], task["lead"], task["rule"]) == (
            "I.1",
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"],
            "attribute",
        )


class TestOcrLetterhead:
    def test_damaged_motto_line_before_the_number_is_letterhead(self):
        """A long OCR'd motto line the patterns miss is no body start when the number
        follows; "Kính" lost before "gửi:"."""
        text = (
            "BỘ TÀI CHÍNH | CONG HOAYXA HOI atts NGHIA lon NAM TONG CUC THUE Doc lap - Ty do"
            " - Hanh phic\n"
            "Số: 4302 /TCT-TTr Hà Nội, ngày 05 tháng 11 năm 2018\n"
            "V/v tăng cường công tác thanh tra, kiểm tra\n"
            "gửi: Cục trưởng Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.\n"
            "Thực hiện Công văn số 3259/TCT-TTr ngày 23/8/2018, Tổng cục Thuế yêu cầu Cục"
            " trưởng Cục Thuế các tỉnh, thành phố trực thuộc Trung ương thực hiện:\n"
            "1. Huy động nguồn nhân lực cho công tác thanh tra, kiểm tra.\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert (result.number, result.issued_date) == ("4302/TCT-TTr", "2018-11-05")
        assert result.subject == "V/v tăng cường công tác thanh tra, kiểm tra"
        assert result.recipients == [
            "Cục trưởng Cục Thuế các tỉnh, thành phố trực thuộc Trung ương"
        ]

    def test_subject_opening_with_ve_in_the_number_cell(self):
        for number_cell in (
            "Số: 123/UBND-KT\nVề tăng cường quản lý\nchất thải rắn\n",
            "Số: 123/UBND-KT Về tăng cường quản lý chất thải rắn\n",
        ):
            text = (
                "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n"
                + number_cell
                + "Bắc Ninh, ngày 10 tháng 4 năm 2025\nKính gửi: Sở Xây dựng.\n"
                "Ủy ban nhân dân tỉnh giao Sở Xây dựng kiểm tra việc thu gom chất thải.\n"
            )
            result = extract_text(text, directory=AN_GIANG)
            assert (result.number, result.subject) == (
                "123/UBND-KT",
                "Về tăng cường quản lý chất thải rắn",
            )


class TestIssuerSentenceThatAssigns:
    """The issuer's own sentence is no task, unless it assigns further on."""

    @staticmethod
    def letter(body: str) -> list[tuple]:
        text = (
            "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 123/UBND-KT\nV/v triển khai\n"
            "Bắc Ninh, ngày 10 tháng 4 năm 2025\nKính gửi: Sở Xây dựng.\n"
            f"{body}\nNơi nhận:\n- Như trên;\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        return [(t["lead"], t["deadline"]) for t in result.tasks]

    def test_assignment_after_the_issuer_received_a_letter(self):
        assert self.letter(
            "Ủy ban nhân dân tỉnh nhận được Văn bản số 12/BXD-QLN ngày 02/5/2025. Về nội dung"
            " này, Chủ tịch Ủy ban nhân dân tỉnh giao Sở Xây dựng tham mưu trước ngày 15/5/2025."
        ) == [(["Sở Xây dựng"], "2025-05-15")]

    def test_agency_after_the_chairman_s_colon(self):
        assert self.letter(
            "Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo: Sở Tài chính chủ trì, phối hợp"
            " với Sở Xây dựng tham mưu Ủy ban nhân dân tỉnh trước ngày 20/5/2025."
        ) == [(["Sở Tài chính"], "2025-05-20")]

    def test_forwarded_to_an_agency(self):
        assert self.letter(
            "Ủy ban nhân dân tỉnh chuyển Văn bản số 12/BXD-QLN ngày 02/5/2025 của Bộ Xây dựng"
            " đến Sở Xây dựng để nghiên cứu, tham mưu thực hiện theo quy định."
        ) == [(["Sở Xây dựng"], None)]
        assert self.letter("Chuyển Sở Nội vụ nghiên cứu, tham mưu trước ngày 15/5/2025.") == [
            (["Sở Nội vụ"], "2025-05-15")
        ]

    def test_issuer_notice_stays_no_task(self):
        assert self.letter("Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân ngày 15/5.") == []


class TestRequestWithoutAddressee:
    def test_kinh_gui_addressees_take_the_actorless_items(self):
        """ "Chủ tịch UBND tỉnh yêu cầu:" names no one: the letter's addressees take its
        actorless items; an item that assigns in mid-paragraph keeps its own lead."""
        text = (
            "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 567/UBND-VX\nV/v phòng, chống dịch\n"
            "Thanh Hóa, ngày 10 tháng 5 năm 2025\nKính gửi: Các sở, ban, ngành tỉnh.\n"
            "Để chủ động phòng, chống dịch bệnh, Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Tăng cường công tác giám sát dịch bệnh tại cộng đồng.\n"
            "2. Kiểm tra an toàn thực phẩm. Giao Sở Công Thương chủ trì thực hiện.\n"
            "Nơi nhận:\n- Như trên;\n"
        )
        result = extract_text(text, directory=AN_GIANG)
        assert [(t["clause"], t["lead"], t["rule"]) for t in result.tasks] == [
            ("1", ["Các sở, ban, ngành tỉnh"], "intro"),
            ("2", ["Sở Công Thương"], "mid_paragraph"),
        ]


class TestShortLetterAssignments:
    """Short letters whose one assignment sits in mid-paragraph or names the addressee
    (cases/documents/cong_van_*.txt)."""

    def test_assignment_after_a_background_or_report_sentence(self):
        """ "X có Công văn số ... kiến nghị ... Về việc này, Thủ tướng Chính phủ giao Bộ Y",
        "Bộ Y đã có Báo cáo ... . Thủ tướng Chính phủ yêu cầu Bộ Y ...", and the head of
        government with a name before "chỉ đạo": the body after the verb is the lead."""
        assert tasks_of("cong_van_sau_boi_canh.txt") == [
            ("", ["Bộ Nông nghiệp và Môi trường"], [], "2025-03-25", None),
            ("", ["Bộ Tài chính"], [], None, None),
            ("", ["Bộ Nông nghiệp và Môi trường"], [], None, None),
        ]

    def test_issuer_directing_after_fronted_phrases(self):
        """ "Trước diễn biến ..., để ..., Chủ tịch UBND tỉnh chỉ đạo X ..." (the issuer
        speaking) and a requesting body whose name holds a comma after a first sentence."""
        assert tasks_of("cong_van_chi_dao_sau_boi_canh.txt") == [
            ("", ["Ủy ban nhân dân các xã, phường, đặc khu"], [], "2025-05-30", None),
            ("", ["Ủy ban nhân dân các xã, phường, đặc khu"], [], None, None),
        ]

    def test_request_to_the_addressee(self):
        """ "Đề nghị Quý Cơ quan ..." and a bare "Đề nghị ..." in a letter to one addressee
        are the addressee's tasks; the thanks to "Quý Cơ quan" closes."""
        result = extract_file(DOCS / "cong_van_quy_co_quan.txt", directory=AN_GIANG)
        assert [(t["lead"], t["deadline"], t["rule"]) for t in result.tasks] == [
            (["Tổng cục Thống kê"], "2025-05-20", "addressee"),
            (["Tổng cục Thống kê"], None, "addressee"),
        ]
        assert result.tasks[0]["uncertain"] is True
        assert (
            result.tasks[0]["reason"] == "Theo người nhận của văn bản (Kính gửi: Tổng cục Thống kê)"
        )

    def test_addressee_acts_in_every_actorless_item(self):
        """An intro "... có ý kiến chỉ đạo như sau:" naming no one lends the Kính gửi
        addressee to the items; an item naming its own actor keeps it."""
        assert tasks_of("cong_van_y_kien_chi_dao.txt") == [
            ("1", ["Sở Y tế"], [], None, None),
            ("2", ["Sở Y tế"], [], "2025-06-30", None),
            ("3", ["Ủy ban nhân dân các xã, phường"], [], None, None),
        ]

    def test_quy_stands_for_every_addressee_of_its_kind(self):
        """Among several addressees a generic "Quý đơn vị" stands for them all (as the tune
        label of bxd_17_ktqh reads "Quý cơ quan" among eight ministries), "Quý Sở" for every
        Sở addressed; a kind no addressee has stays as printed."""
        text = (
            "Kính gửi:\n- Sở Y tế;\n- Sở Tài chính;\n- Công an tỉnh.\n"
            "Ủy ban nhân dân tỉnh đề nghị Quý đơn vị rà soát, báo cáo trước ngày 20/5/2025.\n"
            "Ủy ban nhân dân tỉnh đề nghị Quý Sở nghiên cứu, tham mưu trước ngày 25/5/2025.\n"
            "Ủy ban nhân dân tỉnh đề nghị Quý Bộ cho ý kiến trước ngày 30/5/2025.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [t["lead"] for t in tasks] == [
            ["Sở Y tế", "Sở Tài chính", "Công an tỉnh"],
            ["Sở Y tế", "Sở Tài chính"],
            ["Quý Bộ"],
        ]


class TestOneClauseSeveralActors:
    """fields/sentences.py: a clause holds one task per actor that opens a sentence (in an
    unnumbered paragraph) or a paragraph (in an item)."""

    def test_sentences_of_an_unnumbered_paragraph(self):
        text = (
            "Kính gửi: Các sở, ban, ngành.\n"
            "Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra việc treo cờ Tổ"
            " quốc ở địa bàn dân cư; Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra việc treo"
            " cờ ở các đơn vị thuộc quyền quản lý. Các cơ quan liên quan phối hợp thực hiện.\n"
            "Sở Nông nghiệp và Môi trường đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Công an"
            " tỉnh; Bộ Chỉ huy quân sự tỉnh quan tâm, phối hợp triển khai.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [t["lead"] for t in tasks] == [
            ["Ủy ban nhân dân các phường, xã"],
            ["Các cơ quan, đơn vị"],
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"],
        ]
        assert tasks[1]["summary"].endswith("Các cơ quan liên quan phối hợp thực hiện.")

    def test_later_paragraph_of_an_item_with_another_actor(self):
        text = (
            "Thủ tướng Chính phủ yêu cầu:\n"
            "9. Các Bộ, ngành chỉ đạo thực hiện tốt Chỉ thị này và báo cáo kết quả thực hiện"
            " với Thủ tướng Chính phủ.\n"
            "Bộ Kế hoạch và Đầu tư chịu trách nhiệm hướng dẫn, theo dõi, đôn đốc thực hiện"
            " Chỉ thị này.\n"
            "Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các cơ quan có liên quan tổ"
            " chức thực hiện./.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"]) for t in tasks] == [
            ("9", ["Các Bộ, ngành"]),
            ("9", ["Bộ Kế hoạch và Đầu tư"]),
        ]


class TestListHeadings:
    def test_actor_under_a_bare_title_and_a_report_list(self):
        """ "6. Tập trung xử lý ..." (a bare title) / "Bộ X chủ trì, ... báo cáo ... các vấn đề
        sau:" over dashes: one task of Bộ X (the dashes are what the report holds); "7. ..." /
        "Bộ Y phối hợp ... :" over dashes: one task of Bộ Y per dash."""
        text = (
            "Thủ tướng Chính phủ yêu cầu các Bộ, ngành:\n"
            "6. Tập trung xử lý vướng mắc về lao động\n"
            "Bộ Nội vụ chủ trì, phối hợp với các cơ quan xử lý các vướng mắc về lao động, báo"
            " cáo Thủ tướng Chính phủ trong tháng 3 năm 2020 các vấn đề sau:\n"
            "- Tình hình lao động, việc làm trong các doanh nghiệp.\n"
            "- Thực trạng quản lý lao động nước ngoài tại Việt Nam.\n"
            "7. Đẩy mạnh thông tin truyền thông\n"
            "Bộ Văn hóa, Thể thao và Du lịch phối hợp với các Bộ, ngành, địa phương:\n"
            "- Chỉ đạo các cơ quan truyền thông kịp thời cung cấp thông tin chính thống.\n"
            "- Tăng cường truyền thông các chủ đề về du lịch an toàn.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
            ("6", ["Bộ Nội vụ"], "2020-03-31"),
            ("7", ["Bộ Văn hóa, Thể thao và Du lịch"], None),
            ("7", ["Bộ Văn hóa, Thể thao và Du lịch"], None),
        ]

    def test_group_spelled_out_by_dash_items(self):
        """ "Giao các sở ... gồm:" over "- Sở A (đối với ...);" items of names only: the
        members lead the lettered items; the name items are no tasks."""
        text = (
            "Chủ tịch Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:\n"
            "2. Các sở quản lý chuyên ngành\n"
            "Giao các sở quản lý nhà nước chuyên ngành về hạ tầng gồm:\n"
            "- Sở Công Thương (đối với tài sản hạ tầng cụm công nghiệp);\n"
            "- Sở Xây dựng (đối với tài sản hạ tầng đô thị).\n"
            "Có trách nhiệm:\n"
            "a) Rà soát, thống kê, phân loại toàn bộ tài sản kết cấu hạ tầng.\n"
            "b) Hướng dẫn các cơ quan, đơn vị lập hồ sơ quản lý tài sản.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"]) for t in tasks] == [
            ("2.a", ["Sở Công Thương", "Sở Xây dựng"]),
            ("2.b", ["Sở Công Thương", "Sở Xây dựng"]),
        ]

    def test_items_naming_categories_under_a_request(self):
        """An unnumbered letter's "... đề nghị các cơ quan, đơn vị thực hiện ... sau:" is an
        intro: a dash item naming its own party, a category included ("Chủ đầu tư các dự
        án có trách nhiệm ..."), keeps it; a label "1. Nhà đầu tư" lends nothing."""
        assert tasks_of("cong_van_doi_tuong.txt") == [
            ("", ["Các chủ đầu tư"], [], "2025-12-25", None),
            ("", ["Chủ đầu tư các dự án"], [], None, "monthly"),
            ("", ["Các doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh"], [], None, None),
            ("", ["Sở Tài chính"], [], "2025-12-31", None),
        ]
        text = (
            "Điều 1. Chấp thuận nhà đầu tư\n1. Nhà đầu tư\nTên doanh nghiệp: Công ty A.\n"
            "Địa chỉ trụ sở chính: thôn Tiến Lợi, xã Gia Phú.\n2. Tên dự án: Nhà máy B.\n"
        )
        assert extract_text(text, directory=AN_GIANG).tasks == []

    def test_chi_thi_intro_lends_its_addressees(self):
        """ "Chủ tịch UBND tỉnh chỉ thị các sở, ... thực hiện tốt các nội dung sau:" lends
        them to the actorless items; a cited "Chỉ thị số ..." is not that verb."""
        text = (
            "Thực hiện Chỉ thị số 11/CT-TTg ngày 04/3/2020 của Thủ tướng Chính phủ, Chủ tịch Ủy"
            " ban nhân dân tỉnh chỉ thị các sở, ban, ngành tỉnh thực hiện tốt các nội dung sau:\n"
            "1. Tăng cường tuyên truyền pháp luật về phòng cháy, chữa cháy.\n"
            "2. Công an tỉnh chủ trì tổ chức diễn tập phòng cháy, chữa cháy.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"]) for t in tasks] == [
            ("1", ["Các sở, ban, ngành tỉnh"]),
            ("2", ["Công an tỉnh"]),
        ]

    def test_request_to_carry_out_the_above_closes(self):
        text = (
            "Kính gửi: Các sở, ban, ngành.\n"
            "Giao Công an tỉnh chủ trì tham mưu dự thảo Nghị quyết trước ngày 30/6/2025.\n"
            "Đề nghị các sở, ban, ngành, địa phương khẩn trương triển khai thực hiện nội dung"
            " chỉ đạo trên./.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["lead"], t["deadline"]) for t in tasks] == [(["Công an tỉnh"], "2025-06-30")]

    def test_head_of_government_is_no_lead(self):
        """ "Thủ tướng Chính phủ đồng ý ... và giao Bộ X ..." is Bộ X's task; a sentence
        where the head of government only agrees gives none."""
        text = (
            "Kính gửi: Bộ Xây dựng.\n"
            "Thủ tướng Chính phủ đồng ý chủ trương điều chỉnh cục bộ quy hoạch như đề nghị của"
            " Ủy ban nhân dân tỉnh Bình Dương và giao Bộ Xây dựng hướng dẫn thực hiện.\n"
            "Thủ tướng Chính phủ đồng ý đề xuất của Bộ Tài chính tại văn bản nêu trên.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["lead"], t["rule"]) for t in tasks] == [(["Bộ Xây dựng"], "mid_paragraph")]

    def test_quy_bo_is_the_ministry_addressed(self):
        text = (
            "Kính gửi:\n- Bộ Tài chính;\n- Ủy ban nhân dân tỉnh Lạng Sơn.\n"
            "Ủy ban nhân dân tỉnh An Giang đề nghị Quý Bộ xem xét, bố trí kinh phí hỗ trợ trước"
            " ngày 30/6/2025.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["lead"], t["rule"]) for t in tasks] == [(["Bộ Tài chính"], "addressee")]

    def test_carry_out_on_the_basis_of_the_letter_closes(self):
        text = (
            "Kính gửi: Sở Công Thương.\n"
            "Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau: Giao Sở Công Thương chủ trì triển"
            " khai thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/4/2026.\n"
            "Căn cứ nội dung văn bản, Sở Công Thương tổ chức thực hiện./.\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["lead"], t["deadline"]) for t in tasks] == [(["Sở Công Thương"], "2026-04-15")]

    def test_issuer_asks_its_one_addressee(self):
        """To one addressee, "Chủ tịch UBND tỉnh yêu cầu khẩn trương ..." and "... có ý kiến
        chỉ đạo như sau: Khẩn trương ..." ask the addressee; "UBND tỉnh nhận được Công văn
        ... của Bộ X đề nghị báo cáo ..." is background."""
        head = (
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 456/UBND-KGVX\nV/v phòng chống dịch\nAn Giang, ngày 12 tháng 5 năm 2025\n"
            "Kính gửi: Sở Y tế.\n"
        )
        asked = (
            "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu khẩn trương rà soát kế hoạch phòng, chống"
            " dịch, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/5/2025.\n"
        )
        directed = (
            "Thực hiện chỉ đạo của Bộ Y tế, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như"
            " sau: Khẩn trương rà soát kế hoạch phòng, chống dịch trước ngày 20/5/2025.\n"
        )
        bodies = [asked, directed]
        for body in bodies:
            tasks = extract_text(head + body, directory=AN_GIANG).tasks
            assert [(t["lead"], t["deadline"], t["rule"]) for t in tasks] == [
                (["Sở Y tế"], "2025-05-20", "addressee")
            ]
        background = (
            "Ủy ban nhân dân tỉnh nhận được Công văn số 100/BYT-DP ngày 02/5/2025 của Bộ Y tế"
            " đề nghị báo cáo tình hình dịch bệnh.\n"
        )
        assert extract_text(head + background, directory=AN_GIANG).tasks == []


class TestFootnoteLeftInTheClause:
    """A page footnote left in the text without its marker ("3 Quyết định số ...", numbered
    out of order) is a footnote: no task, not in the task's summary; its citation still a
    reference. A line that goes on a number ("... khoản 1 Điều" / "12 Nghị định số ...") stays
    body text."""

    TEXT = (
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 2040/UBND-NC\nV/v cải cách hành chính\n"
        "Nghệ An, ngày 11 tháng 8 năm 2026\nKính gửi: Các sở, ban, ngành tỉnh.\n"
        "1. Sở Nội vụ tổng hợp kết quả chỉ số cải cách hành chính của các sở, báo cáo Ủy ban"
        " nhân dân tỉnh trước ngày 15/9/2026.\n"
        "3 Quyết định số 1150/QĐ-UBND ngày 02/6/2026 của Ủy ban nhân dân tỉnh ban hành Bộ chỉ"
        " số.\n"
        "4 Kế hoạch số 66/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân tỉnh.\n"
        "2. Các sở, ban, ngành tỉnh tự đánh giá theo khoản 2 Điều\n"
        "12 Nghị định số 30/2026/NĐ-CP, gửi Sở Nội vụ.\n"
    )

    def test_footnotes_out_of_the_summary(self):
        result = extract_text(self.TEXT, directory=AN_GIANG)
        assert [t["clause"] for t in result.tasks] == ["1", "2"]
        assert "Quyết định" not in result.tasks[0]["summary"]
        assert "12 Nghị định số 30/2026/NĐ-CP" in result.tasks[1]["summary"]
        numbers = {r["number"] for r in result.references}
        assert {"1150/QĐ-UBND", "66/KH-UBND", "30/2026/NĐ-CP"} <= numbers
