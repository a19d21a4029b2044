"""Subject (trích yếu) probes for resolutions and decisions copied from a legal web site or
dumped to Markdown for retrieval (issue 11): the letterhead table is often lost (a
`<jsontable ...>` placeholder or an empty table remnant stands in for it), the title block is
flattened or re-wrapped, and the authority line ("HỘI ĐỒNG NHÂN DÂN TỈNH X / KHÓA ..., KỲ HỌP
THỨ ...", "ỦY BAN NHÂN DÂN TỈNH X", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") sits under or over the
subject. Expectations follow FORMAT.md's subject row (the line(s) under the type name joined
into one line) and issuer row, and were written before the engine ran on them; the texts are
our own. Subjects and issuers compare without case and white-space differences.
"""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG

from dxtrack.extraction import extract_bytes

PH = '<jsontable name="bang_0"> </jsontable>\n \n'
EMPTY_TABLE = "| | |\n|---|---|\n| | |\n\n"
NQ_BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét Tờ trình số 51/TTr-UBND ngày 02 tháng 7 năm 2017 của Ủy ban nhân dân tỉnh; Báo cáo"
    " thẩm tra của Ban Kinh tế - Ngân sách; ý kiến thảo luận của đại biểu Hội đồng nhân dân"
    " tỉnh tại kỳ họp.\n"
    "QUYẾT NGHỊ:\n"
    "Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n"
    "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\n"
    "CHỦ TỊCH\nPhạm Văn Lộc\n"
)
QD_BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Sở Kế hoạch và Đầu tư,\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐỗ Thanh Bình\n"
)
HDND = "HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM\nKHÓA XI, KỲ HỌP THỨ 5\n"
HDND_FLAT = "HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM KHÓA XI, KỲ HỌP THỨ 5\n"
KT = "Hội đồng nhân dân tỉnh Kon Tum"
UB = "Ủy ban nhân dân tỉnh Lâm Đồng"

