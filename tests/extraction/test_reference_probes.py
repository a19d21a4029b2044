"""Contract probes for references (issue 11, session 13, helper rules-dd).

Each probe is a short text in the forms real documents take, written to test one rule of
FORMAT.md's "references" section, with the expected references written from the contract
before the engine ran on it. A fragment is read by `find_references` alone; a whole
document (letterhead, number line, subject, body) by `extract_text`, so that the rules that
need the document's own number or its subject line are tested too.

Expected lines: "TYPE | NUMBER | DATE | ISSUER" (null for none), in first-mention order.
"""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG

from dxtrack.extraction import extract_text
from dxtrack.extraction.fields.references import find_references

# a letterhead and number line for whole-document probes; {number} and {subject} filled in
_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: {number}\n{subject}\n"
    "An Giang, ngày 20 tháng 10 năm 2025\n"
)
_TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"


def _doc(number: str, subject: str, body: str) -> str:
    return _HEAD.format(number=number, subject=subject) + body + _TAIL


# (id, kind, text, expected): kind "frag" (find_references) or "doc" (extract_text)
PROBES: list[tuple[str, str, str, list[str]]] = [
    # --- which citations count: every other document cited with a number -------------------
    (
        "can_cu_party_resolution",
        "frag",
        (
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"
        ),
        ["Nghị quyết | 57-NQ/TW | 2024-12-22 | Bộ Chính trị"],
    ),
    (
        "thuc_hien_office_letter_long_date",
        "frag",
        (
            "Thực hiện Công văn số 1234/VPCP-KGVX ngày 05 tháng 3 năm 2025 của Văn phòng Chính phủ "
            "về việc tăng cường quản lý, Ủy ban nhân dân tỉnh có ý kiến như sau:"
        ),
        ["Công văn | 1234/VPCP-KGVX | 2025-03-05 | Văn phòng Chính phủ"],
    ),
    (
        "theo_decision_no_so_no_date",
        "frag",
        (
            "Các sở, ngành tiếp tục triển khai các nhiệm vụ theo Quyết định 749/QĐ-TTg, bảo đảm "
            "đúng tiến độ."
        ),
        ["Quyết định | 749/QĐ-TTg | null | null"],
    ),
    (
        "steering_board_plan",
        "frag",
        "Ban Chỉ đạo tỉnh đã ban hành Kế hoạch số 01/KH-BCĐ để tổ chức triển khai trên địa bàn.",
        ["Kế hoạch | 01/KH-BCĐ | null | null"],
    ),
    (
        "conclusion_notice_party",
        "frag",
        (
            "Thực hiện Thông báo kết luận số 45-TB/TU ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy, "
            "Ủy ban nhân dân tỉnh đề nghị:"
        ),
        ["Thông báo kết luận | 45-TB/TU | 2025-02-10 | Ban Thường vụ Tỉnh ủy"],
    ),
    (
        "law_named_with_number",
        "frag",
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2023;",
        ["Luật | 20/2023/QH15 | 2023-06-22 | null"],
    ),
    (
        "decree_without_so",
        "frag",
        "bảo đảm tuân thủ các quy định tại Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
        ["Nghị định | 13/2023/NĐ-CP | null | null"],
    ),
    (
        "report_of_department",
        "frag",
        (
            "Xét Báo cáo số 215/BC-SKHCN ngày 02/10/2025 của Sở Khoa học và Công nghệ về kết quả "
            "thực hiện,"
        ),
        ["Báo cáo | 215/BC-SKHCN | 2025-10-02 | Sở Khoa học và Công nghệ"],
    ),
    (
        "invitation_and_transfer_slip",
        "frag",
        (
            "Theo Giấy mời số 123/GM-UBND ngày 15/10/2025 của Ủy ban nhân dân tỉnh và Phiếu chuyển "
            "số 45/PC-VP ngày 16/10/2025 của Văn phòng Ủy ban nhân dân tỉnh,"
        ),
        [
            "Giấy mời | 123/GM-UBND | 2025-10-15 | Ủy ban nhân dân tỉnh",
            "Phiếu chuyển | 45/PC-VP | 2025-10-16 | Văn phòng Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "consolidated_text",
        "frag",
        "theo quy định tại Văn bản hợp nhất số 15/VBHN-BTC ngày 20/5/2024 của Bộ Tài chính.",
        ["Văn bản hợp nhất | 15/VBHN-BTC | 2024-05-20 | Bộ Tài chính"],
    ),
    (
        "urgent_cable_qualifier",
        "frag",
        (
            "Thực hiện Công điện khẩn số 12/CĐ-UBND ngày 08/9/2025 của Chủ tịch Ủy ban nhân dân "
            "tỉnh về ứng phó với bão số 7,"
        ),
        ["Công điện | 12/CĐ-UBND | 2025-09-08 | Chủ tịch Ủy ban nhân dân tỉnh"],
    ),
    (
        "article_of_decree",
        "frag",
        (
            "theo khoản 2 Điều 15 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công "
            "tác văn thư"
        ),
        ["Nghị định | 30/2020/NĐ-CP | 2020-03-05 | Chính phủ"],
    ),
    (
        "number_in_parentheses_without_type",
        "frag",
        "Sở Tài chính đã có ý kiến (số 3021/STC-NS ngày 18/9/2025) về nguồn kinh phí.",
        ["Công văn | 3021/STC-NS | 2025-09-18 | null"],
    ),
    (
        "party_programme_and_guidance",
        "frag",
        (
            "Thực hiện Chương trình hành động số 12-CTr/TU ngày 04/4/2025 của Tỉnh ủy và Hướng "
            "dẫn số 03-HD/BTCTW ngày 20/3/2025 của Ban Tổ chức Trung ương,"
        ),
        [
            "Chương trình hành động | 12-CTr/TU | 2025-04-04 | Tỉnh ủy",
            "Hướng dẫn | 03-HD/BTCTW | 2025-03-20 | Ban Tổ chức Trung ương",
        ],
    ),
    (
        "party_letter_code",
        "frag",
        "Thực hiện Công văn số 1150-CV/TU ngày 30/6/2025 của Ban Thường vụ Tỉnh ủy,",
        ["Công văn | 1150-CV/TU | 2025-06-30 | Ban Thường vụ Tỉnh ủy"],
    ),
    (
        "amended_by_law",
        "frag",
        (
            "Căn cứ Luật Quy hoạch số 21/2017/QH14 được sửa đổi, bổ sung một số điều theo Luật số "
            "28/2018/QH14 và Luật số 35/2018/QH14;"
        ),
        [
            "Luật | 21/2017/QH14 | null | null",
            "Luật | 28/2018/QH14 | null | null",
            "Luật | 35/2018/QH14 | null | null",
        ],
    ),
    (
        "old_provincial_decision",
        "frag",
        "bãi bỏ Quyết định số 15/2003/QĐ-UB ngày 12/3/2003 của Ủy ban nhân dân tỉnh.",
        ["Quyết định | 15/2003/QĐ-UB | 2003-03-12 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "ampersand_code",
        "frag",
        (
            "theo hướng dẫn tại Công văn số 77/SKH&CN-QLCN ngày 03/02/2025 của Sở Khoa học và "
            "Công nghệ"
        ),
        ["Công văn | 77/SKH&CN-QLCN | 2025-02-03 | Sở Khoa học và Công nghệ"],
    ),
    (
        "letter_without_department_code",
        "frag",
        "Ủy ban nhân dân tỉnh đã có Công văn số 4512/UBND ngày 11/8/2025 chỉ đạo các địa phương.",
        ["Công văn | 4512/UBND | 2025-08-11 | null"],
    ),
    (
        "quoted_number",
        "frag",
        "Văn bản này thay thế “Công văn số 600/UBND-KT ngày 02/4/2025” của Ủy ban nhân dân tỉnh.",
        ["Công văn | 600/UBND-KT | 2025-04-02 | null"],
    ),
    # --- what is no reference ----------------------------------------------------------------
    (
        "law_by_name_and_date",
        "frag",
        (
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Bộ luật Hình sự năm "
            "2015;\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;"
        ),
        [],
    ),
    (
        "technical_standards",
        "frag",
        (
            "Hệ thống phải đáp ứng tiêu chuẩn TCVN 11930:2017 và Quy chuẩn kỹ thuật quốc gia "
            "QCVN 06:2022/BXD về an toàn cháy cho nhà và công trình."
        ),
        [],
    ),
    (
        "standard_with_so",
        "frag",
        "áp dụng Quy chuẩn kỹ thuật quốc gia số QCVN 01:2021/BXD về quy hoạch xây dựng.",
        [],
    ),
    (
        "short_names_are_no_numbers",
        "frag",
        "tiếp tục quán triệt NQ 57 và Đề án 06; triển khai Nghị quyết 57 trong toàn tỉnh.",
        [],
    ),
    (
        "alias_after_citation",
        "frag",
        (
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi là Nghị "
            "quyết 57); để thực hiện Nghị quyết 57, các sở, ngành:"
        ),
        ["Nghị quyết | 57-NQ/TW | 2024-12-22 | Bộ Chính trị"],
    ),
    (
        "programme_alias_in_brackets",
        "frag",
        (
            "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề "
            "án phát triển ứng dụng dữ liệu về dân cư (Đề án 06),"
        ),
        ["Quyết định | 06/QĐ-TTg | 2022-01-06 | Thủ tướng Chính phủ"],
    ),
    (
        "plan_this_without_number",
        "frag",
        "Các đơn vị báo cáo kết quả thực hiện Kế hoạch này về Sở Nội vụ trước ngày 15/12/2025.",
        [],
    ),
    (
        "form_template_is_no_document",
        "frag",
        "Báo cáo theo Biểu mẫu số 02/BC ban hành kèm theo Kế hoạch số 88/KH-UBND ngày 03/3/2025.",
        ["Kế hoạch | 88/KH-UBND | 2025-03-03 | null"],
    ),
    # --- number normalisation ----------------------------------------------------------------
    (
        "spaces_around_slash",
        "frag",
        "Căn cứ Quyết định số 1520 / QĐ-UBND ngày 12/8/2025 của UBND tỉnh;",
        ["Quyết định | 1520/QĐ-UBND | 2025-08-12 | UBND tỉnh"],
    ),
    (
        "spaces_around_hyphen",
        "frag",
        "theo Kế hoạch số 88/KH - UBND ngày 03/3/2025 của Ủy ban nhân dân tỉnh",
        ["Kế hoạch | 88/KH-UBND | 2025-03-03 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "space_after_year_slash",
        "frag",
        "Căn cứ Nghị định số 12/2025/ NĐ-CP ngày 15/01/2025 của Chính phủ;",
        ["Nghị định | 12/2025/NĐ-CP | 2025-01-15 | Chính phủ"],
    ),
    (
        "line_break_after_hyphen",
        "frag",
        "Thực hiện Công văn số 2456/SNV-\nCCVC ngày 14/5/2025 của Sở Nội vụ,",
        ["Công văn | 2456/SNV-CCVC | 2025-05-14 | Sở Nội vụ"],
    ),
    (
        "line_break_after_slash",
        "frag",
        "Căn cứ Thông tư số 03/2025/\nTT-BNV ngày 02/6/2025 của Bộ trưởng Bộ Nội vụ;",
        ["Thông tư | 03/2025/TT-BNV | 2025-06-02 | Bộ trưởng Bộ Nội vụ"],
    ),
    (
        "so_with_colon",
        "frag",
        "Thực hiện Văn bản số: 12/UBND-KT ngày 06/01/2025 của Ủy ban nhân dân tỉnh,",
        ["Văn bản | 12/UBND-KT | 2025-01-06 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "tai_van_ban_so",
        "frag",
        "Sở Tài chính đã có ý kiến tại văn bản số 3021/STC-NS ngày 18/9/2025.",
        ["Văn bản | 3021/STC-NS | 2025-09-18 | null"],
    ),
    (
        "ocr_eth_in_code",
        "frag",
        "theo Quyết định số 1875/QÐ-UBND ngày 20/9/2025 của Ủy ban nhân dân tỉnh",
        ["Quyết định | 1875/QÐ-UBND | 2025-09-20 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "number_at_sentence_end",
        "frag",
        "Nội dung chi tiết theo Kế hoạch số 55/KH-UBND. Các đơn vị thực hiện.",
        ["Kế hoạch | 55/KH-UBND | null | null"],
    ),
    (
        "abbreviated_type_qd_so",
        "frag",
        "triển khai QĐ số 06/QĐ-TTg và CV 1234/UBND-VX ngày 05/3/2025 của UBND tỉnh",
        [
            "Quyết định | 06/QĐ-TTg | null | null",
            "Công văn | 1234/UBND-VX | 2025-03-05 | UBND tỉnh",
        ],
    ),
    (
        "abbreviated_type_nq_kh",
        "frag",
        "triển khai NQ số 26-NQ/TU và KH 75/KH-UBND ngày 02/5/2025",
        [
            "Nghị quyết | 26-NQ/TU | null | null",
            "Kế hoạch | 75/KH-UBND | 2025-05-02 | null",
        ],
    ),
    # --- dates ---------------------------------------------------------------------------------
    (
        "date_short_no_zero",
        "frag",
        "theo Chỉ thị số 05/CT-UBND ngày 5/3/2025 của Chủ tịch Ủy ban nhân dân tỉnh",
        ["Chỉ thị | 05/CT-UBND | 2025-03-05 | Chủ tịch Ủy ban nhân dân tỉnh"],
    ),
    (
        "date_with_dashes",
        "frag",
        "theo Kế hoạch số 27/KH-UBND ngày 05-3-2025 của Ủy ban nhân dân tỉnh",
        ["Kế hoạch | 27/KH-UBND | 2025-03-05 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "date_with_dots",
        "frag",
        "theo Thông báo số 310/TB-VPCP ngày 05.3.2025 của Văn phòng Chính phủ",
        ["Thông báo | 310/TB-VPCP | 2025-03-05 | Văn phòng Chính phủ"],
    ),
    (
        "date_long_with_zero_month",
        "frag",
        "Căn cứ Quyết định số 36/2025/QĐ-TTg ngày 05 tháng 03 năm 2025 của Thủ tướng Chính phủ;",
        ["Quyết định | 36/2025/QĐ-TTg | 2025-03-05 | Thủ tướng Chính phủ"],
    ),
    (
        "month_only_is_no_date",
        "frag",
        "theo Kế hoạch số 33/KH-UBND tháng 3/2025 của Ủy ban nhân dân tỉnh",
        ["Kế hoạch | 33/KH-UBND | null | null"],
    ),
    (
        "date_after_issuer",
        "frag",
        "theo Quyết định số 1002/QĐ-BNV của Bộ Nội vụ ngày 12/11/2025 về việc công bố",
        ["Quyết định | 1002/QĐ-BNV | 2025-11-12 | Bộ Nội vụ"],
    ),
    (
        "later_deadline_is_no_date",
        "frag",
        (
            "Các đơn vị báo cáo kết quả thực hiện Kế hoạch số 120/KH-UBND về Sở Nội vụ trước ngày "
            "15/12/2025."
        ),
        ["Kế hoạch | 120/KH-UBND | null | null"],
    ),
    # --- lists sharing a head noun; several citations in one phrase ----------------------------
    (
        "list_three_numbers_one_issuer",
        "frag",
        "Thực hiện các Công văn số 12/SYT-NV, số 34/SYT-NV và số 56/SYT-NV của Sở Y tế,",
        [
            "Công văn | 12/SYT-NV | null | null",
            "Công văn | 34/SYT-NV | null | null",
            "Công văn | 56/SYT-NV | null | Sở Y tế",
        ],
    ),
    (
        "list_each_with_date",
        "frag",
        (
            "Căn cứ các Quyết định: số 10/QĐ-UBND ngày 02/01/2025, số 25/QĐ-UBND ngày 08/01/2025 "
            "của Ủy ban nhân dân tỉnh;"
        ),
        [
            "Quyết định | 10/QĐ-UBND | 2025-01-02 | null",
            "Quyết định | 25/QĐ-UBND | 2025-01-08 | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "list_without_repeated_so",
        "frag",
        "theo các Thông báo số 101/TB-UBND, 102/TB-UBND và 118/TB-UBND của Ủy ban nhân dân tỉnh",
        [
            "Thông báo | 101/TB-UBND | null | null",
            "Thông báo | 102/TB-UBND | null | null",
            "Thông báo | 118/TB-UBND | null | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "directive_and_plan",
        "frag",
        (
            "Thực hiện Chỉ thị số 05/CT-UBND ngày 01/02/2025 và Kế hoạch số 27/KH-UBND ngày "
            "15/02/2025 của Ủy ban nhân dân tỉnh,"
        ),
        [
            "Chỉ thị | 05/CT-UBND | 2025-02-01 | null",
            "Kế hoạch | 27/KH-UBND | 2025-02-15 | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "list_semicolon_items",
        "frag",
        (
            "Căn cứ:\n- Nghị quyết số 02/2025/NQ-HĐND ngày 10/4/2025 của Hội đồng nhân dân tỉnh;\n"
            "- Quyết định số 812/QĐ-UBND ngày 22/4/2025 của Ủy ban nhân dân tỉnh;\n"
            "- Hướng dẫn liên ngành số 01/HDLN-STC-SNV ngày 05/5/2025."
        ),
        [
            "Nghị quyết | 02/2025/NQ-HĐND | 2025-04-10 | Hội đồng nhân dân tỉnh",
            "Quyết định | 812/QĐ-UBND | 2025-04-22 | Ủy ban nhân dân tỉnh",
            "Hướng dẫn | 01/HDLN-STC-SNV | 2025-05-05 | null",
        ],
    ),
    (
        "shared_year_code_run",
        "frag",
        "Căn cứ các Thông tư số 01, 02 và 03/2025/TT-BTC của Bộ Tài chính;",
        [
            "Thông tư | 01/2025/TT-BTC | null | null",
            "Thông tư | 02/2025/TT-BTC | null | null",
            "Thông tư | 03/2025/TT-BTC | null | Bộ Tài chính",
        ],
    ),
    # --- duplicates: one entry per distinct number ------------------------------------------
    (
        "repeat_fills_date",
        "frag",
        (
            "Thực hiện Kế hoạch số 45/KH-UBND của Ủy ban nhân dân tỉnh. Theo Kế hoạch số "
            "45/KH-UBND ngày 20/02/2025, các sở phải hoàn thành."
        ),
        ["Kế hoạch | 45/KH-UBND | 2025-02-20 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "repeat_with_stray_space",
        "frag",
        (
            "Căn cứ Quyết định số 1520/QĐ-UBND ngày 12/8/2025; theo khoản 3 Điều 1 Quyết định số "
            "1520/QĐ- UBND,"
        ),
        ["Quyết định | 1520/QĐ-UBND | 2025-08-12 | null"],
    ),
    (
        "same_digits_two_codes",
        "frag",
        "theo Công văn số 215/SNV-TCBC và Công văn số 215/STC-NS ngày 04/6/2025",
        [
            "Công văn | 215/SNV-TCBC | null | null",
            "Công văn | 215/STC-NS | 2025-06-04 | null",
        ],
    ),
    # --- tables, footnotes -----------------------------------------------------------------------
    (
        "citation_in_table_row",
        "frag",
        (
            "| 1 | Triển khai Kế hoạch số 120/KH-UBND ngày 05/6/2025 của UBND tỉnh | Sở Nội vụ | "
            "Quý III/2025 |"
        ),
        ["Kế hoạch | 120/KH-UBND | 2025-06-05 | UBND tỉnh"],
    ),
    (
        "citation_in_table_cell_alone",
        "frag",
        "| 2 | Tổ chức tập huấn | Sở Tư pháp | Theo Quyết định số 2201/QĐ-UBND |",
        ["Quyết định | 2201/QĐ-UBND | null | null"],
    ),
    (
        "footnote_gives_the_number",
        "frag",
        (
            "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh², các sở triển khai:\n"
            "² Kế hoạch số 310/KH-UBND ngày 25/7/2025 của Ủy ban nhân dân tỉnh"
        ),
        ["Kế hoạch | 310/KH-UBND | 2025-07-25 | Ủy ban nhân dân tỉnh"],
    ),
    # --- whole documents: subject line, own number ------------------------------------------
    (
        "subject_line_cites",
        "doc",
        _doc(
            "845/UBND-KT",
            "V/v triển khai Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ",
            "Kính gửi: Các sở, ban, ngành tỉnh.\nỦy ban nhân dân tỉnh giao Sở Khoa học và "
            "Công nghệ chủ trì triển khai, báo cáo trước ngày 30/11/2025.",
        ),
        ["Quyết định | 1131/QĐ-TTg | 2025-06-12 | Thủ tướng Chính phủ"],
    ),
    (
        "subject_line_wrapped_number",
        "doc",
        _doc(
            "846/UBND-KT",
            "V/v thực hiện Công văn số 5432/BTC-\nNSNN của Bộ Tài chính",
            "Kính gửi: Sở Tài chính.\nỦy ban nhân dân tỉnh giao Sở Tài chính tham mưu.",
        ),
        ["Công văn | 5432/BTC-NSNN | null | Bộ Tài chính"],
    ),
    (
        "own_number_in_body",
        "doc",
        _doc(
            "120/KH-UBND",
            "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2025",
            "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, Ủy ban "
            "nhân dân tỉnh ban hành Kế hoạch như sau:\nI. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành "
            "báo cáo kết quả thực hiện Kế hoạch số 120/KH-UBND về Sở Khoa học và Công nghệ "
            "trước ngày 15/12/2025.",
        ),
        ["Quyết định | 749/QĐ-TTg | 2020-06-03 | Thủ tướng Chính phủ"],
    ),
    (
        "own_number_spaced_in_letterhead",
        "doc",
        _doc(
            "2150 /QĐ-UBND",
            "QUYẾT ĐỊNH\nVề việc ban hành Quy chế phối hợp",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định số 2150/QĐ-UBND này Quy chế phối hợp.\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
        ),
        ["Luật | 72/2025/QH15 | null | null"],
    ),
    (
        "own_number_in_attached_plan_header",
        "doc",
        _doc(
            "215/QĐ-UBND",
            "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2026",
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "KẾ HOẠCH\nCải cách hành chính năm 2026\n(Kèm theo Quyết định số 215/QĐ-UBND ngày "
            "20/10/2025 của Ủy ban nhân dân tỉnh)\nI. MỤC ĐÍCH\nNâng cao chất lượng phục vụ.",
        ),
        ["Nghị quyết | 76/NQ-CP | 2021-07-15 | Chính phủ"],
    ),
    (
        "replaced_letter_is_a_reference",
        "doc",
        _doc(
            "1234/UBND-VX",
            "V/v điều chỉnh thời gian tổ chức hội nghị",
            "Kính gửi: Các sở, ban, ngành tỉnh.\nVăn bản này thay thế Công văn số 1200/UBND-VX "
            "ngày 10/10/2025 của Ủy ban nhân dân tỉnh. Đề nghị các đơn vị thực hiện.",
        ),
        ["Công văn | 1200/UBND-VX | 2025-10-10 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "draft_blank_number_cites",
        "doc",
        _doc(
            "     /UBND-KT",
            "V/v góp ý dự thảo Nghị quyết",
            "Kính gửi: Sở Tư pháp.\nPhúc đáp Công văn số 2233/STP-XDKTVB ngày 14/10/2025 của Sở "
            "Tư pháp, Ủy ban nhân dân tỉnh thống nhất nội dung dự thảo.",
        ),
        ["Công văn | 2233/STP-XDKTVB | 2025-10-14 | Sở Tư pháp"],
    ),
    (
        "kinh_gui_then_phuc_dap",
        "doc",
        _doc(
            "3301/UBND-NC",
            "V/v trả lời kiến nghị của cử tri",
            "Kính gửi: Ban Dân nguyện Ủy ban Thường vụ Quốc hội.\nỦy ban nhân dân tỉnh nhận được "
            "Văn bản số 512/BDN ngày 02/10/2025 của Ban Dân nguyện về việc chuyển kiến nghị của "
            "cử tri. Ủy ban nhân dân tỉnh báo cáo như sau:",
        ),
        ["Văn bản | 512/BDN | 2025-10-02 | Ban Dân nguyện"],
    ),
    # --- second batch: marks, dashes, cells, brackets, own-number forms ----------------------
    (
        "superscript_mark_glued",
        "frag",
        (
            "Thực hiện Nghị quyết số 57-NQ/TW¹ của Bộ Chính trị và Kế hoạch số 02-KH/BCĐTW² của "
            "Ban Chỉ đạo Trung ương,"
        ),
        [
            "Nghị quyết | 57-NQ/TW | null | Bộ Chính trị",
            "Kế hoạch | 02-KH/BCĐTW | null | Ban Chỉ đạo Trung ương",
        ],
    ),
    (
        "en_dash_repeat_is_one",
        "frag",
        (
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; các nhiệm vụ tại Nghị "
            "quyết số 57–NQ/TW được giao cho các sở."
        ),
        ["Nghị quyết | 57-NQ/TW | 2024-12-22 | Bộ Chính trị"],
    ),
    (
        "eth_repeat_is_one",
        "frag",
        (
            "Căn cứ Quyết định số 1875/QĐ-UBND ngày 20/9/2025 của Ủy ban nhân dân tỉnh; theo Điều 2 "
            "Quyết định số 1875/QÐ-UBND,"
        ),
        ["Quyết định | 1875/QĐ-UBND | 2025-09-20 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "non_breaking_hyphen_in_code",
        "frag",
        "theo Công văn số 321/SGDĐT\u2011KHTC ngày 09/9/2025 của Sở Giáo dục và Đào tạo",
        ["Công văn | 321/SGDĐT-KHTC | 2025-09-09 | Sở Giáo dục và Đào tạo"],
    ),
    (
        "urgent_letter_without_so",
        "frag",
        (
            "Thực hiện Công văn hỏa tốc 4502/BNNMT-ĐĐ ngày 02/10/2025 của Bộ Nông nghiệp và Môi "
            "trường,"
        ),
        ["Công văn | 4502/BNNMT-ĐĐ | 2025-10-02 | Bộ Nông nghiệp và Môi trường"],
    ),
    (
        "bracketed_number_after_verb",
        "frag",
        (
            "Ủy ban nhân dân tỉnh đã ban hành văn bản chỉ đạo các địa phương (Công văn số "
            "1402/UBND-KT ngày 12/6/2025) và tổ chức kiểm tra."
        ),
        ["Công văn | 1402/UBND-KT | 2025-06-12 | null"],
    ),
    (
        "documents_table_number_cell",
        "frag",
        (
            "| STT | Số, ký hiệu | Ngày ban hành | Trích yếu |\n"
            "| 1 | 1402/UBND-KT | 12/6/2025 | Về việc triển khai thực hiện |\n"
            "| 2 | 35/KH-UBND | 20/6/2025 | Kế hoạch chuyển đổi số |"
        ),
        [
            "Công văn | 1402/UBND-KT | null | null",
            "Kế hoạch | 35/KH-UBND | null | null",
        ],
    ),
    (
        "and_so_list_own_dates",
        "frag",
        (
            "thực hiện các Công văn số 1234/UBND-KGVX ngày 05/3/2025 và số 1300/UBND-KGVX ngày "
            "10/3/2025 của Ủy ban nhân dân tỉnh"
        ),
        [
            "Công văn | 1234/UBND-KGVX | 2025-03-05 | null",
            "Công văn | 1300/UBND-KGVX | 2025-03-10 | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "semicolon_bare_so_item",
        "frag",
        (
            "Căn cứ các Nghị quyết của Chính phủ: số 01/NQ-CP ngày 05/01/2025; số 02/NQ-CP ngày "
            "08/01/2025;"
        ),
        [
            "Nghị quyết | 01/NQ-CP | 2025-01-05 | null",
            "Nghị quyết | 02/NQ-CP | 2025-01-08 | null",
        ],
    ),
    (
        "long_list_without_so",
        "frag",
        (
            "thực hiện các Quyết định số 1150/QĐ-UBND, 1151/QĐ-UBND, 1152/QĐ-UBND, 1153/QĐ-UBND và "
            "1154/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh"
        ),
        [
            "Quyết định | 1150/QĐ-UBND | null | null",
            "Quyết định | 1151/QĐ-UBND | null | null",
            "Quyết định | 1152/QĐ-UBND | null | null",
            "Quyết định | 1153/QĐ-UBND | null | null",
            "Quyết định | 1154/QĐ-UBND | null | Chủ tịch Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "list_without_so_each_dated",
        "frag",
        (
            "theo các Kế hoạch số 45/KH-UBND ngày 20/02/2025, 67/KH-UBND ngày 10/3/2025 của Ủy ban "
            "nhân dân tỉnh"
        ),
        [
            "Kế hoạch | 45/KH-UBND | 2025-02-20 | null",
            "Kế hoạch | 67/KH-UBND | 2025-03-10 | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "capitalised_subject_citation",
        "frag",
        (
            "VỀ VIỆC TRIỂN KHAI THỰC HIỆN THÔNG TƯ SỐ 09/2025/TT-BXD NGÀY 01 THÁNG 7 NĂM 2025 CỦA "
            "BỘ XÂY DỰNG"
        ),
        ["Thông tư | 09/2025/TT-BXD | 2025-07-01 | BỘ XÂY DỰNG"],
    ),
    (
        "law_name_with_year_and_number",
        "frag",
        "Căn cứ Luật Đất đai năm 2024 số 31/2024/QH15;",
        ["Luật | 31/2024/QH15 | null | null"],
    ),
    (
        "court_judgment_and_licence",
        "frag",
        (
            "thi hành Bản án số 12/2025/HC-ST ngày 14/5/2025 của Tòa án nhân dân tỉnh; Giấy phép "
            "số 88/GP-STNMT ngày 03/6/2025"
        ),
        [
            "Bản án | 12/2025/HC-ST | 2025-05-14 | Tòa án nhân dân tỉnh",
            "Giấy phép | 88/GP-STNMT | 2025-06-03 | null",
        ],
    ),
    (
        "address_is_no_number",
        "frag",
        "Địa chỉ: số 12/5 đường Trần Hưng Đạo, phường Mỹ Bình; điện thoại: 0296.3852.123.",
        [],
    ),
    (
        "own_number_without_diacritic_in_body",
        "doc",
        _doc(
            "1510/QĐ-UBND",
            "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác",
            "Căn cứ Quyết định số 999/QĐ-UBND ngày 02/5/2025 của Ủy ban nhân dân tỉnh;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\nĐiều 2. Tổ công tác tự giải thể sau "
            "khi hoàn thành nhiệm vụ theo Quyết định số 1510/QD-UBND.",
        ),
        ["Quyết định | 999/QĐ-UBND | 2025-05-02 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "own_number_letterhead_cut",
        "doc",
        _doc(
            "3305/QĐ-U",
            "QUYẾT ĐỊNH\nBan hành Quy chế làm việc",
            "Căn cứ Quyết định số 2001/QĐ-UBND ngày 02/5/2025 của Ủy ban nhân dân tỉnh;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\nQUY CHẾ\n(Ban hành kèm theo Quyết định số "
            "3305/QĐ-UBND ngày 20/10/2025 của Ủy ban nhân dân tỉnh)\nĐiều 1. Phạm vi.",
        ),
        ["Quyết định | 2001/QĐ-UBND | 2025-05-02 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "truncated_code_merges",
        "frag",
        (
            "Ngày 02 tháng 02 năm 2018, Chính phủ đã ban hành Nghị định số 15/2018/NĐ-\n"
            "Theo khoản 1 Điều 12 Nghị định số 15/2018/NĐ-CP quy định"
        ),
        ["Nghị định | 15/2018/NĐ-CP | 2018-02-02 | null"],
    ),
    (
        "ampersand_spaced_code",
        "frag",
        "ý kiến Bộ Kế hoạch và Đầu tư (văn bản số 7733/BKH-KCHT &ĐT ngày 22 tháng 12 năm 2003)",
        ["Văn bản | 7733/BKH-KCHT&ĐT | 2003-12-22 | null"],
    ),
    (
        "letter_code_after_hyphen_pair",
        "frag",
        "Căn cứ Nghị quyết số 668- -NQ/ĐU ngày 27 tháng 6 năm 2026 của Ban Thường vụ Đảng ủy;",
        ["Nghị quyết | 668--NQ/ĐU | 2026-06-27 | Ban Thường vụ Đảng ủy"],
    ),
    # --- third batch: shared dates, dates after the issuer, own numbers, standards ------------
    (
        "same_day_shared_date",
        "frag",
        (
            "thực hiện các Quyết định số 10/QĐ-UBND và số 11/QĐ-UBND cùng ngày 05/3/2025 của "
            "Ủy ban nhân dân tỉnh"
        ),
        [
            "Quyết định | 10/QĐ-UBND | 2025-03-05 | null",
            "Quyết định | 11/QĐ-UBND | 2025-03-05 | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "date_after_issuer_ban_hanh",
        "frag",
        "theo Quyết định số 12/QĐ-UBND do Ủy ban nhân dân tỉnh ban hành ngày 05/3/2025,",
        ["Quyết định | 12/QĐ-UBND | 2025-03-05 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "semicolon_list_without_so",
        "frag",
        "bãi bỏ các Quyết định số 10/QĐ-UBND; 11/QĐ-UBND; 12/QĐ-UBND của Ủy ban nhân dân tỉnh.",
        [
            "Quyết định | 10/QĐ-UBND | null | null",
            "Quyết định | 11/QĐ-UBND | null | null",
            "Quyết định | 12/QĐ-UBND | null | Ủy ban nhân dân tỉnh",
        ],
    ),
    (
        "standard_number_with_year_code",
        "frag",
        "công trình phải đáp ứng QCVN số 02/2009/BXD và TCVN 4054:2005 về đường ô tô.",
        [],
    ),
    (
        "number_wrapped_before_department",
        "frag",
        "Thực hiện Văn bản số 1234/UBND-\nVX ngày 05/3/2025 của Ủy ban nhân dân tỉnh,",
        ["Văn bản | 1234/UBND-VX | 2025-03-05 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "contract_number",
        "frag",
        "theo Hợp đồng số 12/2025/HĐ-BQLDA ngày 03/4/2025 giữa Ban Quản lý dự án và nhà thầu",
        ["Công văn | 12/2025/HĐ-BQLDA | 2025-04-03 | null"],
    ),
    (
        "same_number_two_years_one_entry",
        "frag",
        (
            "thay thế Quyết định số 125/QĐ-UBND ngày 15/01/2024; nay ban hành kèm theo Quyết "
            "định số 125/QĐ-UBND ngày 20/01/2025 của Ủy ban nhân dân tỉnh"
        ),
        ["Quyết định | 125/QĐ-UBND | 2024-01-15 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "capital_so_mid_sentence",
        "frag",
        "theo Công văn Số 1234/SYT-NV ngày 09/9/2025 của Sở Y tế",
        ["Công văn | 1234/SYT-NV | 2025-09-09 | Sở Y tế"],
    ),
    (
        "date_glued_comma_and_paren",
        "frag",
        (
            "Căn cứ Kết luận số 121-KL/TW, ngày 24/01/2025 của Ban Chấp hành Trung ương; Hướng "
            "dẫn số 35-HD/BTCTW (ngày 28/4/2025) của Ban Tổ chức Trung ương"
        ),
        [
            "Kết luận | 121-KL/TW | 2025-01-24 | Ban Chấp hành Trung ương",
            "Hướng dẫn | 35-HD/BTCTW | 2025-04-28 | Ban Tổ chức Trung ương",
        ],
    ),
    (
        "own_number_repeated_in_plan",
        "doc",
        _doc(
            "45/KH-UBND",
            "KẾ HOẠCH\nThực hiện Chỉ thị số 20/CT-TTg ngày 10/6/2025 của Thủ tướng Chính phủ",
            (
                "I. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Chỉ thị số 20/CT-TTg.\n"
                "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp kết quả thực hiện Kế hoạch số "
                "45/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân tỉnh, báo cáo trước ngày "
                "15/12/2025."
            ),
        ),
        ["Chỉ thị | 20/CT-TTg | 2025-06-10 | Thủ tướng Chính phủ"],
    ),
    (
        "own_number_spaced_code_letterhead",
        "doc",
        _doc(
            "1234 / UBND - VX",
            "V/v tăng cường phòng, chống dịch bệnh",
            (
                "Kính gửi: Sở Y tế.\nTiếp theo Công văn số 1100/UBND-VX ngày 01/10/2025, Ủy ban "
                "nhân dân tỉnh giao Sở Y tế theo dõi. Nội dung Công văn số 1234/UBND-VX được "
                "đăng tải trên Cổng thông tin điện tử tỉnh."
            ),
        ),
        ["Công văn | 1100/UBND-VX | 2025-10-01 | null"],
    ),
    (
        "party_own_number",
        "doc",
        (
            "ĐẢNG BỘ TỈNH AN GIANG\nTỈNH ỦY\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 15-CT/TU\n"
            "An Giang, ngày 05 tháng 11 năm 2025\nCHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy về tăng "
            "cường lãnh đạo công tác chuyển đổi số\nThực hiện Nghị quyết số 57-NQ/TW ngày "
            "22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:\n1. Đảng đoàn Hội "
            "đồng nhân dân tỉnh lãnh đạo triển khai Chỉ thị số 15-CT/TU.\nT/M BAN THƯỜNG VỤ\n"
            "BÍ THƯ\nNguyễn Văn Bình\n"
        ),
        ["Nghị quyết | 57-NQ/TW | 2024-12-22 | Bộ Chính trị"],
    ),
    (
        "subject_and_body_repeat_one_entry",
        "doc",
        _doc(
            "2001/UBND-KT",
            "V/v thực hiện Thông báo số 310/TB-VPCP ngày 05/3/2025 của Văn phòng Chính phủ",
            (
                "Kính gửi: Các sở, ban, ngành tỉnh.\nThực hiện Thông báo số 310/TB-VPCP ngày "
                "05/3/2025 của Văn phòng Chính phủ, Ủy ban nhân dân tỉnh giao Sở Tài chính chủ "
                "trì thực hiện."
            ),
        ),
        ["Thông báo | 310/TB-VPCP | 2025-03-05 | Văn phòng Chính phủ"],
    ),
    (
        "footnote_in_document",
        "doc",
        _doc(
            "2002/UBND-KT",
            "V/v rà soát thủ tục hành chính",
            (
                "Kính gửi: Sở Tư pháp.\nThực hiện chỉ đạo của Thủ tướng Chính phủ¹, Ủy ban nhân "
                "dân tỉnh giao Sở Tư pháp rà soát, báo cáo trước ngày 30/11/2025./.\n"
                "¹ Chỉ thị số 07/CT-TTg ngày 14/3/2025 của Thủ tướng Chính phủ"
            ),
        ),
        ["Chỉ thị | 07/CT-TTg | 2025-03-14 | Thủ tướng Chính phủ"],
    ),
    (
        "decree_list_shared_code_with_dates",
        "frag",
        ("Căn cứ các Nghị định số 150/2025/NĐ-CP và 151/2025/NĐ-CP ngày 12/6/2025 của Chính phủ;"),
        [
            "Nghị định | 150/2025/NĐ-CP | null | null",
            "Nghị định | 151/2025/NĐ-CP | 2025-06-12 | Chính phủ",
        ],
    ),
    (
        "number_in_heading_caps",
        "frag",
        "II. NHIỆM VỤ TRIỂN KHAI KẾT LUẬN SỐ 121-KL/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG",
        ["Kết luận | 121-KL/TW | null | BAN CHẤP HÀNH TRUNG ƯƠNG"],
    ),
    (
        "number_after_tai",
        "frag",
        "như đã nêu tại văn bản 1234/UBND-VX ngày 05/3/2025.",
        ["Văn bản | 1234/UBND-VX | 2025-03-05 | null"],
    ),
    (
        "appendix_reference_is_no_document",
        "frag",
        "Danh mục chi tiết tại Phụ lục số 01 kèm theo; biểu mẫu theo Mẫu số 02/ĐK.",
        [],
    ),
    (
        "phone_fax_and_email",
        "frag",
        "Điện thoại: 0296.3852.123; Fax: 0296/3852124; Email: vanthu@angiang.gov.vn",
        [],
    ),
    (
        "date_before_in_sentence_second_doc",
        "frag",
        (
            "Ngày 05/3/2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND để thực hiện "
            "Quyết định số 749/QĐ-TTg của Thủ tướng Chính phủ."
        ),
        [
            "Kế hoạch | 45/KH-UBND | 2025-03-05 | null",
            "Quyết định | 749/QĐ-TTg | null | Thủ tướng Chính phủ",
        ],
    ),
    # --- fourth batch: numbers opening a cell or a list line, more date and list forms -------
    (
        "cell_opens_with_number_and_date",
        "frag",
        (
            "| 1 | 1402/UBND-KT ngày 12/6/2025 | Về việc triển khai thực hiện |\n"
            "| 2 | 35/KH-UBND ngày 20/6/2025 của UBND tỉnh | Kế hoạch chuyển đổi số |"
        ),
        [
            "Công văn | 1402/UBND-KT | 2025-06-12 | null",
            "Kế hoạch | 35/KH-UBND | 2025-06-20 | UBND tỉnh",
        ],
    ),
    (
        "dash_item_opens_with_number",
        "frag",
        (
            "Các văn bản đã ban hành trong quý:\n- 1402/UBND-KT ngày 12/6/2025 về triển khai "
            "thực hiện;\n- 35/KH-UBND ngày 20/6/2025 về chuyển đổi số."
        ),
        [
            "Công văn | 1402/UBND-KT | 2025-06-12 | null",
            "Kế hoạch | 35/KH-UBND | 2025-06-20 | null",
        ],
    ),
    (
        "effective_date_is_not_the_date",
        "frag",
        "theo Thông tư số 01/2025/TT-BNV (có hiệu lực từ ngày 01/7/2025) của Bộ Nội vụ",
        ["Thông tư | 01/2025/TT-BNV | null | Bộ Nội vụ"],
    ),
    (
        "number_then_colon",
        "frag",
        "Ủy ban nhân dân tỉnh đã chỉ đạo tại Công văn số 1234/UBND-VX: giao Sở Y tế chủ trì.",
        ["Công văn | 1234/UBND-VX | null | null"],
    ),
    (
        "markdown_bold_number",
        "frag",
        "Thực hiện **Kế hoạch số 45/KH-UBND** ngày 20/02/2025 của Ủy ban nhân dân tỉnh,",
        ["Kế hoạch | 45/KH-UBND | 2025-02-20 | Ủy ban nhân dân tỉnh"],
    ),
    (
        "amended_by_decree_in_brackets",
        "frag",
        (
            "Căn cứ Nghị định số 100/2019/NĐ-CP (được sửa đổi, bổ sung bởi Nghị định số "
            "123/2021/NĐ-CP và Nghị định 168/2024/NĐ-CP) của Chính phủ;"
        ),
        [
            "Nghị định | 100/2019/NĐ-CP | null | null",
            "Nghị định | 123/2021/NĐ-CP | null | null",
            "Nghị định | 168/2024/NĐ-CP | null | null",
        ],
    ),
    (
        "request_document_type",
        "frag",
        "theo yêu cầu định giá tài sản số 2150/YC-CSKT ngày 24/6/2025 của Cơ quan Cảnh sát điều tra",
        ["Công văn | 2150/YC-CSKT | 2025-06-24 | Cơ quan Cảnh sát điều tra"],
    ),
    (
        "numbered_line_is_no_citation_by_itself",
        "frag",
        "1. Kế hoạch năm 2025: hoàn thành 12/15 chỉ tiêu; đạt 80%.",
        [],
    ),
    # --- fifth batch: Party and National Assembly forms -------------------------------------
    (
        "party_circular_thong_tri",
        "frag",
        (
            "Thực hiện Thông tri số 03-TT/TU ngày 10/5/2025 của Ban Thường vụ Tỉnh ủy và Thông "
            "tri 04-TT/TU ngày 20/5/2025,"
        ),
        [
            "Thông tri | 03-TT/TU | 2025-05-10 | Ban Thường vụ Tỉnh ủy",
            "Thông tri | 04-TT/TU | 2025-05-20 | null",
        ],
    ),
    (
        "thematic_resolution_without_so",
        "frag",
        "triển khai Nghị quyết chuyên đề 05-NQ/TU ngày 12/8/2025 của Ban Chấp hành Đảng bộ tỉnh",
        ["Nghị quyết | 05-NQ/TU | 2025-08-12 | Ban Chấp hành Đảng bộ tỉnh"],
    ),
    (
        "party_conclusions_list_without_so",
        "frag",
        "thực hiện Kết luận 126-KL/TW, 127-KL/TW của Bộ Chính trị, Ban Bí thư",
        [
            "Kết luận | 126-KL/TW | null | null",
            "Kết luận | 127-KL/TW | null | Bộ Chính trị",
        ],
    ),
    (
        "standing_committee_resolutions",
        "frag",
        (
            "Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025 của Ủy ban Thường vụ Quốc hội; "
            "Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội;"
        ),
        [
            "Nghị quyết | 76/2025/UBTVQH15 | 2025-04-14 | Ủy ban Thường vụ Quốc hội",
            "Nghị quyết | 1656/NQ-UBTVQH15 | 2025-06-16 | Ủy ban Thường vụ Quốc hội",
        ],
    ),
    (
        "congress_resolution_without_number",
        "frag",
        (
            "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 "
            "và Điều lệ Đảng,"
        ),
        [],
    ),
    # --- sixth batch: a date opening the sentence ---------------------------------------------
    (
        "opening_date_of_an_event_is_no_date",
        "frag",
        "Ngày 20/10/2025, Sở Nội vụ tổ chức hội nghị triển khai Kế hoạch số 45/KH-UBND.",
        ["Kế hoạch | 45/KH-UBND | null | null"],
    ),
    (
        "opening_date_of_receipt_is_no_date",
        "frag",
        (
            "Ngày 05/3/2025, Ủy ban nhân dân tỉnh nhận được Công văn số 1234/BYT-KHTC của Bộ Y "
            "tế về việc báo cáo."
        ),
        ["Công văn | 1234/BYT-KHTC | null | Bộ Y tế"],
    ),
    (
        "opening_date_of_signing",
        "frag",
        "Ngày 05/3/2025, Ủy ban nhân dân tỉnh đã ký ban hành Kế hoạch số 46/KH-UBND.",
        ["Kế hoạch | 46/KH-UBND | 2025-03-05 | null"],
    ),
    # --- seventh batch: a number opening a bracket ------------------------------------------
    (
        "bracket_opens_with_number",
        "frag",
        (
            "Ủy ban nhân dân tỉnh đã kịp thời ban hành văn bản chỉ đạo (1234/UBND-VX ngày "
            "05/3/2025; 1301/UBND-VX ngày 12/3/2025) và tổ chức kiểm tra."
        ),
        [
            "Công văn | 1234/UBND-VX | 2025-03-05 | null",
            "Công văn | 1301/UBND-VX | 2025-03-12 | null",
        ],
    ),
    (
        "bracketed_ratio_is_no_number",
        "frag",
        "Tỷ lệ hồ sơ trực tuyến đạt 85% (12/15 xã, phường) và 100% (8/8 cơ quan).",
        [],
    ),
    (
        "bracketed_site_code_is_no_number",
        "frag",
        "khu vực mỏ đá vôi Núi Cấm (2210-KS), xã An Hảo được đưa vào quy hoạch.",
        [],
    ),
]


def _got(kind: str, text: str) -> list[str]:
    if kind == "doc":
        refs = extract_text(text, directory=AN_GIANG).to_dict()["references"]
    else:
        refs = [r.to_dict() for r in find_references(text)]
    return [
        " | ".join(
            str(r[k]) if r[k] is not None else "null"
            for k in ("doc_type", "number", "date", "issuer")
        )
        for r in refs
    ]


@pytest.mark.parametrize(
    ("kind", "text", "expected"), [p[1:] for p in PROBES], ids=[p[0] for p in PROBES]
)
def test_reference_probe(kind, text, expected):
    assert _got(kind, text) == expected
