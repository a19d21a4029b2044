"""Contract probes for one genre: letters of the Government Office, the Prime Minister or a
ministry conveying the Prime Minister's (or a Deputy Prime Minister's) opinion on a province's
or ministry's proposal (issue 11, session 13, helper rules-gg).

Each probe is a whole letter of our own wording: letterhead, number and "V/v" lines, "Kính gửi",
a "Xét đề nghị ..." preamble citing the proposal and the ministries' opinions, then the opinion's
sentences. The expected metadata, references (number and date) and tasks were written from
FORMAT.md before the engine ran on the probe:
- a sentence telling a named agency to act is a task (`Giao Bộ X ...`, `Bộ X nghiên cứu, trả lời
  ...`, `Ủy ban nhân dân tỉnh X căn cứ ... quyết định ...`, `Chủ tịch Ủy ban nhân dân tỉnh X chỉ
  đạo ...` -> the province's committee); an unnumbered letter body has the clause path "";
- approvals (`Đồng ý ...`, `Đồng ý chủ trương ...`) and bare responsibility are optional, with the
  proposer as lead;
- the closing formula (`Văn phòng Chính phủ xin thông báo để ... biết, thực hiện./.`) is no task;
- every document cited with a number in the preamble is a reference, one per number.

Task rows: (clause, leads, deadline, recurrence, coordinators, optional). An optional row may be
predicted or not; every other row must be predicted, and nothing else may be.
"""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG
from score import leads_right, number_key, text

from dxtrack.extraction import extract_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"

# letterheads: (text with {number}, {subject}, {date}; issuer; signer block; signer name, title)
HEADS = {
    "vpcp": (
        "VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: {number}\n{subject}\n" + MOTTO + "\n"
        "Hà Nội, ngày {date}\n",
        "Văn phòng Chính phủ",
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\n\nTrần Văn Sơn\n",
        ("Trần Văn Sơn", "PHÓ CHỦ NHIỆM"),
    ),
    "vpcp_chief": (
        "VĂN PHÒNG CHÍNH PHỦ\n--------\nSố: {number}\n{subject}\n" + MOTTO + "\n"
        "Hà Nội, ngày {date}\n",
        "Văn phòng Chính phủ",
        "BỘ TRƯỞNG, CHỦ NHIỆM\n\n\nLê Minh Khái\n",
        ("Lê Minh Khái", "BỘ TRƯỞNG, CHỦ NHIỆM"),
    ),
    "ttg": (
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: {number}\n{subject}\n" + MOTTO + "\n"
        "Hà Nội, ngày {date}\n",
        "Thủ tướng Chính phủ",
        "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\n\nPhạm Bình Minh\n",
        ("Phạm Bình Minh", "PHÓ THỦ TƯỚNG"),
    ),
    "bnv": (
        "BỘ NỘI VỤ\n-------\nSố: {number}\n{subject}\n" + MOTTO + "\nHà Nội, ngày {date}\n",
        "Bộ Nội vụ",
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\nNguyễn Duy Thăng\n",
        ("Nguyễn Duy Thăng", "THỨ TRƯỞNG"),
    ),
    "btc": (
        "BỘ TÀI CHÍNH\n-------\nSố: {number}\n{subject}\n" + MOTTO + "\nHà Nội, ngày {date}\n",
        "Bộ Tài chính",
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\nVõ Thành Hưng\n",
        ("Võ Thành Hưng", "THỨ TRƯỞNG"),
    ),
}

NOI_NHAN = "Nơi nhận:\n- Như trên;\n- Thủ tướng, các Phó Thủ tướng;\n- VPCP: BTCN, các PCN;\n- Lưu: VT, NN (2).\n"


def letter(
    head: str, number: str, subject: str, date: str, recipients: list[str], body: str
) -> str:
    top, _, sign, _ = HEADS[head]
    if len(recipients) == 1:
        kg = f"Kính gửi: {recipients[0]}.\n"
    else:
        kg = "Kính gửi:\n" + "".join(
            f"- {r}{'.' if i == len(recipients) - 1 else ';'}\n" for i, r in enumerate(recipients)
        )
    return (
        top.format(number=number, subject=subject, date=date) + kg + body + "\n" + NOI_NHAN + sign
    )


UB = "Ủy ban nhân dân tỉnh"
T = tuple  # a task row

