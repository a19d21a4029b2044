"""Lists of duties: an item or a letter's paragraph that opens a party's list of duties
("... có trách nhiệm:") over dash items gives one task per item.

Unit fixtures in the genre's shapes, not real documents."""

from __future__ import annotations

from case_documents import AN_GIANG

from dxtrack.extraction import extract_text


def _tasks(text: str) -> list[tuple]:
    result = extract_text(text, wrapped=False, directory=AN_GIANG)
    return [(t["clause"], t["lead"]) for t in result.tasks]


class TestDutyLists:
    def test_item_opening_its_own_duties_under_an_agency_article(self):
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 8. Ủy ban nhân dân các xã, phường có nhiệm vụ\n"
            "1. Quản lý danh sách đối tượng hưởng trợ cấp trên địa bàn.\n"
            "2. Hằng tháng khi nhận được kinh phí, tổ chức chi trả kịp thời cho đối tượng và có"
            " trách nhiệm:\n"
            "- Kiểm tra danh sách chi trả trước khi chi trả cho đối tượng.\n"
            "- Thông báo công khai địa điểm và thời gian chi trả.\n"
            "3. Lập báo cáo quyết toán kinh phí gửi Sở Tài chính.\n"
        )
        xa = ["Ủy ban nhân dân các xã, phường"]
        assert _tasks(text) == [
            ("Điều 8.1", xa),
            ("Điều 8.2", xa),
            ("Điều 8.2", xa),
            ("Điều 8.3", xa),
        ]

    def test_content_bullets_stay_one_task(self):
        """ "... theo hướng:" bullets describe one task."""
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 2. Sở Tài chính có nhiệm vụ\n"
            "1. Sửa đổi quy định về định mức chi theo hướng:\n"
            "- Tăng mức chi cho công tác chi trả.\n"
            "- Giảm thủ tục thanh toán.\n"
        )
        assert _tasks(text) == [("Điều 2.1", ["Sở Tài chính"])]

    def test_letter_paragraph_naming_the_party_of_its_dash_items(self):
        """An unnumbered letter: "Giám đốc Sở X có trách nhiệm:" lends Sở X to each dash item
        and is no task of its own; "Bộ X đã ban hành ..., cụ thể:" over cited documents lends
        nothing."""
        text = (
            "Kính gửi: Sở Y tế tỉnh An Giang.\n"
            "Bộ Y tế đã ban hành các văn bản hướng dẫn, cụ thể:\n"
            "- Thông tư số 12/2025/TT-BYT ngày 10/3/2025 về chi trả trợ cấp;\n"
            "- Thông tư số 13/2025/TT-BYT ngày 12/3/2025 về thanh toán.\n"
            "Giám đốc Sở Y tế có trách nhiệm:\n"
            "- Phối hợp với Bưu điện tỉnh hoàn thiện phương án chi trả qua bưu điện.\n"
            "- Tăng cường kiểm tra, hướng dẫn việc chi trả tại các xã.\n"
            "Bộ Y tế thông báo để các địa phương biết, thực hiện./.\n"
        )
        assert _tasks(text) == [("", ["Sở Y tế"]), ("", ["Sở Y tế"])]


class TestActorInALaterSentence:
    def test_clause_whose_first_sentence_names_no_actor(self):
        """ "Kinh phí ... được bố trí từ ... . Sở Tài chính tham mưu ..." is Sở Tài chính's;
        "Hằng năm, các cơ quan ... có trách nhiệm ..." after a lead-in too; a later sentence
        that reports ("Bộ Y tế đã ...") or the issuer's future ("... sẽ tổng kết") is none."""
        text = (
            "KẾ HOẠCH\n"
            "Triển khai chuyển đổi số năm 2025\n"
            "I. TỔ CHỨC THỰC HIỆN\n"
            "1. Kinh phí thực hiện Kế hoạch từ nguồn ngân sách nhà nước. Sở Tài chính tham mưu"
            " bố trí kinh phí thực hiện Kế hoạch.\n"
            "2. Kinh phí thực hiện được bố trí trong dự toán chi thường xuyên. Hằng năm, các"
            " cơ quan được phân công chủ trì có trách nhiệm đề xuất danh mục nhiệm vụ.\n"
            "3. Việc chi trả thực hiện theo quy định. Bộ Y tế đã ban hành hướng dẫn chi trả.\n"
            "4. Kết quả thí điểm là cơ sở nhân rộng. Ủy ban nhân dân tỉnh sẽ tổng kết vào"
            " cuối năm.\n"
        )
        assert _tasks(text) == [("I.1", ["Sở Tài chính"]), ("I.2", ["Các cơ quan"])]


