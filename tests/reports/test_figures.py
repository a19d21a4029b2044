"""One set of figures: every count in a report's prose is the one its tables show, for every
kind; the letterhead, title and scope follow who asks."""

from __future__ import annotations

import re

import pytest
from apihelp import login
from builders import make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.errors import Forbidden
from dxtrack.reports.data import WITHIN, WITHIN_LABEL
from dxtrack.reports.service import ReportKind, ReportRequest, render_report
from dxtrack.tasks.status import STATUS_LABELS
from reports.docread import find_table, read_docx, table_rows, texts
from reports.province import AT, PERIOD, Province
from reports.test_plan import PLAN, build_plan

LABELS = [label.lower() for label in STATUS_LABELS.values()] + [WITHIN_LABEL.lower()]
# "<label> <count> (" as the prose writes a figure; longest labels first ("hoàn thành quá hạn"
# before "quá hạn").
FIGURE = re.compile(
    "(" + "|".join(re.escape(x) for x in sorted(LABELS, key=len, reverse=True)) + r") ([\d.]+) \("
)


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def _status_columns(doc) -> tuple[dict[str, int], dict[str, int]]:
    """The status table: label -> count over all assigned, and due within the period."""
    rows = find_table(doc, "Trạng thái", "Số nhiệm vụ")[1:]
    totals = {r[0].lower(): _count(r[1]) for r in rows}
    window = {r[0].lower(): _count(r[3]) for r in rows}
    agency_total = find_table(doc, "STT", "Cơ quan, đơn vị")[-1]
    header = [h.lower() for h in find_table(doc, "STT", "Cơ quan, đơn vị")[0]]
    totals[WITHIN_LABEL.lower()] = _count(agency_total[header.index(WITHIN_LABEL.lower())])
    window[WITHIN_LABEL.lower()] = sum(window[STATUS_LABELS[s].lower()] for s in WITHIN)
    return totals, window


def _prose_figures(doc) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(label, count) pairs of the prose: over all assigned, and in the period's lines."""
    overall: list[tuple[str, int]] = []
    in_period: list[tuple[str, int]] = []
    target = overall
    for line in texts(doc):
        if line.startswith("Trong kỳ báo cáo"):
            target = in_period
        elif not line.startswith("- "):
            target = overall
        target.extend((m.group(1), _count(m.group(2))) for m in FIGURE.finditer(line))
    return overall, in_period


def _render(db: Session, settings: Settings, kind: str, **kw: object):
    request = ReportRequest(kind=ReportKind(kind), period=PERIOD, at=AT, **kw)  # type: ignore[arg-type]
    return read_docx(render_report(db, request=request, settings=settings).content)


class TestProseMatchesTables:
    @pytest.mark.parametrize("kind", ["tasks", "plan"])
    def test_every_figure_of_the_text_is_in_a_table(
        self, db: Session, settings: Settings, province: Province, kind: str
    ):
        extra = {"plan": PLAN} if kind == "plan" else {}
        if kind == "plan":
            build_plan(db, settings, province)
        doc = _render(db, settings, kind, **extra)
        totals, window = _status_columns(doc)
        overall, in_period = _prose_figures(doc)
        assert overall and in_period
        assert [(label, totals[label]) for label, _ in overall] == overall
        assert [(label, window[label]) for label, _ in in_period] == in_period
        lines = " ".join(texts(doc))
        assigned = re.search(r"tổng số nhiệm vụ được giao là ([\d.]+)", lines)
        assert assigned and _count(assigned.group(1)) == totals["tổng số"]
        late = re.search(r"Có ([\d.]+) nhiệm vụ quá hạn", lines)
        assert late is None or _count(late.group(1)) == totals["quá hạn"]

    def test_overdue_list(self, db: Session, settings: Settings, province: Province):
        doc = _render(db, settings, "overdue")
        summary = find_table(doc, "STT", "Cơ quan, đơn vị")
        stated = re.search(
            r"có ([\d.]+) nhiệm vụ quá hạn chưa hoàn thành của ([\d.]+) cơ quan",
            " ".join(texts(doc)),
        )
        assert stated is not None
        assert _count(stated.group(1)) == _count(summary[-1][2])
        assert _count(stated.group(2)) == len(summary) - 2  # header and total rows
        for row in summary[1:-1]:
            heading = next(t for t in texts(doc) if re.match(rf"\d+\. {re.escape(row[1])} \(", t))
            assert f"({row[2]} nhiệm vụ)" in heading


class TestWhoAsks:
    def test_officer_report_is_their_agencys(
        self, db: Session, settings: Settings, province: Province
    ):
        officer = make_user(db, "syt")
        request = ReportRequest(kind=ReportKind.tasks, period=PERIOD, at=AT)
        doc = read_docx(render_report(db, request=request, settings=settings, user=officer).content)
        left = table_rows(doc.tables[0])[0][0].splitlines()
        assert left[1] == "SỞ Y TẾ" and "Số:" in table_rows(doc.tables[0])[1][0]
        assert "/BC-SYT" in table_rows(doc.tables[0])[1][0]
        body = "\n".join(texts(doc))
        assert "trên địa bàn tỉnh" not in body and "Sở Khoa học và Công nghệ báo cáo" not in body
        title = next(t for t in texts(doc) if t.startswith("Tình hình thực hiện"))
        assert title.endswith("của Sở Y tế")
        assert "Sở Y tế báo cáo" in body and body.count("của Sở Y tế./.") == 1

    def test_staff_report_is_the_provinces(
        self, db: Session, settings: Settings, province: Province
    ):
        doc = _render(db, settings, "tasks")
        assert table_rows(doc.tables[0])[0][0].splitlines()[1] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
        assert any("trên địa bàn tỉnh" in t for t in texts(doc))

    def test_other_agency_or_group_is_403(
        self, client: TestClient, db: Session, province: Province
    ):
        headers = login(client, db, "syt")
        query = {"period": "2025-Q4", "at": "2025-12-31"}
        for extra in ({"agency": "cong-an-tinh"}, {"group": "ubnd-xa-phuong-dac-khu"}):
            response = client.get("/api/v1/reports/tasks", params=query | extra, headers=headers)
            assert response.status_code == 403 and "cơ quan mình" in response.json()["detail"]
        own = client.get(
            "/api/v1/reports/tasks", params=query | {"agency": "so-y-te"}, headers=headers
        )
        assert own.status_code == 200

    def test_service_refuses_too(self, db: Session, settings: Settings, province: Province):
        officer = make_user(db, "cat")
        request = ReportRequest(kind=ReportKind.overdue, period=PERIOD, at=AT, agency="so-y-te")
        with pytest.raises(Forbidden):
            render_report(db, request=request, settings=settings, user=officer)
