"""Body of the task-implementation report (báo cáo tình hình thực hiện nhiệm vụ)."""

from __future__ import annotations

from docx.document import Document

from dxtrack import vn
from dxtrack.reports import charts
from dxtrack.reports.data import WITHIN, WITHIN_LABEL, Breakdown, OverdueItem, TaskReport
from dxtrack.reports.docx_layout import heading, para
from dxtrack.reports.docx_tables import bullet, data_table, figure
from dxtrack.tasks.status import STATUS_LABELS, Status

AGENCIES_SHOWN = 6  # agencies named in the overdue table before "và N khác"
SUMMARY_LIMIT = 220


def n(value: int) -> str:
    return vn.number(value)


def pct(part: int, whole: int, *, trim: bool = True) -> str:
    """A share for prose (6,8%) or, with trim=False, for a table column (6,80%)."""
    return vn.percent(part / whole, trim=trim) if whole else "—"


def quote(text: str) -> str:
    """An agency's own words, without the closing punctuation the sentence adds."""
    return " ".join(text.split()).rstrip(".;:, ")


def task_text(item: OverdueItem) -> str:
    return describe(item.row.summary, item.row.clause, item.row.document_number)


def describe(summary: str, clause: str, number: str | None) -> str:
    """A task as the report cites it: its summary (cut), then (mục X, văn bản số Y)."""
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[:SUMMARY_LIMIT] + "…"
    source = f" (mục {clause}" if clause else " ("
    source += f", văn bản số {number})" if number else ")"
    return summary + (source if source != " ()" else "")


def agencies_text(names: list[str]) -> str:
    """The agencies that have not done a task: all of them, or the first few and a count."""
    if len(names) <= AGENCIES_SHOWN:
        return "; ".join(names)
    rest = len(names) - AGENCIES_SHOWN
    return (
        f"{n(len(names))} cơ quan, đơn vị: "
        + "; ".join(names[:AGENCIES_SHOWN])
        + (f" và {n(rest)} cơ quan, đơn vị khác")
    )


def _part(label: str, value: int, total: int) -> str:
    return f"{label} {n(value)} ({pct(value, total)})"


def breakdown_lines(doc: Document, counts: Breakdown) -> None:
    """The Government Office's four categories, shares over all assigned, each figure under
    the label its table row has (the status table, the agency table's "Còn hạn")."""
    total, label = counts.assigned, {s: text.lower() for s, text in STATUS_LABELS.items()}
    bullet(
        doc,
        f"Đã hoàn thành: {n(counts.done)} nhiệm vụ ({pct(counts.done, total)}), gồm: "
        f"{_part(label[Status.done_on_time], counts.on_time, total)}, "
        f"{_part(label[Status.done_late], counts.late, total)}.",
    )
    parts = [_part(label[s], counts.counts[s], total) for s in WITHIN if counts.counts[s]]
    within = _part(WITHIN_LABEL.lower(), counts.within, total)
    if parts:
        within += f" ({'; '.join(parts)})"
    bullet(
        doc,
        f"Chưa hoàn thành: {n(counts.not_done)} nhiệm vụ ({pct(counts.not_done, total)}), gồm: "
        f"{within}; {_part(label[Status.overdue], counts.overdue, total)}.",
    )


