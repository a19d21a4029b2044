"""PDF text cleanup: e-signature stamps, running headers/footers and page numbers.

    clean_pages(pages) -> the body lines of the pages' lines

- e-signature stamps are dropped: the Official Gazette / e-office stamp prints lines
  "Người ký: ...", "Email: ...", "Cơ quan: ...", "Thời gian ký: 07.04.2025 16:32:56 +07:00"
  wherever it sits on the page, often between two halves of a sentence;
- running headers/footers (a line repeated at the top or bottom of most pages, digits
  ignored) and page-number-only lines at the page edges ("2", "- 2 -", "Trang 2/5").
"""

from __future__ import annotations

import math
import re
from collections import Counter

EDGE = 3  # lines at the top and at the bottom of a page searched for headers/footers

_STAMP_KEYS = r"Người ký|Ký bởi|Thời gian ký|Ngày ký|Ký ngày"
_STAMP_KEY = r"(?:" + _STAMP_KEYS + r")"
_STAMP_LINE = re.compile(
    r"^\s*(?:" + _STAMP_KEYS + r"|E-?mail|Cơ quan|Chức vụ|Tổ chức)\s*:", re.IGNORECASE
)
_STAMP_STRONG = re.compile(r"^\s*" + _STAMP_KEY + r"\s*:")
_TIMESTAMP = r"\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?"
_INLINE_STAMP = re.compile(r"\s*" + _STAMP_KEY + r"\s*:\s*" + _TIMESTAMP)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$"
    r"|^\s*(?:Trang|Page)\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?\s*$"
    r"|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$",
    re.IGNORECASE,
)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\u00ad": ""})


# --- cleanup -----------------------------------------------------------------------


def clean_pages(pages: list[list[str]]) -> list[str]:
    """Drop stamps, running headers/footers and page numbers; return the body lines."""
    pages = [[_clean_line(line) for line in _drop_stamps(lines)] for lines in pages]
    running = _running_lines(pages)
    out: list[str] = []
    seen_rows: set[str] = set()
    for lines in pages:
        last = len(lines) - 1
        for i, line in enumerate(lines):
            at_edge = i < EDGE or i > last - EDGE
            if at_edge and PAGE_NUMBER.match(line):
                continue
            if at_edge and _key(line) in running:
                if " | " not in line or line in seen_rows:
                    continue  # a repeated table header row is kept the first time
                seen_rows.add(line)
            if line.strip():
                out.append(line)
    return out


def _clean_line(line: str) -> str:
    line = _INLINE_STAMP.sub("", line.translate(_LIGATURES))
    return line.rstrip()


def _drop_stamps(lines: list[str]) -> list[str]:
    """Remove signature-stamp lines when a page shows an actual stamp."""
    strong = [i for i, line in enumerate(lines) if _STAMP_STRONG.match(line)]
    timed = any(re.search(_TIMESTAMP, line) for line in lines if _STAMP_LINE.match(line))
    if not strong or (len(strong) < 2 and not timed and not _stamp_cluster(lines, strong[0])):
        return lines
    drop: set[int] = set()
    for i in strong:  # the stamp block: stamp-like lines around each strong one
        j = i
        while j >= 0 and j > i - 5 and _STAMP_LINE.match(lines[j]):
            drop.add(j)
            j -= 1
        j = i
        while j < len(lines) and j < i + 5 and _STAMP_LINE.match(lines[j]):
            drop.add(j)
            j += 1
    return [line for i, line in enumerate(lines) if i not in drop]


def _stamp_cluster(lines: list[str], index: int) -> bool:
    around = lines[max(0, index - 3) : index + 4]
    return sum(1 for line in around if _STAMP_LINE.match(line)) >= 3


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


# Headings that may start several pages with only their number changing.
_STRUCTURAL = re.compile(r"^\s*(?:Điều|Chương|Mục|Phần|Khoản)\s+\d|^\s*\d+(?:\.\d+)*[.)]\s")


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines at the top or bottom of at least half the pages (and two of them).

    Digits are ignored ("Số 441" matches "Số 443"), but a line whose text varies only
    by its numbers must recur on three pages at least, and numbered headings
    ("Điều 3.", "2. Nhiệm vụ") never count.
    """
    if len(pages) < 2:
        return set()
    keys: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    for lines in pages:
        edge = {" ".join(line.split()) for line in lines[:EDGE] + lines[-EDGE:] if line.strip()}
        edge = {line for line in edge if not _STRUCTURAL.match(line)}
        exact.update(edge)
        keys.update({_key(line) for line in edge})
    needed = max(2, math.ceil(0.5 * len(pages)))
    repeated = {_key(line) for line, count in exact.items() if count >= needed}
    varying = {key for key, count in keys.items() if count >= max(3, needed)}
    return {key for key in repeated | varying if key.strip("# ")}
