"""Decree 09/2019/NĐ-CP data windows, calendar periods, custom dates, period codes."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from dxtrack.errors import Invalid
from dxtrack.reports.periods import (
    custom_period,
    default_cutoff,
    half_period,
    month_period,
    nine_months_period,
    parse_period,
    quarter_period,
    resolve_period,
    year_period,
)


class TestDecreeWindows:
    @pytest.mark.parametrize(
        ("month", "start", "end"),
        [
            (1, date(2024, 12, 15), date(2025, 1, 14)),
            (3, date(2025, 2, 15), date(2025, 3, 14)),
            (12, date(2025, 11, 15), date(2025, 12, 14)),
        ],
        ids=["january-crosses-year", "march", "december"],
    )
    def test_month(self, month: int, start: date, end: date):
        period = month_period(2025, month)
        assert (period.start, period.end) == (start, end)

    @pytest.mark.parametrize(
        ("quarter", "start", "end"),
        [
            (1, date(2024, 12, 15), date(2025, 3, 14)),
            (2, date(2025, 3, 15), date(2025, 6, 14)),
            (3, date(2025, 6, 15), date(2025, 9, 14)),
            (4, date(2025, 9, 15), date(2025, 12, 14)),
        ],
        ids=["q1", "q2", "q3", "q4"],
    )
    def test_quarter(self, quarter: int, start: date, end: date):
        period = quarter_period(2025, quarter)
        assert (period.start, period.end) == (start, end)

    def test_six_nine_twelve_months_start_15_december(self):
        assert (half_period(2025, 1).start, half_period(2025, 1).end) == (
            date(2024, 12, 15),
            date(2025, 6, 14),
        )
        assert nine_months_period(2025).end == date(2025, 9, 14)
        assert nine_months_period(2025).start == date(2024, 12, 15)
        assert (year_period(2025).start, year_period(2025).end) == (
            date(2024, 12, 15),
            date(2025, 12, 14),
        )

    def test_second_half_follows_the_rule(self):
        period = half_period(2025, 2)
        assert (period.start, period.end) == (date(2025, 6, 15), date(2025, 12, 14))

    def test_quarters_tile_the_year_window(self):
        quarters = [quarter_period(2025, q) for q in (1, 2, 3, 4)]
        assert quarters[0].start == year_period(2025).start
        assert quarters[-1].end == year_period(2025).end
        for before, after in itertools.pairwise(quarters):
            assert (after.start - before.end).days == 1


class TestCalendar:
    def test_calendar_quarter_month_year(self):
        assert quarter_period(2025, 4, calendar=True).start == date(2025, 10, 1)
        assert quarter_period(2025, 4, calendar=True).end == date(2025, 12, 31)
        assert month_period(2024, 2, calendar=True).end == date(2024, 2, 29)
        assert nine_months_period(2025, calendar=True).end == date(2025, 9, 30)
        assert year_period(2025, calendar=True).start == date(2025, 1, 1)


class TestParse:
    @pytest.mark.parametrize(
        ("code", "label", "start"),
        [
            ("2025-Q4", "quý IV năm 2025", date(2025, 9, 15)),
            ("2025-M03", "tháng 3 năm 2025", date(2025, 2, 15)),
            ("2025-m3", "tháng 3 năm 2025", date(2025, 2, 15)),
            ("2025-H1", "6 tháng đầu năm 2025", date(2024, 12, 15)),
            ("2025-H2", "6 tháng cuối năm 2025", date(2025, 6, 15)),
            ("2025-9M", "9 tháng năm 2025", date(2024, 12, 15)),
            ("2025", "năm 2025", date(2024, 12, 15)),
        ],
    )
    def test_codes(self, code: str, label: str, start: date):
        period = parse_period(code)
        assert (period.label, period.start) == (label, start)

    def test_calendar_option(self):
        assert parse_period("2025-Q4", calendar=True).start == date(2025, 10, 1)

    @pytest.mark.parametrize("code", ["2025-Q5", "2025-M13", "2025-M00", "2025-H3", "Q4", "abc"])
    def test_invalid_codes_name_the_forms(self, code: str):
        with pytest.raises(Invalid, match="2025-Q4"):
            parse_period(code)

    def test_window_text(self):
        assert parse_period("2025-Q4").window == "từ ngày 15/09/2025 đến ngày 14/12/2025"


class TestResolve:
    def test_custom_dates(self):
        period = resolve_period(None, date_from=date(2025, 1, 1), date_to=date(2025, 2, 1))
        assert period.label == "từ ngày 01/01/2025 đến ngày 01/02/2025"

    def test_reversed_dates_refused(self):
        with pytest.raises(Invalid, match="trước ngày bắt đầu"):
            custom_period(date(2025, 2, 1), date(2025, 1, 1))

    def test_both_or_neither_refused(self):
        with pytest.raises(Invalid, match="Chỉ chọn một"):
            resolve_period("2025-Q4", date_from=date(2025, 1, 1))
        with pytest.raises(Invalid, match="Cần chọn kỳ"):
            resolve_period(None, date_from=date(2025, 1, 1))

    def test_default_cutoff_never_after_today(self):
        period = parse_period("2025-Q4")
        assert default_cutoff(period, today=date(2026, 1, 5)) == date(2025, 12, 14)
        assert default_cutoff(period, today=date(2025, 11, 1)) == date(2025, 11, 1)
