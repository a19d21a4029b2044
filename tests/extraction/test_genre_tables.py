"""Whole documents whose tasks sit in appendix tables (tests/extraction/cases/documents/).

Unit fixtures in the genre's shapes, not real documents."""

from __future__ import annotations

from case_documents import AN_GIANG, DOCS, tasks_of

from dxtrack.extraction import extract_file, extract_text


class TestSpaceAlignedAppendixTable:
    def test_rows_centred_between_blank_lines(self):
        """pdftotext -layout: the header over three lines, a product column, each row's
        number printed mid-row, Công báo page headers and an e-signature stamp."""
        assert tasks_of("nghi_quyet_phu_luc_cot.txt") == [
            ("PL.1", ["Bộ Tư pháp"], ["Các bộ, cơ quan ngang bộ"], "2024-06-30", None),
            ("PL.2", ["Bộ Công an"], ["Bộ Tài chính"], "2024-12-31", None),
            ("PL.3", ["Văn phòng Chính phủ"], ["Các bộ, ngành"], None, "continuous"),
        ]

    def test_metadata_before_the_table(self):
        result = extract_file(DOCS / "nghi_quyet_phu_luc_cot.txt", directory=AN_GIANG)
        assert (result.doc_type, result.number, result.issued_date) == (
            "Nghị quyết",
            "45/NQ-CP",
            "2024-03-10",
        )
        assert result.signer == {"name": "Trần Lưu Quang", "title": "PHÓ THỦ TƯỚNG"}
        assert "45/NQ-CP" not in [r["number"] for r in result.references]


class TestTableHeaders:
    def test_merged_cell_over_lead_and_coordinators(self):
        """ "Cơ quan thực hiện" merged over a second header row "Chủ trì" | "Phối hợp"."""
        text = (
            "| TT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian hoàn thành |\n"
            "| | | Chủ trì | Phối hợp | |\n"
            "| I | HOÀN THIỆN THỂ CHẾ | | | |\n"
            "| 1 | Rà soát quy định về dữ liệu | Sở Tư pháp | Công an tỉnh | Quý II/2025 |\n"
        )
        (task,) = extract_text(text, directory=AN_GIANG).tasks
        assert (task["clause"], task["lead"], task["coordinators"], task["deadline"]) == (
            "PL.I.1",
            ["Sở Tư pháp"],
            ["Công an tỉnh"],
            "2025-06-30",
        )

    def test_table_without_stt_column_numbers_rows_in_order(self):
        text = (
            "Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
            "Rà soát quy định về dữ liệu | Sở Tư pháp | Công an tỉnh | Quý II/2025\n"
            "Ban hành quy chế chia sẻ dữ liệu | Công an tỉnh | Các sở, ngành | Tháng 9/2025\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
            ("PL.1", ["Sở Tư pháp"], "2025-06-30"),
            ("PL.2", ["Công an tỉnh"], "2025-09-30"),
        ]

    def test_time_column_named_thuc_hien_before_the_lead(self):
        """ "Thời gian thực hiện" is the time column even before "Đơn vị thực hiện"."""
        text = (
            "STT | Nội dung | Thời gian thực hiện | Đơn vị thực hiện\n"
            "1 | Rà soát quy định về dữ liệu | Quý II/2025 | Sở Tư pháp\n"
            "2 | Ban hành quy chế | Năm 2025 | Công an tỉnh\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
            ("PL.1", ["Sở Tư pháp"], "2025-06-30"),
            ("PL.2", ["Công an tỉnh"], "2025-12-31"),
        ]