# (id, head, number, subject, long date, iso date, recipients, body, references, tasks)
# references: "NUMBER | DATE"; tasks: (clause, "lead; lead", deadline, recurrence, "coord; ..", optional)
PROBES = [
    (
        "giao_bo_xem_xet",
        "vpcp",
        "2101/VPCP-NN",
        "V/v đề nghị hỗ trợ kinh phí khắc phục hậu quả hạn hán",
        "12 tháng 3 năm 2020",
        "2020-03-12",
        ["Bộ Tài chính", f"{UB} Ninh Thuận"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Ninh Thuận tại văn bản số 845/UBND-KT ngày 02 "
            "tháng 3 năm 2020 về việc hỗ trợ kinh phí khắc phục hậu quả hạn hán, Phó Thủ tướng "
            "Trịnh Đình Dũng có ý kiến như sau:\n"
            "Giao Bộ Tài chính xem xét, xử lý theo thẩm quyền, báo cáo Thủ tướng Chính phủ vấn đề "
            "vượt thẩm quyền.\n"
            "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./."
        ),
        ["845/UBND-KT | 2020-03-02"],
        [("", "Bộ Tài chính", None, None, "", False)],
    ),
    (
        "giao_bo_with_deadline",
        "vpcp",
        "3312/VPCP-CN",
        "V/v điều chỉnh quy hoạch cảng cạn",
        "20 tháng 4 năm 2021",
        "2021-04-20",
        ["Bộ Giao thông vận tải", f"{UB} Lạng Sơn"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Lạng Sơn tại Tờ trình số 56/TTr-UBND ngày 30 tháng "
            "3 năm 2021 về việc điều chỉnh quy hoạch cảng cạn, Phó Thủ tướng Lê Văn Thành có ý kiến "
            "như sau:\n"
            "Giao Bộ Giao thông vận tải xem xét, giải quyết đề nghị của Ủy ban nhân dân tỉnh Lạng "
            "Sơn theo quy định, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 5 năm 2021.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["56/TTr-UBND | 2021-03-30"],
        [("", "Bộ Giao thông vận tải", "2021-05-15", None, "", False)],
    ),
    (
        "ttg_giao",
        "vpcp",
        "4410/VPCP-KTTH",
        "V/v kiến nghị của tỉnh Hà Giang",
        "05 tháng 6 năm 2019",
        "2019-06-05",
        ["Bộ Kế hoạch và Đầu tư"],
        (
            "Xét kiến nghị của Ủy ban nhân dân tỉnh Hà Giang tại văn bản số 1520/UBND-KTTH ngày 20 "
            "tháng 5 năm 2019 về bổ sung vốn đầu tư công trung hạn, Thủ tướng Chính phủ giao Bộ Kế "
            "hoạch và Đầu tư xem xét, xử lý theo thẩm quyền, báo cáo Thủ tướng Chính phủ trước ngày "
            "30 tháng 6 năm 2019.\n"
            "Văn phòng Chính phủ xin thông báo để Bộ Kế hoạch và Đầu tư biết, thực hiện./."
        ),
        ["1520/UBND-KTTH | 2019-05-20"],
        [("", "Bộ Kế hoạch và Đầu tư", "2019-06-30", None, "", False)],
    ),
    (
        "numbered_approval_then_giao",
        "vpcp",
        "5120/VPCP-NN",
        "V/v thí điểm nuôi biển công nghệ cao",
        "18 tháng 7 năm 2022",
        "2022-07-18",
        ["Bộ Nông nghiệp và Phát triển nông thôn", f"{UB} Khánh Hòa"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Khánh Hòa tại văn bản số 6215/UBND-KT ngày 25 "
            "tháng 6 năm 2022 và ý kiến của Bộ Nông nghiệp và Phát triển nông thôn tại văn bản số "
            "4102/BNN-TCTS ngày 08 tháng 7 năm 2022 về thí điểm nuôi biển công nghệ cao, Phó Thủ "
            "tướng Lê Văn Thành có ý kiến như sau:\n"
            "1. Đồng ý chủ trương Ủy ban nhân dân tỉnh Khánh Hòa xây dựng Đề án thí điểm nuôi biển "
            "công nghệ cao.\n"
            "2. Giao Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Ủy ban nhân dân "
            "tỉnh Khánh Hòa hướng dẫn trình tự, thủ tục xây dựng Đề án.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["6215/UBND-KT | 2022-06-25", "4102/BNN-TCTS | 2022-07-08"],
        [
            ("1", f"{UB} Khánh Hòa", None, None, "", True),
            ("2", "Bộ Nông nghiệp và Phát triển nông thôn", None, None, f"{UB} Khánh Hòa", False),
        ],
    ),
    (
        "province_can_cu_quyet_dinh",
        "vpcp",
        "6033/VPCP-CN",
        "V/v đầu tư tuyến đường ven biển",
        "02 tháng 9 năm 2020",
        "2020-09-02",
        [f"{UB} Quảng Ngãi"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Quảng Ngãi tại văn bản số 3920/UBND-CNXD ngày 10 "
            "tháng 8 năm 2020 về việc đầu tư tuyến đường ven biển, Phó Thủ tướng Trịnh Đình Dũng có "
            "ý kiến như sau:\n"
            "Ủy ban nhân dân tỉnh Quảng Ngãi căn cứ quy định của pháp luật về đầu tư công quyết định "
            "việc đầu tư dự án theo thẩm quyền, bảo đảm hiệu quả.\n"
            "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Quảng Ngãi biết, thực hiện./."
        ),
        ["3920/UBND-CNXD | 2020-08-10"],
        [("", f"{UB} Quảng Ngãi", None, None, "", False)],
    ),
    (
        "bo_nghien_cuu_tra_loi",
        "vpcp",
        "7021/VPCP-KGVX",
        "V/v kiến nghị về chế độ đối với giáo viên mầm non",
        "14 tháng 10 năm 2021",
        "2021-10-14",
        ["Bộ Giáo dục và Đào tạo"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Sóc Trăng tại văn bản số 2290/UBND-VX ngày 28 "
            "tháng 9 năm 2021 về chế độ đối với giáo viên mầm non, Phó Thủ tướng Vũ Đức Đam có ý "
            "kiến như sau:\n"
            "Bộ Giáo dục và Đào tạo nghiên cứu, trả lời Ủy ban nhân dân tỉnh Sóc Trăng theo quy định.\n"
            "Văn phòng Chính phủ xin thông báo để Bộ Giáo dục và Đào tạo và Ủy ban nhân dân tỉnh Sóc "
            "Trăng biết, thực hiện./."
        ),
        ["2290/UBND-VX | 2021-09-28"],
        [("", "Bộ Giáo dục và Đào tạo", None, None, "", False)],
    ),
    (
        "chairman_chi_dao",
        "vpcp",
        "1755/VPCP-V.I",
        "V/v giải quyết khiếu nại của công dân",
        "09 tháng 3 năm 2023",
        "2023-03-09",
        [f"{UB} Đắk Nông"],
        (
            "Xét báo cáo của Thanh tra Chính phủ tại văn bản số 412/TTCP-C.II ngày 20 tháng 2 năm "
            "2023 về kết quả kiểm tra vụ khiếu nại tại tỉnh Đắk Nông, Phó Thủ tướng Trần Lưu Quang có "
            "ý kiến như sau:\n"
            "Chủ tịch Ủy ban nhân dân tỉnh Đắk Nông chỉ đạo giải quyết dứt điểm vụ việc theo đúng "
            "quy định của pháp luật, báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 4 năm "
            "2023.\n"
            "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Đắk Nông biết, thực hiện./."
        ),
        ["412/TTCP-C.II | 2023-02-20"],
        [("", f"{UB} Đắk Nông", "2023-04-30", None, "", False)],
    ),
    (
        "two_documents_one_head",
        "vpcp",
        "2890/VPCP-KTTH",
        "V/v ứng trước vốn ngân sách trung ương",
        "22 tháng 4 năm 2019",
        "2019-04-22",
        ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Bắc Kạn tại các văn bản số 1204/UBND-TH ngày 10 "
            "tháng 3 năm 2019, số 1388/UBND-TH ngày 02 tháng 4 năm 2019 về việc ứng trước vốn ngân "
            "sách trung ương, Phó Thủ tướng Vương Đình Huệ có ý kiến như sau:\n"
            "Giao Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính xem xét, xử lý theo thẩm "
            "quyền; trường hợp vượt thẩm quyền, báo cáo Thủ tướng Chính phủ.\n"
            "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./."
        ),
        ["1204/UBND-TH | 2019-03-10", "1388/UBND-TH | 2019-04-02"],
        [("", "Bộ Kế hoạch và Đầu tư", None, None, "Bộ Tài chính", False)],
    ),
    (
        "cong_van_va_to_trinh",
        "vpcp",
        "3544/VPCP-NN",
        "V/v chuyển mục đích sử dụng rừng",
        "30 tháng 5 năm 2020",
        "2020-05-30",
        ["Bộ Nông nghiệp và Phát triển nông thôn", f"{UB} Lâm Đồng"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Lâm Đồng tại Công văn số 2051/UBND-LN ngày 07 "
            "tháng 4 năm 2020 và Tờ trình số 37/TTr-UBND ngày 12 tháng 5 năm 2020 về chuyển mục đích "
            "sử dụng rừng, Phó Thủ tướng Trịnh Đình Dũng có ý kiến như sau:\n"
            "Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các cơ quan liên quan thẩm "
            "định hồ sơ, báo cáo Thủ tướng Chính phủ trong quý III năm 2020.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["2051/UBND-LN | 2020-04-07", "37/TTr-UBND | 2020-05-12"],
        [
            (
                "",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "2020-09-30",
                None,
                "Các cơ quan liên quan",
                False,
            )
        ],
    ),
    (
        "dong_y_ve_nguyen_tac",
        "vpcp",
        "8120/VPCP-CN",
        "V/v tổ chức lễ khởi công dự án",
        "10 tháng 11 năm 2022",
        "2022-11-10",
        ["Bộ Giao thông vận tải"],
        (
            "Xét đề nghị của Bộ Giao thông vận tải tại văn bản số 11520/BGTVT-ĐTCT ngày 01 tháng 11 "
            "năm 2022 về việc tổ chức lễ khởi công dự án, Phó Thủ tướng Trần Hồng Hà có ý kiến như "
            "sau:\n"
            "Đồng ý về nguyên tắc đề nghị của Bộ Giao thông vận tải tại văn bản nêu trên. Bộ Giao "
            "thông vận tải tổ chức lễ khởi công trang trọng, tiết kiệm, an toàn.\n"
            "Văn phòng Chính phủ xin thông báo để Bộ Giao thông vận tải biết, thực hiện./."
        ),
        ["11520/BGTVT-ĐTCT | 2022-11-01"],
        [
            ("", "Bộ Giao thông vận tải", None, None, "", True),
            ("", "Bộ Giao thông vận tải", None, None, "", False),
        ],
    ),
]

PROBES += [
    (
        "yeu_cau_bo",
        "vpcp",
        "9012/VPCP-KGVX",
        "V/v bảo đảm thuốc, vật tư y tế",
        "25 tháng 11 năm 2022",
        "2022-11-25",
        ["Bộ Y tế"],
        (
            "Xét báo cáo của Bộ Y tế tại văn bản số 6810/BYT-KHTC ngày 15 tháng 11 năm 2022 về "
            "bảo đảm thuốc, vật tư y tế, Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:\n"
            "Yêu cầu Bộ Y tế khẩn trương hoàn thiện dự thảo Nghị định, trình Chính phủ trước ngày "
            "15 tháng 12 năm 2022.\n"
            "Văn phòng Chính phủ thông báo để Bộ Y tế biết, thực hiện./."
        ),
        ["6810/BYT-KHTC | 2022-11-15"],
        [("", "Bộ Y tế", "2022-12-15", None, "", False)],
    ),
    (
        "pttg_yeu_cau",
        "vpcp",
        "9101/VPCP-NN",
        "V/v kiểm tra thông tin báo chí phản ánh",
        "28 tháng 11 năm 2022",
        "2022-11-28",
        [f"{UB} Gia Lai"],
        (
            "Về thông tin báo chí phản ánh tình trạng khai thác cát trái phép tại tỉnh Gia Lai, Phó "
            "Thủ tướng Trần Hồng Hà yêu cầu Ủy ban nhân dân tỉnh Gia Lai kiểm tra, xử lý nghiêm vi "
            "phạm (nếu có), báo cáo Thủ tướng Chính phủ trước ngày 20 tháng 12 năm 2022.\n"
            "Văn phòng Chính phủ xin thông báo để Ủy ban nhân dân tỉnh Gia Lai biết, thực hiện./."
        ),
        [],
        [("", f"{UB} Gia Lai", "2022-12-20", None, "", False)],
    ),
    (
        "cac_bo_colon_list",
        "vpcp",
        "1420/VPCP-KTTH",
        "V/v cơ chế tài chính đặc thù",
        "03 tháng 3 năm 2021",
        "2021-03-03",
        ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Tư pháp"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Bình Định tại văn bản số 805/UBND-TH ngày 15 tháng "
            "2 năm 2021 về cơ chế tài chính đặc thù, Phó Thủ tướng Lê Minh Khái có ý kiến như sau:\n"
            "Giao các Bộ: Tài chính, Kế hoạch và Đầu tư, Tư pháp theo chức năng, nhiệm vụ được giao "
            "xem xét, có ý kiến đối với đề nghị của Ủy ban nhân dân tỉnh Bình Định, gửi Văn phòng "
            "Chính phủ trước ngày 20 tháng 3 năm 2021.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["805/UBND-TH | 2021-02-15"],
        [("", "Bộ Tài chính; Bộ Kế hoạch và Đầu tư; Bộ Tư pháp", "2021-03-20", None, "", False)],
    ),
    (
        "numbered_three_items",
        "vpcp",
        "2255/VPCP-CN",
        "V/v đầu tư dự án cao tốc",
        "07 tháng 4 năm 2022",
        "2022-04-07",
        ["Bộ Giao thông vận tải", "Bộ Kế hoạch và Đầu tư", f"{UB} Tuyên Quang"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Tuyên Quang tại Tờ trình số 19/TTr-UBND ngày 01 "
            "tháng 3 năm 2022, ý kiến của Bộ Giao thông vận tải tại văn bản số 2980/BGTVT-KHĐT ngày "
            "25 tháng 3 năm 2022 về đầu tư dự án cao tốc, Thủ tướng Chính phủ có ý kiến như sau:\n"
            "1. Đồng ý chủ trương giao Ủy ban nhân dân tỉnh Tuyên Quang là cơ quan chủ quản đầu tư "
            "dự án.\n"
            "2. Ủy ban nhân dân tỉnh Tuyên Quang chịu trách nhiệm toàn diện về tính chính xác của "
            "các thông tin, số liệu báo cáo.\n"
            "3. Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Giao thông vận tải hướng dẫn Ủy ban "
            "nhân dân tỉnh Tuyên Quang hoàn thiện hồ sơ dự án theo quy định.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["19/TTr-UBND | 2022-03-01", "2980/BGTVT-KHĐT | 2022-03-25"],
        [
            ("1", f"{UB} Tuyên Quang", None, None, "", True),
            ("2", f"{UB} Tuyên Quang", None, None, "", True),
            ("3", "Bộ Kế hoạch và Đầu tư", None, None, "Bộ Giao thông vận tải", False),
        ],
    ),
    (
        "xin_chuyen",
        "vpcp",
        "6650/VPCP-CN",
        "V/v kiến nghị của tỉnh Cà Mau",
        "16 tháng 9 năm 2021",
        "2021-09-16",
        ["Bộ Công Thương"],
        (
            "Văn phòng Chính phủ xin chuyển văn bản số 4410/UBND-KT ngày 06 tháng 9 năm 2021 của Ủy "
            "ban nhân dân tỉnh Cà Mau về kiến nghị đầu tư dự án điện gió (bản chụp kèm theo) đến Bộ "
            "Công Thương. Thủ tướng Chính phủ giao Bộ Công Thương xem xét, xử lý theo quy định.\n"
            "Văn phòng Chính phủ thông báo để Bộ Công Thương biết, thực hiện./."
        ),
        ["4410/UBND-KT | 2021-09-06"],
        [("", "Bộ Công Thương", None, None, "", False)],
    ),
    (
        "province_and_ministry_two_sentences",
        "vpcp",
        "3019/VPCP-KTTH",
        "V/v quy hoạch tỉnh Phú Yên",
        "11 tháng 5 năm 2023",
        "2023-05-11",
        ["Bộ Kế hoạch và Đầu tư", f"{UB} Phú Yên"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Phú Yên tại Tờ trình số 61/TTr-UBND ngày 14 tháng "
            "4 năm 2023 về quy hoạch tỉnh, Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:\n"
            "1. Ủy ban nhân dân tỉnh Phú Yên tiếp thu ý kiến của Bộ Kế hoạch và Đầu tư, hoàn thiện hồ "
            "sơ quy hoạch tỉnh.\n"
            "2. Bộ Kế hoạch và Đầu tư tổ chức thẩm định quy hoạch, trình Thủ tướng Chính phủ phê "
            "duyệt trong tháng 6 năm 2023.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["61/TTr-UBND | 2023-04-14"],
        [
            ("1", f"{UB} Phú Yên", None, None, "", False),
            ("2", "Bộ Kế hoạch và Đầu tư", "2023-06-30", None, "", False),
        ],
    ),
    (
        "opinion_of_ministries_in_brackets",
        "vpcp",
        "1570/VPCP-NN",
        "V/v điều chỉnh ranh giới khu bảo tồn",
        "16 tháng 3 năm 2021",
        "2021-03-16",
        ["Bộ Nông nghiệp và Phát triển nông thôn", f"{UB} Nghệ An"],
        (
            "Về đề nghị của Ủy ban nhân dân tỉnh Nghệ An (Tờ trình số 88/TTr-UBND ngày 05 tháng 1 "
            "năm 2021) và ý kiến của Bộ Nông nghiệp và Phát triển nông thôn (văn bản số 1042/BNN-TCLN "
            "ngày 26 tháng 2 năm 2021) về điều chỉnh ranh giới khu bảo tồn, Phó Thủ tướng Trịnh "
            "Đình Dũng có ý kiến như sau:\n"
            "Ủy ban nhân dân tỉnh Nghệ An căn cứ ý kiến của Bộ Nông nghiệp và Phát triển nông thôn "
            "tại văn bản nêu trên, quyết định việc điều chỉnh theo thẩm quyền, bảo đảm đúng quy định "
            "của pháp luật.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["88/TTr-UBND | 2021-01-05", "1042/BNN-TCLN | 2021-02-26"],
        [("", f"{UB} Nghệ An", None, None, "", False)],
    ),
    (
        "ministry_letter_btc",
        "btc",
        "5120/BTC-NSNN",
        "V/v hỗ trợ kinh phí phòng, chống dịch bệnh",
        "30 tháng 5 năm 2022",
        "2022-05-30",
        [f"{UB} Hà Tĩnh"],
        (
            "Bộ Tài chính nhận được văn bản số 2304/UBND-KT ngày 10 tháng 5 năm 2022 của Ủy ban nhân "
            "dân tỉnh Hà Tĩnh đề nghị hỗ trợ kinh phí phòng, chống dịch bệnh. Thực hiện ý kiến chỉ "
            "đạo của Thủ tướng Chính phủ tại văn bản số 3012/VPCP-KTTH ngày 18 tháng 5 năm 2022 của "
            "Văn phòng Chính phủ, Bộ Tài chính có ý kiến như sau:\n"
            "Đề nghị Ủy ban nhân dân tỉnh Hà Tĩnh chủ động sử dụng dự phòng ngân sách địa phương để "
            "thực hiện; tổng hợp nhu cầu kinh phí, gửi Bộ Tài chính trước ngày 30 tháng 6 năm 2022.\n"
            "Bộ Tài chính trả lời để Ủy ban nhân dân tỉnh Hà Tĩnh biết, thực hiện./."
        ),
        ["2304/UBND-KT | 2022-05-10", "3012/VPCP-KTTH | 2022-05-18"],
        [("", f"{UB} Hà Tĩnh", "2022-06-30", None, "", False)],
    ),
    (
        "ttg_letter",
        "ttg",
        "455/TTg-CN",
        "V/v chủ trương đầu tư dự án khu đô thị",
        "20 tháng 4 năm 2020",
        "2020-04-20",
        ["Bộ Xây dựng", f"{UB} Thanh Hóa"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Thanh Hóa tại văn bản số 3120/UBND-CN ngày 18 tháng "
            "3 năm 2020, ý kiến của Bộ Xây dựng tại văn bản số 1280/BXD-PTĐT ngày 06 tháng 4 năm "
            "2020, Thủ tướng Chính phủ có ý kiến như sau:\n"
            "1. Đồng ý chủ trương đầu tư dự án khu đô thị như đề nghị của Ủy ban nhân dân tỉnh Thanh "
            "Hóa.\n"
            "2. Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo nhà đầu tư triển khai dự án đúng tiến độ, bảo "
            "đảm hiệu quả.\n"
            "3. Bộ Xây dựng theo chức năng, nhiệm vụ hướng dẫn, kiểm tra việc thực hiện dự án."
        ),
        ["3120/UBND-CN | 2020-03-18", "1280/BXD-PTĐT | 2020-04-06"],
        [
            ("1", f"{UB} Thanh Hóa", None, None, "", True),
            ("2", f"{UB} Thanh Hóa", None, None, "", False),
            ("3", "Bộ Xây dựng", None, None, "", False),
        ],
    ),
    (
        "city_proposal",
        "vpcp",
        "2780/VPCP-CN",
        "V/v phương án tổ chức giao thông",
        "19 tháng 4 năm 2023",
        "2023-04-19",
        ["Bộ Giao thông vận tải", "Ủy ban nhân dân thành phố Hải Phòng"],
        (
            "Xét đề nghị của Ủy ban nhân dân thành phố Hải Phòng tại văn bản số 1033/UBND-GT ngày 03 "
            "tháng 4 năm 2023 về phương án tổ chức giao thông, Phó Thủ tướng Trần Hồng Hà có ý kiến "
            "như sau:\n"
            "Bộ Giao thông vận tải, Ủy ban nhân dân thành phố Hải Phòng theo chức năng, nhiệm vụ được "
            "giao khẩn trương thống nhất phương án tổ chức giao thông, báo cáo Thủ tướng Chính phủ "
            "những vấn đề vượt thẩm quyền.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["1033/UBND-GT | 2023-04-03"],
        [("", "Bộ Giao thông vận tải; Ủy ban nhân dân thành phố Hải Phòng", None, None, "", False)],
    ),
]

PROBES += [
    (
        "vpcp_de_nghi_bo",
        "vpcp",
        "8805/VPCP-KGVX",
        "V/v báo cáo tình hình thực hiện ý kiến chỉ đạo",
        "01 tháng 12 năm 2021",
        "2021-12-01",
        ["Bộ Lao động - Thương binh và Xã hội"],
        (
            "Thực hiện ý kiến chỉ đạo của Phó Thủ tướng Vũ Đức Đam tại văn bản số 5120/VPCP-KGVX "
            "ngày 02 tháng 8 năm 2021 của Văn phòng Chính phủ, Văn phòng Chính phủ đề nghị Bộ Lao "
            "động - Thương binh và Xã hội khẩn trương báo cáo tình hình thực hiện, gửi Văn phòng "
            "Chính phủ trước ngày 10 tháng 12 năm 2021 để tổng hợp, báo cáo Thủ tướng Chính phủ./."
        ),
        ["5120/VPCP-KGVX | 2021-08-02"],
        [("", "Bộ Lao động - Thương binh và Xã hội", "2021-12-10", None, "", False)],
    ),
    (
        "dong_y_voi_kien_nghi",
        "vpcp",
        "2870/VPCP-NN",
        "V/v phát triển cây mắc ca",
        "29 tháng 4 năm 2021",
        "2021-04-29",
        ["Bộ Nông nghiệp và Phát triển nông thôn"],
        (
            "Xét báo cáo của Bộ Nông nghiệp và Phát triển nông thôn tại văn bản số 1820/BNN-TT ngày "
            "06 tháng 4 năm 2021 về phát triển cây mắc ca, Phó Thủ tướng Lê Văn Thành có ý kiến như "
            "sau:\n"
            "Đồng ý với kiến nghị của Bộ Nông nghiệp và Phát triển nông thôn tại văn bản nêu trên. "
            "Giao Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các địa phương liên "
            "quan rà soát quy hoạch vùng trồng, báo cáo Thủ tướng Chính phủ trong quý III năm 2021.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["1820/BNN-TT | 2021-04-06"],
        [
            ("", "Bộ Nông nghiệp và Phát triển nông thôn", None, None, "", True),
            (
                "",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "2021-09-30",
                None,
                "Các địa phương liên quan",
                False,
            ),
        ],
    ),
    (
        "giao_province_coordinators_colon",
        "vpcp",
        "4402/VPCP-KTTH",
        "V/v sắp xếp lại nhà, đất",
        "08 tháng 6 năm 2022",
        "2022-06-08",
        [f"{UB} Bình Phước"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Bình Phước tại văn bản số 1309/UBND-TH ngày 20 "
            "tháng 5 năm 2022 về phương án sắp xếp lại nhà, đất, Phó Thủ tướng Lê Minh Khái có ý "
            "kiến như sau:\n"
            "Giao Ủy ban nhân dân tỉnh Bình Phước chủ trì, phối hợp với các Bộ: Tài chính, Xây dựng "
            "hoàn thiện phương án sắp xếp lại nhà, đất theo quy định.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["1309/UBND-TH | 2022-05-20"],
        [("", f"{UB} Bình Phước", None, None, "Bộ Tài chính; Bộ Xây dựng", False)],
    ),
    (
        "short_dates",
        "vpcp",
        "512/VPCP-KTN",
        "V/v xử lý sự cố môi trường",
        "25 tháng 1 năm 2019",
        "2019-01-25",
        ["Bộ Tài nguyên và Môi trường", f"{UB} Hà Nam"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Hà Nam tại văn bản số 98/UBND-TN ngày 15/1/2019 "
            "về xử lý sự cố môi trường, Phó Thủ tướng Trịnh Đình Dũng có ý kiến như sau:\n"
            "Bộ Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân tỉnh Hà Nam kiểm tra, "
            "hướng dẫn xử lý sự cố, báo cáo Thủ tướng Chính phủ trước ngày 28/2/2019.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["98/UBND-TN | 2019-01-15"],
        [("", "Bộ Tài nguyên và Môi trường", "2019-02-28", None, f"{UB} Hà Nam", False)],
    ),
    (
        "minister_office_holder",
        "vpcp",
        "6210/VPCP-KTTH",
        "V/v giải ngân vốn ODA",
        "27 tháng 8 năm 2020",
        "2020-08-27",
        ["Bộ Tài chính"],
        (
            "Xét báo cáo của Bộ Tài chính tại văn bản số 9980/BTC-QLN ngày 17 tháng 8 năm 2020 về giải "
            "ngân vốn ODA, Phó Thủ tướng Trịnh Đình Dũng có ý kiến như sau:\n"
            "Giao Bộ trưởng Bộ Tài chính chỉ đạo rà soát, xử lý dứt điểm các vướng mắc về thủ tục "
            "giải ngân, báo cáo Thủ tướng Chính phủ trong tháng 9 năm 2020.\n"
            "Văn phòng Chính phủ xin thông báo để Bộ Tài chính biết, thực hiện./."
        ),
        ["9980/BTC-QLN | 2020-08-17"],
        [("", "Bộ Tài chính", "2020-09-30", None, "", False)],
    ),
    (
        "dash_items",
        "vpcp",
        "7304/VPCP-CN",
        "V/v đầu tư hạ tầng khu công nghiệp",
        "05 tháng 10 năm 2021",
        "2021-10-05",
        ["Bộ Kế hoạch và Đầu tư", f"{UB} Long An"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Long An tại văn bản số 5510/UBND-KT ngày 22 tháng "
            "9 năm 2021 về đầu tư hạ tầng khu công nghiệp, Phó Thủ tướng Lê Văn Thành có ý kiến như "
            "sau:\n"
            "- Ủy ban nhân dân tỉnh Long An chịu trách nhiệm toàn diện về việc lựa chọn nhà đầu tư.\n"
            "- Bộ Kế hoạch và Đầu tư hướng dẫn Ủy ban nhân dân tỉnh Long An thực hiện thủ tục đầu tư "
            "theo quy định.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["5510/UBND-KT | 2021-09-22"],
        [
            ("", f"{UB} Long An", None, None, "", True),
            ("", "Bộ Kế hoạch và Đầu tư", None, None, "", False),
        ],
    ),
    (
        "lettered_under_numbered",
        "vpcp",
        "3390/VPCP-NN",
        "V/v phòng, chống sạt lở bờ sông",
        "24 tháng 5 năm 2023",
        "2023-05-24",
        ["Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài chính", f"{UB} An Giang"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh An Giang tại văn bản số 610/UBND-KTN ngày 08 tháng "
            "5 năm 2023 về phòng, chống sạt lở bờ sông, Phó Thủ tướng Trần Lưu Quang có ý kiến như "
            "sau:\n"
            "1. Về hỗ trợ kinh phí:\n"
            "a) Bộ Tài chính chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư xem xét, đề xuất mức hỗ trợ "
            "từ nguồn dự phòng ngân sách trung ương.\n"
            "b) Ủy ban nhân dân tỉnh An Giang rà soát, xác định nhu cầu kinh phí, gửi Bộ Tài chính "
            "trước ngày 31 tháng 5 năm 2023.\n"
            "2. Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn địa phương các giải pháp kỹ thuật "
            "xử lý sạt lở.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["610/UBND-KTN | 2023-05-08"],
        [
            ("1.a", "Bộ Tài chính", None, None, "Bộ Kế hoạch và Đầu tư", False),
            ("1.b", f"{UB} An Giang", "2023-05-31", None, "", False),
            ("2", "Bộ Nông nghiệp và Phát triển nông thôn", None, None, "", False),
        ],
    ),
    (
        "quarterly_report",
        "vpcp",
        "1190/VPCP-KTTH",
        "V/v theo dõi tiến độ cổ phần hóa",
        "22 tháng 2 năm 2020",
        "2020-02-22",
        ["Bộ Tài chính"],
        (
            "Xét báo cáo của Bộ Tài chính tại văn bản số 1502/BTC-TCDN ngày 10 tháng 2 năm 2020 về "
            "tiến độ cổ phần hóa doanh nghiệp nhà nước, Phó Thủ tướng Vương Đình Huệ có ý kiến như "
            "sau:\n"
            "Bộ Tài chính theo dõi, đôn đốc các bộ, địa phương đẩy nhanh tiến độ cổ phần hóa, định "
            "kỳ hằng quý báo cáo Thủ tướng Chính phủ.\n"
            "Văn phòng Chính phủ thông báo để Bộ Tài chính biết, thực hiện./."
        ),
        ["1502/BTC-TCDN | 2020-02-10"],
        [("", "Bộ Tài chính", None, "quarterly", "", False)],
    ),
    (
        "group_addressees",
        "vpcp",
        "9930/VPCP-KTTH",
        "V/v báo cáo tình hình giải ngân vốn đầu tư công",
        "30 tháng 12 năm 2021",
        "2021-12-30",
        [
            "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ],
        (
            "Thủ tướng Chính phủ yêu cầu các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban "
            "nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo tình hình giải ngân vốn đầu "
            "tư công năm 2021, gửi Bộ Kế hoạch và Đầu tư trước ngày 15 tháng 1 năm 2022.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        [],
        [
            (
                "",
                (
                    "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh, "
                    "thành phố trực thuộc Trung ương"
                ),
                "2022-01-15",
                None,
                "",
                False,
            )
        ],
    ),
    (
        "state_bank_lead",
        "vpcp",
        "2044/VPCP-KTTH",
        "V/v cơ cấu lại nợ cho khách hàng",
        "31 tháng 3 năm 2023",
        "2023-03-31",
        ["Ngân hàng Nhà nước Việt Nam"],
        (
            "Xét đề nghị của Ủy ban nhân dân tỉnh Sơn La tại văn bản số 780/UBND-KT ngày 15 tháng 3 "
            "năm 2023 về cơ cấu lại nợ cho khách hàng, Phó Thủ tướng Lê Minh Khái có ý kiến như sau:\n"
            "Giao Ngân hàng Nhà nước Việt Nam nghiên cứu, xử lý kiến nghị của Ủy ban nhân dân tỉnh Sơn "
            "La theo thẩm quyền, trả lời địa phương.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
        ),
        ["780/UBND-KT | 2023-03-15"],
        [("", "Ngân hàng Nhà nước Việt Nam", None, None, "", False)],
    ),
]


def _short(pid, number, subject, date, iso, recipients, body, refs, tasks, head="vpcp"):
    return (pid, head, number, subject, date, iso, recipients, body, refs, tasks)


_CLOSE = "\nVăn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./."
_PTTG = ", Phó Thủ tướng Phạm Bình Minh có ý kiến như sau:\n"

PROBES += [
    _short(
        "ban_chi_dao_lead",
        "1102/VPCP-QHĐP",
        "V/v tổ chức hội nghị xúc tiến đầu tư",
        "18 tháng 2 năm 2020",
        "2020-02-18",
        ["Bộ Kế hoạch và Đầu tư", f"{UB} Kiên Giang"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Kiên Giang tại văn bản số 210/UBND-KT ngày 04 tháng "
        "2 năm 2020" + _PTTG + "Đồng ý Ủy ban nhân dân tỉnh Kiên Giang tổ chức Hội nghị xúc tiến "
        "đầu tư năm 2020. Ủy ban nhân dân tỉnh Kiên Giang phối hợp với Bộ Kế hoạch và Đầu tư "
        "chuẩn bị chu đáo nội dung Hội nghị." + _CLOSE,
        ["210/UBND-KT | 2020-02-04"],
        [
            ("", f"{UB} Kiên Giang", None, None, "", True),
            ("", f"{UB} Kiên Giang", None, None, "Bộ Kế hoạch và Đầu tư", False),
        ],
    ),
    _short(
        "ethnic_committee",
        "5530/VPCP-QHĐP",
        "V/v chính sách hỗ trợ đồng bào dân tộc thiểu số",
        "11 tháng 8 năm 2021",
        "2021-08-11",
        ["Ủy ban Dân tộc"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Điện Biên tại văn bản số 2240/UBND-DT ngày 26 tháng "
        "7 năm 2021" + _PTTG + "Giao Ủy ban Dân tộc chủ trì, phối hợp với các bộ, cơ quan liên "
        "quan nghiên cứu, đề xuất chính sách hỗ trợ, báo cáo Thủ tướng Chính phủ trong năm 2021."
        + _CLOSE,
        ["2240/UBND-DT | 2021-07-26"],
        [("", "Ủy ban Dân tộc", "2021-12-31", None, "Các bộ, cơ quan liên quan", False)],
    ),
    _short(
        "state_group_lead",
        "3051/VPCP-CN",
        "V/v cấp điện cho các xã đảo",
        "12 tháng 5 năm 2021",
        "2021-05-12",
        ["Tập đoàn Điện lực Việt Nam", "Bộ Công Thương"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Quảng Ninh tại văn bản số 2790/UBND-CN ngày 26 "
        "tháng 4 năm 2021 về cấp điện cho các xã đảo" + _PTTG + "Tập đoàn Điện lực Việt Nam "
        "nghiên cứu, đầu tư cấp điện lưới quốc gia cho các xã đảo; Bộ Công Thương theo dõi, "
        "đôn đốc thực hiện." + _CLOSE,
        ["2790/UBND-CN | 2021-04-26"],
        [
            ("", "Tập đoàn Điện lực Việt Nam", None, None, "", False),
            ("", "Bộ Công Thương", None, None, "", False),
        ],
    ),
    _short(
        "two_ministries_subject",
        "4720/VPCP-KGVX",
        "V/v xây dựng bệnh viện vệ tinh",
        "15 tháng 7 năm 2020",
        "2020-07-15",
        ["Bộ Y tế", "Bộ Kế hoạch và Đầu tư"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Thái Bình tại văn bản số 3020/UBND-VX ngày 29 tháng "
        "6 năm 2020" + _PTTG + "Bộ Y tế, Bộ Kế hoạch và Đầu tư xem xét đề nghị của Ủy ban nhân "
        "dân tỉnh Thái Bình, xử lý theo thẩm quyền." + _CLOSE,
        ["3020/UBND-VX | 2020-06-29"],
        [("", "Bộ Y tế; Bộ Kế hoạch và Đầu tư", None, None, "", False)],
    ),
    _short(
        "ministry_opinion_and_to_trinh_noun_list",
        "2150/VPCP-NN",
        "V/v chuyển đổi đất trồng lúa",
        "03 tháng 4 năm 2022",
        "2022-04-03",
        ["Bộ Tài nguyên và Môi trường", f"{UB} Hậu Giang"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Hậu Giang tại các Tờ trình số 21/TTr-UBND, số "
        "33/TTr-UBND về chuyển đổi đất trồng lúa" + _PTTG + "Bộ Tài nguyên và Môi trường chủ "
        "trì, phối hợp với các cơ quan liên quan xem xét, giải quyết theo thẩm quyền." + _CLOSE,
        ["21/TTr-UBND | -", "33/TTr-UBND | -"],
        [("", "Bộ Tài nguyên và Môi trường", None, None, "Các cơ quan liên quan", False)],
    ),
    _short(
        "province_chu_dong",
        "6780/VPCP-KTTH",
        "V/v hỗ trợ khắc phục thiệt hại do bão",
        "20 tháng 10 năm 2022",
        "2022-10-20",
        [f"{UB} Quảng Trị", "Bộ Tài chính"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Quảng Trị tại văn bản số 4410/UBND-TC ngày 10 tháng "
        "10 năm 2022" + _PTTG + "1. Ủy ban nhân dân tỉnh Quảng Trị chủ động sử dụng ngân sách "
        "địa phương để khắc phục thiệt hại.\n2. Bộ Tài chính xem xét hỗ trợ bổ sung từ dự phòng "
        "ngân sách trung ương, báo cáo Thủ tướng Chính phủ trước ngày 05 tháng 11 năm 2022."
        + _CLOSE,
        ["4410/UBND-TC | 2022-10-10"],
        [
            ("1", f"{UB} Quảng Trị", None, None, "", False),
            ("2", "Bộ Tài chính", "2022-11-05", None, "", False),
        ],
    ),
    _short(
        "inspectorate_lead",
        "8710/VPCP-V.I",
        "V/v kiểm tra việc thực hiện kết luận thanh tra",
        "06 tháng 12 năm 2022",
        "2022-12-06",
        ["Thanh tra Chính phủ", f"{UB} Trà Vinh"],
        "Xét báo cáo của Thanh tra Chính phủ tại văn bản số 2210/TTCP-C.III ngày 22 tháng 11 năm "
        "2022" + _PTTG + "Giao Thanh tra Chính phủ theo dõi, đôn đốc Ủy ban nhân dân tỉnh Trà "
        "Vinh thực hiện kết luận thanh tra; Ủy ban nhân dân tỉnh Trà Vinh báo cáo kết quả thực "
        "hiện trước ngày 31 tháng 1 năm 2023." + _CLOSE,
        ["2210/TTCP-C.III | 2022-11-22"],
        [
            ("", "Thanh tra Chính phủ", None, None, "", False),
            ("", f"{UB} Trà Vinh", "2023-01-31", None, "", False),
        ],
    ),
    _short(
        "ky_chief_signer",
        "1010/VPCP-TH",
        "V/v đôn đốc thực hiện nhiệm vụ",
        "14 tháng 2 năm 2024",
        "2024-02-14",
        ["Bộ Nội vụ"],
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ, Văn phòng Chính phủ đề nghị Bộ Nội vụ khẩn "
        "trương hoàn thành Đề án sắp xếp đơn vị hành chính, trình Chính phủ trong tháng 3 năm "
        "2024./.",
        [],
        [("", "Bộ Nội vụ", "2024-03-31", None, "", False)],
        head="vpcp_chief",
    ),
    _short(
        "khong_dong_y_then_giao",
        "2430/VPCP-CN",
        "V/v đề xuất bổ sung quy hoạch",
        "10 tháng 4 năm 2023",
        "2023-04-10",
        ["Bộ Công Thương", f"{UB} Bạc Liêu"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Bạc Liêu tại văn bản số 1520/UBND-KT ngày 24 tháng "
        "3 năm 2023 về bổ sung dự án điện gió vào quy hoạch" + _PTTG + "Bộ Công Thương căn cứ "
        "quy hoạch điện đã được phê duyệt, hướng dẫn Ủy ban nhân dân tỉnh Bạc Liêu thực hiện "
        "theo quy định." + _CLOSE,
        ["1520/UBND-KT | 2023-03-24"],
        [("", "Bộ Công Thương", None, None, "", False)],
    ),
    _short(
        "province_nghien_cuu_tiep_thu",
        "3340/VPCP-KTTH",
        "V/v phương án phân bổ vốn",
        "16 tháng 5 năm 2022",
        "2022-05-16",
        [f"{UB} Lai Châu"],
        "Về đề nghị của Ủy ban nhân dân tỉnh Lai Châu (văn bản số 1440/UBND-KTTH ngày 28 tháng 4 "
        "năm 2022) và ý kiến của Bộ Kế hoạch và Đầu tư (văn bản số 2812/BKHĐT-TH ngày 10 tháng 5 "
        "năm 2022)" + _PTTG + "Ủy ban nhân dân tỉnh Lai Châu nghiên cứu, tiếp thu ý kiến của Bộ "
        "Kế hoạch và Đầu tư tại văn bản nêu trên để thực hiện theo quy định." + _CLOSE,
        ["1440/UBND-KTTH | 2022-04-28", "2812/BKHĐT-TH | 2022-05-10"],
        [("", f"{UB} Lai Châu", None, None, "", False)],
    ),
]

PROBES += [
    _short(
        "thu_tuong_dong_y",
        "7120/VPCP-QHQT",
        "V/v tiếp nhận viện trợ",
        "12 tháng 10 năm 2021",
        "2021-10-12",
        ["Bộ Ngoại giao", f"{UB} Cao Bằng"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Cao Bằng tại văn bản số 2860/UBND-NV ngày 30 tháng "
        "9 năm 2021 về tiếp nhận viện trợ, Thủ tướng Chính phủ có ý kiến như sau:\n"
        "Thủ tướng Chính phủ đồng ý Ủy ban nhân dân tỉnh Cao Bằng tiếp nhận khoản viện trợ nêu "
        "trên. Ủy ban nhân dân tỉnh Cao Bằng quản lý, sử dụng khoản viện trợ đúng mục đích, hiệu "
        "quả theo quy định." + _CLOSE,
        ["2860/UBND-NV | 2021-09-30"],
        [
            ("", f"{UB} Cao Bằng", None, None, "", True),
            ("", f"{UB} Cao Bằng", None, None, "", False),
        ],
    ),
    _short(
        "abbreviated_ubnd",
        "4012/VPCP-NN",
        "V/v xây dựng hồ chứa nước",
        "18 tháng 6 năm 2021",
        "2021-06-18",
        ["Bộ Nông nghiệp và Phát triển nông thôn", "UBND tỉnh Ninh Thuận"],
        "Xét đề nghị của UBND tỉnh Ninh Thuận tại văn bản số 2510/UBND-KT ngày 03/6/2021 về xây "
        "dựng hồ chứa nước" + _PTTG + "Giao Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối "
        "hợp với UBND tỉnh Ninh Thuận nghiên cứu, đề xuất phương án đầu tư hồ chứa nước, báo cáo "
        "Thủ tướng Chính phủ trước ngày 30/7/2021." + _CLOSE,
        ["2510/UBND-KT | 2021-06-03"],
        [
            (
                "",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "2021-07-30",
                None,
                f"{UB} Ninh Thuận",
                False,
            )
        ],
    ),
    _short(
        "ministry_of_construction_short",
        "9520/VPCP-CN",
        "V/v điều chỉnh cục bộ quy hoạch chung",
        "20 tháng 11 năm 2019",
        "2019-11-20",
        ["Bộ Xây dựng"],
        "Văn phòng Chính phủ nhận được Tờ trình số 77/TTr-UBND ngày 06 tháng 11 năm 2019 của Ủy "
        "ban nhân dân tỉnh Vĩnh Long về điều chỉnh cục bộ quy hoạch chung. Về việc này, Phó Thủ "
        "tướng Trịnh Đình Dũng có ý kiến như sau:\nBộ Xây dựng nghiên cứu đề nghị của Ủy ban nhân "
        "dân tỉnh Vĩnh Long, có ý kiến bằng văn bản, báo cáo Thủ tướng Chính phủ." + _CLOSE,
        ["77/TTr-UBND | 2019-11-06"],
        [("", "Bộ Xây dựng", None, None, "", False)],
    ),
    _short(
        "province_and_bo_jointly_coordinate",
        "5670/VPCP-KTN",
        "V/v dự án cấp nước sinh hoạt",
        "02 tháng 8 năm 2019",
        "2019-08-02",
        ["Bộ Xây dựng", f"{UB} Bến Tre"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Bến Tre tại văn bản số 3011/UBND-XD ngày 19 tháng 7 "
        "năm 2019" + _PTTG + "Ủy ban nhân dân tỉnh Bến Tre chủ trì, phối hợp với Bộ Xây dựng và "
        "các cơ quan liên quan xây dựng phương án cấp nước sinh hoạt, hoàn thành trong năm 2019."
        + _CLOSE,
        ["3011/UBND-XD | 2019-07-19"],
        [("", f"{UB} Bến Tre", "2019-12-31", None, "Bộ Xây dựng; Các cơ quan liên quan", False)],
    ),
    _short(
        "numbered_without_approval",
        "2560/VPCP-KGVX",
        "V/v tổ chức lễ hội văn hóa",
        "10 tháng 4 năm 2024",
        "2024-04-10",
        ["Bộ Văn hóa, Thể thao và Du lịch", f"{UB} Ninh Bình"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Ninh Bình tại văn bản số 720/UBND-VP5 ngày 28 tháng "
        "3 năm 2024" + _PTTG + "1. Ủy ban nhân dân tỉnh Ninh Bình chủ trì tổ chức Lễ hội bảo đảm "
        "trang trọng, an toàn, tiết kiệm.\n2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn, hỗ trợ "
        "địa phương trong quá trình tổ chức." + _CLOSE,
        ["720/UBND-VP5 | 2024-03-28"],
        [
            ("1", f"{UB} Ninh Bình", None, None, "", False),
            ("2", "Bộ Văn hóa, Thể thao và Du lịch", None, None, "", False),
        ],
    ),
    _short(
        "hang_nam_report",
        "3890/VPCP-NN",
        "V/v theo dõi tình hình hạn mặn",
        "04 tháng 6 năm 2020",
        "2020-06-04",
        ["Bộ Nông nghiệp và Phát triển nông thôn"],
        "Xét báo cáo của Bộ Nông nghiệp và Phát triển nông thôn tại văn bản số 3520/BNN-TCTL "
        "ngày 25 tháng 5 năm 2020" + _PTTG + "Bộ Nông nghiệp và Phát triển nông thôn tiếp tục "
        "theo dõi chặt chẽ diễn biến hạn mặn, hằng tháng báo cáo Thủ tướng Chính phủ." + _CLOSE,
        ["3520/BNN-TCTL | 2020-05-25"],
        [("", "Bộ Nông nghiệp và Phát triển nông thôn", None, "monthly", "", False)],
    ),
    _short(
        "two_opinions_semicolon",
        "6120/VPCP-KTTH",
        "V/v bổ sung vốn điều lệ",
        "25 tháng 8 năm 2021",
        "2021-08-25",
        ["Bộ Tài chính", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"],
        "Xét đề nghị của Ủy ban Quản lý vốn nhà nước tại doanh nghiệp tại văn bản số 1210/UBQLV-"
        "TH ngày 05 tháng 8 năm 2021; ý kiến của Bộ Tài chính tại văn bản số 9050/BTC-TCDN ngày "
        "16 tháng 8 năm 2021" + _PTTG + "Bộ Tài chính chủ trì, phối hợp với Ủy ban Quản lý vốn "
        "nhà nước tại doanh nghiệp xử lý theo quy định, báo cáo Thủ tướng Chính phủ vấn đề vượt "
        "thẩm quyền." + _CLOSE,
        ["1210/UBQLV-TH | 2021-08-05", "9050/BTC-TCDN | 2021-08-16"],
        [("", "Bộ Tài chính", None, None, "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", False)],
    ),
    _short(
        "btc_giao_province",
        "7740/BTC-QLCS",
        "V/v xử lý tài sản công",
        "28 tháng 7 năm 2022",
        "2022-07-28",
        [f"{UB} Đồng Tháp"],
        "Bộ Tài chính nhận được văn bản số 1890/UBND-KT ngày 12 tháng 7 năm 2022 của Ủy ban nhân "
        "dân tỉnh Đồng Tháp về xử lý tài sản công. Về việc này, Bộ Tài chính có ý kiến như sau:\n"
        "Ủy ban nhân dân tỉnh Đồng Tháp căn cứ quy định tại Nghị định số 167/2017/NĐ-CP ngày 31 "
        "tháng 12 năm 2017 của Chính phủ quyết định phương án xử lý theo thẩm quyền.\n"
        "Bộ Tài chính có ý kiến để Ủy ban nhân dân tỉnh Đồng Tháp biết, thực hiện./.",
        ["1890/UBND-KT | 2022-07-12", "167/2017/NĐ-CP | 2017-12-31"],
        [("", f"{UB} Đồng Tháp", None, None, "", False)],
        head="btc",
    ),
    _short(
        "de_nghi_ministry_outside",
        "4530/VPCP-PL",
        "V/v góp ý dự thảo Nghị định",
        "24 tháng 6 năm 2023",
        "2023-06-24",
        ["Bộ Tư pháp", "Bộ Tài chính"],
        "Thực hiện chỉ đạo của Phó Thủ tướng Lê Minh Khái, Văn phòng Chính phủ đề nghị các Bộ: "
        "Tư pháp, Tài chính có ý kiến về dự thảo Nghị định (gửi kèm), gửi Văn phòng Chính phủ "
        "trước ngày 05 tháng 7 năm 2023./.",
        [],
        [("", "Bộ Tư pháp; Bộ Tài chính", "2023-07-05", None, "", False)],
    ),
    _short(
        "ttg_quarter_deadline",
        "890/TTg-NN",
        "V/v xây dựng đề án phát triển lâm nghiệp",
        "11 tháng 9 năm 2023",
        "2023-09-11",
        ["Bộ Nông nghiệp và Phát triển nông thôn"],
        "Xét đề nghị của Bộ Nông nghiệp và Phát triển nông thôn tại Tờ trình số 5050/TTr-BNN-LN "
        "ngày 20 tháng 8 năm 2023, Thủ tướng Chính phủ có ý kiến như sau:\n"
        "Bộ Nông nghiệp và Phát triển nông thôn khẩn trương hoàn thiện Đề án phát triển lâm "
        "nghiệp bền vững, trình Thủ tướng Chính phủ trong quý IV năm 2023.",
        ["5050/TTr-BNN-LN | 2023-08-20"],
        [("", "Bộ Nông nghiệp và Phát triển nông thôn", "2023-12-31", None, "", False)],
        head="ttg",
    ),
]

# second batch: forwarding with a purpose, inline colons, agency headings over lettered items,
# a number with a space, a two-line subject, "có trách nhiệm", a second number sharing "số"
PROBES += [
    _short(
        "xin_chuyen_de_xem_xet",
        "7710/VPCP-CN",
        "V/v kiến nghị của doanh nghiệp",
        "03 tháng 11 năm 2021",
        "2021-11-03",
        ["Bộ Công Thương"],
        "Văn phòng Chính phủ xin chuyển văn bản số 3012/UBND-KT ngày 20 tháng 10 năm 2021 của Ủy "
        "ban nhân dân tỉnh Bình Thuận (bản chụp kèm theo) đến Bộ Công Thương để xem xét, xử lý "
        "theo thẩm quyền, trả lời địa phương./.",
        ["3012/UBND-KT | 2021-10-20"],
        [("", "Bộ Công Thương", None, None, "", False)],
    ),
    _short(
        "inline_colon_opinion",
        "1880/VPCP-NN",
        "V/v phòng, chống dịch tả lợn châu Phi",
        "19 tháng 3 năm 2019",
        "2019-03-19",
        ["Bộ Nông nghiệp và Phát triển nông thôn"],
        "Về đề nghị của Bộ Nông nghiệp và Phát triển nông thôn tại Tờ trình số 1650/TTr-BNN-TY "
        "ngày 08/3/2019, Phó Thủ tướng Trịnh Đình Dũng có ý kiến: Bộ Nông nghiệp và Phát triển "
        "nông thôn chủ trì, phối hợp với các địa phương tổ chức tiêu hủy lợn bệnh, báo cáo Thủ "
        "tướng Chính phủ trước ngày 31/3/2019." + _CLOSE,
        ["1650/TTr-BNN-TY | 2019-03-08"],
        [
            (
                "",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "2019-03-31",
                None,
                "Các địa phương",
                False,
            )
        ],
    ),
    _short(
        "agency_heading_lettered",
        "5260/VPCP-KTTH",
        "V/v xử lý vướng mắc về thuế",
        "27 tháng 7 năm 2022",
        "2022-07-27",
        ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Vĩnh Phúc tại văn bản số 4210/UBND-KT1 ngày 11 "
        "tháng 7 năm 2022" + _PTTG + "1. Bộ Tài chính:\na) Hướng dẫn Ủy ban nhân dân tỉnh Vĩnh "
        "Phúc xử lý vướng mắc về thuế theo quy định;\nb) Tổng hợp kiến nghị sửa đổi chính sách "
        "thuế, báo cáo Chính phủ trong quý IV năm 2022.\n2. Bộ Kế hoạch và Đầu tư theo dõi, hướng "
        "dẫn thủ tục đầu tư." + _CLOSE,
        ["4210/UBND-KT1 | 2022-07-11"],
        [
            ("1.a", "Bộ Tài chính", None, None, "", False),
            ("1.b", "Bộ Tài chính", "2022-12-31", None, "", False),
            ("2", "Bộ Kế hoạch và Đầu tư", None, None, "", False),
        ],
    ),
    _short(
        "number_with_space_two_line_subject",
        "3125 /VPCP-KGVX",
        "V/v tổ chức kỷ niệm 100 năm ngày sinh\nđồng chí lãnh đạo tiền bối",
        "05 tháng 5 năm 2023",
        "2023-05-05",
        ["Bộ Văn hóa, Thể thao và Du lịch", f"{UB} Hà Tĩnh"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Hà Tĩnh tại văn bản số 1720/UBND-VX ngày 20 tháng 4 "
        "năm 2023" + _PTTG + "Ủy ban nhân dân tỉnh Hà Tĩnh chủ trì, phối hợp với Bộ Văn hóa, "
        "Thể thao và Du lịch tổ chức Lễ kỷ niệm trang trọng, tiết kiệm." + _CLOSE,
        ["1720/UBND-VX | 2023-04-20"],
        [("", f"{UB} Hà Tĩnh", None, None, "Bộ Văn hóa, Thể thao và Du lịch", False)],
    ),
    _short(
        "co_trach_nhiem_verb",
        "6040/VPCP-KTN",
        "V/v bảo vệ hành lang an toàn đường bộ",
        "14 tháng 8 năm 2019",
        "2019-08-14",
        [f"{UB} Hòa Bình"],
        "Xét báo cáo của Bộ Giao thông vận tải tại văn bản số 7020/BGTVT-KCHT ngày 31 tháng 7 năm "
        "2019" + _PTTG + "Ủy ban nhân dân tỉnh Hòa Bình có trách nhiệm chỉ đạo giải tỏa các "
        "công trình vi phạm hành lang an toàn đường bộ, hoàn thành trước ngày 30 tháng 9 năm "
        "2019." + _CLOSE,
        ["7020/BGTVT-KCHT | 2019-07-31"],
        [("", f"{UB} Hòa Bình", "2019-09-30", None, "", False)],
    ),
    _short(
        "va_so_second_number",
        "2690/VPCP-CN",
        "V/v bổ sung danh mục dự án",
        "15 tháng 4 năm 2022",
        "2022-04-15",
        ["Bộ Kế hoạch và Đầu tư"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Bắc Giang tại Công văn số 1102/UBND-KTN ngày "
        "05/4/2022 và số 1180/UBND-KTN ngày 11/4/2022" + _PTTG + "Giao Bộ Kế hoạch và Đầu tư "
        "xem xét, xử lý theo thẩm quyền." + _CLOSE,
        ["1102/UBND-KTN | 2022-04-05", "1180/UBND-KTN | 2022-04-11"],
        [("", "Bộ Kế hoạch và Đầu tư", None, None, "", False)],
    ),
    _short(
        "dong_y_semicolon_giao",
        "4930/VPCP-QHQT",
        "V/v đón đoàn công tác nước ngoài",
        "19 tháng 7 năm 2022",
        "2022-07-19",
        ["Bộ Ngoại giao"],
        "Xét đề nghị của Bộ Ngoại giao tại văn bản số 2640/BNG-LT ngày 12 tháng 7 năm 2022, Phó "
        "Thủ tướng Phạm Bình Minh đồng ý đề nghị của Bộ Ngoại giao tại văn bản nêu trên; giao Bộ "
        "Ngoại giao chủ trì, phối hợp với Bộ Công an tổ chức đón tiếp đoàn chu đáo, an toàn."
        + _CLOSE,
        ["2640/BNG-LT | 2022-07-12"],
        [
            ("", "Bộ Ngoại giao", None, None, "", True),
            ("", "Bộ Ngoại giao", None, None, "Bộ Công an", False),
        ],
    ),
    _short(
        "bo_noi_vu_letter",
        "3510/BNV-CQĐP",
        "V/v hoàn thiện hồ sơ đề án",
        "22 tháng 6 năm 2023",
        "2023-06-22",
        [f"{UB} Quảng Bình"],
        "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại văn bản số 440/VPCP-V.I ngày 02 "
        "tháng 6 năm 2023 của Văn phòng Chính phủ, Bộ Nội vụ đề nghị Ủy ban nhân dân tỉnh Quảng "
        "Bình hoàn thiện hồ sơ Đề án, gửi về Bộ Nội vụ trước ngày 10 tháng 7 năm 2023 để thẩm "
        "định.\nBộ Nội vụ đề nghị Ủy ban nhân dân tỉnh Quảng Bình quan tâm, thực hiện./.",
        ["440/VPCP-V.I | 2023-06-02"],
        [("", f"{UB} Quảng Bình", "2023-07-10", None, "", False)],
        head="bnv",
    ),
    _short(
        "coordinators_ministry_and_province",
        "8890/VPCP-NN",
        "V/v xử lý sự cố đê điều",
        "20 tháng 12 năm 2022",
        "2022-12-20",
        ["Bộ Nông nghiệp và Phát triển nông thôn"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Thái Bình tại văn bản số 5210/UBND-NNTNMT ngày 05 "
        "tháng 12 năm 2022" + _PTTG + "Giao Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối "
        "hợp với Bộ Tài chính và Ủy ban nhân dân tỉnh Thái Bình kiểm tra hiện trường, đề xuất "
        "biện pháp xử lý sự cố đê điều." + _CLOSE,
        ["5210/UBND-NNTNMT | 2022-12-05"],
        [
            (
                "",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                None,
                None,
                f"Bộ Tài chính; {UB} Thái Bình",
                False,
            )
        ],
    ),
    _short(
        "dong_thoi_gui",
        "1490/VPCP-KTTH",
        "V/v báo cáo nhu cầu vốn",
        "10 tháng 3 năm 2023",
        "2023-03-10",
        ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
        "Thủ tướng Chính phủ yêu cầu Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương "
        "báo cáo nhu cầu vốn gửi Bộ Tài chính trước ngày 25 tháng 3 năm 2023, đồng thời gửi Bộ "
        "Kế hoạch và Đầu tư để tổng hợp, báo cáo Thủ tướng Chính phủ." + _CLOSE,
        [],
        [
            (
                "",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                "2023-03-25",
                None,
                "",
                False,
            ),
            ("", "Bộ Kế hoạch và Đầu tư", None, None, "", True),
        ],
    ),
]

# third batch: ministers of a colon list, references in brackets after each ministry,
# "chậm nhất", a conditional report, approvals alone, half-yearly reports
PROBES += [
    _short(
        "pttg_giao_province_chi_dao",
        "7410/VPCP-V.I",
        "V/v giải quyết kiến nghị của công dân",
        "11 tháng 10 năm 2022",
        "2022-10-11",
        [f"{UB} Phú Thọ"],
        "Xét kiến nghị của công dân tại đơn đề ngày 20 tháng 9 năm 2022, Phó Thủ tướng Trần Lưu "
        "Quang giao Ủy ban nhân dân tỉnh Phú Thọ chỉ đạo kiểm tra, giải quyết kiến nghị theo quy "
        "định, trả lời công dân." + _CLOSE,
        [],
        [("", f"{UB} Phú Thọ", None, None, "", False)],
    ),
    _short(
        "refs_in_brackets_per_ministry",
        "7720/VPCP-PL",
        "V/v dự thảo Nghị định về quản lý nợ công",
        "03 tháng 10 năm 2020",
        "2020-10-03",
        ["Bộ Tài chính"],
        "Xét đề nghị của Bộ Tài chính (Tờ trình số 110/TTr-BTC ngày 15 tháng 9 năm 2020), ý kiến "
        "các Bộ: Tư pháp (văn bản số 3120/BTP-PLDSKT ngày 22 tháng 9 năm 2020), Kế hoạch và Đầu "
        "tư (văn bản số 7640/BKHĐT-TH ngày 25 tháng 9 năm 2020)" + _PTTG + "Bộ Tài chính tiếp "
        "thu ý kiến các Bộ, hoàn thiện dự thảo Nghị định, trình Chính phủ trong tháng 10 năm 2020."
        + _CLOSE,
        ["110/TTr-BTC | 2020-09-15", "3120/BTP-PLDSKT | 2020-09-22", "7640/BKHĐT-TH | 2020-09-25"],
        [("", "Bộ Tài chính", "2020-10-31", None, "", False)],
    ),
    _short(
        "ministers_colon_list",
        "9210/VPCP-CN",
        "V/v cung ứng xăng dầu",
        "19 tháng 10 năm 2022",
        "2022-10-19",
        ["Bộ Tài chính", "Bộ Công Thương"],
        "Thủ tướng Chính phủ giao Bộ trưởng các Bộ: Công Thương, Tài chính theo chức năng, nhiệm "
        "vụ được giao chỉ đạo bảo đảm cung ứng xăng dầu cho thị trường, báo cáo Thủ tướng Chính "
        "phủ chậm nhất ngày 25 tháng 10 năm 2022." + _CLOSE,
        [],
        [("", "Bộ Công Thương; Bộ Tài chính", "2022-10-25", None, "", False)],
    ),
    _short(
        "approval_and_responsibility_only",
        "2310/VPCP-CN",
        "V/v điều chỉnh chủ trương đầu tư",
        "06 tháng 4 năm 2021",
        "2021-04-06",
        [f"{UB} Tây Ninh"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Tây Ninh tại Tờ trình số 14/TTr-UBND ngày 15 tháng "
        "3 năm 2021" + _PTTG + "Đồng ý đề xuất của Ủy ban nhân dân tỉnh Tây Ninh về điều chỉnh "
        "chủ trương đầu tư dự án. Ủy ban nhân dân tỉnh Tây Ninh chịu trách nhiệm về tính chính "
        "xác của nội dung, số liệu báo cáo." + _CLOSE,
        ["14/TTr-UBND | 2021-03-15"],
        [
            ("", f"{UB} Tây Ninh", None, None, "", True),
            ("", f"{UB} Tây Ninh", None, None, "", True),
        ],
    ),
    _short(
        "vpcp_opinion_de_nghi_province",
        "5830/VPCP-KTTH",
        "V/v sử dụng nguồn tăng thu ngân sách",
        "17 tháng 8 năm 2022",
        "2022-08-17",
        [f"{UB} Bình Dương"],
        "Văn phòng Chính phủ nhận được văn bản số 3810/UBND-KT ngày 05 tháng 8 năm 2022 của Ủy ban "
        "nhân dân tỉnh Bình Dương. Về việc này, Văn phòng Chính phủ có ý kiến như sau:\n"
        "Đề nghị Ủy ban nhân dân tỉnh Bình Dương căn cứ quy định của Luật Ngân sách nhà nước, "
        "quyết định việc sử dụng nguồn tăng thu theo thẩm quyền." + _CLOSE,
        ["3810/UBND-KT | 2022-08-05"],
        [("", f"{UB} Bình Dương", None, None, "", False)],
    ),
    _short(
        "half_yearly_report",
        "4470/VPCP-KGVX",
        "V/v thực hiện chính sách đối với người có công",
        "28 tháng 6 năm 2021",
        "2021-06-28",
        ["Bộ Lao động - Thương binh và Xã hội"],
        "Xét báo cáo của Bộ Lao động - Thương binh và Xã hội tại văn bản số 1920/LĐTBXH-NCC ngày "
        "10 tháng 6 năm 2021" + _PTTG + "Bộ Lao động - Thương binh và Xã hội theo dõi việc thực "
        "hiện chính sách, định kỳ 6 tháng báo cáo Thủ tướng Chính phủ." + _CLOSE,
        ["1920/LĐTBXH-NCC | 2021-06-10"],
        [("", "Bộ Lao động - Thương binh và Xã hội", None, "half-yearly", "", False)],
    ),
    _short(
        "conditional_report",
        "3370/VPCP-NN",
        "V/v giao khu vực biển",
        "20 tháng 5 năm 2022",
        "2022-05-20",
        ["Bộ Tài nguyên và Môi trường"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Bình Định tại văn bản số 2510/UBND-KT ngày 06 tháng "
        "5 năm 2022" + _PTTG + "Bộ Tài nguyên và Môi trường xem xét, giải quyết theo thẩm quyền; "
        "trường hợp vượt thẩm quyền, báo cáo Thủ tướng Chính phủ trong tháng 6 năm 2022." + _CLOSE,
        ["2510/UBND-KT | 2022-05-06"],
        [("", "Bộ Tài nguyên và Môi trường", "2022-06-30", None, "", False)],
    ),
    _short(
        "province_and_ministry_sentence_pair",
        "6350/VPCP-CN",
        "V/v đầu tư cảng hàng không",
        "14 tháng 9 năm 2022",
        "2022-09-14",
        ["Bộ Giao thông vận tải", f"{UB} Lai Châu"],
        "Xét đề nghị của Ủy ban nhân dân tỉnh Lai Châu tại Tờ trình số 2870/TTr-UBND ngày 25 "
        "tháng 8 năm 2022" + _PTTG + "Bộ Giao thông vận tải chủ trì nghiên cứu, bổ sung cảng hàng "
        "không vào quy hoạch. Ủy ban nhân dân tỉnh Lai Châu phối hợp, cung cấp hồ sơ, tài liệu "
        "liên quan." + _CLOSE,
        ["2870/TTr-UBND | 2022-08-25"],
        [
            ("", "Bộ Giao thông vận tải", None, None, "", False),
            ("", f"{UB} Lai Châu", None, None, "", False),
        ],
    ),
]

# a second actor after ";" and a connective with its comma, in one sentence
PROBES += [
    _short(
        "semicolon_connective_second_actor",
        "2740/VPCP-KGVX",
        "V/v hỗ trợ trang thiết bị y tế",
        "18 tháng 4 năm 2022",
        "2022-04-18",
        ["Bộ Y tế", "Bộ Tài chính", f"{UB} Sơn La"],
        "Về kiến nghị của Ủy ban nhân dân tỉnh Sơn La tại văn bản số 960/UBND-VX ngày 04 tháng 4 "
        "năm 2022, Thủ tướng Chính phủ có ý kiến như sau: Bộ Y tế, Bộ Tài chính theo chức năng, "
        "nhiệm vụ xem xét, xử lý; đồng thời, Ủy ban nhân dân tỉnh Sơn La rà soát lại nhu cầu, "
        "báo cáo Bộ Y tế trước ngày 30 tháng 4 năm 2022." + _CLOSE,
        ["960/UBND-VX | 2022-04-04"],
        [
            ("", "Bộ Y tế; Bộ Tài chính", None, None, "", False),
            ("", f"{UB} Sơn La", "2022-04-30", None, "", False),
        ],
    ),
]


def _build(probe):
    _, head, number, subject, date, _, recipients, body, _, _ = probe
    return letter(head, number, subject, date, recipients, body)


def _task_ok(row, task) -> bool:
    clause, leads, deadline, recurrence, coords, _ = row
    if task["clause"] != clause:
        return False
    names = [text(n) for n in leads.split(";") if n.strip()]
    if not leads_right(names, [text(n) for n in task["lead"]]):
        return False
    if (task["deadline"] or None) != deadline or (task["recurrence"] or None) != recurrence:
        return False
    want = [text(n) for n in coords.split(";") if n.strip()]
    return leads_right(want, [text(n) for n in task["coordinators"]])


def check(probe) -> list[str]:
    """The probe's wrong fields, empty when all agree with the contract."""
    _, head, number, subject, _, iso, recipients, _, refs, tasks = probe
    got = extract_text(_build(probe), directory=AN_GIANG).to_dict()
    _, issuer, _, (signer, _title) = HEADS[head]
    wrong = []
    meta = {
        "doc_type": "Công văn",
        "number": number.replace(" ", ""),
        "issuer": issuer,
        "place": "Hà Nội",
        "issued_date": iso,
        "subject": subject.replace("\n", " "),
    }
    for key, want in meta.items():
        if text(got[key]) != text(want):
            wrong.append(f"{key}: {got[key]!r} != {want!r}")
    # signer.name is what the scorer compares (a chief's one-line "BỘ TRƯỞNG, CHỦ NHIỆM" title
    # is read as "CHỦ NHIỆM": left to the metadata rules)
    if text((got["signer"] or {}).get("name")) != text(signer):
        wrong.append(f"signer: {got['signer']!r}")
    if [text(r) for r in got["recipients"]] != [text(r) for r in recipients]:
        wrong.append(f"recipients: {got['recipients']!r}")
    got_refs = [f"{number_key(r['number'])} | {r['date'] or '-'}" for r in got["references"]]
    want_refs = []
    for r in refs:
        n, d = (c.strip() for c in r.split("|"))
        want_refs.append(f"{number_key(n)} | {d}")
    if sorted(got_refs) != sorted(want_refs):
        wrong.append(f"references: {got_refs} != {want_refs}")
    free = list(tasks)
    for t in got["tasks"]:
        # a scored row before an optional one (the scorer's order for shared paths)
        hit = next((r for r in sorted(free, key=lambda r: r[5]) if _task_ok(r, t)), None)
        if hit is None:
            wrong.append(
                f"task not expected: {t['clause']!r} {t['lead']} {t['deadline']} "
                f"{t['recurrence']} {t['coordinators']} | {t['summary'][:70]}"
            )
        else:
            free.remove(hit)
    wrong += [f"task missing: {r}" for r in free if not r[5]]
    return wrong


# probes the engine still reads otherwise, with why (left alone this session)
KNOWN = {
    # "Bộ A chủ trì ... . Ủy ban nhân dân tỉnh B phối hợp, cung cấp hồ sơ ...": a sentence whose
    # actor only joins ("phối hợp") is read as serving the task before (fields/sentences.py
    # `_NOT_ACTING`), so B gets no task of its own and is no coordinator either
    "province_and_ministry_sentence_pair": "a joining actor's own sentence stays in the task before",
}


@pytest.mark.parametrize(
    "probe",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN[p[0]], strict=True))
        if p[0] in KNOWN
        else p
        for p in PROBES
    ],
    ids=[p[0] for p in PROBES],
)
def test_vpcp_opinion_probe(probe):
    assert check(probe) == []


def test_probe_ids_are_unique():
    ids = [p[0] for p in PROBES]
    assert len(ids) == len(set(ids)) >= 50
