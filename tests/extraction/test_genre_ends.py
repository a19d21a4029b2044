"""The ends of a body (issue 11, item 7): a closing, a signature or an e-signature stamp
glued onto the last article by a copy is no part of that article's task."""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG

from dxtrack.extraction import extract_text

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 99/KH-UBND\n"
    "An Giang, ngày 20 tháng 3 năm 2025\n"
    "KẾ HOẠCH\n"
    "Triển khai công tác chuyển đổi số năm 2025\n"
    "1. Sở Khoa học và Công nghệ chủ trì tham mưu triển khai Kế hoạch này.\n"
    "2. Giao Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trong tháng 4/2025./."
)

GLUED = [
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh\n",
    " KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nNguyễn Thị Minh\n",
    " KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thị Minh\n",
    # no space after the dot (the closing formula's \S, kept by vocab.folded_pattern)
    "KT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh\n",
    "TM.ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thị Minh\n",
    " Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thị Minh\n",
    (
        " KT. CHỦ TỊCH PHÓ CHỦ TỊCH Ký bởi: Ủy ban nhân dân tỉnh An Giang Thời gian ký:"
        " 20.03.2025 10:15:30 +07:00\nNguyễn Thị Minh\n"
    ),
]


@pytest.mark.parametrize("tail", GLUED)
def test_a_glued_signature_ends_the_last_task(tail):
    result = extract_text(HEAD + tail, directory=AN_GIANG).to_dict()
    last = result["tasks"][-1]
    assert (last["clause"], last["lead"], last["deadline"]) == ("2", ["Sở Tài chính"], "2025-04-30")
    assert result["text"][slice(*last["span"])].endswith("trong tháng 4/2025./.")
    assert result["signer"]["name"] == "Nguyễn Thị Minh"


def test_a_closing_sentence_after_the_last_item_is_no_task():
    text = HEAD.removesuffix("./.") + (
        ".\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh. Trong quá trình thực hiện, nếu có"
        " khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Sở Khoa học và Công nghệ"
        " để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH\n"
        "Hồ Văn Mừng\n"
    )
    result = extract_text(text, directory=AN_GIANG).to_dict()
    assert [t["clause"] for t in result["tasks"]] == ["1", "2"]
    assert result["signer"]["name"] == "Hồ Văn Mừng"


LETTER = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 456/UBND-KT\n"
    "V/v tăng cường quản lý hoạt động khoáng sản\n"
    "An Giang, ngày 20 tháng 3 năm 2025\n"
    "Kính gửi: Các sở, ban, ngành tỉnh.\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì kiểm tra hoạt động khai thác khoáng sản.\n"
    "2. Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành của tỉnh, Chủ tịch"
    " Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan đến hoạt động khoáng"
    " sản trên địa bàn tỉnh nghiêm túc thực hiện. Trong quá trình thực hiện nếu có khó khăn,"
    " vướng mắc, các cơ quan, đơn vị, địa phương kịp thời có văn bản báo cáo Ủy ban nhân dân"
    " tỉnh (qua Sở Nông nghiệp và Môi trường) để xem xét, giải quyết.\n"
)


def test_a_long_closing_request_followed_by_the_difficulties_sentence_is_no_task():
    tasks = extract_text(LETTER, directory=AN_GIANG).tasks
    assert [(t["clause"], t["lead"]) for t in tasks] == [("1", ["Sở Nông nghiệp và Môi trường"])]


DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 12/QĐ-UBND\n"
    "An Giang, ngày 3 tháng 3 năm 2025\n"
    "QUYẾT ĐỊNH\n"
    "Về việc giao nhiệm vụ tiếp nhận hồ sơ\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Sở Công Thương là cơ quan tiếp nhận hồ sơ đề nghị cấp giấy chứng nhận đủ điều"
    " kiện trên địa bàn tỉnh.\n"
    "Điều 2. Sở Công Thương hướng dẫn các tổ chức, cá nhân lập hồ sơ theo quy định.\n"
    "Điều 3. Tổ chức thực hiện\n"
    "1. Giao Sở Tài chính bố trí kinh phí thực hiện.\n"
    "2. Quyết định này được lập thành 03 (ba) bản chính: 01 bản gửi Sở Công Thương, 01 bản"
    " lưu tại Văn phòng Ủy ban nhân dân tỉnh.\n"
)


def test_which_body_it_is_and_the_copies_of_a_decision_are_no_tasks():
    tasks = extract_text(DECISION, directory=AN_GIANG).tasks
    assert [(t["clause"], t["lead"]) for t in tasks] == [
        ("Điều 2", ["Sở Công Thương"]),
        ("Điều 3.1", ["Sở Tài chính"]),
    ]
