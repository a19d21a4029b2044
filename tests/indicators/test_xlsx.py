"""Annex XLSX: export -> import round trip, malformed rows reported, nothing half-applied."""

from __future__ import annotations

import io
from datetime import date

import pytest
from builders import make_user
from openpyxl import Workbook, load_workbook

from dxtrack.errors import Forbidden, Invalid
from dxtrack.indicators.annex import REQUIRED
from dxtrack.indicators.projects import create_project
from dxtrack.indicators.queries import list_indicator_rows, plan_summary, project_rows
from dxtrack.indicators.schemas import ProjectCreate
from dxtrack.indicators.service import list_indicators
from dxtrack.indicators.transfer import export_annex, import_annex

from .factory import DAY, make_indicator, make_plan, measure

COMPARED = (
    "code", "name", "unit", "unit_label", "direction", "target", "baseline", "period",
    "pillar", "agency", "data_source", "has_guidance", "formula", "aggregation", "note",
    "value", "achievement",
)  # fmt: skip


def workbook(rows: list[list[object]], header: tuple[str, ...] = REQUIRED) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(code: str, **cells: object) -> list[object]:
    values = {
        "STT": 1,
        "Mã": code,
        "Chỉ tiêu": f"Chỉ tiêu {code}",
        "Đơn vị tính": "%",
        "Chiều": "≥",
        "Mục tiêu": 80,
        "Kết quả": None,
        "Cơ quan chủ trì": "Sở Y tế",
        "Có hướng dẫn đánh giá": "Có",
        "Ghi chú": "",
    } | cells
    return [values[name] for name in REQUIRED]


def _seeded_plan(db, settings):
    plan = make_plan(db, budget_total=993_140_000_000)
    a = make_indicator(db, plan, code="CT1", pillar="ha-tang-so", baseline=60, period="2025")
    make_indicator(db, plan, code="CT2", unit="yes_no", direction="yes_no", target=1, agency=None)
    b = make_indicator(db, plan, code="CT3", unit="vnd", target=None, pillar="chinh-quyen-so")
    make_indicator(db, plan, code="CT4", unit="count", unit_label="Hệ thống", target=12,
                   has_guidance=False, note="Chờ hướng dẫn của Bộ")  # fmt: skip
    make_indicator(db, plan, code="CT-5.1", target=0.2, formula="[CT3] / 1e9", agency=None)
    measure(db, a, 71.29, settings=settings)
    measure(db, b, 52_160_000_000, settings=settings)
    for source, amount in (("recurrent", 103_401_000_000), ("investment", 889_739_000_000)):
        data = ProjectCreate(name=f"Dự án {source}", agency="so-khcn",
                             funding_source=source, budget=amount, period="2025")  # fmt: skip
        create_project(db, plan_code=plan.code, data=data, actor=None)
    return plan


class TestRoundTrip:
    def test_export_then_import_gives_same_data(self, db, settings):
        source = _seeded_plan(db, settings)
        exported = export_annex(db, plan_code=source.code, at=DAY)
        target = make_plan(db, budget_total=993_140_000_000)
        counts = import_annex(
            db, plan_code=target.code, data=exported, at=DAY, settings=settings, actor=None
        )
        assert counts["indicators_created"] == 5 and counts["measurements"] == 2
        assert counts["projects_created"] == 2

        def comparable(plan):
            rows = list_indicator_rows(db, plan_code=plan.code, at=DAY)
            return sorted(({k: row[k] for k in COMPARED} for row in rows), key=lambda r: r["code"])

        assert comparable(target) == comparable(source)
        got = [
            (p["name"], p["funding_source"], p["budget"])
            for p in project_rows(db, plan_code=target.code)
        ]
        assert got == [
            (p["name"], p["funding_source"], p["budget"])
            for p in project_rows(db, plan_code=source.code)
        ]
        assert plan_summary(db, plan_code=target.code, at=DAY)["budget"]["reconciles"] is True

    def test_reimport_into_same_plan_changes_nothing(self, db, settings):
        plan = _seeded_plan(db, settings)
        exported = export_annex(db, plan_code=plan.code, at=DAY)
        counts = import_annex(
            db, plan_code=plan.code, data=exported, at=DAY, settings=settings, actor=None
        )
        assert counts == {
            "indicators_created": 0, "indicators_updated": 0, "measurements": 0,
            "projects_created": 0, "projects_updated": 0,
        }  # fmt: skip

    def test_export_layout(self, db, settings):
        plan = _seeded_plan(db, settings)
        book = load_workbook(io.BytesIO(export_annex(db, plan_code=plan.code, at=DAY)))
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        assert all(name in header for name in REQUIRED)
        assert header[:8] == [
            "STT",
            "Mã",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Chiều",
            "Mục tiêu",
            "Kết quả",
            "Đánh giá",
        ]
        values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        assert ["III", None, "Hạ tầng số"] == values[0][:3]
        assert values[1][:2] == [1, "CT1"]
        assert values[1][3:8] == ["%", "≥", 80, 71.29, "Không đạt"]
        assert book.sheetnames == ["Chỉ tiêu", "Dự án"]


