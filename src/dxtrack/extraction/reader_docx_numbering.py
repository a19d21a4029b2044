"""Word's automatic list numbers (word/numbering.xml): the label a numbered paragraph shows.

A paragraph of a Word list holds no number in its text: its `w:numPr` (or its style's)
names a list (`w:numId`) and a level (`w:ilvl`); numbering.xml gives each level its format
(decimal, lowerLetter, upperRoman, bullet ...), its text ("%1.", "%1.%2.", "%2)") and its
start. Lists sharing one abstract numbering share their counters, as Word counts them, unless
a list restarts a level (`w:startOverride`); counting a level resets the levels below it.
Without the labels a plan typed with Word's numbering reaches the clause tree unnumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_PLACEHOLDER = re.compile(r"%([1-9])")
_KEPT_BULLETS = {"-", "–", "+", "*"}


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def format_number(fmt: str, n: int) -> str:
    """One counter in a level's format; Word's letters are Latin (a ... z, aa, bb ...)."""
    if fmt in {"lowerLetter", "upperLetter"}:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"}:
        return _roman(n).lower() if fmt == "lowerRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


class Numbering:
    """The labels of numbered paragraphs, read in document order (`label`)."""

    def __init__(self, root: Any, style_lists: dict[str, tuple[str, int]]) -> None:
        self.style_lists = style_lists
        self.abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = _level(lvl)
            self.abstract[node.get(W + "abstractNumId") or ""] = levels
        self.lists: dict[str, str] = {}  # numId -> abstractNumId
        self.restarts: dict[str, dict[int, int]] = {}  # numId -> level -> start
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId") or ""
            ref = num.find(W + "abstractNumId")
            self.lists[num_id] = "" if ref is None else ref.get(W + "val") or ""
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    level = _int(override.get(W + "ilvl"), 0)
                    self.restarts.setdefault(num_id, {})[level] = _int(start.get(W + "val"), 1)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()

    def snapshot(self) -> tuple[dict[str, dict[int, int]], set[str]]:
        return {k: dict(v) for k, v in self.counters.items()}, set(self.started)

    def restore(self, saved: tuple[dict[str, dict[int, int]], set[str]]) -> None:
        self.counters, self.started = saved

    def label(self, paragraph: Any) -> str:
        """The number Word shows before the paragraph ("2.", "a)", "1.1.", "•"), counting
        it; "" for a paragraph outside any list."""
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id = self.lists.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id or "", {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in self.restarts.get(num_id, {}).items():
                counters[restarted] = start - 1
                for deeper in [k for k in counters if k > restarted]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return level.text.strip() if level.text.strip() in _KEPT_BULLETS else "•"
        if level.fmt == "none":
            return ""

        def counter(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            other = levels.get(k)
            start = other.start if other else 1
            return format_number(other.fmt if other else "decimal", counters.get(k, start))

        return _PLACEHOLDER.sub(counter, level.text).strip()

    def _list_of(self, paragraph: Any) -> tuple[str, int] | None:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        by_style = self.style_lists.get(style.get(W + "val") or "") if style is not None else None
        if num_pr is None:
            return by_style
        num = num_pr.find(W + "numId")
        lvl = num_pr.find(W + "ilvl")
        num_id = num.get(W + "val") if num is not None else (by_style[0] if by_style else None)
        if not num_id or num_id == "0":
            return None
        default = by_style[1] if by_style else 0
        return num_id, _int(lvl.get(W + "val") if lvl is not None else None, default)


def _level(lvl: Any) -> _Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    start = lvl.find(W + "start")
    return _Level(
        fmt.get(W + "val") or "decimal" if fmt is not None else "decimal",
        (text.get(W + "val") or "") if text is not None else "",
        _int(start.get(W + "val") if start is not None else None, 1),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def read_numbering(numbering_xml: bytes | None, styles: Any) -> Numbering | None:
    """The document's numbering, or None when it has no numbering part."""
    if not numbering_xml:
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(numbering_xml, parser)
    except etree.XMLSyntaxError:
        return None
    style_lists: dict[str, tuple[str, int]] = {}
    for style in styles.iter(W + "style") if styles is not None else ():
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num = num_pr.find(W + "numId") if num_pr is not None else None
        if num is not None and num.get(W + "val") not in (None, "0"):
            lvl = num_pr.find(W + "ilvl")
            level = _int(lvl.get(W + "val") if lvl is not None else None, 0)
            style_lists[style.get(W + "styleId") or ""] = (num.get(W + "val") or "", level)
    return Numbering(root, style_lists)