def general_section(doc: Document, report: TaskReport) -> None:
    totals, window = report.totals, report.in_period
    heading(doc, "1. Tình hình chung", level=2)
    para(
        doc,
        f"Tính đến ngày {vn.date_text(report.at)}, tổng số nhiệm vụ được giao là "
        f"{n(totals.assigned)} nhiệm vụ (tính theo từng cơ quan được giao), trong đó:",
        indent=True,
    )
    breakdown_lines(doc, totals)
    rows = [
        [
            label,
            n(totals.counts[s]),
            pct(totals.counts[s], totals.assigned, trim=False),
            n(window.counts[s]),
        ]
        for s, label in STATUS_LABELS.items()
    ]
    data_table(
        doc,
        ["Trạng thái", "Số nhiệm vụ", "Tỷ lệ", "Đến hạn trong kỳ"],
        rows,
        widths=[7.3, 3.0, 3.0, 3.0],
        aligns=["left", "right", "right", "right"],
        total=[
            "Tổng số",
            n(totals.assigned),
            pct(totals.assigned, totals.assigned, trim=False),
            n(window.assigned),
        ],
    )
    figure(doc, charts.status_chart(totals.counts), "Biểu đồ 1. Nhiệm vụ theo trạng thái")
    if not window.assigned:
        para(
            doc,
            f"Trong kỳ báo cáo ({report.period.window}) không có nhiệm vụ đến hạn.",
            indent=True,
        )
        return
    para(
        doc,
        f"Trong kỳ báo cáo ({report.period.window}) có {n(window.assigned)} nhiệm vụ "
        f"đến hạn, trong đó:",
        indent=True,
    )
    breakdown_lines(doc, window)


def agency_rows(report: TaskReport) -> list[list[str]]:
    rows = []
    for index, row in enumerate(report.agencies, start=1):
        counts = Breakdown(row.counts)
        rows.append(
            [
                str(index),
                row.name,
                n(counts.assigned),
                n(counts.on_time),
                n(counts.late),
                n(counts.within),
                n(counts.overdue),
                vn.percent(row.on_time_rate, 2, trim=False),
            ]
        )
    return rows


AGENCY_HEADERS = [
    "STT",
    "Cơ quan, đơn vị",
    "Được giao",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    WITHIN_LABEL,
    "Quá hạn",
    "Tỷ lệ đúng hạn",
]


def agency_section(doc: Document, report: TaskReport) -> None:
    heading(doc, "2. Kết quả theo cơ quan, đơn vị", level=2)
    para(
        doc,
        "Tỷ lệ đúng hạn = số nhiệm vụ hoàn thành đúng hạn / (số nhiệm vụ đã hoàn thành + số "
        "nhiệm vụ quá hạn chưa hoàn thành); các cơ quan được xếp theo tỷ lệ này.",
        indent=True,
    )
    totals = report.totals
    data_table(
        doc,
        AGENCY_HEADERS,
        agency_rows(report),
        widths=[1.2, 4.6, 1.7, 1.9, 1.9, 1.9, 1.5, 1.8],
        aligns=["center", "left"] + ["right"] * 6,
        size=11,
        total=[
            "",
            "Tổng số",
            n(totals.assigned),
            n(totals.on_time),
            n(totals.late),
            n(totals.within),
            n(totals.overdue),
            "",
        ],
    )
    png = charts.agency_chart(report.agencies)
    if png:
        figure(doc, png, "Biểu đồ 2. Cơ quan, đơn vị theo tỷ lệ hoàn thành đúng hạn")


def overdue_section(doc: Document, report: TaskReport) -> None:
    """The overdue tasks grouped by task: a task given to a hundred communes is one row."""
    heading(doc, "3. Nhiệm vụ quá hạn", level=2)
    total = report.totals.overdue
    if not total:
        para(doc, "Không có nhiệm vụ quá hạn tại thời điểm lấy số liệu.", indent=True)
        return
    tasks, count = report.overdue_tasks, report.overdue_task_count
    intro = (
        f"Có {n(total)} nhiệm vụ quá hạn chưa hoàn thành (tính theo từng cơ quan được giao), "
        f"thuộc {n(count)} nội dung nhiệm vụ"
    )
    if len(tasks) < count:
        intro += (
            f"; dưới đây là {n(len(tasks))} nội dung quá hạn lâu nhất (danh sách đầy đủ theo "
            "từng cơ quan tại Phụ lục)"
        )
    para(doc, intro + ":", indent=True)
    at = report.at
    rows = [
        [
            str(i),
            describe(t.summary, t.clause, t.document_number),
            agencies_text(t.agencies),
            vn.date_text(t.deadline),
            n((at - t.deadline).days),
        ]
        for i, t in enumerate(tasks, start=1)
    ]
    data_table(
        doc,
        ["STT", "Nhiệm vụ", "Cơ quan chưa hoàn thành", "Thời hạn", "Số ngày quá hạn"],
        rows,
        widths=[1.2, 6.6, 4.4, 2.3, 2.0],
        aligns=["center", "left", "left", "center", "right"],
        size=11,
    )