class TestImport:
    def test_headings_columns_in_any_order_and_results(self, db, settings):
        plan = make_plan(db)
        header = tuple(reversed(REQUIRED))
        rows = [
            list(reversed(["I", None, "Hạ tầng số", None, None, None, None, None, None, None])),
            list(reversed(_row("HT1", **{"Kết quả": "83,17", "Mục tiêu": "80"}))),
            list(
                reversed(
                    _row(
                        "HT2",
                        **{
                            "Đơn vị tính": "Có/Không",
                            "Chiều": "Đạt/Không",
                            "Mục tiêu": "Có",
                            "Kết quả": "Không",
                        },
                    )
                )
            ),
        ]
        import_annex(
            db,
            plan_code=plan.code,
            data=workbook(rows, header),
            at=DAY,
            settings=settings,
            actor=None,
        )
        found = {r["code"]: r for r in list_indicator_rows(db, plan_code=plan.code, at=DAY)}
        assert found["HT1"]["pillar"] == "ha-tang-so" and found["HT1"]["achievement"] == "achieved"
        assert found["HT1"]["agency"] == "so-y-te"
        assert found["HT2"]["unit"] == "yes_no" and found["HT2"]["achievement"] == "not_achieved"

    def test_malformed_rows_reported_and_nothing_applied(self, db, settings):
        plan = make_plan(db)
        rows = [
            _row("OK1", **{"Kết quả": 90}),
            _row("BAD1", **{"Mục tiêu": "tám mươi"}),
            _row("", **{"Chỉ tiêu": "Không có mã"}),
            _row("BAD2", **{"Cơ quan chủ trì": "Sở Không Tồn Tại"}),
            _row("BAD3", Chiều=">>"),
            _row("OK1"),
            _row("BAD4", **{"Có hướng dẫn đánh giá": "Có lẽ"}),
        ]
        with pytest.raises(Invalid) as caught:
            import_annex(
                db, plan_code=plan.code, data=workbook(rows), at=DAY, settings=settings, actor=None
            )
        errors = caught.value.detail
        assert [e.split(":")[0] for e in errors] == [
            "Dòng 3",
            "Dòng 4",
            "Dòng 5",
            "Dòng 6",
            "Dòng 7",
            "Dòng 8",
        ]
        assert "Sở Không Tồn Tại" in errors[2]
        assert "trùng với dòng 2" in errors[4]
        assert list_indicators(db, plan.id) == []

    def test_missing_column(self, db, settings):
        plan = make_plan(db)
        data = workbook([["1", "A"]], header=("STT", "Mã"))
        with pytest.raises(Invalid, match="dòng 1 .*thiếu cột Chỉ tiêu"):
            import_annex(db, plan_code=plan.code, data=data, at=DAY, settings=settings, actor=None)

    def test_not_an_xlsx(self, db, settings):
        plan = make_plan(db)
        with pytest.raises(Invalid, match="XLSX"):
            import_annex(
                db, plan_code=plan.code, data=b"%PDF-1.4", at=DAY, settings=settings, actor=None
            )

    def test_group_is_not_a_responsible_agency(self, db, settings):
        plan = make_plan(db)
        data = workbook([_row("G1", **{"Cơ quan chủ trì": "Các sở, ban, ngành tỉnh"})])
        with pytest.raises(Invalid, match="nhóm cơ quan"):
            import_annex(db, plan_code=plan.code, data=data, at=DAY, settings=settings, actor=None)

    def test_officer_cannot_import(self, db, settings):
        plan = make_plan(db)
        with pytest.raises(Forbidden):
            import_annex(db, plan_code=plan.code, data=workbook([_row("A")]), at=DAY,
                         settings=settings, actor=make_user(db, "syt"))  # fmt: skip

    def test_changed_result_appends_history(self, db, settings):
        plan = make_plan(db)
        import_annex(db, plan_code=plan.code, data=workbook([_row("R1", **{"Kết quả": 70})]),
                     at=date(2025, 6, 30), settings=settings, actor=None)  # fmt: skip
        import_annex(db, plan_code=plan.code, data=workbook([_row("R1", **{"Kết quả": 85, "Mục tiêu": 84})]),
                     at=DAY, settings=settings, actor=None)  # fmt: skip
        row = list_indicator_rows(db, plan_code=plan.code, at=DAY)[0]
        assert (row["value"], row["target"], row["achievement"], row["version"]) == (
            85,
            84,
            "achieved",
            2,
        )