class TestPartyHeadingsAndPageHeaders:
    def test_party_bodies_as_headings_and_a_page_header_line(self):
        """Party committees ("Đảng uỷ Chính phủ", "Quân uỷ Trung ương") are headings lending
        themselves to their lettered items; a page header glued to a number ("18.CTRTW31.DOC
        9"), far ahead of the open item, is no new item and keeps the list going."""
        text = (
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. Đảng uỷ Chính phủ\n"
            "a) Chỉ đạo xây dựng Chương trình hành động của Chính phủ.\n"
            "18.CTRTW31.DOC 9\n"
            "b) Chỉ đạo rà soát, sửa đổi các quy định pháp luật về bảo vệ môi trường.\n"
            "2. Quân uỷ Trung ương\n"
            "a) Chủ động rà soát, điều chỉnh phương án tác chiến.\n"
        )
        assert _tasks(text) == [
            ("III.1.a", ["Đảng uỷ Chính phủ"]),
            ("III.1.b", ["Đảng uỷ Chính phủ"]),
            ("III.2.a", ["Quân uỷ Trung ương"]),
        ]

    def test_office_heads_need_a_capitalised_name(self):
        """ "2. Phòng Văn hóa - Xã hội các xã, phường" lends itself to its dash items; "1.
        Phòng, chống dịch bệnh" / "Phòng chống thiên tai" are topics, not offices."""
        text = (
            "II. NHIỆM VỤ\n"
            "1. Phòng, chống dịch bệnh\n"
            "- Tổ chức tiêm chủng cho trẻ em.\n"
            "2. Phòng chống thiên tai\n"
            "- Sở Nông nghiệp và Môi trường xây dựng phương án ứng phó.\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Văn hóa - Xã hội các xã, phường\n"
            "- Tuyên truyền về chuyển đổi số trên địa bàn.\n"
        )
        assert _tasks(text) == [
            ("II.2", ["Sở Nông nghiệp và Môi trường"]),
            ("III.1", ["Phòng Văn hóa - Xã hội các xã, phường"]),
        ]


