"""Provincial office letters (UBND tỉnh / Văn phòng UBND tỉnh công văn): who leads, and what
is no task (issue 11, helper rules-b). Unit fixtures, not real documents."""

from __future__ import annotations

from case_documents import AN_GIANG

from dxtrack.extraction import extract_text

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 456/UBND-NC\n"
    "V/v triển khai Nghị quyết của Hội đồng nhân dân tỉnh\n"
    "An Giang, ngày 12 tháng 8 năm 2025\n"
)


def _tasks(text: str) -> list[tuple]:
    return [
        (t["clause"], t["lead"], t["coordinators"], t["deadline"])
        for t in extract_text(text, directory=AN_GIANG).tasks
    ]


def test_the_chairmans_intro_to_one_addressee_is_no_task():
    text = HEAD + (
        "Kính gửi: Công an tỉnh.\n"
        "Thực hiện Nghị quyết số 41/2025/NQ-HĐND ngày 27/7/2025 của Hội đồng nhân dân tỉnh;\n"
        "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo như sau:\n"
        "Giao Công an tỉnh chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện Nghị quyết, báo"
        " cáo Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh) trước ngày 30/9/2025./.\n"
    )
    assert _tasks(text) == [("", ["Công an tỉnh"], ["Sở Tài chính"], "2025-09-30")]


def test_an_actorless_ask_after_the_intro_is_the_addressees():
    text = HEAD + (
        "Kính gửi: Công an tỉnh.\n"
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu khẩn trương rà soát, báo cáo trước ngày"
        " 15/9/2025.\n"
    )
    assert _tasks(text) == [("", ["Công an tỉnh"], [], "2025-09-15")]


LEADS = HEAD + (
    "Kính gửi:\n"
    "- Các sở, ban, ngành tỉnh;\n"
    "- Ủy ban nhân dân các xã, phường.\n"
    "Thực hiện Chỉ thị số 12/CT-TTg ngày 05/3/2025 của Thủ tướng Chính phủ, Chủ tịch Ủy ban"
    " nhân dân tỉnh chỉ đạo như sau:\n"
    "1. Sở Xây dựng:\n"
    "a) Chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường rà soát các dự án chậm"
    " tiến độ, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/4/2025.\n"
    "b) Công an tỉnh phối hợp với Sở Xây dựng xử lý nghiêm các vi phạm về trật tự xây dựng.\n"
    "2. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Xây dựng, Sở Tài chính và Ủy"
    " ban nhân dân các xã, phường kiểm tra việc sử dụng đất, hoàn thành trong quý II/2025.\n"
    "3. Đề nghị các sở, ban, ngành tỉnh định kỳ hằng quý báo cáo kết quả thực hiện về Ủy ban"
    " nhân dân tỉnh (qua Sở Xây dựng) trước ngày 20 của tháng cuối quý.\n"
    "4. Ủy ban nhân dân xã Mỹ Hòa Hưng phối hợp với Sở Xây dựng kiểm tra, xử lý các công trình"
    " vi phạm.\n"
    "5. Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân"
    " tỉnh về công tác quản lý trật tự xây dựng trên địa bàn.\n"
    "6. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện, báo cáo Chủ tịch"
    " Ủy ban nhân dân tỉnh.\n"
    "7. Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch Ủy"
    " ban nhân dân các xã, phường nghiêm túc triển khai thực hiện./.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phước\n"
)


def test_lead_traps_of_a_provincial_letter():
    """A heading's agency vs an item's own actor; `phối hợp với` lists; a channel `(qua Sở
    X)` is no lead; a named xã vs `các xã, phường`; the chairman of the xã stands for it; the
    issuer's chairman is never a lead; the closing request is no task."""
    result = extract_text(LEADS, directory=AN_GIANG)
    got = [
        (t["clause"], t["lead"], t["coordinators"], t["deadline"], t["recurrence"])
        for t in result.tasks
    ]
    assert got == [
        (
            "1.a",
            ["Sở Xây dựng"],
            ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"],
            "2025-04-30",
            None,
        ),
        ("1.b", ["Công an tỉnh"], ["Sở Xây dựng"], None, None),
        (
            "2",
            ["Sở Nông nghiệp và Môi trường"],
            ["Sở Xây dựng", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
            "2025-06-30",
            None,
        ),
        ("3", ["Các sở, ban, ngành tỉnh"], [], None, "quarterly"),
        ("4", ["Ủy ban nhân dân xã Mỹ Hòa Hưng"], ["Sở Xây dựng"], None, None),
        ("5", ["Ủy ban nhân dân các xã, phường"], [], None, None),
        ("6", ["Văn phòng Ủy ban nhân dân tỉnh"], [], None, None),
    ]


VP_LETTER = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "VĂN PHÒNG\n"
    "Số: 1234/VP-KT\n"
    "V/v triển khai ý kiến chỉ đạo của Chủ tịch UBND tỉnh\n"
    "An Giang, ngày 15 tháng 5 năm 2025\n"
    "Kính gửi:\n- Sở Tài chính;\n- Sở Xây dựng.\n"
    "Xét Công văn số 456/STC-QLNS ngày 10/5/2025 của Sở Tài chính về việc đề xuất bố trí vốn,"
    " Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:\n"
    "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát, tham mưu Ủy ban nhân dân tỉnh"
    " bố trí vốn cho các dự án, báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban"
    " nhân dân tỉnh) trước ngày 30/5/2025.\n"
    "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.\n"
    "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, KT.\n"
    "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nLê Thị Hoa\n"
)


def test_the_office_issuing_for_its_head_keeps_its_follow_up_task():
    """A Văn phòng's letter conveying the chairman's directions: `Văn phòng UBND tỉnh theo
    dõi, đôn đốc` is its task; `Văn phòng UBND tỉnh thông báo để ... biết, thực hiện` closes."""
    result = extract_text(VP_LETTER, directory=AN_GIANG)
    assert result.issuer == "Văn phòng Ủy ban nhân dân tỉnh An Giang"
    assert _tasks(VP_LETTER) == [
        ("", ["Sở Tài chính"], ["Sở Xây dựng"], "2025-05-30"),
        ("", ["Văn phòng Ủy ban nhân dân tỉnh"], [], None),
    ]


def test_an_agency_heading_requiring_obliged_parties_keeps_the_task():
    """`- Yêu cầu các đơn vị hoạt động khai thác ...` under `2. Sở X`: Sở X requires them;
    a named agency after `Yêu cầu` stays that agency's."""
    text = (
        "Ngày 10 tháng 3 năm 2025\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nông nghiệp và Môi trường\n"
        "- Tổ chức kiểm tra thường xuyên hoạt động khai thác khoáng sản.\n"
        "- Yêu cầu các đơn vị hoạt động khai thác khoáng sản lắp đặt, vận hành trạm cân, camera"
        " giám sát tại khu vực khai thác.\n"
        "- Yêu cầu Sở Xây dựng phối hợp kiểm tra chất lượng vật liệu xây dựng.\n"
    )
    assert [(t["clause"], t["lead"]) for t in extract_text(text, directory=AN_GIANG).tasks] == [
        ("IV.1", ["Sở Nông nghiệp và Môi trường"]),
        ("IV.1", ["Sở Nông nghiệp và Môi trường"]),
        ("IV.1", ["Sở Xây dựng"]),
    ]
