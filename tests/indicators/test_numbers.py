"""Vietnamese number format and parsing."""

from __future__ import annotations

import pytest

from dxtrack import vn
from dxtrack.errors import Invalid
from dxtrack.indicators.numbers import format_percent, parse_number, ratio


class TestFormat:
    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (65.625, 2, "65,63"),
            (993140000000, 0, "993.140.000.000"),
            (1234567.5, 2, "1.234.567,5"),
            (80.0, 2, "80"),
            (0.26, 2, "0,26"),
            (-1500.25, 2, "-1.500,25"),
            (None, 2, "—"),
        ],
    )
    def test_format_number(self, value, decimals, expected):
        assert vn.number(value, decimals, trim=True) == expected

    def test_percent_rounds_half_up(self):
        assert format_percent(21, 32) == "65,63"
        assert format_percent(12, 15) == "80"
        assert format_percent(0, 0) == "0"

    def test_ratio(self):
        assert ratio(21, 32) == 0.6563
        assert ratio(1, 0) is None


class TestParse:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("71,29", 71.29),
            ("71,29%", 71.29),
            ("1.170.119", 1170119),
            ("2.189", 2189),
            ("103.401.000.000 đồng", 103401000000),
            ("71.29", 71.29),
            ("Có", 1),
            ("Không", 0),
            ("Đạt", 1),
            (83.17, 83.17),
            ("", None),
            (None, None),
        ],
    )
    def test_values(self, raw, expected):
        assert parse_number(raw) == expected

    @pytest.mark.parametrize("raw", ["abc", "1,2,3", "12..5", "1.2.3,4,5", "1e5"])
    def test_rejects(self, raw):
        with pytest.raises(Invalid):
            parse_number(raw)

    def test_rejects_infinity(self):
        with pytest.raises(Invalid):
            parse_number(float("inf"))