class TestClosingArticles:
    def test_effect_clause_opening_an_article_over_assigning_sentences(self):
        """ "Điều 4. Quyết định này có hiệu lực ..." then a paragraph whose sentences each open
        with their own actor: a task per actor; the closing list cut by ";" ("Chánh Văn phòng
        ...; Giám đốc ...; ... chịu trách nhiệm thi hành") stays no task."""
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 1. Phê duyệt điều chỉnh dự án đầu tư xây dựng đường nội thị.\n"
            "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tài chính, Xây"
            " dựng; Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.\n"
            "Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Đề nghị Ủy ban Kiểm tra Tỉnh ủy phối hợp kiểm tra, giám sát việc thực hiện Quyết"
            " định này. Thanh tra tỉnh, Công an tỉnh theo chức năng, nhiệm vụ được giao tham mưu"
            " cho Ủy ban nhân dân tỉnh xử lý nghiêm các vi phạm của nhà đầu tư.\n"
        )
        assert _tasks(text) == [
            ("Điều 4", ["Ủy ban Kiểm tra Tỉnh ủy"]),
            ("Điều 4", ["Thanh tra tỉnh", "Công an tỉnh"]),
        ]

    def test_numbered_item_cut_at_full_stops_only(self):
        """A numbered item of an article: a later sentence opening with another actor is its
        own task; a list of bodies after ";" ("... tại các sở; UBND các huyện (Giao ...)")
        is not a sentence."""
        text = (
            "QUYẾT ĐỊNH:\n"
            "Điều 3. Điều khoản thi hành\n"
            "1. Đề nghị Ủy ban Kiểm tra Tỉnh ủy phối hợp kiểm tra, giám sát. Thanh tra tỉnh,"
            " Công an tỉnh theo chức năng, nhiệm vụ được giao tham mưu cho Ủy ban nhân dân tỉnh"
            " xử lý các vi phạm.\n"
            "2. Kiểm tra việc chấp hành quy định tại các sở, ban, ngành tỉnh; Ủy ban nhân dân"
            " các xã, phường (Giao Công an tỉnh chủ trì).\n"
        )
        assert _tasks(text) == [
            ("Điều 3.1", ["Ủy ban Kiểm tra Tỉnh ủy"]),
            ("Điều 3.1", ["Thanh tra tỉnh", "Công an tỉnh"]),
            ("Điều 3.2", ["Công an tỉnh"]),
        ]


class TestInlineAttributes:
    def test_attribute_inside_the_items_paragraph(self):
        """ "(Cơ quan chủ trì: Sở X; thời gian hoàn thành: quý II/2025)" and ". Đơn vị chủ trì:
        X; đơn vị phối hợp: Y; thời gian: ..." inside an item's own paragraph."""
        text = (
            "KẾ HOẠCH\n"
            "Thực hiện Đề án 06 năm 2025\n"
            "I. NHIỆM VỤ\n"
            "1. Hoàn thiện thể chế\n"
            "a) Rà soát các văn bản quy phạm pháp luật (Cơ quan chủ trì: Sở Tư pháp; thời gian"
            " hoàn thành: quý II/2025).\n"
            "b) Xây dựng quy chế khai thác dữ liệu dân cư. Đơn vị chủ trì: Công an tỉnh; đơn vị"
            " phối hợp: Sở Khoa học và Công nghệ; thời gian: tháng 10/2025.\n"
        )
        result = extract_text(text, wrapped=False, directory=AN_GIANG)
        assert [
            (t["clause"], t["lead"], t["coordinators"], t["deadline"]) for t in result.tasks
        ] == [
            ("I.1.a", ["Sở Tư pháp"], [], "2025-06-30"),
            ("I.1.b", ["Công an tỉnh"], ["Sở Khoa học và Công nghệ"], "2025-10-31"),
        ]

    def test_bare_thuc_hien_attribute_names_the_lead(self):
        """ "- Thực hiện: Sở Nội vụ và Sở Tài chính phối hợp ..." under an item is its lead
        line, like "Cơ quan thực hiện:"."""
        text = (
            "KẾ HOẠCH\n"
            "Thực hiện Quy định số 178-QĐ/TW\n"
            "II. NỘI DUNG CHỦ YẾU\n"
            "1. Tham mưu bố trí kinh phí cho công tác xây dựng pháp luật.\n"
            "- Thực hiện: Sở Tài chính.\n"
            "- Thời gian thực hiện: Thường xuyên.\n"
            "2. Hoàn thiện cơ chế về tổ chức bộ máy trong công tác xây dựng pháp luật.\n"
            "- Thực hiện: Sở Nội vụ và Sở Tài chính phối hợp tham mưu, đề xuất.\n"
            "- Thời gian thực hiện: Quý II/2025.\n"
        )
        result = extract_text(text, wrapped=False, directory=AN_GIANG)
        assert [(t["clause"], t["lead"], t["deadline"], t["recurrence"]) for t in result.tasks] == [
            ("II.1", ["Sở Tài chính"], None, "continuous"),
            ("II.2", ["Sở Nội vụ", "Sở Tài chính"], "2025-06-30", None),
        ]
