"""Numbers as written in plans and annexes: parsing (`71,29`, `1.170.119`, `Có`), ratios.

Formatting is `dxtrack.vn.number()`.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from dxtrack import vn
from dxtrack.errors import Invalid

YES_WORDS = {"có", "đạt", "x", "yes", "true", "1"}
NO_WORDS = {"không", "không đạt", "chưa", "chưa đạt", "no", "false", "0"}
_NUMBER = re.compile(r"^[+-]?[0-9][0-9.,]*$")


def to_decimal(value: float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_percent(part: int, whole: int) -> str:
    """`21, 32` -> `65,63` (exact decimal arithmetic, half up)."""
    if not whole:
        return "0"
    return vn.number(Decimal(part) * 100 / Decimal(whole), 2, trim=True)


def ratio(part: int, whole: int) -> float | None:
    """part / whole rounded half up to 4 decimals (0.65625 -> 0.6563), None when whole is 0."""
    if not whole:
        return None
    exact = Decimal(part) / Decimal(whole)
    return float(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _clean(text: str) -> str:
    text = text.strip().lower().replace("\u00a0", " ")
    for suffix in ("%", "vnđ", "vnd", "đồng", "đ"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text.replace(" ", "")


def parse_number(raw: object) -> float | None:
    """A cell or text to a number: numbers as is; `71,29`, `1.170.119`, `Có`/`Không`; '' -> None.

    A dot followed by exactly three digits is a thousands separator (Vietnamese usage);
    any comma is the decimal mark.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return 1.0 if raw else 0.0
    if isinstance(raw, int | float | Decimal):
        value = float(raw)
        if not math.isfinite(value):
            raise Invalid(f"Giá trị «{raw}» không phải là số hữu hạn.")
        return value
    text = str(raw).strip()
    if not text:
        return None
    if text.lower() in YES_WORDS:
        return 1.0
    if text.lower() in NO_WORDS:
        return 0.0
    cleaned = _clean(text)
    if not _NUMBER.match(cleaned) or cleaned.count(",") > 1:
        raise Invalid(f"Giá trị «{text}» không phải là số.")
    whole, _, fraction = cleaned.partition(",")
    parts = whole.split(".")
    if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
        if len(parts) > 2 or fraction:
            raise Invalid(f"Giá trị «{text}» không phải là số.")
        return float(whole)  # a lone decimal dot: 71.29
    return float("".join(parts) + ("." + fraction if fraction else ""))
