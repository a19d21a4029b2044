"""Metadata probes: letterheads, number, place-date and subject lines, signature blocks in
the forms users receive (provincial and commune People's Committees of the two-level local
government, departments under a parent line, steering committees, Party committees, the
Government Office and ministries; DOCX paragraphs and table cells, PDF lines, Markdown
copies). Each probe tests one rule of the labelling contract (../shared/eval/FORMAT.md:
doc_type, number, issuer, place, issued_date, subject, signer) with its expected fields
written from the contract before the engine ran; the wording is our own.

Modes: "txt" a wrapped text (PDF, plain text), "para" DOCX paragraphs (cells joined by tabs),
"md" a Markdown file read as the app reads it. Issuers and subjects compare without case.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from case_documents import AN_GIANG

from dxtrack.extraction import extract_file, extract_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
BODY = "Kính gửi: Các sở, ban, ngành tỉnh.\nỦy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương rà soát, báo cáo kết quả trước ngày 20/3/2025.\nNơi nhận:\n- Như trên;\n- Lưu: VT."
SIGN = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Thành"

PROBES = [
    # ---------------- issuer ----------------
    (
        "iss-prov-caps",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 215/UBND-KT\n{MOTTO}\nQuảng Trị, ngày 14 tháng 7 năm 2025\nV/v rà soát hạ tầng số\n{BODY}\n{SIGN}",
        {
            "issuer": "Ủy ban nhân dân tỉnh Quảng Trị",
            "number": "215/UBND-KT",
            "place": "Quảng Trị",
            "issued_date": "2025-07-14",
        },
    ),
    (
        "iss-prov-mixed",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH Quảng Trị\nSố: 216/UBND-KT\n{MOTTO}\nQuảng Trị, ngày 15 tháng 7 năm 2025\nV/v rà soát hạ tầng số\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh Quảng Trị"},
    ),
    (
        "iss-prov-mixed-both",
        "para",
        f"UỶ BAN NHÂN DÂN\nTỉnh Tây Ninh\nSố: 88/UBND-VX\n{MOTTO}\nTây Ninh, ngày 02 tháng 9 năm 2025\nV/v tổ chức tháng hành động\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh Tây Ninh", "place": "Tây Ninh"},
    ),
    (
        "iss-spaced",
        "txt",
        f"ỦY B AN NHÂN D Â N\nTỈNH AN GIANG\nSố: 301/UBND-KGVX\n{MOTTO}\nAn Giang, ngày 05 tháng 3 năm 2025\nV/v triển khai nền tảng số\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh An Giang", "number": "301/UBND-KGVX"},
    ),
    (
        "iss-spaced-province",
        "txt",
        f"ỦY BAN NHÂN DÂN\nT ỈNH Đ ỒNG THÁP\nSố: 77/UBND-TH\n{MOTTO}\nĐồng Tháp, ngày 11 tháng 8 năm 2025\nV/v báo cáo tình hình\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh Đồng Tháp"},
    ),
    (
        "iss-spaced-unit",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ T ÀI CH ÍNH\nSố: 1020/STC-NS\n{MOTTO}\nAn Giang, ngày 09 tháng 10 năm 2025\nV/v lập dự toán năm 2026\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Minh Hiếu",
        {"issuer": "Sở Tài chính tỉnh An Giang", "signer": "Trần Minh Hiếu"},
    ),
    (
        "iss-parent-sokhcn",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 512/SKHCN-CĐS\n{MOTTO}\nAn Giang, ngày 18 tháng 11 năm 2025\nV/v góp ý dự thảo kế hoạch\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Hoàng Phúc",
        {
            "issuer": "Sở Khoa học và Công nghệ tỉnh An Giang",
            "number": "512/SKHCN-CĐS",
            "doc_type": "Công văn",
        },
    ),
    (
        "iss-parent-full",
        "txt",
        f"ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 2044/SNV-TCBM\n{MOTTO}\nAn Giang, ngày 20 tháng 8 năm 2025\nV/v sắp xếp tổ chức bộ máy\n{BODY}\nGIÁM ĐỐC\nPhạm Thanh Tùng",
        {"issuer": "Sở Nội vụ tỉnh An Giang", "signer": "Phạm Thanh Tùng"},
    ),
    (
        "iss-parent-city",
        "txt",
        f"UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ XÂY DỰNG\nSố: 9120/SXD-QLCL\n{MOTTO}\nThành phố Hồ Chí Minh, ngày 03 tháng 7 năm 2025\nV/v kiểm tra chất lượng công trình\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nVõ Quốc Bảo",
        {
            "issuer": "Sở Xây dựng Thành phố Hồ Chí Minh",
            "place": "Thành phố Hồ Chí Minh",
            "issued_date": "2025-07-03",
        },
    ),
    (
        "iss-commune",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG\nSố: 45/UBND-VP\n{MOTTO}\nMỹ Hòa Hưng, ngày 21 tháng 7 năm 2025\nV/v vận hành bộ phận một cửa\n{BODY}\nCHỦ TỊCH\nĐoàn Văn Lợi",
        {
            "issuer": "Ủy ban nhân dân xã Mỹ Hòa Hưng",
            "place": "Mỹ Hòa Hưng",
            "issued_date": "2025-07-21",
        },
    ),
    (
        "iss-ward",
        "txt",
        f"ỦY BAN NHÂN DÂN\nPHƯỜNG LONG XUYÊN\nSố: 130/UBND-KT\n{MOTTO}\nLong Xuyên, ngày 04 tháng 12 năm 2025\nV/v chỉnh trang đô thị\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân phường Long Xuyên", "place": "Long Xuyên"},
    ),
    (
        "iss-special-zone",
        "txt",
        f"ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 66/KH-UBND\n{MOTTO}\nPhú Quốc, ngày 10 tháng 02 năm 2026\nKẾ HOẠCH\nPhát triển du lịch xanh năm 2026\nI. MỤC ĐÍCH, YÊU CẦU\n1. Phòng Kinh tế chủ trì triển khai.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLâm Văn Sang",
        {
            "issuer": "Ủy ban nhân dân đặc khu Phú Quốc",
            "place": "Phú Quốc",
            "issued_date": "2026-02-10",
            "doc_type": "Kế hoạch",
            "subject": "Phát triển du lịch xanh năm 2026",
        },
    ),
    (
        "iss-city-hue",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 402/UBND-GD\n{MOTTO}\nHuế, ngày 06 tháng 10 năm 2025\nV/v chuẩn bị năm học mới\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân thành phố Huế", "place": "Huế"},
    ),
    (
        "iss-steering",
        "txt",
        f"UBND TỈNH AN GIANG\nBAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI\nVÀ TÌM KIẾM CỨU NẠN\nSố: 19/BCĐ-VP\n{MOTTO}\nAn Giang, ngày 25 tháng 9 năm 2025\nV/v chủ động ứng phó bão số 10\n{BODY}\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNgô Thanh Hải",
        {
            "issuer": "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh An Giang",
            "number": "19/BCĐ-VP",
        },
    ),
    (
        "iss-steering-own",
        "txt",
        f"BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,\nĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ\nTỈNH AN GIANG\nSố: 08-KH/BCĐ\n{MOTTO}\nAn Giang, ngày 14 tháng 4 năm 2025\nKẾ HOẠCH\nHoạt động năm 2025\n1. Sở Khoa học và Công nghệ chủ trì triển khai.\nNơi nhận:\n- Lưu: VT.\nTRƯỞNG BAN\nBÍ THƯ TỈNH ỦY\nLê Hồng Quang",
        {
            "issuer": "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh An Giang",
            "number": "08-KH/BCĐ",
            "signer": "Lê Hồng Quang",
        },
    ),
    (
        "iss-party-province",
        "txt",
        "TỈNH ỦY AN GIANG\n*\nSố 215-CV/TU\nV/v lãnh đạo tổ chức đại hội\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 12 tháng 5 năm 2025\nKính gửi: Các huyện ủy, thị ủy, thành ủy.\nBan Thường vụ Tỉnh ủy đề nghị các cấp ủy khẩn trương thực hiện.\nNơi nhận:\n- Như trên,\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thanh Nhàn",
        {
            "issuer": "Tỉnh ủy An Giang",
            "number": "215-CV/TU",
            "doc_type": "Công văn",
            "signer": "Nguyễn Thanh Nhàn",
            "place": "An Giang",
        },
    ),
    (
        "iss-party-commune",
        "txt",
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY XÃ VĨNH HẬU\n*\nSố 32-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nVĩnh Hậu, ngày 08 tháng 8 năm 2025\nKẾ HOẠCH\nhọc tập, quán triệt nghị quyết đại hội\n1. Các chi bộ trực thuộc tổ chức học tập.\nNơi nhận:\n- Lưu.\nT/M ĐẢNG ỦY\nBÍ THƯ\nTrương Văn Ngọc",
        {
            "issuer": "Đảng ủy xã Vĩnh Hậu",
            "number": "32-KH/ĐU",
            "doc_type": "Kế hoạch",
            "place": "Vĩnh Hậu",
            "issued_date": "2025-08-08",
        },
    ),
    (
        "iss-party-unit",
        "txt",
        "TỈNH ỦY AN GIANG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nSố 140-CV/BTGDVTU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 30 tháng 6 năm 2025\nV/v tuyên truyền kỷ niệm ngày thành lập\nKính gửi: Các đảng ủy trực thuộc Tỉnh ủy.\nBan đề nghị các đảng ủy tổ chức tuyên truyền.\nNơi nhận:\n- Như trên,\n- Lưu.\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHuỳnh Thị Lan",
        {
            "issuer": "Ban Tuyên giáo và Dân vận Tỉnh ủy An Giang",
            "number": "140-CV/BTGDVTU",
            "signer": "Huỳnh Thị Lan",
        },
    ),
    (
        "iss-vpcp",
        "txt",
        f"VĂN PHÒNG CHÍNH PHỦ\nSố: 5120/VPCP-KGVX\nV/v triển khai Đề án 06\n{MOTTO}\nHà Nội, ngày 16 tháng 6 năm 2025\nKính gửi: Các Bộ, cơ quan ngang Bộ.\nXét đề nghị của Bộ Công an, Phó Thủ tướng có ý kiến như sau.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nNguyễn Sỹ Hiệp",
        {
            "issuer": "Văn phòng Chính phủ",
            "number": "5120/VPCP-KGVX",
            "place": "Hà Nội",
            "signer": "Nguyễn Sỹ Hiệp",
            "subject": "V/v triển khai Đề án 06",
        },
    ),
    (
        "iss-ministry",
        "txt",
        f"BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 2301/BKHCN-CĐSQG\nV/v hướng dẫn xây dựng kiến trúc số\n{MOTTO}\nHà Nội, ngày 22 tháng 7 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố.\nBộ đề nghị các địa phương triển khai.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nBùi Hoàng Phương",
        {
            "issuer": "Bộ Khoa học và Công nghệ",
            "number": "2301/BKHCN-CĐSQG",
            "signer": "Bùi Hoàng Phương",
        },
    ),
    (
        "iss-pm",
        "txt",
        f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 21/CĐ-TTg\n{MOTTO}\nHà Nội, ngày 04 tháng 3 năm 2026\nCÔNG ĐIỆN\nVề việc tập trung phòng, chống hạn mặn\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Hồng Hà",
        {
            "issuer": "Thủ tướng Chính phủ",
            "doc_type": "Công điện",
            "number": "21/CĐ-TTg",
            "issued_date": "2026-03-04",
        },
    ),
    (
        "iss-hdnd-standing",
        "txt",
        f"HĐND TỈNH AN GIANG\nTHƯỜNG TRỰC\nSố: 310/TB-HĐND\n{MOTTO}\nAn Giang, ngày 17 tháng 10 năm 2025\nTHÔNG BÁO\nKết luận phiên họp tháng 10 năm 2025\n1. Ủy ban nhân dân tỉnh chỉ đạo các sở thực hiện.\nNơi nhận:\n- Lưu: VT.\nTM. THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\nĐinh Văn Tâm",
        {"issuer": "Thường trực Hội đồng nhân dân tỉnh An Giang", "doc_type": "Thông báo"},
    ),
    (
        "iss-police",
        "txt",
        f"BỘ CÔNG AN\nCÔNG AN TỈNH AN GIANG\nSố: 1650/CAT-PV01\n{MOTTO}\nAn Giang, ngày 26 tháng 8 năm 2025\nV/v phối hợp làm sạch dữ liệu dân cư\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐại tá Lê Văn Hòa",
        {"issuer": "Công an tỉnh An Giang", "number": "1650/CAT-PV01"},
    ),
    (
        "iss-tab-cells",
        "para",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG\tĐộc lập - Tự do - Hạnh phúc\nSố: 733/UBND-KT\tAn Giang, ngày 19 tháng 6 năm 2025\nV/v đẩy nhanh giải ngân vốn đầu tư công\n"
        + BODY
        + "\n"
        + SIGN,
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "733/UBND-KT",
            "place": "An Giang",
            "issued_date": "2025-06-19",
            "subject": "V/v đẩy nhanh giải ngân vốn đầu tư công",
        },
    ),
    (
        "iss-tab-cells-parent",
        "para",
        "UBND TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\nSố: 3012/SYT-NV\tAn Giang, ngày 07 tháng 11 năm 2025\nV/v phòng, chống dịch sốt xuất huyết\n"
        + BODY
        + "\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHuỳnh Văn Khải",
        {"issuer": "Sở Y tế tỉnh An Giang", "number": "3012/SYT-NV", "issued_date": "2025-11-07"},
    ),
    (
        "iss-md-table",
        "md",
        "| **ỦY BAN NHÂN DÂN TỈNH AN GIANG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n| | **Độc lập - Tự do - Hạnh phúc** |\n| Số: 845/UBND-KGVX | *An Giang, ngày 05 tháng 3 năm 2025* |\n| V/v tăng cường an toàn thông tin mạng | |\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan rà soát hệ thống thông tin.\n\n**Nơi nhận:**\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n\n**Nguyễn Văn Thành**\n",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "845/UBND-KGVX",
            "place": "An Giang",
            "issued_date": "2025-03-05",
            "subject": "V/v tăng cường an toàn thông tin mạng",
            "signer": "Nguyễn Văn Thành",
        },
    ),
    (
        "iss-md-two-lines",
        "md",
        "| ỦY BAN NHÂN DÂN<br>TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: 912/UBND-NC | An Giang, ngày 12 tháng 4 năm 2025 |\n\nV/v triển khai công tác cải cách hành chính\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "912/UBND-NC",
            "issued_date": "2025-04-12",
        },
    ),
    (
        "iss-md-plain-parent",
        "md",
        "UBND TỈNH AN GIANG\n\n**SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH**\n\nSố: 1405/SVHTTDL-QLVH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n**Độc lập - Tự do - Hạnh phúc**\n\n*An Giang, ngày 23 tháng 5 năm 2025*\n\nV/v tổ chức lễ hội truyền thống\n\nKính gửi: Ủy ban nhân dân các xã, phường, đặc khu.\n\nSở đề nghị các địa phương phối hợp.\n\n**Nơi nhận:**\n- Như trên;\n- Lưu: VT.\n\n**GIÁM ĐỐC**\n\n**Trần Thị Mỹ Dung**\n",
        {
            "issuer": "Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang",
            "number": "1405/SVHTTDL-QLVH",
            "place": "An Giang",
            "signer": "Trần Thị Mỹ Dung",
        },
    ),
    (
        "iss-underline",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n_______\nSố: 1188/UBND-NC\n{MOTTO}\n_______________________\nĐồng Tháp, ngày 28 tháng 10 năm 2025\nV/v thực hiện chính quyền hai cấp\n{BODY}\n{SIGN}",
        {
            "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
            "number": "1188/UBND-NC",
            "place": "Đồng Tháp",
        },
    ),
    (
        "iss-pdf-sidebyside-parent",
        "txt",
        "UBND TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Độc lập - Tự do - Hạnh phúc\nSố: 2250/SNNMT-TL An Giang, ngày 16 tháng 9 năm 2025\nV/v vận hành công trình thủy lợi\n"
        + BODY
        + "\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nChâu Văn Đức",
        {
            "issuer": "Sở Nông nghiệp và Môi trường tỉnh An Giang",
            "number": "2250/SNNMT-TL",
            "place": "An Giang",
            "issued_date": "2025-09-16",
        },
    ),
    # ---------------- number ----------------
    (
        "num-blank",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố:      /KH-UBND\n{MOTTO}\nAn Giang, ngày      tháng      năm 2025\nKẾ HOẠCH\nTriển khai chuyển đổi số năm 2025\n1. Sở Khoa học và Công nghệ chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"number": "/KH-UBND", "issued_date": None, "place": "An Giang", "doc_type": "Kế hoạch"},
    ),
    (
        "num-blank-dots",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: ……/UBND-KGVX\n{MOTTO}\nAn Giang, ngày … tháng … năm 2025\nV/v góp ý dự thảo quy chế\n{BODY}\n{SIGN}",
        {"number": "/UBND-KGVX", "issued_date": None},
    ),
    (
        "num-spaces",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ CÔNG THƯƠNG\nSố: 456 /SCT-QLTM\n{MOTTO}\nAn Giang, ngày 02 tháng 6 năm 2025\nV/v bình ổn thị trường\n{BODY}\nGIÁM ĐỐC\nMai Văn Hùng",
        {"number": "456/SCT-QLTM"},
    ),
    (
        "num-vv-one-line",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 210/UBND-KGVX V/v tăng cường công tác phòng cháy\n{MOTTO}\nAn Giang, ngày 08 tháng 4 năm 2025\nKính gửi: Các sở, ban, ngành tỉnh.\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n{SIGN}",
        {
            "number": "210/UBND-KGVX",
            "subject": "V/v tăng cường công tác phòng cháy",
            "doc_type": "Công văn",
        },
    ),
    (
        "num-vv-one-line-tab",
        "para",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 211/UBND-KT\tV/v kiểm tra an toàn đập\n{MOTTO}\nAn Giang, ngày 09 tháng 4 năm 2025\nKính gửi: Sở Nông nghiệp và Môi trường.\nỦy ban nhân dân tỉnh đề nghị Sở thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n{SIGN}",
        {"number": "211/UBND-KT", "subject": "V/v kiểm tra an toàn đập"},
    ),
    (
        "num-year-in",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 27/2025/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 30 tháng 7 năm 2025\nQUYẾT ĐỊNH\nBan hành Quy định phân cấp quản lý tài sản công\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nĐiều 1. Ban hành kèm theo Quyết định này Quy định phân cấp.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "number": "27/2025/QĐ-UBND",
            "doc_type": "Quyết định",
            "subject": "Ban hành Quy định phân cấp quản lý tài sản công",
            "signer": "Hồ Văn Mừng",
        },
    ),
    (
        "num-with-date-same-line",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n{MOTTO}\nSố: 88/TB-UBND An Giang, ngày 12 tháng 5 năm 2025\nTHÔNG BÁO\nÝ kiến kết luận của Chủ tịch Ủy ban nhân dân tỉnh\n1. Sở Tài chính tham mưu bố trí vốn.\nNơi nhận:\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nLý Thanh Sơn",
        {
            "number": "88/TB-UBND",
            "place": "An Giang",
            "issued_date": "2025-05-12",
            "doc_type": "Thông báo",
            "signer": "Lý Thanh Sơn",
        },
    ),
    (
        "num-none",
        "txt",
        f"BAN CHỈ ĐẠO 57 TỈNH AN GIANG\nTỔ GIÚP VIỆC\n{MOTTO}\nAn Giang, ngày 03 tháng 6 năm 2025\nTHÔNG BÁO\nLịch họp Tổ giúp việc tháng 6 năm 2025\n1. Các thành viên dự họp đầy đủ.\nTỔ TRƯỞNG\nVõ Thị Hạnh",
        {"number": None, "doc_type": "Thông báo", "place": "An Giang"},
    ),
    (
        "num-directive",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 07/CT-UBND\n{MOTTO}\nAn Giang, ngày 13 tháng 3 năm 2026\nCHỈ THỊ\nVề tăng cường kỷ luật, kỷ cương hành chính\nThời gian qua, công tác cải cách hành chính đạt kết quả tích cực.\n1. Thủ trưởng các sở, ngành nghiêm túc thực hiện.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "number": "07/CT-UBND",
            "doc_type": "Chỉ thị",
            "subject": "Về tăng cường kỷ luật, kỷ cương hành chính",
            "issued_date": "2026-03-13",
        },
    ),
    (
        "num-so-no-colon",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố 1290/UBND-VP\n{MOTTO}\nAn Giang, ngày 24 tháng 6 năm 2025\nV/v thực hiện chế độ báo cáo\n{BODY}\n{SIGN}",
        {"number": "1290/UBND-VP"},
    ),
    # ---------------- place / date ----------------
    (
        "date-basic",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1001/UBND-TH\n{MOTTO}\nAn Giang, ngày 5 tháng 3 năm 2025\nV/v chuẩn bị họp Ủy ban\n{BODY}\n{SIGN}",
        {"place": "An Giang", "issued_date": "2025-03-05"},
    ),
    (
        "date-blank-day",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: /UBND-TH\n{MOTTO}\nRạch Giá, ngày    tháng 3 năm 2026\nV/v dự thảo báo cáo quý I\n{BODY}\n{SIGN}",
        {"place": "Rạch Giá", "issued_date": None, "number": "/UBND-TH"},
    ),
    (
        "date-december-one",
        "txt",
        f"BỘ NỘI VỤ\nSố: 8002/BNV-CQĐP\n{MOTTO}\nHà Nội, ngày 1 tháng 12 năm 2025\nV/v hướng dẫn sắp xếp đơn vị hành chính\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố.\nBộ Nội vụ đề nghị các địa phương thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrương Hải Long",
        {
            "issuer": "Bộ Nội vụ",
            "place": "Hà Nội",
            "issued_date": "2025-12-01",
            "signer": "Trương Hải Long",
        },
    ),
    (
        "date-commune-place",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ PHÚ HÒA\nSố: 12/TB-UBND\n{MOTTO}\nPhú Hòa, ngày 19 tháng 01 năm 2026\nTHÔNG BÁO\nLịch tiếp công dân năm 2026\n1. Chủ tịch Ủy ban nhân dân xã tiếp công dân vào thứ Năm hằng tuần.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Hữu Tài",
        {"place": "Phú Hòa", "issued_date": "2026-01-19", "issuer": "Ủy ban nhân dân xã Phú Hòa"},
    ),
    (
        "date-spaced-pdf",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1550/UBND-KT\n{MOTTO}\nAn Giang, ngày 0 5 tháng 9 năm 2025\nV/v kiểm tra tiến độ dự án\n{BODY}\n{SIGN}",
        {"issued_date": "2025-09-05"},
    ),
    (
        "date-italic-md",
        "md",
        "ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 1602/UBND-KGVX\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n_An Giang, ngày 14 tháng 9 năm 2025_\n\nV/v tổ chức Ngày chuyển đổi số\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan hưởng ứng.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {
            "place": "An Giang",
            "issued_date": "2025-09-14",
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "subject": "V/v tổ chức Ngày chuyển đổi số",
        },
    ),
    (
        "date-slash-year-two-digit-month",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1700/UBND-KT\n{MOTTO}\nAn Giang, ngày 09 tháng 02 năm 2026\nV/v điều chỉnh kế hoạch vốn\n{BODY}\n{SIGN}",
        {"issued_date": "2026-02-09"},
    ),
    # ---------------- doc_type / subject ----------------
    (
        "subj-vv-two-lines",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1801/UBND-KGVX\nV/v triển khai thực hiện Kết luận số 45-KL/TW\ncủa Ban Bí thư\n{MOTTO}\nAn Giang, ngày 20 tháng 5 năm 2025\n{BODY}\n{SIGN}",
        {
            "subject": "V/v triển khai thực hiện Kết luận số 45-KL/TW của Ban Bí thư",
            "doc_type": "Công văn",
        },
    ),
    (
        "subj-vv-three-lines-para",
        "para",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1802/UBND-KT\nV/v đẩy nhanh tiến độ\nthực hiện các dự án\nđầu tư công năm 2025\n{MOTTO}\nAn Giang, ngày 21 tháng 5 năm 2025\n{BODY}\n{SIGN}",
        {"subject": "V/v đẩy nhanh tiến độ thực hiện các dự án đầu tư công năm 2025"},
    ),
    (
        "subj-ve-viec-letter",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2210/SGDĐT-VP\nVề việc tổ chức kỳ thi chọn học sinh giỏi\n{MOTTO}\nAn Giang, ngày 10 tháng 11 năm 2025\nKính gửi: Các trường trung học phổ thông.\nSở đề nghị các trường chuẩn bị.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐặng Thị Thu",
        {
            "subject": "Về việc tổ chức kỳ thi chọn học sinh giỏi",
            "doc_type": "Công văn",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh An Giang",
        },
    ),
    (
        "subj-VV-caps",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1803/UBND-NC\nV/V tổ chức Tết Nguyên đán năm 2026\n{MOTTO}\nAn Giang, ngày 15 tháng 01 năm 2026\n{BODY}\n{SIGN}",
        {
            "subject": "V/V tổ chức Tết Nguyên đán năm 2026",
            "doc_type": "Công văn",
            "issued_date": "2026-01-15",
        },
    ),
    (
        "subj-plan-title",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 150/KH-UBND\n{MOTTO}\nAn Giang, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024\ncủa Bộ Chính trị trên địa bàn tỉnh\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTạo chuyển biến mạnh mẽ.\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {
            "doc_type": "Kế hoạch",
            "subject": "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh",
        },
    ),
    (
        "subj-plan-title-caps",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 151/KH-UBND\n{MOTTO}\nAn Giang, ngày 03 tháng 4 năm 2025\nKẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN 06 NĂM 2025\nI. MỤC ĐÍCH, YÊU CẦU\n1. Công an tỉnh chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"doc_type": "Kế hoạch", "subject": "TRIỂN KHAI ĐỀ ÁN 06 NĂM 2025"},
    ),
    (
        "subj-plan-spaced-type",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 152/KH-UBND\n{MOTTO}\nAn Giang, ngày 04 tháng 4 năm 2025\nK Ế HO ẠCH\nThực hiện phong trào thi đua năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\n1. Sở Nội vụ chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"doc_type": "Kế hoạch", "subject": "Thực hiện phong trào thi đua năm 2025"},
    ),
    (
        "subj-decision-ve-viec",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1234/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 11 tháng 6 năm 2025\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác triển khai Đề án 06\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {"doc_type": "Quyết định", "subject": "Về việc thành lập Tổ công tác triển khai Đề án 06"},
    ),
    (
        "subj-report",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ TÀI CHÍNH\nSố: 410/BC-STC\n{MOTTO}\nAn Giang, ngày 28 tháng 6 năm 2025\nBÁO CÁO\nTình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2025\nI. KẾT QUẢ THỰC HIỆN\nThu ngân sách đạt 52% dự toán.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPhan Văn Lực",
        {
            "doc_type": "Báo cáo",
            "subject": "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2025",
            "issuer": "Sở Tài chính tỉnh An Giang",
        },
    ),
    (
        "subj-submission",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 95/TTr-SNV\n{MOTTO}\nAn Giang, ngày 14 tháng 8 năm 2025\nTỜ TRÌNH\nVề việc ban hành Quy chế làm việc\nKính gửi: Ủy ban nhân dân tỉnh.\nSở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nPhạm Thanh Tùng",
        {
            "doc_type": "Tờ trình",
            "subject": "Về việc ban hành Quy chế làm việc",
            "number": "95/TTr-SNV",
        },
    ),
    (
        "subj-resolution",
        "txt",
        f"HỘI ĐỒNG NHÂN DÂN\nTỈNH AN GIANG\nSố: 40/NQ-HĐND\n{MOTTO}\nAn Giang, ngày 10 tháng 12 năm 2025\nNGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2026\nHỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG\nKHÓA X, KỲ HỌP THỨ 5\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua kế hoạch.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Thanh Bình",
        {
            "doc_type": "Nghị quyết",
            "issuer": "Hội đồng nhân dân tỉnh An Giang",
            "subject": "Về kế hoạch phát triển kinh tế - xã hội năm 2026",
            "signer": "Nguyễn Thanh Bình",
        },
    ),
    (
        "subj-notice-conclusion",
        "txt",
        f"VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\n{MOTTO}\nHà Nội, ngày 16 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Thủ tướng Chính phủ tại cuộc họp\nvề phát triển hạ tầng số\nNgày 10 tháng 11 năm 2025, Thủ tướng Chính phủ đã chủ trì cuộc họp.\n1. Bộ Khoa học và Công nghệ chủ trì.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường",
        {
            "doc_type": "Thông báo",
            "subject": "Kết luận của Thủ tướng Chính phủ tại cuộc họp về phát triển hạ tầng số",
            "signer": "Phạm Mạnh Cường",
        },
    ),
    (
        "subj-md-bold-plan",
        "md",
        "**ỦY BAN NHÂN DÂN**\n\n**TỈNH AN GIANG**\n\nSố: 160/KH-UBND\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n**Độc lập - Tự do - Hạnh phúc**\n\n*An Giang, ngày 15 tháng 4 năm 2025*\n\n**KẾ HOẠCH**\n\n**Triển khai nền tảng học tập số cho cán bộ**\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n1. Sở Nội vụ chủ trì triển khai.\n\n**Nơi nhận:**\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n\n**PHÓ CHỦ TỊCH**\n\n**Nguyễn Văn Thành**\n",
        {
            "doc_type": "Kế hoạch",
            "subject": "Triển khai nền tảng học tập số cho cán bộ",
            "number": "160/KH-UBND",
            "signer": "Nguyễn Văn Thành",
        },
    ),
    (
        "subj-vv-tab-cell-wrapped",
        "para",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG\tĐộc lập - Tự do - Hạnh phúc\nSố: 1900/UBND-KT\tAn Giang, ngày 01 tháng 10 năm 2025\nV/v hướng dẫn thu gom\t\nchất thải rắn sinh hoạt\t\n"
        + BODY
        + "\n"
        + SIGN,
        {"subject": "V/v hướng dẫn thu gom chất thải rắn sinh hoạt", "issued_date": "2025-10-01"},
    ),
    (
        "subj-dispatch-type-caps",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 03/CĐ-UBND\n{MOTTO}\nAn Giang, ngày 22 tháng 10 năm 2025\nCÔNG ĐIỆN\nVề việc chủ động ứng phó với triều cường\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc các sở, ngành tỉnh;\n- Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "doc_type": "Công điện",
            "subject": "Về việc chủ động ứng phó với triều cường",
            "number": "03/CĐ-UBND",
        },
    ),
    # ---------------- signer ----------------
    (
        "sig-kt",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2001/UBND-KT\n{MOTTO}\nAn Giang, ngày 03 tháng 11 năm 2025\nV/v quản lý giá vật liệu xây dựng\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Trung Hồ",
        {"signer": "Lê Trung Hồ", "signer.title": "PHÓ CHỦ TỊCH"},
    ),
    (
        "sig-tm",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2002/UBND-KT\n{MOTTO}\nAn Giang, ngày 04 tháng 11 năm 2025\nV/v phân bổ vốn sự nghiệp\n{BODY}\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Văn Mừng",
        {"signer": "Hồ Văn Mừng", "signer.title": "CHỦ TỊCH"},
    ),
    (
        "sig-tl",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 2003/SKHCN-VP\n{MOTTO}\nAn Giang, ngày 05 tháng 11 năm 2025\nV/v đăng ký nhu cầu đào tạo\n{BODY}\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\nTô Hoài Nam",
        {"signer": "Tô Hoài Nam", "signer.title": "CHÁNH VĂN PHÒNG"},
    ),
    (
        "sig-acting",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ Y TẾ\nSố: 2004/SYT-NV\n{MOTTO}\nAn Giang, ngày 06 tháng 11 năm 2025\nV/v tiêm chủng mở rộng\n{BODY}\nQ. GIÁM ĐỐC\nDương Văn Kiệt",
        {"signer": "Dương Văn Kiệt"},
    ),
    (
        "sig-da-ky",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2005/UBND-KGVX\n{MOTTO}\nAn Giang, ngày 07 tháng 11 năm 2025\nV/v hỗ trợ người dân vùng lũ\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHuỳnh Thị Ngọc Bích",
        {"signer": "Huỳnh Thị Ngọc Bích", "signer.title": "PHÓ CHỦ TỊCH"},
    ),
    (
        "sig-da-ky-brackets",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2006/UBND-KGVX\n{MOTTO}\nAn Giang, ngày 08 tháng 11 năm 2025\nV/v phòng chống đuối nước trẻ em\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n[đã ký]\nTrần Văn Phước",
        {"signer": "Trần Văn Phước"},
    ),
    (
        "sig-esign-stamp",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2007/UBND-KT\n{MOTTO}\nAn Giang, ngày 09 tháng 11 năm 2025\nV/v cấp mã số vùng trồng\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKý bởi: Ủy ban nhân dân tỉnh An Giang\nThời gian ký: 09.11.2025 16:02:11 +07:00\nNguyễn Thị Thu Hà",
        {"signer": "Nguyễn Thị Thu Hà", "issued_date": "2025-11-09"},
    ),
    (
        "sig-esign-top",
        "txt",
        f"Ký bởi: Sở Tài chính\nEmail: stc@angiang.gov.vn\nCơ quan: Tỉnh An Giang\nThời gian ký: 12.11.2025 08:30:45 +07:00\nUBND TỈNH AN GIANG\nSỞ TÀI CHÍNH\nSố: 2008/STC-QLG\n{MOTTO}\nAn Giang, ngày 12 tháng 11 năm 2025\nV/v thẩm định giá đất\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLa Văn Hưng",
        {
            "issuer": "Sở Tài chính tỉnh An Giang",
            "number": "2008/STC-QLG",
            "signer": "La Văn Hưng",
            "issued_date": "2025-11-12",
        },
    ),
    (
        "sig-attached-plan",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2009/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 10 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh\nỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nKẾ HOẠCH\nCải cách hành chính năm 2026\n(Kèm theo Quyết định số 2009/QĐ-UBND ngày 10/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh)\nI. MỤC ĐÍCH\n1. Sở Nội vụ chủ trì.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh",
        {
            "signer": "Nguyễn Thị Minh",
            "doc_type": "Quyết định",
            "number": "2009/QĐ-UBND",
            "subject": "Ban hành Kế hoạch cải cách hành chính năm 2026",
        },
    ),
    (
        "sig-table-beside-recipients",
        "para",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2010/UBND-KT\n{MOTTO}\nAn Giang, ngày 11 tháng 11 năm 2025\nV/v bảo đảm an toàn giao thông\nKính gửi: Sở Xây dựng.\nỦy ban nhân dân tỉnh đề nghị Sở Xây dựng thực hiện.\nNơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\t\n\tLê Văn Nưng",
        {"signer": "Lê Văn Nưng"},
    ),
    (
        "sig-pdf-beside-recipients",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2011/UBND-KT\n{MOTTO}\nAn Giang, ngày 12 tháng 11 năm 2025\nV/v phát triển vận tải công cộng\nKính gửi: Sở Xây dựng.\nỦy ban nhân dân tỉnh đề nghị Sở Xây dựng thực hiện.\nNơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- Lưu: VT.\nLê Văn Nưng",
        {"signer": "Lê Văn Nưng"},
    ),
    (
        "sig-steering-two-titles",
        "txt",
        f"BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,\nĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TỈNH AN GIANG\nSố: 12/TB-BCĐ\n{MOTTO}\nAn Giang, ngày 18 tháng 12 năm 2025\nTHÔNG BÁO\nPhân công nhiệm vụ thành viên Ban Chỉ đạo\n1. Sở Khoa học và Công nghệ là cơ quan thường trực.\nNơi nhận:\n- Lưu: VT.\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nNguyễn Thị Minh",
        {"signer": "Nguyễn Thị Minh", "signer.title": "PHÓ CHỦ TỊCH UBND TỈNH"},
    ),
    (
        "sig-party-tm",
        "txt",
        "TỈNH ỦY AN GIANG\n*\nSố 88-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 25 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Ban Thường vụ Tỉnh ủy\n1. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo thực hiện.\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Hồng Quang",
        {
            "signer": "Lê Hồng Quang",
            "signer.title": "BÍ THƯ",
            "doc_type": "Thông báo",
            "number": "88-TB/TU",
        },
    ),
    (
        "sig-minister",
        "txt",
        f"BỘ TÀI CHÍNH\nSố: 11500/BTC-NSNN\nV/v xây dựng dự toán năm 2026\n{MOTTO}\nHà Nội, ngày 28 tháng 7 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố.\nBộ Tài chính đề nghị các địa phương thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nĐỗ Thành Trung",
        {"signer": "Đỗ Thành Trung", "issuer": "Bộ Tài chính"},
    ),
    (
        "sig-tuq",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2012/UBND-VP\n{MOTTO}\nAn Giang, ngày 13 tháng 11 năm 2025\nV/v lịch công tác tuần\n{BODY}\nTUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nLý Thanh Sơn",
        {"signer": "Lý Thanh Sơn", "signer.title": "CHÁNH VĂN PHÒNG"},
    ),
    (
        "sig-md-bold",
        "md",
        "ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 2013/UBND-KT\n\nV/v kiểm soát giá thịt heo\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nAn Giang, ngày 14 tháng 11 năm 2025\n\nKính gửi: Sở Công Thương.\n\nỦy ban nhân dân tỉnh đề nghị Sở thực hiện.\n\n**Nơi nhận:**\n\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n\n**PHÓ CHỦ TỊCH**\n\n*(Đã ký)*\n\n**Nguyễn Văn Thành**\n",
        {"signer": "Nguyễn Văn Thành", "subject": "V/v kiểm soát giá thịt heo"},
    ),
    (
        "sig-dash-line-title",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ VĨNH THẠNH TRUNG\nSố: 55/UBND-VP\n{MOTTO}\nVĩnh Thạnh Trung, ngày 16 tháng 11 năm 2025\nV/v tổng vệ sinh môi trường\n{BODY}\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhan Thị Kim Yến",
        {
            "signer": "Phan Thị Kim Yến",
            "signer.title": "PHÓ CHỦ TỊCH",
            "issuer": "Ủy ban nhân dân xã Vĩnh Thạnh Trung",
            "place": "Vĩnh Thạnh Trung",
        },
    ),
    (
        "iss-cased-parent-unit",
        "md",
        "Ủy ban nhân dân tỉnh An Giang\n\nSở Khoa học và Công nghệ\n\nSố: 620/SKHCN-QLCN\n\nCộng hòa xã hội chủ nghĩa Việt Nam\n\nĐộc lập - Tự do - Hạnh phúc\n\nAn Giang, ngày 06 tháng 5 năm 2025\n\nV/v đăng ký nhiệm vụ khoa học năm 2026\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nSở đề nghị các cơ quan đăng ký.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nLê Hoàng Phúc\n",
        {
            "issuer": "Sở Khoa học và Công nghệ tỉnh An Giang",
            "number": "620/SKHCN-QLCN",
            "signer": "Lê Hoàng Phúc",
        },
    ),
    (
        "iss-province-wrapped",
        "txt",
        f"ỦY BAN NHÂN DÂN TỈNH\nAN GIANG\nSố: 2101/UBND-KT\n{MOTTO}\nAn Giang, ngày 02 tháng 12 năm 2025\nV/v thu hồi đất thực hiện dự án\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh An Giang"},
    ),
    (
        "iss-board-econ",
        "txt",
        f"UBND TỈNH AN GIANG\nBAN QUẢN LÝ CÁC KHU KINH TẾ\nSố: 330/BQL-QLĐT\n{MOTTO}\nAn Giang, ngày 07 tháng 7 năm 2025\nV/v thu hút đầu tư vào khu công nghiệp\n{BODY}\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nTrịnh Văn Quý",
        {"issuer": "Ban Quản lý các khu kinh tế tỉnh An Giang", "signer": "Trịnh Văn Quý"},
    ),
    (
        "iss-centre",
        "txt",
        f"UBND TỈNH AN GIANG\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\nSố: 75/TTPVHCC-NV\n{MOTTO}\nAn Giang, ngày 15 tháng 7 năm 2025\nV/v tiếp nhận hồ sơ trực tuyến\n{BODY}\nGIÁM ĐỐC\nVõ Thị Hồng Nhung",
        {"issuer": "Trung tâm Phục vụ hành chính công tỉnh An Giang"},
    ),
    (
        "iss-special-zone-con-dao",
        "txt",
        f"ỦY BAN NHÂN DÂN\nĐẶC KHU CÔN ĐẢO\nSố: 18/UBND-VP\n{MOTTO}\nCôn Đảo, ngày 03 tháng 8 năm 2025\nV/v bảo vệ rừng đặc dụng\n{BODY}\nCHỦ TỊCH\nLê Văn Phong",
        {"issuer": "Ủy ban nhân dân đặc khu Côn Đảo", "place": "Côn Đảo"},
    ),
    (
        "iss-party-organs",
        "txt",
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH\n*\nSố 57-CV/ĐU\nV/v tổ chức sinh hoạt chuyên đề\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 09 tháng 9 năm 2025\nKính gửi: Các chi bộ trực thuộc.\nĐảng ủy đề nghị các chi bộ thực hiện.\nNơi nhận:\n- Như trên,\n- Lưu.\nT/M ĐẢNG ỦY\nPHÓ BÍ THƯ\nNguyễn Văn Đông",
        {
            "issuer": "Đảng ủy các cơ quan Đảng tỉnh An Giang",
            "number": "57-CV/ĐU",
            "subject": "V/v tổ chức sinh hoạt chuyên đề",
        },
    ),
    (
        "iss-central-committee",
        "txt",
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 45-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 14 tháng 4 năm 2025\nKẾT LUẬN\ncủa Ban Bí thư về tiếp tục đẩy mạnh cải cách hành chính\n1. Các cấp ủy, tổ chức đảng tiếp tục quán triệt.\nNơi nhận:\n- Lưu Văn phòng Trung ương Đảng.\nT/M BAN BÍ THƯ\nTrần Cẩm Tú",
        {
            "issuer": "Ban Chấp hành Trung ương",
            "doc_type": "Kết luận",
            "number": "45-KL/TW",
            "signer": "Trần Cẩm Tú",
        },
    ),
    (
        "iss-ministry-dept",
        "txt",
        f"BỘ KHOA HỌC VÀ CÔNG NGHỆ\nCỤC CHUYỂN ĐỔI SỐ QUỐC GIA\nSố: 415/CĐSQG-CSS\n{MOTTO}\nHà Nội, ngày 19 tháng 8 năm 2025\nV/v hướng dẫn kết nối nền tảng\nKính gửi: Sở Khoa học và Công nghệ các tỉnh, thành phố.\nCục đề nghị các Sở thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nHồ Đức Thắng",
        {"issuer": "Cục Chuyển đổi số quốc gia", "number": "415/CĐSQG-CSS"},
    ),
    (
        "num-no-space-colon",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố:2102/UBND-KGVX\n{MOTTO}\nAn Giang, ngày 03 tháng 12 năm 2025\nV/v chuẩn bị Tết Bính Ngọ\n{BODY}\n{SIGN}",
        {"number": "2102/UBND-KGVX"},
    ),
    (
        "num-caps-so",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSỐ: 2103/UBND-NC\n{MOTTO}\nAn Giang, ngày 04 tháng 12 năm 2025\nV/v bảo đảm an ninh trật tự dịp cuối năm\n{BODY}\n{SIGN}",
        {"number": "2103/UBND-NC"},
    ),
    (
        "num-party-spaced",
        "txt",
        "TỈNH ỦY AN GIANG\n*\nSố 1234 - CV/TU\nV/v chuẩn bị tổng kết năm 2025\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 20 tháng 11 năm 2025\nKính gửi: Các đảng ủy trực thuộc Tỉnh ủy.\nThường trực Tỉnh ủy đề nghị các đảng ủy chuẩn bị.\nNơi nhận:\n- Như trên,\n- Lưu.\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nPhan Văn Tú",
        {"number": "1234-CV/TU", "signer": "Phan Văn Tú", "issuer": "Tỉnh ủy An Giang"},
    ),
    (
        "num-resolution-year",
        "txt",
        f"HỘI ĐỒNG NHÂN DÂN\nTỈNH AN GIANG\nSố: 45/2025/NQ-HĐND\n{MOTTO}\nAn Giang, ngày 10 tháng 12 năm 2025\nNGHỊ QUYẾT\nQuy định mức chi hỗ trợ chuyển đổi số\nHỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT NGHỊ:\nĐiều 1. Quy định mức chi.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Thanh Bình",
        {
            "number": "45/2025/NQ-HĐND",
            "doc_type": "Nghị quyết",
            "subject": "Quy định mức chi hỗ trợ chuyển đổi số",
        },
    ),
    (
        "date-capital-ngay",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2104/UBND-KT\n{MOTTO}\nAn Giang, Ngày 05 tháng 3 năm 2025\nV/v kiểm tra công tác quyết toán\n{BODY}\n{SIGN}",
        {"place": "An Giang", "issued_date": "2025-03-05"},
    ),
    (
        "date-no-comma",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2105/UBND-KT\n{MOTTO}\nAn Giang ngày 06 tháng 3 năm 2025\nV/v quyết toán dự án hoàn thành\n{BODY}\n{SIGN}",
        {"place": "An Giang", "issued_date": "2025-03-06"},
    ),
    (
        "date-end-of-year",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2106/UBND-KT\n{MOTTO}\nAn Giang, ngày 31 tháng 12 năm 2025\nV/v khóa sổ kế toán năm 2025\n{BODY}\n{SIGN}",
        {"issued_date": "2025-12-31"},
    ),
    (
        "subj-vv-colon",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2107/UBND-KT\nV/v: triển khai bảng giá đất mới\n{MOTTO}\nAn Giang, ngày 07 tháng 3 năm 2025\n{BODY}\n{SIGN}",
        {"subject": "V/v: triển khai bảng giá đất mới"},
    ),
    (
        "subj-vv-second-line-capital",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2108/UBND-NC\nV/v góp ý dự thảo\nNghị định quy định chi tiết Luật Dữ liệu\n{MOTTO}\nAn Giang, ngày 08 tháng 3 năm 2025\nKính gửi: Bộ Công an.\nỦy ban nhân dân tỉnh góp ý như sau.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n{SIGN}",
        {"subject": "V/v góp ý dự thảo Nghị định quy định chi tiết Luật Dữ liệu"},
    ),
    (
        "subj-decision-caps-two-lines",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2109/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 09 tháng 3 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT DANH MỤC\nDỰ ÁN ĐẦU TƯ NĂM 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt danh mục.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {"doc_type": "Quyết định", "subject": "VỀ VIỆC PHÊ DUYỆT DANH MỤC DỰ ÁN ĐẦU TƯ NĂM 2026"},
    ),
    (
        "subj-plan-parenthesis",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2110/KH-UBND\n{MOTTO}\nAn Giang, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nTổ chức các hoạt động kỷ niệm 80 năm Ngày Quốc khánh\n(02/9/1945 - 02/9/2025)\nI. MỤC ĐÍCH, YÊU CẦU\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {
            "doc_type": "Kế hoạch",
            "subject": "Tổ chức các hoạt động kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)",
        },
    ),
    (
        "subj-plan-rule-line",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2111/KH-UBND\n{MOTTO}\nAn Giang, ngày 11 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2025\n______________\nI. MỤC ĐÍCH, YÊU CẦU\n1. Sở Nội vụ chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"subject": "Thực hiện công tác dân vận chính quyền năm 2025"},
    ),
    (
        "subj-md-heading-plan",
        "md",
        "ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 2112/KH-UBND\n\nAn Giang, ngày 12 tháng 3 năm 2025\n\n### KẾ HOẠCH\n\n### Phát triển kinh tế số năm 2025\n\n#### I. MỤC ĐÍCH, YÊU CẦU\n\n1. Sở Khoa học và Công nghệ chủ trì.\n\nNơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {
            "doc_type": "Kế hoạch",
            "subject": "Phát triển kinh tế số năm 2025",
            "number": "2112/KH-UBND",
        },
    ),
    (
        "type-invitation",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 88/GM-SKHCN\n{MOTTO}\nAn Giang, ngày 13 tháng 3 năm 2025\nGIẤY MỜI\nHọp triển khai Kế hoạch chuyển đổi số năm 2025\nSở Khoa học và Công nghệ trân trọng kính mời đại diện lãnh đạo các sở dự họp.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Hoàng Phúc",
        {"doc_type": "Giấy mời", "subject": "Họp triển khai Kế hoạch chuyển đổi số năm 2025"},
    ),
    (
        "type-program",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 15/CTr-UBND\n{MOTTO}\nAn Giang, ngày 14 tháng 3 năm 2025\nCHƯƠNG TRÌNH\nCông tác năm 2025 của Ủy ban nhân dân tỉnh\nI. MỤC TIÊU\n1. Các sở, ngành thực hiện.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"doc_type": "Chương trình", "subject": "Công tác năm 2025 của Ủy ban nhân dân tỉnh"},
    ),
    (
        "type-guide",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 05/HD-SNV\n{MOTTO}\nAn Giang, ngày 15 tháng 3 năm 2025\nHƯỚNG DẪN\nĐánh giá, xếp loại chất lượng cán bộ năm 2025\nI. PHẠM VI ÁP DỤNG\n1. Các cơ quan, đơn vị thực hiện.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPhạm Thanh Tùng",
        {"doc_type": "Hướng dẫn", "subject": "Đánh giá, xếp loại chất lượng cán bộ năm 2025"},
    ),
    (
        "sig-blank-lines-para",
        "para",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2113/UBND-KT\n{MOTTO}\nAn Giang, ngày 16 tháng 3 năm 2025\nV/v nạo vét kênh mương\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nNguyễn Văn Thành",
        {"signer": "Nguyễn Văn Thành", "signer.title": "PHÓ CHỦ TỊCH"},
    ),
    (
        "sig-before-recipients",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2114/UBND-KT\n{MOTTO}\nAn Giang, ngày 17 tháng 3 năm 2025\nV/v kiểm tra an toàn thực phẩm\nKính gửi: Sở Y tế.\nỦy ban nhân dân tỉnh đề nghị Sở Y tế thực hiện./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Văn Long\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
        {"signer": "Đặng Văn Long"},
    ),
    (
        "sig-no-recipients",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2115/UBND-KT\n{MOTTO}\nAn Giang, ngày 18 tháng 3 năm 2025\nV/v điều tiết nước tưới\nKính gửi: Sở Nông nghiệp và Môi trường.\nỦy ban nhân dân tỉnh đề nghị Sở thực hiện./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Văn Long",
        {"signer": "Đặng Văn Long"},
    ),
    (
        "sig-stamp-after-name",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2116/UBND-KT\n{MOTTO}\nAn Giang, ngày 19 tháng 3 năm 2025\nV/v cấp phép khai thác cát\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh\nKý bởi: Nguyễn Thị Minh\nCơ quan: Ủy ban nhân dân tỉnh An Giang\nNgày ký: 19-03-2025 15:20:01 +07:00",
        {"signer": "Nguyễn Thị Minh"},
    ),
    (
        "sig-govt",
        "txt",
        f"CHÍNH PHỦ\nSố: 112/NQ-CP\n{MOTTO}\nHà Nội, ngày 20 tháng 4 năm 2025\nNGHỊ QUYẾT\nVề nhiệm vụ, giải pháp thúc đẩy tăng trưởng\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n1. Các bộ, ngành thực hiện.\nNơi nhận:\n- Lưu: VT.\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Chí Dũng",
        {
            "issuer": "Chính phủ",
            "signer": "Nguyễn Chí Dũng",
            "signer.title": "PHÓ THỦ TƯỚNG",
            "doc_type": "Nghị quyết",
        },
    ),
    (
        "sig-lower-da-ky",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2117/UBND-KT\n{MOTTO}\nAn Giang, ngày 20 tháng 3 năm 2025\nV/v hỗ trợ doanh nghiệp nhỏ và vừa\n{BODY}\nCHỦ TỊCH\n(đã ký)\nHồ Văn Mừng",
        {"signer": "Hồ Văn Mừng", "signer.title": "CHỦ TỊCH"},
    ),
    (
        "sig-appendix-after",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2118/UBND-KT\n{MOTTO}\nAn Giang, ngày 21 tháng 3 năm 2025\nV/v báo cáo số liệu đầu tư công\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh\nPhụ lục\nBIỂU TỔNG HỢP SỐ LIỆU\n(Kèm theo Công văn số 2118/UBND-KT ngày 21/3/2025 của Ủy ban nhân dân tỉnh)\nSTT\tNội dung\tGhi chú\n1\tVốn ngân sách tỉnh\t",
        {"signer": "Nguyễn Thị Minh", "number": "2118/UBND-KT"},
    ),
    (
        "sig-pdf-side-by-side-wide",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ Y TẾ\nSố: 2119/SYT-NV\n{MOTTO}\nAn Giang, ngày 22 tháng 3 năm 2025\nV/v cung ứng thuốc\nKính gửi: Các bệnh viện trực thuộc.\nSở Y tế đề nghị các bệnh viện thực hiện./.\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Giám đốc Sở (để báo cáo);\n- Lưu: VT, NV.\nHuỳnh Văn Khải",
        {"signer": "Huỳnh Văn Khải"},
    ),
    (
        "iss-front",
        "txt",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH AN GIANG\nSố: 210/MTTQ-BTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Giang, ngày 04 tháng 9 năm 2025\nV/v vận động ủng hộ đồng bào bị thiên tai\nKính gửi: Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường, đặc khu.\nBan Thường trực đề nghị các địa phương tổ chức vận động.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nNguyễn Thị Hoa",
        {"issuer": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang", "signer": "Nguyễn Thị Hoa"},
    ),
    (
        "iss-dept-no-parent",
        "txt",
        f"SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 701/SKHCN-VP\n{MOTTO}\nAn Giang, ngày 05 tháng 9 năm 2025\nV/v báo cáo kết quả chuyển đổi số\n{BODY}\nGIÁM ĐỐC\nLê Hoàng Phúc",
        {"issuer": "Sở Khoa học và Công nghệ", "place": "An Giang"},
    ),
    (
        "iss-hanoi",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 3355/UBND-KT\n{MOTTO}\nHà Nội, ngày 06 tháng 9 năm 2025\nV/v tổ chức giao thông khu vực nội đô\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân thành phố Hà Nội", "place": "Hà Nội"},
    ),
    (
        "iss-commune-mixed",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ Vĩnh Hậu\nSố: 61/UBND-VP\n{MOTTO}\nVĩnh Hậu, ngày 07 tháng 9 năm 2025\nV/v tổng vệ sinh đường làng\n{BODY}\nCHỦ TỊCH\nĐoàn Văn Lợi",
        {"issuer": "Ủy ban nhân dân xã Vĩnh Hậu", "place": "Vĩnh Hậu"},
    ),
    (
        "iss-commune-council",
        "txt",
        f"HỘI ĐỒNG NHÂN DÂN\nXÃ MỸ HÒA HƯNG\nSố: 09/NQ-HĐND\n{MOTTO}\nMỹ Hòa Hưng, ngày 18 tháng 12 năm 2025\nNGHỊ QUYẾT\nVề dự toán ngân sách xã năm 2026\nHỘI ĐỒNG NHÂN DÂN XÃ MỸ HÒA HƯNG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua dự toán.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Út",
        {
            "issuer": "Hội đồng nhân dân xã Mỹ Hòa Hưng",
            "doc_type": "Nghị quyết",
            "subject": "Về dự toán ngân sách xã năm 2026",
        },
    ),
    (
        "iss-stamp-above",
        "txt",
        f"KHẨN\nỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2201/UBND-KT\n{MOTTO}\nAn Giang, ngày 08 tháng 9 năm 2025\nV/v ứng phó áp thấp nhiệt đới\n{BODY}\n{SIGN}",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "2201/UBND-KT",
            "subject": "V/v ứng phó áp thấp nhiệt đới",
        },
    ),
    (
        "iss-tab-three-lines",
        "para",
        "UBND TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc\n________\t______________________\nSố: 512/STP-HCTP\tAn Giang, ngày 09 tháng 9 năm 2025\nV/v triển khai Luật Ban hành văn bản quy phạm pháp luật\n"
        + BODY
        + "\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHà Văn Thịnh",
        {
            "issuer": "Sở Tư pháp tỉnh An Giang",
            "number": "512/STP-HCTP",
            "issued_date": "2025-09-09",
            "signer": "Hà Văn Thịnh",
        },
    ),
    (
        "num-spaces-both",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 15 /QĐ- UBND\n{MOTTO}\nAn Giang, ngày 10 tháng 9 năm 2025\nQUYẾT ĐỊNH\nVề việc kiện toàn Hội đồng thi đua, khen thưởng tỉnh\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nQUYẾT ĐỊNH:\nĐiều 1. Kiện toàn Hội đồng.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {"number": "15/QĐ-UBND", "doc_type": "Quyết định"},
    ),
    (
        "num-cv-symbol",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ PHÚ HÒA\nSố: 23/CV-UBND\n{MOTTO}\nPhú Hòa, ngày 11 tháng 9 năm 2025\nV/v rà soát hộ nghèo\n{BODY}\nCHỦ TỊCH\nNguyễn Hữu Tài",
        {"number": "23/CV-UBND", "doc_type": "Công văn"},
    ),
    (
        "date-slash-form",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2202/UBND-KT\n{MOTTO}\nAn Giang, ngày 12/9/2025\nV/v kiểm tra công trình xây dựng\n{BODY}\n{SIGN}",
        {"place": "An Giang", "issued_date": "2025-09-12"},
    ),
    (
        "subj-vv-beside-kinhgui",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2203/UBND-KT\n{MOTTO}\nAn Giang, ngày 13 tháng 9 năm 2025\nV/v rà soát dữ liệu đất đai Kính gửi: Sở Nông nghiệp và Môi trường.\nỦy ban nhân dân tỉnh đề nghị Sở thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n{SIGN}",
        {"subject": "V/v rà soát dữ liệu đất đai"},
    ),
    (
        "subj-decision-vv",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2204/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 14 tháng 9 năm 2025\nQUYẾT ĐỊNH\nV/v phê duyệt quy hoạch chi tiết khu dân cư\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Quy hoạch đô thị và nông thôn ngày 26 tháng 6 năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt quy hoạch.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {"doc_type": "Quyết định", "subject": "V/v phê duyệt quy hoạch chi tiết khu dân cư"},
    ),
    (
        "subj-type-same-line",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2205/KH-UBND\n{MOTTO}\nAn Giang, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH Triển khai Tháng hành động vì an toàn thực phẩm\nI. MỤC ĐÍCH, YÊU CẦU\n1. Sở Y tế chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {"doc_type": "Kế hoạch", "subject": "Triển khai Tháng hành động vì an toàn thực phẩm"},
    ),
    (
        "subj-plan-three-lines",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2206/KH-UBND\n{MOTTO}\nAn Giang, ngày 16 tháng 9 năm 2025\nKẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia\nxây dựng nông thôn mới\ngiai đoạn 2026 - 2030\nI. MỤC ĐÍCH, YÊU CẦU\n1. Sở Nông nghiệp và Môi trường chủ trì.\nNơi nhận:\n- Lưu: VT.\n{SIGN}",
        {
            "subject": "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2026 - 2030"
        },
    ),
    (
        "subj-decision-collective-authority",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 30/2025/QĐ-UBND\n{MOTTO}\nAn Giang, ngày 17 tháng 9 năm 2025\nQUYẾT ĐỊNH\nBan hành Quy chế phối hợp quản lý cụm công nghiệp\nỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "subject": "Ban hành Quy chế phối hợp quản lý cụm công nghiệp",
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "signer": "Hồ Văn Mừng",
        },
    ),
    (
        "subj-commune-decision",
        "txt",
        f"ỦY BAN NHÂN DÂN\nPHƯỜNG RẠCH GIÁ\nSố: 145/QĐ-UBND\n{MOTTO}\nRạch Giá, ngày 18 tháng 9 năm 2025\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công nghệ số cộng đồng\nCHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG RẠCH GIÁ\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nTrần Quốc Việt",
        {
            "issuer": "Ủy ban nhân dân phường Rạch Giá",
            "subject": "Về việc thành lập Tổ công nghệ số cộng đồng",
            "place": "Rạch Giá",
        },
    ),
    (
        "subj-notice-capital-second-line",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2207/TB-UBND\n{MOTTO}\nAn Giang, ngày 19 tháng 9 năm 2025\nTHÔNG BÁO\nÝ kiến kết luận của Phó Chủ tịch\nỦy ban nhân dân tỉnh tại cuộc họp về tiến độ dự án\nNgày 15 tháng 9 năm 2025, Phó Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp.\n1. Sở Xây dựng khẩn trương hoàn thành.\nNơi nhận:\n- Lưu: VT.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nLê Thị Diễm",
        {
            "subject": "Ý kiến kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ dự án",
            "signer": "Lê Thị Diễm",
            "signer.title": "PHÓ CHÁNH VĂN PHÒNG",
        },
    ),
    (
        "subj-notice-caps",
        "txt",
        f"VĂN PHÒNG CHÍNH PHỦ\nSố: 700/TB-VPCP\n{MOTTO}\nHà Nội, ngày 20 tháng 12 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP\nVỀ CƠ SỞ DỮ LIỆU QUỐC GIA\nNgày 15 tháng 12 năm 2025, Phó Thủ tướng đã chủ trì cuộc họp.\n1. Bộ Công an chủ trì.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường",
        {
            "subject": "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CƠ SỞ DỮ LIỆU QUỐC GIA",
            "doc_type": "Thông báo",
        },
    ),
    (
        "subj-directive-caps",
        "txt",
        f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 05/CT-TTg\n{MOTTO}\nHà Nội, ngày 21 tháng 02 năm 2026\nCHỈ THỊ\nVỀ TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU\nThời gian qua, tình hình buôn lậu diễn biến phức tạp.\n1. Bộ Công an chủ trì.\nNơi nhận:\n- Lưu: VT.\nTHỦ TƯỚNG\nPhạm Minh Chính",
        {
            "doc_type": "Chỉ thị",
            "subject": "VỀ TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU",
            "issuer": "Thủ tướng Chính phủ",
            "signer": "Phạm Minh Chính",
        },
    ),
    (
        "sig-glued-to-recipient",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2208/UBND-KT\n{MOTTO}\nAn Giang, ngày 22 tháng 9 năm 2025\nV/v xử lý rác thải nhựa\nKính gửi: Sở Nông nghiệp và Môi trường.\nỦy ban nhân dân tỉnh đề nghị Sở thực hiện./.\nNơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- CT, các PCT UBND tỉnh;\n- Lưu: VT. Nguyễn Thị Minh",
        {"signer": "Nguyễn Thị Minh"},
    ),
    (
        "sig-caps-name",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2209/UBND-KT\n{MOTTO}\nAn Giang, ngày 23 tháng 9 năm 2025\nV/v thu phí tham quan\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN THỊ MINH",
        {"signer": "NGUYỄN THỊ MINH"},
    ),
    (
        "sig-digital-mark",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2210/UBND-KT\n{MOTTO}\nAn Giang, ngày 24 tháng 9 năm 2025\nV/v bảo vệ nguồn lợi thủy sản\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n[Chữ ký số]\nNguyễn Thị Minh",
        {"signer": "Nguyễn Thị Minh"},
    ),
    (
        "sig-commune-party-tm",
        "txt",
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY PHƯỜNG LONG XUYÊN\n*\nSố 101-CV/ĐU\nV/v chuẩn bị đại hội chi bộ\nĐẢNG CỘNG SẢN VIỆT NAM\nLong Xuyên, ngày 25 tháng 9 năm 2025\nKính gửi: Các chi bộ trực thuộc.\nBan Thường vụ Đảng ủy đề nghị các chi bộ chuẩn bị.\nNơi nhận:\n- Như trên,\n- Lưu.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLâm Quang Thái",
        {
            "issuer": "Đảng ủy phường Long Xuyên",
            "signer": "Lâm Quang Thái",
            "place": "Long Xuyên",
            "number": "101-CV/ĐU",
        },
    ),
    (
        "sig-vpubnd-tl",
        "txt",
        f"UBND TỈNH AN GIANG\nVĂN PHÒNG\nSố: 3300/VP-KT\n{MOTTO}\nAn Giang, ngày 26 tháng 9 năm 2025\nV/v truyền đạt ý kiến chỉ đạo của Chủ tịch UBND tỉnh\n{BODY}\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nLê Thị Diễm",
        {
            "signer": "Lê Thị Diễm",
            "number": "3300/VP-KT",
            "subject": "V/v truyền đạt ý kiến chỉ đạo của Chủ tịch UBND tỉnh",
        },
    ),
    (
        "sig-plan-attached-decision-signer",
        "txt",
        f"ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG\nSố: 40/QĐ-UBND\n{MOTTO}\nMỹ Hòa Hưng, ngày 27 tháng 9 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống dịch bệnh năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ\nCăn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nĐoàn Văn Lợi\nỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG\nKẾ HOẠCH\nPhòng, chống dịch bệnh năm 2026\n(Ban hành kèm theo Quyết định số 40/QĐ-UBND ngày 27/9/2025)\nI. MỤC ĐÍCH\n1. Trạm Y tế xã chủ trì.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLý Văn Bé",
        {
            "signer": "Đoàn Văn Lợi",
            "doc_type": "Quyết định",
            "issuer": "Ủy ban nhân dân xã Mỹ Hòa Hưng",
            "subject": "Ban hành Kế hoạch phòng, chống dịch bệnh năm 2026",
        },
    ),
    (
        "num-under-stamp-and-esign",
        "txt",
        f"Ký bởi: Ủy ban nhân dân tỉnh An Giang\nThời gian ký: 28.09.2025 09:12:00 +07:00\nỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2211/UBND-KGVX\n{MOTTO}\nAn Giang, ngày 28 tháng 9 năm 2025\nV/v tổ chức Tết Trung thu cho thiếu nhi\n{BODY}\n{SIGN}",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "2211/UBND-KGVX",
            "subject": "V/v tổ chức Tết Trung thu cho thiếu nhi",
            "issued_date": "2025-09-28",
        },
    ),
    (
        "md-pipe-table-rows-split",
        "md",
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| TỈNH AN GIANG | Độc lập - Tự do - Hạnh phúc |\n| Số: 2212/UBND-KT | An Giang, ngày 29 tháng 9 năm 2025 |\n| V/v triển khai chính sách hỗ trợ | |\n| người lao động mất việc làm | |\n\nKính gửi: Sở Nội vụ.\n\nỦy ban nhân dân tỉnh đề nghị Sở Nội vụ thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "2212/UBND-KT",
            "issued_date": "2025-09-29",
            "subject": "V/v triển khai chính sách hỗ trợ người lao động mất việc làm",
        },
    ),
    (
        "md-parent-unit-table",
        "md",
        "| UBND TỈNH AN GIANG<br>**SỞ XÂY DỰNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n| Số: 1500/SXD-QLXD<br>V/v cấp phép xây dựng nhà ở riêng lẻ | *An Giang, ngày 30 tháng 9 năm 2025* |\n\nKính gửi: Ủy ban nhân dân các xã, phường, đặc khu.\n\nSở Xây dựng đề nghị các địa phương thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nVõ Quốc Bảo\n",
        {
            "issuer": "Sở Xây dựng tỉnh An Giang",
            "number": "1500/SXD-QLXD",
            "subject": "V/v cấp phép xây dựng nhà ở riêng lẻ",
            "issued_date": "2025-09-30",
        },
    ),
    (
        "spaced-md-one-cell",
        "md",
        "| ỦY B AN NHÂN D Â N T ỈNH AN G IANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 2301/UBND-KT | An Giang, ngày 02 tháng 10 năm 2025 |\n\nV/v gia hạn thời gian nộp hồ sơ\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "2301/UBND-KT",
            "issued_date": "2025-10-02",
        },
    ),
    (
        "spaced-two-lines-city",
        "txt",
        f"ỦY B AN NHÂN D Â N\nT HÀNH P HỐ C ẦN T HƠ\nSố: 2302/UBND-KT\n{MOTTO}\nCần Thơ, ngày 03 tháng 10 năm 2025\nV/v nạo vét luồng sông\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân thành phố Cần Thơ", "place": "Cần Thơ"},
    ),
    (
        "spaced-place-date",
        "md",
        "| ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: 2303/UBND-KT | C ần T hơ, ngày 12 tháng 8 năm 2025 |\n\nV/v phòng chống sạt lở bờ sông\n\nKính gửi: Các sở, ban, ngành thành phố.\n\nỦy ban nhân dân thành phố đề nghị các cơ quan thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n",
        {"place": "C ần T hơ", "issued_date": "2025-08-12"},
    ),
    (
        "spaced-number-symbol",
        "md",
        "| ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: 512/QĐ - U B ND | An Giang, ngày 04 tháng 10 năm 2025 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC THÀNH LẬP HỘI ĐỒNG THẨM ĐỊNH\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Hội đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nHồ Văn Mừng\n",
        {"number": "512/QĐ-UBND", "doc_type": "Quyết định"},
    ),
    (
        "spaced-signer",
        "md",
        "ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 2304/UBND-KT\n\nAn Giang, ngày 05 tháng 10 năm 2025\n\nV/v bảo trì đường tỉnh\n\nKính gửi: Sở Xây dựng.\n\nỦy ban nhân dân tỉnh đề nghị Sở Xây dựng thực hiện.\n\n| Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Văn Tâm |\n",
        {"signer": "Ngu y ễn Văn Tâm"},
    ),
    (
        "lost-first-glyph",
        "txt",
        f"Y BAN NHÂN DÂN\nTỈNH GIA LAI\n-------\nSố: 2401/UBND-KT\n{MOTTO}\nGia Lai, ngày 06 tháng 10 năm 2025\nV/v bảo vệ rừng mùa khô\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân tỉnh Gia Lai", "place": "Gia Lai"},
    ),
    (
        "date-place-lost",
        "para",
        "BỘ NỘI VỤ\nSố: 2402/BNV-CCVC\nV/v tuyển dụng công chức năm 2026\n, ngày 07 tháng 10 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố.\nBộ Nội vụ đề nghị các địa phương thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrương Hải Long",
        {
            "place": None,
            "issued_date": "2025-10-07",
            "subject": "V/v tuyển dụng công chức năm 2026",
        },
    ),
    (
        "flat-head-caps-subject",
        "txt",
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc An Giang, ngày 08 tháng 10 năm 2025 Số: 21/CT-UBND CHỈ THỊ VỀ TĂNG CƯỜNG QUẢN LÝ ĐẤT ĐAI TRÊN ĐỊA BÀN TỈNH Thời gian qua, công tác quản lý đất đai trên địa bàn tỉnh còn nhiều hạn chế.\n1. Sở Nông nghiệp và Môi trường chủ trì rà soát.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "doc_type": "Chỉ thị",
            "subject": "VỀ TĂNG CƯỜNG QUẢN LÝ ĐẤT ĐAI TRÊN ĐỊA BÀN TỈNH",
            "number": "21/CT-UBND",
            "issued_date": "2025-10-08",
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
        },
    ),
    (
        "iss-abbrev-khcn",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ KH&CN\nSố: 2501/SKHCN-VP\n{MOTTO}\nAn Giang, ngày 09 tháng 10 năm 2025\nV/v đăng ký sáng kiến\n{BODY}\nGIÁM ĐỐC\nLê Hoàng Phúc",
        {"issuer": "Sở Khoa học và Công nghệ tỉnh An Giang"},
    ),
    (
        "iss-abbrev-gddt",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ GD&ĐT\nSố: 2502/SGDĐT-GDTrH\n{MOTTO}\nAn Giang, ngày 10 tháng 10 năm 2025\nV/v tổ chức hội thi giáo viên dạy giỏi\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐặng Thị Thu",
        {"issuer": "Sở Giáo dục và Đào tạo tỉnh An Giang"},
    ),
    (
        "iss-abbrev-bcd",
        "txt",
        f"UBND TỈNH AN GIANG\nBCĐ PHÒNG, CHỐNG DỊCH BỆNH\nSố: 25/BCĐ-SYT\n{MOTTO}\nAn Giang, ngày 11 tháng 10 năm 2025\nV/v giám sát dịch cúm gia cầm\n{BODY}\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHuỳnh Văn Khải",
        {"issuer": "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh An Giang"},
    ),
    (
        "iss-party-ubnd",
        "txt",
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n*\nSố 12-CV/ĐU\nV/v kiện toàn chi bộ trực thuộc\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 12 tháng 10 năm 2025\nKính gửi: Các chi bộ trực thuộc.\nĐảng ủy đề nghị các chi bộ thực hiện.\nNơi nhận:\n- Như trên,\n- Lưu.\nT/M ĐẢNG ỦY\nBÍ THƯ\nHồ Văn Mừng",
        {"issuer": "Đảng ủy Ủy ban nhân dân tỉnh An Giang", "signer": "Hồ Văn Mừng"},
    ),
    (
        "iss-party-zone",
        "txt",
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY ĐẶC KHU PHÚ QUỐC\n*\nSố 45-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nPhú Quốc, ngày 13 tháng 10 năm 2025\nKẾ HOẠCH\nkiểm tra, giám sát năm 2026\n1. Ủy ban Kiểm tra Đảng ủy chủ trì.\nNơi nhận:\n- Lưu.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Phúc",
        {
            "issuer": "Đảng ủy đặc khu Phú Quốc",
            "place": "Phú Quốc",
            "subject": "kiểm tra, giám sát năm 2026",
            "doc_type": "Kế hoạch",
        },
    ),
    (
        "iss-commune-unit",
        "txt",
        f"UBND XÃ MỸ HÒA HƯNG\nBAN CHỈ HUY QUÂN SỰ\nSố: 14/KH-BCHQS\n{MOTTO}\nMỹ Hòa Hưng, ngày 14 tháng 10 năm 2025\nKẾ HOẠCH\nHuấn luyện dân quân năm 2026\n1. Các ấp tổ chức lực lượng.\nNơi nhận:\n- Lưu.\nCHỈ HUY TRƯỞNG\nTrần Văn Hậu",
        {"issuer": "Ban Chỉ huy quân sự xã Mỹ Hòa Hưng", "signer": "Trần Văn Hậu"},
    ),
    (
        "num-steering-digits",
        "txt",
        f"BAN CHỈ ĐẠO 57 TỈNH AN GIANG\nSố: 09/KH-BCĐ57\n{MOTTO}\nAn Giang, ngày 15 tháng 10 năm 2025\nKẾ HOẠCH\nKiểm tra tiến độ chuyển đổi số quý IV năm 2025\n1. Sở Khoa học và Công nghệ chủ trì.\nNơi nhận:\n- Lưu: VT.\nTRƯỞNG BAN\nLê Hồng Quang",
        {"number": "09/KH-BCĐ57", "doc_type": "Kế hoạch"},
    ),
    (
        "date-tp-abbrev",
        "txt",
        f"UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ Y TẾ\nSố: 6001/SYT-NVY\n{MOTTO}\nTP. Hồ Chí Minh, ngày 16 tháng 10 năm 2025\nV/v tăng cường phòng chống sốt xuất huyết\n{BODY}\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Vĩnh Châu",
        {
            "place": "TP. Hồ Chí Minh",
            "issued_date": "2025-10-16",
            "issuer": "Sở Y tế Thành phố Hồ Chí Minh",
        },
    ),
    (
        "date-trailing-period",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2503/UBND-KT\n{MOTTO}\nAn Giang, ngày 17 tháng 10 năm 2025.\nV/v điều chỉnh giá nước sạch\n{BODY}\n{SIGN}",
        {
            "place": "An Giang",
            "issued_date": "2025-10-17",
            "subject": "V/v điều chỉnh giá nước sạch",
        },
    ),
    (
        "subj-director-decision",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 310/QĐ-SKHCN\n{MOTTO}\nAn Giang, ngày 18 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng tư vấn\nđánh giá nhiệm vụ khoa học và công nghệ\ncấp cơ sở năm 2025\nGIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ\nCăn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Hội đồng.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nLê Hoàng Phúc",
        {
            "subject": "Về việc thành lập Hội đồng tư vấn đánh giá nhiệm vụ khoa học và công nghệ cấp cơ sở năm 2025",
            "doc_type": "Quyết định",
        },
    ),
    (
        "subj-attached-plan-note",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n{MOTTO}\nKẾ HOẠCH\nThực hiện Chiến lược quốc gia về dữ liệu\n(Ban hành kèm theo Quyết định số 2600/QĐ-UBND ngày 19/10/2025 của Ủy ban nhân dân tỉnh)\nI. MỤC ĐÍCH, YÊU CẦU\n1. Công an tỉnh chủ trì.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Minh",
        {
            "subject": "Thực hiện Chiến lược quốc gia về dữ liệu",
            "doc_type": "Kế hoạch",
            "number": None,
        },
    ),
    (
        "sig-ethnic-name",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 2504/UBND-KT\n{MOTTO}\nĐắk Lắk, ngày 20 tháng 10 năm 2025\nV/v phát triển cây cà phê bền vững\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nY Thanh Hà Niê Kđăm",
        {
            "signer": "Y Thanh Hà Niê Kđăm",
            "issuer": "Ủy ban nhân dân tỉnh Đắk Lắk",
            "place": "Đắk Lắk",
        },
    ),
    (
        "sig-two-word-name",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2505/UBND-KT\n{MOTTO}\nAn Giang, ngày 21 tháng 10 năm 2025\nV/v quản lý khai thác khoáng sản\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Hùng",
        {"signer": "Lê Hùng"},
    ),
    (
        "md-br-subject-cell",
        "md",
        "| UBND TỈNH AN GIANG<br>**SỞ TÀI CHÍNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n| Số: 2506/STC-QLNS<br>V/v rà soát<br>danh mục dự án chuyển tiếp | *An Giang, ngày 22 tháng 10 năm 2025* |\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nSở Tài chính đề nghị các cơ quan rà soát.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nPhan Văn Lực\n",
        {
            "subject": "V/v rà soát danh mục dự án chuyển tiếp",
            "number": "2506/STC-QLNS",
            "issuer": "Sở Tài chính tỉnh An Giang",
            "signer": "Phan Văn Lực",
        },
    ),
    (
        "num-commune-bcd",
        "para",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ PHÚ HÒA\tĐộc lập - Tự do - Hạnh phúc\nSố: 31/TB-UBND\tPhú Hòa, ngày 23 tháng 10 năm 2025\nTHÔNG BÁO\nTạm ngừng cung cấp điện để bảo trì lưới điện\nỦy ban nhân dân xã thông báo đến toàn thể Nhân dân được biết.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLý Văn Bé",
        {
            "number": "31/TB-UBND",
            "place": "Phú Hòa",
            "issued_date": "2025-10-23",
            "subject": "Tạm ngừng cung cấp điện để bảo trì lưới điện",
            "issuer": "Ủy ban nhân dân xã Phú Hòa",
            "signer": "Lý Văn Bé",
        },
    ),
    (
        "type-report-caps-subject",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 410/BC-UBND\n{MOTTO}\nAn Giang, ngày 24 tháng 10 năm 2025\nBÁO CÁO\nTÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2025\nVÀ NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM\nI. TÌNH HÌNH KINH TẾ - XÃ HỘI\nTăng trưởng đạt 7,2%.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Văn Mừng",
        {
            "doc_type": "Báo cáo",
            "subject": "TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2025 VÀ NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM",
        },
    ),
    (
        "iss-party-office",
        "txt",
        "TỈNH ỦY AN GIANG\nVĂN PHÒNG\n*\nSố 310-CV/VPTU\nV/v chuẩn bị nội dung hội nghị\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 25 tháng 10 năm 2025\nKính gửi: Các ban đảng Tỉnh ủy.\nVăn phòng Tỉnh ủy đề nghị các ban chuẩn bị.\nNơi nhận:\n- Như trên,\n- Lưu.\nK/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nTrần Thị Ngọc Hân",
        {
            "issuer": "Văn phòng Tỉnh ủy An Giang",
            "signer": "Trần Thị Ngọc Hân",
            "number": "310-CV/VPTU",
        },
    ),
    (
        "sig-md-italic-bold",
        "md",
        "ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 2601/UBND-KT\n\nAn Giang, ngày 26 tháng 10 năm 2025\n\nV/v kiểm tra phòng cháy chữa cháy\n\nKính gửi: Công an tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị Công an tỉnh thực hiện.\n\n***Nơi nhận:***\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n\n**PHÓ CHỦ TỊCH**\n\n***Nguyễn Văn Thành***\n",
        {"signer": "Nguyễn Văn Thành"},
    ),
    (
        "sig-nguoi-ky-stamp",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2602/UBND-KT\n{MOTTO}\nAn Giang, ngày 27 tháng 10 năm 2025\nV/v quản lý vật liệu nổ công nghiệp\n{BODY}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNgười ký: Nguyễn Thị Minh\nEmail: ntminh@angiang.gov.vn\nThời gian ký: 27.10.2025 10:00:00 +07:00\nNguyễn Thị Minh",
        {"signer": "Nguyễn Thị Minh"},
    ),
    (
        "subj-vv-lower-continues-caps-cited",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2603/UBND-KGVX\nV/v thực hiện Công văn số 1234/BYT-KCB\nngày 10/10/2025 của Bộ Y tế\n{MOTTO}\nAn Giang, ngày 28 tháng 10 năm 2025\n{BODY}\n{SIGN}",
        {
            "subject": "V/v thực hiện Công văn số 1234/BYT-KCB ngày 10/10/2025 của Bộ Y tế",
            "number": "2603/UBND-KGVX",
        },
    ),
    (
        "date-place-zone-para",
        "para",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐẶC KHU PHÚ QUỐC\tĐộc lập - Tự do - Hạnh phúc\nSố: 88/UBND-VP\tPhú Quốc, ngày 29 tháng 10 năm 2025\nV/v đảm bảo an toàn cho du khách\n"
        + BODY
        + "\nCHỦ TỊCH\nLâm Văn Sang",
        {
            "place": "Phú Quốc",
            "issued_date": "2025-10-29",
            "issuer": "Ủy ban nhân dân đặc khu Phú Quốc",
            "signer": "Lâm Văn Sang",
        },
    ),
    (
        "type-conclusion-party",
        "txt",
        "TỈNH ỦY AN GIANG\n*\nSố 120-KL/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày 30 tháng 10 năm 2025\nKẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về tình hình kinh tế - xã hội 9 tháng\n1. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo thực hiện.\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thanh Nhàn",
        {
            "doc_type": "Kết luận",
            "subject": "của Ban Thường vụ Tỉnh ủy về tình hình kinh tế - xã hội 9 tháng",
            "issuer": "Tỉnh ủy An Giang",
        },
    ),
    (
        "num-blank-party",
        "txt",
        "TỈNH ỦY AN GIANG\n*\nSố     -CV/TU\nV/v góp ý dự thảo báo cáo chính trị\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Giang, ngày    tháng 11 năm 2025\nKính gửi: Các đảng ủy trực thuộc Tỉnh ủy.\nThường trực Tỉnh ủy đề nghị góp ý.\nNơi nhận:\n- Như trên,\n- Lưu.\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nPhan Văn Tú",
        {"number": "-CV/TU", "issued_date": None, "place": "An Giang"},
    ),
    (
        "iss-unit-wrapped",
        "txt",
        f"UBND TỈNH AN GIANG\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\nSố: 2701/SVHTTDL-VP\n{MOTTO}\nAn Giang, ngày 31 tháng 10 năm 2025\nV/v tổ chức giải chạy việt dã\n{BODY}\nGIÁM ĐỐC\nTrần Thị Mỹ Dung",
        {"issuer": "Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang"},
    ),
    (
        "iss-board-wrapped",
        "txt",
        f"UBND TỈNH AN GIANG\nBAN QUẢN LÝ DỰ ÁN ĐẦU TƯ\nXÂY DỰNG CÔNG TRÌNH GIAO THÔNG\nSố: 801/BQLDA-KH\n{MOTTO}\nAn Giang, ngày 01 tháng 11 năm 2025\nV/v bàn giao mặt bằng thi công\n{BODY}\nGIÁM ĐỐC\nNguyễn Minh Trí",
        {"issuer": "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh An Giang"},
    ),
    (
        "iss-tab-mixed-province",
        "para",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỉnh Quảng Trị\tĐộc lập - Tự do - Hạnh phúc\nSố: 902/UBND-KT\tQuảng Trị, ngày 02 tháng 11 năm 2025\nV/v khắc phục hậu quả mưa lũ\n"
        + BODY
        + "\n"
        + SIGN,
        {"issuer": "Ủy ban nhân dân tỉnh Quảng Trị", "place": "Quảng Trị", "number": "902/UBND-KT"},
    ),
    (
        "iss-tab-all-cased",
        "para",
        "Ủy ban nhân dân\tCộng hòa xã hội chủ nghĩa Việt Nam\nTỉnh An Giang\tĐộc lập - Tự do - Hạnh phúc\nSố: 903/UBND-KT\tAn Giang, ngày 03 tháng 11 năm 2025\nV/v thu gom rác thải nông thôn\n"
        + BODY
        + "\n"
        + SIGN,
        {
            "issuer": "Ủy ban nhân dân tỉnh An Giang",
            "number": "903/UBND-KT",
            "issued_date": "2025-11-03",
        },
    ),
    (
        "iss-city-mixed",
        "txt",
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ Hồ Chí Minh\nSố: 904/UBND-ĐT\n{MOTTO}\nThành phố Hồ Chí Minh, ngày 04 tháng 11 năm 2025\nV/v chống ngập đô thị\n{BODY}\n{SIGN}",
        {"issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
    ),
]


def _fold(value: str | None) -> str | None:
    return (
        None if value is None else " ".join(unicodedata.normalize("NFC", value).casefold().split())
    )


def _field(result, key: str) -> str | None:
    if key.startswith("signer"):
        return (result.signer or {}).get("title" if key == "signer.title" else "name")
    return getattr(result, key)


def run_probe(mode: str, source: str, tmp_path: Path):
    """The probe read as plain text ("plain"), as a wrapped text ("txt") or as a Markdown web
    copy read as the app reads a file ("md")."""
    if mode == "md":
        path = tmp_path / "probe.md"
        path.write_text(source, encoding="utf-8")
        return extract_file(path, directory=AN_GIANG)
    return extract_text(source, wrapped=mode == "txt", directory=AN_GIANG)


@pytest.mark.parametrize(
    ("mode", "source", "expected"), [p[1:] for p in PROBES], ids=[p[0] for p in PROBES]
)
def test_metadata_probe(mode: str, source: str, expected: dict, tmp_path: Path) -> None:
    result = run_probe(mode, source, tmp_path)
    got = {key: _fold(_field(result, key)) for key in expected}
    assert got == {key: _fold(value) for key, value in expected.items()}


def test_probe_ids_unique() -> None:
    assert len({p[0] for p in PROBES}) == len(PROBES)
