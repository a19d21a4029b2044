"""The annex table layout (phụ lục chỉ tiêu): columns, cell parsing and labels (no database)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from dxtrack import vn
from dxtrack.errors import Invalid
from dxtrack.indicators.models import (
    FUNDING_LABELS,
    PROJECT_STATUS_LABELS,
    Aggregation,
    Direction,
    FundingSource,
    ProjectStatus,
    Unit,
)
from dxtrack.indicators.numbers import parse_number
from dxtrack.tables import header_key

REQUIRED = (
    "STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Chiều", "Mục tiêu", "Kết quả",
    "Cơ quan chủ trì", "Có hướng dẫn đánh giá", "Ghi chú",
)  # fmt: skip
EXPORTED = (
    "STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Chiều", "Mục tiêu", "Kết quả", "Đánh giá",
    "Cơ quan chủ trì", "Có hướng dẫn đánh giá", "Ghi chú", "Trụ cột", "Giá trị ban đầu",
    "Kỳ", "Nguồn số liệu", "Công thức", "Tổng hợp",
)  # fmt: skip
PROJECT_SHEET = "Dự án"
PROJECT_COLUMNS = (
    "STT", "Tên nhiệm vụ, dự án", "Cơ quan chủ trì", "Nguồn vốn", "Kinh phí (đồng)",
    "Thời gian thực hiện", "Trạng thái", "Trụ cột", "Ghi chú",
)  # fmt: skip
PROJECT_REQUIRED = ("Tên nhiệm vụ, dự án", "Nguồn vốn", "Kinh phí (đồng)")

DIRECTION_LABELS = {
    Direction.at_least: "≥",
    Direction.at_most: "≤",
    Direction.equal: "=",
    Direction.achieved: "Đạt/Không",
}
AGGREGATION_LABELS = {
    Aggregation.latest: "Số liệu mới nhất",
    Aggregation.sum: "Tổng",
    Aggregation.mean: "Trung bình",
    Aggregation.weighted: "Bình quân gia quyền",
}
_DIRECTIONS = {
    "≥": Direction.at_least,
    ">=": Direction.at_least,
    "≤": Direction.at_most,
    "<=": Direction.at_most,
    "=": Direction.equal,
    "đạt/không": Direction.achieved,
    "đạt/không đạt": Direction.achieved,
    "có/không": Direction.achieved,
}
_YES_NO_UNITS = {"có/không", "đạt/không", "đạt/không đạt"}


def key(text: object) -> str:
    """Header or label key: folded (vn.fold), spaces collapsed, no spaces around '/'."""
    return header_key(text)


def text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date | datetime):  # a date typed as a date: shown as written
        return vn.date_text(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return unicodedata.normalize("NFC", str(cell)).strip()


def parse_unit(raw: str) -> tuple[Unit, str]:
    label = raw.strip()
    folded = key(label)
    if not folded:
        raise ValueError("thiếu đơn vị tính")
    if folded == "%":
        return Unit.percent, "%"
    if folded in _YES_NO_UNITS:
        return Unit.yes_no, label
    if "đồng" in folded or folded in {"vnd", "vnđ", "đ"}:
        return Unit.vnd, label
    return Unit.count, label


_BLANK_UNITS = {"", "-", "—", "–", "−", "…", "..."}
_YES_NO_TARGETS = _YES_NO_UNITS | {"có/không đạt", "đạt", "có"}


def infer_unit(raw: str, direction: str, target: str) -> tuple[Unit, str]:
    """The unit as written, or for an empty or "—" unit cell beside a direction or target of
    Đạt/Không, Có/Không (how provinces write qualitative indicators): yes/no."""
    if key(raw) in _BLANK_UNITS and (
        key(direction) in _YES_NO_UNITS or key(target) in _YES_NO_TARGETS
    ):
        return Unit.yes_no, "Có/Không"
    if key(raw) in _BLANK_UNITS:
        raise ValueError("thiếu đơn vị tính")
    return parse_unit(raw)


def parse_target(raw: object, unit: Unit) -> float | None:
    """A target; for a yes/no indicator "Đạt/Không", "Có/Không" or "Đạt" means achieved (1)."""
    if unit == Unit.yes_no and key(text(raw)) in _YES_NO_TARGETS:
        return 1.0
    return parse_value(raw, "Mục tiêu")


def parse_direction(raw: str, unit: Unit) -> Direction:
    folded = key(raw)
    if not folded:
        return Direction.achieved if unit == Unit.yes_no else Direction.at_least
    if folded not in _DIRECTIONS:
        raise ValueError(f"chiều «{raw}» không hợp lệ (≥, ≤, = hoặc Đạt/Không)")
    return _DIRECTIONS[folded]


def parse_value(raw: object, what: str) -> float | None:
    try:
        return parse_number(raw)
    except Invalid as error:
        raise ValueError(f"{what}: {error.message}") from None


def parse_yes_no(raw: str, what: str, default: bool = True) -> bool:
    folded = key(raw)
    if not folded:
        return default
    if folded in {"có", "x", "đạt"}:
        return True
    if folded in {"không", "chưa"}:
        return False
    raise ValueError(f"{what} phải là «Có» hoặc «Không», không phải «{raw}»")


def parse_aggregation(raw: str) -> Aggregation:
    folded = key(raw)
    if not folded:
        return Aggregation.latest
    for value, label in AGGREGATION_LABELS.items():
        if folded in {key(label), value.value}:
            return value
    raise ValueError(f"cách tổng hợp «{raw}» không hợp lệ")


def parse_funding(raw: str) -> FundingSource:
    folded = key(raw)
    for value, label in FUNDING_LABELS.items():
        if folded in {key(label), value.value, key(label.removeprefix("Vốn "))}:
            return value
    if folded in {"sự nghiệp", "vốn sự nghiệp"}:
        return FundingSource.recurrent
    raise ValueError(f"nguồn vốn «{raw}» không hợp lệ (Vốn sự nghiệp, Vốn đầu tư, Nguồn khác)")


def parse_project_status(raw: str) -> ProjectStatus:
    folded = key(raw)
    if not folded:
        return ProjectStatus.planned
    for value, label in PROJECT_STATUS_LABELS.items():
        if folded in {key(label), value.value}:
            return value
    raise ValueError(f"trạng thái «{raw}» không hợp lệ")


def cell_value(value: float | None, unit: str) -> object:
    """What the exporter writes for a number: «Có»/«Không» for yes/no, else the number."""
    if value is None:
        return None
    if unit == Unit.yes_no:
        return "Có" if value else "Không"
    return int(value) if float(value).is_integer() else value