def overdue_table(doc: Document, items: list[OverdueItem], *, with_agency: bool = True) -> None:
    headers = ["STT", "Nhiệm vụ"] + (["Cơ quan chủ trì"] if with_agency else [])
    headers += ["Thời hạn", "Số ngày quá hạn"]
    rows = [
        [str(i), task_text(item)]
        + ([item.row.agency_name] if with_agency else [])
        + [vn.date_text(item.row.deadline), n(item.days_late)]
        for i, item in enumerate(items, start=1)
    ]
    widths = [1.2, 7.4, 3.6, 2.3, 2.0] if with_agency else [1.2, 10.8, 2.4, 2.1]
    aligns = ["center", "left"] + (["left"] if with_agency else []) + ["center", "right"]
    data_table(doc, headers, rows, widths=widths, aligns=aligns, size=11)


def feedback_sections(doc: Document, report: TaskReport, *, first: str = "II") -> str:
    """Sections "Khó khăn, vướng mắc" and "Kiến nghị, đề xuất"; returns the next numeral."""
    numerals = ["II", "III", "IV", "V"]
    one, two = numerals[numerals.index(first)], numerals[numerals.index(first) + 1]
    heading(doc, f"{one}. KHÓ KHĂN, VƯỚNG MẮC")
    quoted = [row for row in report.feedback if row.difficulties.strip()]
    for row in quoted:
        bullet(doc, f"{row.agency_name} (nhiệm vụ {row.clause}): “{quote(row.difficulties)}”.")
    if not quoted:
        para(doc, "Các cơ quan, đơn vị chưa phản ánh khó khăn, vướng mắc.", indent=True)
    heading(doc, f"{two}. KIẾN NGHỊ, ĐỀ XUẤT")
    for row in (r for r in report.feedback if r.proposals.strip()):
        bullet(doc, f"{row.agency_name} (nhiệm vụ {row.clause}): “{quote(row.proposals)}”.")
    if report.totals.overdue:
        bullet(
            doc,
            "Đề nghị các cơ quan, đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành, cập nhật "
            "tiến độ và minh chứng trên hệ thống theo dõi nhiệm vụ.",
        )
    return numerals[numerals.index(first) + 2]


def plans_section(doc: Document, report: TaskReport) -> None:
    """The indicators of the latest plans: the sentence per plan, those missing their target."""
    heading(doc, "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU")
    for plan in report.plans:
        para(doc, f"{plan['name']}: {plan['sentence']}.", indent=True)
        if not plan["missed"]:
            continue
        para(doc, f"Các chỉ tiêu chưa đạt mục tiêu ({n(plan['not_achieved'])}):", indent=True)
        rows = [
            [str(i), f"{m['code']}. {m['name']}", m["agency"], m["reason"]]
            for i, m in enumerate(plan["missed"], start=1)
        ]
        data_table(
            doc,
            ["STT", "Chỉ tiêu", "Cơ quan chủ trì", "Kết quả"],
            rows,
            widths=[1.2, 6.6, 3.8, 4.9],
            aligns=["center", "left", "left", "left"],
            size=11,
        )


def task_body(doc: Document, report: TaskReport) -> None:
    heading(doc, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    general_section(doc, report)
    agency_section(doc, report)
    overdue_section(doc, report)
    if report.plans:
        plans_section(doc, report)
        feedback_sections(doc, report, first="III")
    else:
        feedback_sections(doc, report)