class TestLetteredRowsAndTimeCells:
    def test_lettered_rows_under_a_numbered_group_row(self):
        """ "1 | Tổ chức tuyên truyền" groups "a)", "b)": PL.1.a, PL.1.b; a numbered row with
        its own lead after them is PL.2."""
        text = (
            "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\n"
            "1 | Tổ chức tuyên truyền, phổ biến Nghị định | | |\n"
            "a) | Tổ chức hội nghị triển khai | Sở Tư pháp | Các sở, ngành | Quý III, IV/2025\n"
            "b) | Tổ chức truyền thông | Sở Văn hóa, Thể thao và Du lịch | | Thường xuyên\n"
            "2 | Đàm phán, ký kết thỏa thuận | Sở Tài chính | Công an tỉnh | Quý IV/2025, 2026\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["deadline"], t["recurrence"]) for t in tasks] == [
            ("PL.1.a", ["Sở Tư pháp"], "2025-12-31", None),
            ("PL.1.b", ["Sở Văn hóa, Thể thao và Du lịch"], None, "continuous"),
            ("PL.2", ["Sở Tài chính"], "2026-12-31", None),
        ]

    def test_time_cell_listing_periods_ends_with_the_last(self):
        """A time cell names one period: "Quý II, III/2025" ends with quarter III, "Quý
        IV/2025, 2026" with 2026; an open end stays open."""
        rows = [
            ("Quý II, III/2025", "2025-09-30"),
            ("Quý II - III/2025", "2025-09-30"),
            ("Quý IV/2025, 2026", "2026-12-31"),
            ("Năm 2025 và các năm tiếp theo", None),
        ]
        text = "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n" + "".join(
            f"{n} | Nhiệm vụ {n} | Sở Tư pháp | {when}\n" for n, (when, _) in enumerate(rows, 1)
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [t["deadline"] for t in tasks] == [deadline for _, deadline in rows]


class TestSectionRowsOfWebCopies:
    def test_section_in_the_stt_cell_and_header_repeated_per_page(self):
        """ "I. HOÀN THIỆN THỂ CHẾ" in the STT cell or alone in a one-cell row opens a
        section; the header repeated at a page break keeps it; a table starting again at
        row 1 under its own header does not."""
        text = (
            "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
            "I. HOÀN THIỆN THỂ CHẾ |  |  |  | \n"
            "1 | Xây dựng kế hoạch | Sở Tư pháp | Các sở, ngành | Quý II/2025\n"
            "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
            "2 | Rà soát quy định | Sở Nội vụ |  | Năm 2025\n"
            "II. HẠ TẦNG SỐ\n"
            "1 | Nâng cấp mạng | Sở Tài chính |  | Năm 2026\n"
            "PHỤ LỤC II\n"
            "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
            "1 | Mua sắm thiết bị | Sở Y tế |  | Năm 2026\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"]) for t in tasks] == [
            ("PL.I.1", ["Sở Tư pháp"]),
            ("PL.I.2", ["Sở Nội vụ"]),
            ("PL.II.1", ["Sở Tài chính"]),
            ("PL.1", ["Sở Y tế"]),
        ]


class TestScheduleTables:
    def test_time_first_group_rows_and_a_second_header_row(self):
        """A schedule: the time in the first column, "Thực hiện" over "Đơn vị chủ trì" |
        "Đơn vị phối hợp" in a second header row, group rows "1 | Lập nhiệm vụ" whose rows
        share the path PL.I.1, a time cell merged over a group's rows (printed in its first
        row only), two leads joined by "/", rows right under a section (PL.II)."""
        text = (
            "Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm | Thực hiện\n"
            " |  |  | Đơn vị chủ trì | Đơn vị phối hợp\n"
            "I | GIAI ĐOẠN 1: LẬP NHIỆM VỤ\n"
            "1 | Lập nhiệm vụ quy hoạch\n"
            "10-11/2019 | Xây dựng khung định hướng | Cơ quan lập quy hoạch | Sở Tư pháp"
            " | - Sở Nội vụ; - Sở Tài chính.\n"
            " | Lấy ý kiến các sở | Cơ quan lập quy hoạch | Sở Nội vụ/ Sở Tài chính | \n"
            "II | GIAI ĐOẠN 2: CÔNG BỐ\n"
            "12/2021 | Tổ chức hội nghị công bố | Cơ quan lập quy hoạch | Sở Xây dựng | \n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
            ("PL.I.1", ["Sở Tư pháp"], "2019-11-30"),
            ("PL.I.1", ["Sở Nội vụ", "Sở Tài chính"], "2019-11-30"),
            ("PL.II", ["Sở Xây dựng"], "2021-12-31"),
        ]
        assert tasks[0]["coordinators"] == ["Sở Nội vụ", "Sở Tài chính"]

    def test_row_without_its_own_stt_shares_the_row_above(self):
        """A row whose STT cell is empty (merged with row 1's) is a task of path PL.1."""
        text = (
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n"
            "1 | Xây dựng kế hoạch | Sở Tư pháp | Quý II/2025\n"
            " | Tổ chức tập huấn | Sở Nội vụ | Năm 2025\n"
            "2 | Rà soát quy định | Sở Y tế | 2026\n"
        )
        tasks = extract_text(text, directory=AN_GIANG).tasks
        assert [(t["clause"], t["lead"]) for t in tasks] == [
            ("PL.1", ["Sở Tư pháp"]),
            ("PL.1", ["Sở Nội vụ"]),
            ("PL.2", ["Sở Y tế"]),
        ]


