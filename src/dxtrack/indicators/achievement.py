"""Achievement (Đạt / Không đạt / Chưa đánh giá) and aggregation: pure functions, no database.

no guidance                     -> not evaluated (chưa có văn bản hướng dẫn đánh giá)
no value (or not computable)    -> not evaluated (chưa có số liệu / the reason)
no target (except yes/no)       -> not evaluated (chưa có mục tiêu)
≥  value >= target;  ≤  value <= target;  =  |value - target| <= tolerance
yes/no: value is «Có» (non-zero) -> achieved
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from dxtrack import vn
from dxtrack.indicators.formula import NotComputable, ZeroDenominator
from dxtrack.indicators.models import ACHIEVEMENT_LABELS, Achievement, Aggregation, Direction, Unit

TOLERANCE = 1e-12  # relative: float noise only (0.1 + 0.2 = 0.3), never one đồng
SYMBOLS = {Direction.at_least: "≥", Direction.at_most: "≤", Direction.equal: "="}


@dataclass(frozen=True, slots=True)
class Result:
    """An achievement; the Vietnamese reason is formatted only when read."""

    status: Achievement
    value: float | None
    why: str  # no_guidance | missing | yes_no | no_target | met | unmet
    unit: str = ""
    target: float | None = None
    direction: str = ""
    missing: str = "chưa có số liệu"

    @property
    def label(self) -> str:
        return ACHIEVEMENT_LABELS[self.status]

    @property
    def reason(self) -> str:
        if self.why == "no_guidance":
            return "Chưa có văn bản hướng dẫn đánh giá"
        if self.why == "missing":
            return self.missing[:1].upper() + self.missing[1:]
        shown = format_value(self.value, self.unit)
        if self.why == "yes_no":
            return f"Kết quả: {shown}"
        if self.why == "no_target":
            return f"Chưa có mục tiêu (kết quả {shown})"
        wanted = f"{SYMBOLS[Direction(self.direction)]} {format_value(self.target, self.unit)}"
        if self.why == "met":
            return f"Kết quả {shown}, mục tiêu {wanted}"
        return f"Kết quả {shown} chưa đạt mục tiêu {wanted}"


class Point(NamedTuple):
    """One measurement as aggregation sees it."""

    id: int
    as_of: date
    value: float
    agency_id: int | None = None
    weight: float | None = None


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == Unit.yes_no:
        return "Có" if value else "Không"
    if unit == Unit.percent:
        return f"{vn.number(value, 2, trim=True)}%"
    if unit == Unit.vnd:
        return f"{vn.number(value, 0, trim=True)} đồng"
    return vn.number(value, 2, trim=True)


def _close(value: float, target: float) -> bool:
    return abs(value - target) <= TOLERANCE * max(1.0, abs(target))


def _meets(direction: str, value: float, target: float) -> bool:
    if direction == Direction.at_least:
        return value >= target or _close(value, target)
    if direction == Direction.at_most:
        return value <= target or _close(value, target)
    return _close(value, target)


def evaluate(
    *,
    unit: str,
    direction: str,
    target: float | None,
    value: float | None,
    has_guidance: bool = True,
    missing: str = "chưa có số liệu",
) -> Result:
    """The achievement of one indicator's value against its target, with the reason."""
    if not has_guidance:
        return Result(Achievement.not_evaluated, value, "no_guidance")
    if value is None:
        return Result(Achievement.not_evaluated, None, "missing", missing=missing)
    if direction == Direction.achieved or unit == Unit.yes_no and target is None:
        status = Achievement.achieved if value else Achievement.not_achieved
        return Result(status, value, "yes_no", unit)
    if target is None:
        return Result(Achievement.not_evaluated, value, "no_target", unit)
    if _meets(direction, value, target):
        return Result(Achievement.achieved, value, "met", unit, target, direction)
    return Result(Achievement.not_achieved, value, "unmet", unit, target, direction)


def _latest_per_agency(points: Iterable[Point]) -> list[Point]:
    latest: dict[int | None, Point] = {}
    for point in points:
        known = latest.get(point.agency_id)
        if known is None or (point.as_of, point.id) > (known.as_of, known.id):
            latest[point.agency_id] = point
    return list(latest.values())


def aggregate(points: list[Point], aggregation: str) -> float | None:
    """The indicator's value from its measurements (already cut at the reference date).

    `latest`: the most recent figure whoever reported it; otherwise each agency's latest
    figure, summed, averaged, or averaged weighted by `weight` (missing weight counts 1).
    Raises ZeroDenominator when the weights sum to zero.
    """
    if not points:
        return None
    if aggregation == Aggregation.latest:
        return max(points, key=lambda p: (p.as_of, p.id)).value
    current = _latest_per_agency(points)
    if aggregation == Aggregation.sum:
        return sum(p.value for p in current)
    if aggregation == Aggregation.mean:
        return sum(p.value for p in current) / len(current)
    weights = [1.0 if p.weight is None else p.weight for p in current]
    total = sum(weights)
    if total == 0:
        raise ZeroDenominator
    return sum(p.value * w for p, w in zip(current, weights, strict=True)) / total


def not_computable(error: NotComputable) -> str:
    return error.reason
