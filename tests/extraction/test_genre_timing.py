"""A plan item's fields (issue 11): the lines under an item are its attributes, its time
line is read like a task table's time cell (a span of periods ends with its last)."""

from __future__ import annotations

from case_documents import AN_GIANG

from dxtrack.extraction import extract_text

PLAN = (
    "Ngày 10 tháng 3 năm 2026\n"
    "II. NỘI DUNG\n"
    "1. Tổ chức phổ biến, quán triệt, triển khai thi hành Luật\n"
    "a) Tổ chức hội nghị quán triệt Luật cho các sở, ban, ngành.\n"
    "- Cơ quan chủ trì: Sở Tư pháp.\n"
    "- Cơ quan phối hợp: Sở Nội vụ.\n"
    "- Hình thức tổ chức: trực tiếp kết hợp trực tuyến.\n"
    "- Thời gian thực hiện: Quý IV năm 2026, Quý I, Quý II năm 2027.\n"
    "- Sản phẩm: Báo cáo kết quả tổ chức Hội nghị.\n"
    "b) Tổ chức tập huấn chuyên sâu cho công chức làm công tác bồi thường.\n"
    "- Cơ quan chủ trì: Sở Nội vụ.\n"
    "- Phương thức thực hiện: trực tuyến.\n"
    "- Thời gian thực hiện: Quý I năm 2027.\n"
)


def test_further_fields_stay_in_their_item_and_the_time_line_ends_last():
    tasks = extract_text(PLAN, directory=AN_GIANG).tasks
    assert [(t["clause"], t["lead"], t["coordinators"], t["deadline"]) for t in tasks] == [
        ("II.1.a", ["Sở Tư pháp"], ["Sở Nội vụ"], "2027-06-30"),
        ("II.1.b", ["Sở Nội vụ"], [], "2027-03-31"),
    ]