# (id, file name, text, expected)
PROBES = [
    # ---- resolutions: sentence-case subjects ----
    (
        "nq-ve-viec-one-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc đặt tên đường trên địa bàn thành phố Kon Tum\n{HDND}{NQ_BODY}",
        {"subject": "Về việc đặt tên đường trên địa bàn thành phố Kon Tum", "issuer": KT},
    ),
    (
        "nq-ve-two-lines",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề kế hoạch đầu tư công trung hạn\ngiai đoạn 2016 - 2020 của tỉnh\n{HDND}{NQ_BODY}",
        {
            "subject": "Về kế hoạch đầu tư công trung hạn giai đoạn 2016 - 2020 của tỉnh",
            "issuer": KT,
        },
    ),
    (
        "nq-ve-three-lines-txt",
        "a.txt",
        f"NGHỊ QUYẾT\nVề việc quy định mức chi hỗ trợ\ncho các hoạt động khuyến nông\ntrên địa bàn tỉnh Kon Tum\n{HDND}{NQ_BODY}",
        {
            "subject": "Về việc quy định mức chi hỗ trợ cho các hoạt động khuyến nông trên địa bàn tỉnh Kon Tum",
            "issuer": KT,
        },
    ),
    (
        "nq-ve-flat-authority",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề chương trình giám sát năm 2018\n{HDND_FLAT}{NQ_BODY}",
        {"subject": "Về chương trình giám sát năm 2018", "issuer": KT},
    ),
    (
        "nq-ve-blank-lines-md",
        "a.md",
        f"{PH}NGHỊ QUYẾT\n\nVề việc thành lập thôn mới thuộc huyện Sa Thầy\n\nHỘI ĐỒNG NHÂN DÂN TỈNH KON TUM\n\nKHÓA XI, KỲ HỌP THỨ 5\n\n{NQ_BODY}",
        {"subject": "Về việc thành lập thôn mới thuộc huyện Sa Thầy", "issuer": KT},
    ),
    # ---- resolutions: capitals broken across lines ----
    (
        "nq-caps-mid-word",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nTHÔNG QUA QUY\nHOẠCH PHÁT TRIỂN DU LỊCH TỈNH KON TUM GIAI ĐOẠN 2016 - 2025,\nTẦM NHÌN ĐẾN NĂM 2030\n{HDND}{NQ_BODY}",
        {
            "subject": "THÔNG QUA QUY HOẠCH PHÁT TRIỂN DU LỊCH TỈNH KON TUM GIAI ĐOẠN 2016 - 2025, TẦM NHÌN ĐẾN NĂM 2030",
            "issuer": KT,
        },
    ),
    (
        "nq-caps-ve-alone",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ\nNHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG CUỐI\nNĂM 2017\n{HDND}{NQ_BODY}",
        {"subject": "VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG CUỐI NĂM 2017", "issuer": KT},
    ),
    (
        "nq-caps-year-range-end",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nBAN HÀNH CHÍNH SÁCH HỖ TRỢ PHÁT TRIỂN HỢP TÁC XÃ\nGIAI ĐOẠN 2017 - 2020\n{HDND}{NQ_BODY}",
        {
            "subject": "BAN HÀNH CHÍNH SÁCH HỖ TRỢ PHÁT TRIỂN HỢP TÁC XÃ GIAI ĐOẠN 2017 - 2020",
            "issuer": KT,
        },
    ),
    (
        "nq-caps-year-line-only",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ DỰ TOÁN THU, CHI NGÂN SÁCH ĐỊA PHƯƠNG\nNĂM 2018\n{HDND}{NQ_BODY}",
        {"subject": "VỀ DỰ TOÁN THU, CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2018", "issuer": KT},
    ),
    (
        "nq-caps-year-range-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ KẾ HOẠCH TÀI CHÍNH 5 NĂM ĐỊA PHƯƠNG\n2016 - 2020\n{HDND}{NQ_BODY}",
        {"subject": "VỀ KẾ HOẠCH TÀI CHÍNH 5 NĂM ĐỊA PHƯƠNG 2016 - 2020", "issuer": KT},
    ),
    (
        "nq-caps-quy-dinh-first",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nQUY ĐỊNH\nMỨC THU PHÍ THAM QUAN DI TÍCH\nTRÊN ĐỊA BÀN TỈNH KON TUM\n{HDND}{NQ_BODY}",
        {
            "subject": "QUY ĐỊNH MỨC THU PHÍ THAM QUAN DI TÍCH TRÊN ĐỊA BÀN TỈNH KON TUM",
            "issuer": KT,
        },
    ),
    (
        "nq-caps-ends-with-province",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC SÁP NHẬP CÁC THÔN, TỔ DÂN PHỐ\nTRÊN ĐỊA BÀN TỈNH KON TUM\n{HDND}{NQ_BODY}",
        {
            "subject": "VỀ VIỆC SÁP NHẬP CÁC THÔN, TỔ DÂN PHỐ TRÊN ĐỊA BÀN TỈNH KON TUM",
            "issuer": KT,
        },
    ),
    # ---- resolutions: subject on the title line ----
    (
        "nq-same-line-caps",
        "a.md",
        f"{PH}NGHỊ QUYẾT VỀ VIỆC ĐIỀU CHỈNH BẢNG GIÁ ĐẤT NĂM 2017\n{HDND}{NQ_BODY}",
        {
            "subject": "VỀ VIỆC ĐIỀU CHỈNH BẢNG GIÁ ĐẤT NĂM 2017",
            "issuer": KT,
            "doc_type": "Nghị quyết",
        },
    ),
    (
        "nq-same-line-sentence",
        "a.md",
        f"{PH}NGHỊ QUYẾT Về việc điều chỉnh bảng giá đất năm 2017\n{HDND}{NQ_BODY}",
        {
            "subject": "Về việc điều chỉnh bảng giá đất năm 2017",
            "issuer": KT,
            "doc_type": "Nghị quyết",
        },
    ),
    (
        "nq-same-line-wrapped",
        "a.md",
        f"{PH}NGHỊ QUYẾT VỀ VIỆC PHÊ CHUẨN QUYẾT TOÁN NGÂN SÁCH\nĐỊA PHƯƠNG NĂM 2016\n{HDND}{NQ_BODY}",
        {"subject": "VỀ VIỆC PHÊ CHUẨN QUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2016", "issuer": KT},
    ),
    # ---- resolutions: placeholders and remnants ----
    (
        "nq-empty-table-before",
        "a.md",
        f"{EMPTY_TABLE}NGHỊ QUYẾT\nVề việc thông qua danh mục dự án cần thu hồi đất\n{HDND}{NQ_BODY}",
        {"subject": "Về việc thông qua danh mục dự án cần thu hồi đất", "issuer": KT},
    ),
    (
        "nq-placeholder-after",
        "a.md",
        f"NGHỊ QUYẾT\nVề việc thông qua danh mục dự án cần thu hồi đất\n{PH}{HDND}{NQ_BODY}",
        {"subject": "Về việc thông qua danh mục dự án cần thu hồi đất", "issuer": KT},
    ),
    (
        "nq-two-placeholders",
        "a.md",
        f"{PH}{PH.replace('bang_0', 'bang_1')}NGHỊ QUYẾT\nVỀ GIÁ DỊCH VỤ KHÁM BỆNH, CHỮA BỆNH\n{HDND}{NQ_BODY}",
        {"subject": "VỀ GIÁ DỊCH VỤ KHÁM BỆNH, CHỮA BỆNH", "issuer": KT},
    ),
    # ---- resolutions: authority line above the subject ----
    (
        "nq-authority-before-title",
        "a.md",
        f"{PH}{HDND}NGHỊ QUYẾT\nVề việc giao biên chế công chức năm 2018\n{NQ_BODY}",
        {"subject": "Về việc giao biên chế công chức năm 2018", "issuer": KT},
    ),
    (
        "nq-authority-flat-before-title",
        "a.md",
        f"{PH}{HDND_FLAT}NGHỊ QUYẾT\nVỀ VIỆC GIAO BIÊN CHẾ CÔNG CHỨC NĂM 2018\n{NQ_BODY}",
        {"subject": "VỀ VIỆC GIAO BIÊN CHẾ CÔNG CHỨC NĂM 2018", "issuer": KT},
    ),
    (
        "nq-quyet-nghi-right-after",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc bãi bỏ một số nghị quyết của Hội đồng nhân dân tỉnh\nQUYẾT NGHỊ:\nĐiều 1. Bãi bỏ các nghị quyết.\nCHỦ TỊCH\nPhạm Văn Lộc\n",
        {"subject": "Về việc bãi bỏ một số nghị quyết của Hội đồng nhân dân tỉnh"},
    ),
    # ---- resolutions: another document's number and date inside the subject ----
    (
        "nq-cites-number-date-caps",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH BAN HÀNH KÈM THEO NGHỊ QUYẾT SỐ\n20/2016/NQ-HĐND NGÀY 14 THÁNG 12 NĂM 2016 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH\n{HDND}{NQ_BODY}",
        {
            "subject": "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH BAN HÀNH KÈM THEO NGHỊ QUYẾT SỐ 20/2016/NQ-HĐND NGÀY 14 THÁNG 12 NĂM 2016 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH",
            "issuer": KT,
        },
    ),
    (
        "nq-cites-number-date-sentence",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc sửa đổi Nghị quyết số 20/2016/NQ-HĐND ngày 14/12/2016\ncủa Hội đồng nhân dân tỉnh\n{HDND}{NQ_BODY}",
        {
            "subject": "Về việc sửa đổi Nghị quyết số 20/2016/NQ-HĐND ngày 14/12/2016 của Hội đồng nhân dân tỉnh",
            "issuer": KT,
        },
    ),
    (
        "nq-cites-number-line-start",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nBÃI BỎ NGHỊ QUYẾT\nSỐ 05/2015/NQ-HĐND NGÀY 10/7/2015 CỦA HĐND TỈNH\n{HDND}{NQ_BODY}",
        {
            "subject": "BÃI BỎ NGHỊ QUYẾT SỐ 05/2015/NQ-HĐND NGÀY 10/7/2015 CỦA HĐND TỈNH",
            "issuer": KT,
        },
    ),
    # ---- resolutions: letterhead kept ----
    (
        "nq-letterhead-table-md",
        "a.md",
        (
            "| HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 20/2017/NQ-HĐND | Kon Tum, ngày 14 tháng 7 năm 2017 |\n\n"
            f"NGHỊ QUYẾT\n\nVỀ VIỆC QUY ĐỊNH MỨC PHÍ THẨM ĐỊNH\n\n{HDND}\n{NQ_BODY}"
        ),
        {
            "subject": "VỀ VIỆC QUY ĐỊNH MỨC PHÍ THẨM ĐỊNH",
            "issuer": KT,
            "number": "20/2017/NQ-HĐND",
        },
    ),
    # ---- decisions ----
    (
        "qd-ke-hoach-sentence",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia\nxây dựng nông thôn mới năm 2018\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {
            "subject": "Về việc ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2018",
            "issuer": UB,
            "doc_type": "Quyết định",
        },
    ),
    (
        "qd-chairman-authority",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch phòng, chống thiên tai năm 2019\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {"subject": "Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2019", "issuer": UB},
    ),
    (
        "qd-caps-wrapped",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LÂM\nĐỒNG NĂM 2020\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {
            "subject": "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LÂM ĐỒNG NĂM 2020",
            "issuer": UB,
        },
    ),
    (
        "qd-same-line",
        "a.md",
        f"{PH}QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN PHỔ BIẾN PHÁP LUẬT NĂM 2018\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {
            "subject": "VỀ VIỆC BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN PHỔ BIẾN PHÁP LUẬT NĂM 2018",
            "issuer": UB,
            "doc_type": "Quyết định",
        },
    ),
    (
        "qd-chairman-bare-letterhead",
        "a.md",
        (
            "| ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 1234/QĐ-UBND | Lâm Đồng, ngày 05 tháng 6 năm 2019 |\n\n"
            f"QUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch phát triển du lịch\nnăm 2019\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n{QD_BODY}"
        ),
        {
            "subject": "Về việc ban hành Kế hoạch phát triển du lịch năm 2019",
            "issuer": UB,
            "number": "1234/QĐ-UBND",
        },
    ),
    (
        "qd-authority-before-title",
        "a.md",
        f"{PH}ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n{QD_BODY}",
        {"subject": "Về việc công bố danh mục thủ tục hành chính", "issuer": UB},
    ),
    (
        "qd-cites-number",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVỀ VIỆC SỬA ĐỔI QUYẾT ĐỊNH SỐ 25/2016/QĐ-UBND NGÀY 12/5/2016\nCỦA ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {
            "subject": "VỀ VIỆC SỬA ĐỔI QUYẾT ĐỊNH SỐ 25/2016/QĐ-UBND NGÀY 12/5/2016 CỦA ỦY BAN NHÂN DÂN TỈNH",
            "issuer": UB,
        },
    ),
    (
        "qd-txt-ve-viec-three-lines",
        "a.txt",
        f"QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nkiểm tra công tác văn thư, lưu trữ\nnăm 2019\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {
            "subject": "Về việc ban hành Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2019",
            "issuer": UB,
        },
    ),
    # ---- second batch: Markdown marks, rules, wrapped authority lines ----
    (
        "nq-bold-title-md",
        "a.md",
        f"{PH}**NGHỊ QUYẾT**\n\n**Về việc phân cấp nguồn thu ngân sách giai đoạn 2017 - 2020**\n\n**{HDND_FLAT}**\n{NQ_BODY}",
        {"subject": "Về việc phân cấp nguồn thu ngân sách giai đoạn 2017 - 2020", "issuer": KT},
    ),
    (
        "nq-heading-title-md",
        "a.md",
        f"{PH}## NGHỊ QUYẾT\n\n### VỀ VIỆC PHÂN CẤP NGUỒN THU NGÂN SÁCH\n\n{HDND}\n{NQ_BODY}",
        {"subject": "VỀ VIỆC PHÂN CẤP NGUỒN THU NGÂN SÁCH", "issuer": KT},
    ),
    (
        "nq-rule-under-subject",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc quy định mức thu học phí năm học 2017 - 2018\n-------------\n{HDND}{NQ_BODY}",
        {"subject": "Về việc quy định mức thu học phí năm học 2017 - 2018", "issuer": KT},
    ),
    (
        "nq-authority-broken-two-lines",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC QUY ĐỊNH MỨC THU HỌC PHÍ\nHỘI ĐỒNG NHÂN DÂN\nTỈNH KON TUM\nKHÓA XI, KỲ HỌP THỨ 5\n{NQ_BODY}",
        {"subject": "VỀ VIỆC QUY ĐỊNH MỨC THU HỌC PHÍ", "issuer": KT},
    ),
    (
        "nq-authority-dash-session",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC QUY ĐỊNH MỨC THU HỌC PHÍ\nHỘI ĐỒNG NHÂN DÂN TỈNH KON TUM KHÓA XI - KỲ HỌP THỨ NĂM\n{NQ_BODY}",
        {"subject": "VỀ VIỆC QUY ĐỊNH MỨC THU HỌC PHÍ", "issuer": KT},
    ),
    (
        "nq-sentence-proper-noun-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc thông qua Đề án phát triển cà phê tỉnh\nKon Tum đến năm 2025\n{HDND}{NQ_BODY}",
        {
            "subject": "Về việc thông qua Đề án phát triển cà phê tỉnh Kon Tum đến năm 2025",
            "issuer": KT,
        },
    ),
    (
        "nq-quoted-name-caps",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC ĐẶT TÊN CHƯƠNG TRÌNH “KON TUM XANH”\nGIAI ĐOẠN 2018 - 2022\n{HDND}{NQ_BODY}",
        {
            "subject": "VỀ VIỆC ĐẶT TÊN CHƯƠNG TRÌNH “KON TUM XANH” GIAI ĐOẠN 2018 - 2022",
            "issuer": KT,
        },
    ),
    (
        "nq-commune-council",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề dự toán ngân sách xã năm 2026\nHỘI ĐỒNG NHÂN DÂN XÃ ĐĂK HÀ\nKHÓA I, KỲ HỌP THỨ 4\n{NQ_BODY}",
        {"subject": "Về dự toán ngân sách xã năm 2026", "issuer": "Hội đồng nhân dân xã Đăk Hà"},
    ),
    (
        "nq-subject-ends-colon-free-quyet-nghi-caps",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC THÔNG QUA BẢNG GIÁ ĐẤT\nQUYẾT NGHỊ:\nĐiều 1. Thông qua bảng giá đất.\nCHỦ TỊCH\nPhạm Văn Lộc\n",
        {"subject": "VỀ VIỆC THÔNG QUA BẢNG GIÁ ĐẤT"},
    ),
    (
        "qd-authority-cased",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số năm 2021\nỦy ban nhân dân tỉnh Lâm Đồng\n{QD_BODY}",
        {"subject": "Về việc ban hành Kế hoạch chuyển đổi số năm 2021", "issuer": UB},
    ),
    (
        "qd-chairman-flat-caps-subject",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2021\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {"subject": "VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2021", "issuer": UB},
    ),
    (
        "qd-authority-cased-txt",
        "a.txt",
        f"QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số năm 2021\nỦy ban nhân dân tỉnh Lâm Đồng\n{QD_BODY}",
        {"subject": "Về việc ban hành Kế hoạch chuyển đổi số năm 2021", "issuer": UB},
    ),
    (
        "qd-empty-table-after",
        "a.md",
        f"QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số năm 2021\n\n{EMPTY_TABLE}ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {"subject": "Về việc ban hành Kế hoạch chuyển đổi số năm 2021", "issuer": UB},
    ),
    # ---- third batch ----
    (
        "nq-number-kept-letterhead-lost",
        "a.md",
        f"{PH}Số: 31/2017/NQ-HĐND\nNGHỊ QUYẾT\nVỀ VIỆC QUY ĐỊNH MỨC HỖ TRỢ\nCÁN BỘ KHÔNG CHUYÊN TRÁCH Ở THÔN\n{HDND}{NQ_BODY}",
        {
            "subject": "VỀ VIỆC QUY ĐỊNH MỨC HỖ TRỢ CÁN BỘ KHÔNG CHUYÊN TRÁCH Ở THÔN",
            "number": "31/2017/NQ-HĐND",
        },
    ),
    (
        "nq-ve-viec-alone-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC\nTHÔNG QUA ĐỀ ÁN ĐÔ THỊ THÔNG MINH\n{HDND}{NQ_BODY}",
        {"subject": "VỀ VIỆC THÔNG QUA ĐỀ ÁN ĐÔ THỊ THÔNG MINH", "issuer": KT},
    ),
    (
        "nq-term-no-comma",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC THÔNG QUA ĐỀ ÁN ĐÔ THỊ THÔNG MINH\nHỘI ĐỒNG NHÂN DÂN TỈNH KON TUM\nKHÓA XI KỲ HỌP THỨ NĂM\n{NQ_BODY}",
        {"subject": "VỀ VIỆC THÔNG QUA ĐỀ ÁN ĐÔ THỊ THÔNG MINH", "issuer": KT},
    ),
    (
        "nq-range-split-dash",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2016\n- 2020\n{HDND}{NQ_BODY}",
        {"subject": "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2016 - 2020", "issuer": KT},
    ),
    (
        "nq-flat-authority-before-sentence",
        "a.md",
        f"{PH}{HDND_FLAT}NGHỊ QUYẾT\nVề việc thông qua Đề án phát triển cà phê\n{NQ_BODY}",
        {"subject": "Về việc thông qua Đề án phát triển cà phê", "issuer": KT},
    ),
    (
        "qd-city-authority",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chỉnh trang đô thị năm 2020\nỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\n{QD_BODY}",
        {
            "subject": "Về việc ban hành Kế hoạch chỉnh trang đô thị năm 2020",
            "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
        },
    ),
    # ---- fourth batch: whole title blocks flattened ----
    (
        "nq-sentence-then-caps-authority-one-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc quy định mức thu lệ phí hộ tịch HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM KHÓA XI, KỲ HỌP THỨ 5\n{NQ_BODY}",
        {"subject": "Về việc quy định mức thu lệ phí hộ tịch", "issuer": KT},
    ),
    (
        "nq-whole-block-one-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT VỀ VIỆC QUY ĐỊNH MỨC THU LỆ PHÍ HỘ TỊCH HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM KHÓA XI, KỲ HỌP THỨ 5\n{NQ_BODY}",
        {"subject": "VỀ VIỆC QUY ĐỊNH MỨC THU LỆ PHÍ HỘ TỊCH", "issuer": KT},
    ),
    (
        "nq-caps-authority-one-line",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVỀ VIỆC QUY ĐỊNH MỨC THU LỆ PHÍ HỘ TỊCH HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM\nKHÓA XI, KỲ HỌP THỨ 5\n{NQ_BODY}",
        {"subject": "VỀ VIỆC QUY ĐỊNH MỨC THU LỆ PHÍ HỘ TỊCH", "issuer": KT},
    ),
    (
        "nq-grounds-right-after",
        "a.md",
        f"{PH}NGHỊ QUYẾT\nVề việc quy định mức thu lệ phí hộ tịch\n{NQ_BODY}",
        {"subject": "Về việc quy định mức thu lệ phí hộ tịch"},
    ),
    (
        "qd-sentence-then-caps-authority-one-line",
        "a.md",
        f"{PH}QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch cải cách hành chính năm 2020 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{QD_BODY}",
        {"subject": "Về việc ban hành Kế hoạch cải cách hành chính năm 2020", "issuer": UB},
    ),
]

OPEN: dict[str, str] = {}  # probe id -> why it stays open (strict xfail)


def _fold(value):
    return " ".join(value.casefold().split()) if isinstance(value, str) else value


def _params():
    for name, filename, source, expected in PROBES:
        marks = [pytest.mark.xfail(reason=OPEN[name], strict=True)] if name in OPEN else []
        yield pytest.param(filename, source, expected, id=name, marks=marks)


@pytest.mark.parametrize("filename,source,expected", list(_params()))
def test_subject_copy(filename, source, expected):
    got = extract_bytes(source.encode("utf-8"), filename, directory=AN_GIANG).to_dict()
    assert {k: _fold(got[k]) for k in expected} == {k: _fold(v) for k, v in expected.items()}


def test_probe_ids_unique():
    assert len({p[0] for p in PROBES}) == len(PROBES)
