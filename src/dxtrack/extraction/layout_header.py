"""What the header of a one-cell-per-line task table tells of its rows (layout stage).

`layout_tables.py` reads the header's words in column order (folded): whether a product,
note or funding column comes after the time column (`trailing`), whether the time column
comes before the lead's (`time_first`), and a first header line that prints the STT cell
and the next cell on one line ("STT Nhiệm vụ", `glued_header`). A row's STT number printed
on the line of its first task line ("1 Xây dựng Nghị định") is `glued_label`.
"""

from __future__ import annotations

import re

_TIME_HEAD = re.compile(r"thời\s+(?:gian|hạn)|tiến\s+độ")
_AFTER_TIME = re.compile(
    r"sản\s+phẩm|kết\s+quả|ghi\s+chú|kinh\s+phí|nguồn\s+(?:vốn|kinh)|dự\s+toán"
)
_LEAD_HEAD = re.compile(r"chủ\s+trì|(?:cơ\s+quan|đơn\s+vị)[\s,]+(?:đơn\s+vị\s+)?thực\s+hiện")
_GLUED_HEADER = re.compile(r"^(?:stt|tt)\s+(\S.*)$")
# The first letters of its matches as printed, in either case (keep in step with it): no other
# character folds to them, so a line opening with none holds no glued header and is not folded
GLUED_HEADER_LETTERS = frozenset("sStT")
_GLUED_LABEL = re.compile(r"^(\d{1,3})\.?\s+(\S.*)$")


def trailing(text: str) -> bool:
    """A header whose product or note column comes after the time column ("... Thời gian
    hoàn thành | Sản phẩm")."""
    times = [m.end() for m in _TIME_HEAD.finditer(text)]
    return bool(times) and any(m.start() > times[-1] for m in _AFTER_TIME.finditer(text))


def time_first(text: str) -> bool:
    """A header whose time column comes before the lead column."""
    time, lead = _TIME_HEAD.search(text), _LEAD_HEAD.search(text)
    return time is not None and lead is not None and time.start() < lead.start()


def glued_header(folded: str) -> str | None:
    """The rest of a first header line that prints "STT" and the next header cell."""
    m = _GLUED_HEADER.match(folded)
    return m.group(1) if m else None


def glued_label(line: str) -> tuple[int, str] | None:
    """(number, first task line) of a row whose STT shares its line with the task's first
    line, which opens with a capital ("1 Xây dựng Nghị định"; not "2 cơ sở dữ liệu")."""
    m = _GLUED_LABEL.match(line)
    if not m or not m.group(2)[:1].isupper():
        return None
    return int(m.group(1)), m.group(2)