def test_hoat_dong_header_names_the_task_column():
    # header words are compared with folded text; fold once wrote "hoạt" as "họat", and the
    # column "Hoạt động" was never taken for the task column
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
        "Triển khai chuyển đổi số năm 2026\n\nPHỤ LỤC\n"
        "STT | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1\nXây dựng kho dữ liệu dùng chung\nSở Khoa học và Công nghệ\nCác sở, ngành\n"
        "Quý II/2026\n"
    )
    tasks = extract_text(text).tasks
    assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
        ("PL.1", ["Sở Khoa học và Công nghệ"], "2026-06-30")
    ]


def test_hoat_dong_header_names_the_task_column_of_a_pipe_table():
    # the pipe table's header cells are folded too: "Hoạt động" (and "Hòan thành") are found
    # in either tone placement
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
        "Triển khai chuyển đổi số năm 2026\n\nPHỤ LỤC\n\n"
        "| STT | Thời gian hòan thành | Đơn vị chủ trì | Họat động |\n|---|---|---|---|\n"
        "| 1 | Quý II/2026 | Sở Khoa học và Công nghệ | Xây dựng kho dữ liệu dùng chung |\n"
        "| 2 | Năm 2026 | Sở Nội vụ | Rà soát quy trình nội bộ |\n"
    )
    tasks = extract_text(text).tasks
    assert [(t["clause"], t["lead"], t["deadline"], t["summary"]) for t in tasks] == [
        ("PL.1", ["Sở Khoa học và Công nghệ"], "2026-06-30", "Xây dựng kho dữ liệu dùng chung"),
        ("PL.2", ["Sở Nội vụ"], "2026-12-31", "Rà soát quy trình nội bộ"),
    ]


def test_group_column_beside_the_activity_column_and_lettered_sections():
    # "Nhóm nhiệm vụ" groups the rows and "Nhiệm vụ" holds each task; "| a) | title |" with no
    # numbered row above opens section a; rows numbered only by a dash or an empty cell are
    # PL.<section>; the "+"/"." bullets of the task cell are dropped; a row without a lead
    # (an intro to the rows below) gives no task; "2026 - 2028" ends with its last year
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 30/KH-UBND\nKẾ HOẠCH\n"
        "Phát triển du lịch xanh\n\nPHỤ LỤC\n\n"
        "| TT | Nhóm nhiệm vụ | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| a) | Nhóm nhiệm vụ về hạ tầng du lịch |\n"
        "| - | Nâng cấp điểm đến | + Cải tạo bến thuyền tại các điểm đến | Sở Xây dựng | "
        "Các xã | Bến thuyền được cải tạo | 2026 - 2028 |\n"
        "|  |  | + Các hoạt động dưới đây: |  |  |  |  |\n"
        "|  |  | . Lắp biển chỉ dẫn song ngữ | Sở Văn hóa, Thể thao và Du lịch | "
        "Các xã | Biển được lắp | 2026 -2027 |\n"
        "| b) | Nhóm nhiệm vụ về quảng bá |\n"
        "| - | Quảng bá sản phẩm | + Xây dựng bộ ảnh quảng bá | Sở Văn hóa, Thể thao và Du lịch "
        "|  | Bộ ảnh | 2026 |\n"
    )
    tasks = extract_text(text).tasks
    assert [(t["clause"], t["lead"], t["deadline"], t["summary"]) for t in tasks] == [
        ("PL.a", ["Sở Xây dựng"], "2028-12-31", "Cải tạo bến thuyền tại các điểm đến"),
        ("PL.a", ["Sở Văn hóa, Thể thao và Du lịch"], "2027-12-31", "Lắp biển chỉ dẫn song ngữ"),
        ("PL.b", ["Sở Văn hóa, Thể thao và Du lịch"], "2026-12-31", "Xây dựng bộ ảnh quảng bá"),
    ]


def test_group_column_alone_is_the_task_column():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 31/KH-UBND\nKẾ HOẠCH\n"
        "Phát triển du lịch xanh\n\nPHỤ LỤC\n\n"
        "| STT | Nhóm giải pháp | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Hoàn thiện quy hoạch du lịch | Sở Tài chính | Năm 2026 |\n"
    )
    tasks = extract_text(text).tasks
    assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
        ("PL.1", ["Sở Tài chính"], "2026-12-31")
    ]
