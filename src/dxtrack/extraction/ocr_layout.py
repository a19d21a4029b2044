"""Reading order of a recognised page: the two-column blocks of a Decree 30 letter.

Tesseract reads a line across the whole page, so the letterhead (issuer, number, subject |
motto, place and date) and the closing ("Nơi nhận" and its list | the signature block) come
out interleaved: "BỘ NÔNG NGHIỆP VÀ MÔI CỘNG HÒA XÃ HỘI CHỦ NGHĨA", then "TRƯỜNG". As the
PDF reader does with the same tables (reader_pdf.py), such a block is read as columns: the
left column's lines, then the right column's. A block starts at the top of the first page
or at the "Nơi nhận" line, splits in the middle of the first wide gap between two words of
its first lines, and runs down to the first line with a word across that point.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from dxtrack.extraction.textutil import CLOSING_LINE

GUTTER = 0.04  # narrowest gap between the two columns, as a share of the page width
HEAD_LINES = 3  # a letterhead shows its two columns within its first lines


@dataclass(frozen=True)
class Word:
    text: str
    conf: float
    left: int
    right: int


Line = list[Word]


def _split(line: Line, width: int) -> float | None:
    gaps = [(b.left - a.right, a.right, b.left) for a, b in pairwise(line)]
    size, left, right = max(gaps, default=(0, 0, 0))
    centre = (left + right) / 2
    return centre if size >= GUTTER * width and 0.2 * width < centre < 0.8 * width else None


def _crosses(line: Line, x: float) -> bool:
    return any(word.left < x < word.right for word in line)


def _columns(lines: list[Line], start: int, width: int) -> tuple[int, list[Line]]:
    """(end, lines in reading order) of a two-column block from `start`, or (start, [])."""
    split = next(
        (x for x in (_split(line, width) for line in lines[start : start + HEAD_LINES]) if x),
        None,
    )
    if split is None:
        return start, []
    end = next((i for i in range(start, len(lines)) if _crosses(lines[i], split)), len(lines))
    block = lines[start:end]
    left = [[w for w in line if w.right <= split] for line in block]
    right = [[w for w in line if w.left >= split] for line in block]
    return end, [line for line in left + right if line]


def reading_order(lines: list[Line], width: int, *, first_page: bool) -> list[Line]:
    """The page's lines with its letterhead and closing blocks read column by column."""
    out: list[Line] = []
    i = 0
    if first_page:
        i, head = _columns(lines, 0, width)
        out.extend(head)
    while i < len(lines):
        text = " ".join(w.text for w in lines[i])
        if CLOSING_LINE.match(text):
            end, block = _columns(lines, i, width)
            if block:
                out.extend(block)
                i = end
                continue
        out.append(lines[i])
        i += 1
    return out
