"""Achievement for every direction and unit, edge cases, and aggregation (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from dxtrack.indicators.achievement import Point, aggregate, evaluate, format_value
from dxtrack.indicators.formula import ZeroDenominator
from dxtrack.indicators.models import Achievement

A, N, U = Achievement.achieved, Achievement.not_achieved, Achievement.not_evaluated


class TestDirections:
    @pytest.mark.parametrize(
        ("unit", "direction", "target", "value", "expected"),
        [
            ("percent", "gte", 80, 85.3, A),
            ("percent", "gte", 80, 80, A),
            ("percent", "gte", 80, 71.29, N),
            ("percent", "lte", 5, 4.9, A),
            ("percent", "lte", 5, 5.01, N),
            ("percent", "eq", 100, 100, A),
            ("percent", "eq", 100, 99.99, N),
            ("count", "gte", 1035, 1035, A),
            ("count", "gte", 1035, 1034, N),
            ("count", "lte", 0, 0, A),
            ("count", "eq", 9, 9, A),
            ("vnd", "gte", 52_160_000_000, 56_849_000_000, A),
            ("vnd", "lte", 993_140_000_000, 993_140_000_001, N),
            ("vnd", "eq", 993_140_000_000, 993_140_000_000, A),
            ("yes_no", "yes_no", 1, 1, A),
            ("yes_no", "yes_no", 1, 0, N),
            ("yes_no", "yes_no", None, 1, A),
            ("percent", "yes_no", None, 1, A),
            ("percent", "gte", 65.63, 21 / 32 * 100, N),
            ("percent", "eq", 0.3, 0.1 + 0.2, A),
        ],
    )
    def test_achievement(self, unit, direction, target, value, expected):
        assert (
            evaluate(unit=unit, direction=direction, target=target, value=value).status == expected
        )

    def test_reason_names_value_and_target(self):
        result = evaluate(unit="percent", direction="gte", target=80, value=71.29)
        assert result.reason == "Kết quả 71,29% chưa đạt mục tiêu ≥ 80%"
        assert result.label == "Không đạt"


class TestNotEvaluated:
    def test_missing_guidance_wins(self):
        result = evaluate(unit="percent", direction="gte", target=80, value=90, has_guidance=False)
        assert result.status == U
        assert result.reason == "Chưa có văn bản hướng dẫn đánh giá"
        assert result.label == "Chưa đánh giá"

    def test_no_measurement(self):
        result = evaluate(unit="count", direction="gte", target=10, value=None)
        assert (result.status, result.reason) == (U, "Chưa có số liệu")

    def test_no_target(self):
        result = evaluate(unit="count", direction="gte", target=None, value=12)
        assert result.status == U
        assert result.reason.startswith("Chưa có mục tiêu")

    def test_zero_denominator_reason_passes_through(self):
        result = evaluate(
            unit="percent", direction="gte", target=1, value=None, missing="mẫu số bằng 0"
        )
        assert (result.status, result.reason) == (U, "Mẫu số bằng 0")


class TestFormatValue:
    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            (71.29, "percent", "71,29%"),
            (993140000000, "vnd", "993.140.000.000 đồng"),
            (2189, "count", "2.189"),
            (1, "yes_no", "Có"),
            (0, "yes_no", "Không"),
            (None, "count", "—"),
        ],
    )
    def test_format(self, value, unit, expected):
        assert format_value(value, unit) == expected


def _p(n: int, value: float, agency: int | None, day: int = 1, weight: float | None = None):
    return Point(n, date(2025, 1, day), value, agency, weight)


class TestAggregate:
    points = (
        _p(1, 10, 1, day=1),
        _p(2, 20, 1, day=5),  # agency 1's latest
        _p(3, 40, 2, day=3, weight=3),
        _p(4, 99, 3, day=2, weight=0),
    )

    def test_latest_whoever_reported(self):
        assert aggregate(list(self.points), "latest") == 20

    def test_sum_of_each_agency_latest(self):
        assert aggregate(list(self.points), "sum") == 20 + 40 + 99

    def test_mean(self):
        assert aggregate(list(self.points), "mean") == pytest.approx((20 + 40 + 99) / 3)

    def test_weighted_missing_weight_counts_one(self):
        assert aggregate(list(self.points), "weighted") == pytest.approx((20 * 1 + 40 * 3) / 4)

    def test_weighted_zero_total(self):
        with pytest.raises(ZeroDenominator):
            aggregate([_p(1, 5, 1, weight=0)], "weighted")

    def test_nothing_measured(self):
        assert aggregate([], "sum") is None

    def test_same_day_later_entry_wins(self):
        assert aggregate([_p(7, 1, 1), _p(8, 2, 1)], "latest") == 2
