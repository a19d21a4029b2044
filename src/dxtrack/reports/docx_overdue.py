"""Body of the overdue list (danh sách nhiệm vụ quá hạn), per agency, for reminder letters."""

from __future__ import annotations

from docx.document import Document

from dxtrack import vn
from dxtrack.reports.data import OverdueItem, TaskReport
from dxtrack.reports.docx_layout import heading, para
from dxtrack.reports.docx_tables import bullet, data_table
from dxtrack.reports.docx_tasks import n, overdue_table


def by_agency(items: list[OverdueItem]) -> dict[str, list[OverdueItem]]:
    """Items grouped by agency name, each group most overdue first."""
    groups: dict[str, list[OverdueItem]] = {}
    for item in items:
        groups.setdefault(item.row.agency_name, []).append(item)
    return {
        name: sorted(group, key=lambda i: (-i.days_late, i.row.id))
        for name, group in groups.items()
    }


def overdue_body(doc: Document, report: TaskReport) -> None:
    total = report.totals.overdue
    lagging = [row for row in report.agencies if row.counts["overdue"]]
    lagging.sort(key=lambda row: (-row.counts["overdue"], row.name))
    para(
        doc,
        f"Tính đến ngày {vn.date_text(report.at)}, có {n(total)} nhiệm vụ quá hạn chưa hoàn thành "
        f"của {n(len(lagging))} cơ quan, đơn vị, cụ thể như sau:",
        indent=True,
    )
    heading(doc, "I. TỔNG HỢP THEO CƠ QUAN, ĐƠN VỊ")
    groups = by_agency(report.overdue)
    rows = [
        [
            str(i),
            row.name,
            n(row.counts["overdue"]),
            n(groups[row.name][0].days_late) if row.name in groups else "—",
        ]
        for i, row in enumerate(lagging, start=1)
    ]
    data_table(
        doc,
        ["STT", "Cơ quan, đơn vị", "Số nhiệm vụ quá hạn", "Quá hạn lâu nhất (ngày)"],
        rows,
        widths=[1.2, 9.0, 3.0, 3.0],
        aligns=["center", "left", "right", "right"],
        total=["", "Tổng số", n(total), ""],
    )
    heading(doc, "II. DANH SÁCH CHI TIẾT")
    if len(report.overdue) < total:
        para(
            doc,
            f"Danh sách dưới đây gồm {n(len(report.overdue))} nhiệm vụ quá hạn lâu nhất; "
            "danh sách đầy đủ tại Phụ lục (tệp XLSX).",
            indent=True,
        )
    for index, (name, items) in enumerate(groups.items(), start=1):
        heading(doc, f"{index}. {name} ({n(len(items))} nhiệm vụ)", level=2)
        overdue_table(doc, items, with_agency=False)
    if not total:
        para(doc, "Không có nhiệm vụ quá hạn tại thời điểm lấy số liệu.", indent=True)
        return
    heading(doc, "III. ĐỀ NGHỊ")
    bullet(
        doc,
        "Đề nghị các cơ quan, đơn vị có tên trên khẩn trương hoàn thành các nhiệm vụ quá hạn, "
        "cập nhật tiến độ và minh chứng trên hệ thống theo dõi nhiệm vụ; trường hợp gặp khó khăn, "
        "vướng mắc, báo cáo rõ nguyên nhân và đề xuất giải pháp.",
    )
