"""Vietnamese formats used by the templates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dxtrack.web.format import parse_vn_date, vn_date, vn_datetime, vn_number, vn_percent, vn_sorted


class TestFormats:
    def test_dates(self):
        assert vn_date(date(2025, 12, 9)) == "09/12/2025"
        assert vn_date(None) == "—"
        assert vn_datetime(datetime(2025, 12, 9, 20, 30)) == "10/12/2025 03:30"  # UTC+7

    def test_numbers_and_rates(self):
        assert vn_number(1234567) == "1.234.567"
        assert vn_percent(21 / 32) == "65,63%"
        assert vn_percent(0.5) == "50%"
        assert vn_percent(None) == "—"

    def test_parse(self):
        assert parse_vn_date("9/12/2025") == parse_vn_date("2025-12-09") == date(2025, 12, 9)
        assert parse_vn_date(" ") is None
        with pytest.raises(ValueError):
            parse_vn_date("31/02/2025")


class TestVietnameseOrder:
    def test_letters_with_marks_follow_their_base(self):
        names = ["Đài", "Ủy ban", "Ban", "Ăn", "An", "Âm", "Dân", "Cà", "Ca", "Ơn", "Ô tô", "Sở"]
        assert vn_sorted(names) == [
            "An",
            "Ăn",
            "Âm",
            "Ban",
            "Ca",
            "Cà",
            "Dân",
            "Đài",
            "Ô tô",
            "Ơn",
            "Sở",
            "Ủy ban",
        ]
