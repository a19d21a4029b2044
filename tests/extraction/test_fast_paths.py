"""The engine's fast paths give what the plain forms they replace give (issue 11's speed bar):
checked over every line of the tune corpus and the seeds, plus the odd characters that take
the slow path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dxtrack import vn
from dxtrack.extraction.fields import deadline, recurrence
from dxtrack.extraction.fields.references import _SYM, NUMBER
from dxtrack.extraction.fields.subjects import _anchored, clause_vocab, closing_at
from dxtrack.extraction.textutil import fold, fold_bare

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "tests" / "extraction" / "corpus" / "tune").glob("*.txt")) + sorted(
    (ROOT / "samples" / "seeds").glob("*.txt")
)


@pytest.fixture(scope="module")
def lines() -> list[str]:
    out = [line for path in TEXTS for line in path.read_text(encoding="utf-8").split("\n")]
    assert len(out) > 5000
    return out


ODD = [
    "",
    "İstanbul ĐIỀU",  # a capital whose lower case is longer
    "Quye\u0301t đi\u0323nh",  # decomposed marks
    "ΣΟΦΟΣ Ǆ ﬁ Ω",
    "Hoà Quý Uỷ ban – “Đã ký” … •",
]


def test_fold_bare_is_fold_without_accents(lines: list[str]) -> None:
    for text in [*lines, *ODD]:
        assert fold_bare(text) == vn.fold(text, accents=False), text


def test_closing_at_finds_the_closing_search(lines: list[str]) -> None:
    closing = clause_vocab()["closing"]
    found = 0
    for line in lines:
        for text in (fold(line), fold(line[:160]), fold(line).lstrip("-–+• ")):
            m = closing.search(text)
            assert closing_at(text) == (m.start() if m else None), text
            found += m is not None
    assert found > 100


@pytest.mark.parametrize(
    ("pattern", "anchored"),
    [("^a|b", False), ("^(a)|b", False), ("x^", False), ("^(?:a|b)c", True), ("^[|]x", True)],
)
def test_anchored(pattern: str, anchored: bool) -> None:
    assert _anchored(pattern) is anchored


# The look-behind forms the rules were written in (the engine's put the look-behind after the
# first digit or word, where the regex engine can skip ahead to candidates).
PLAIN = {
    "full_date": r"(?<![\d/])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)(?![\d/])",
    "written_date": r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:năm|tháng)\s+((?:19|20)\d\d)",
    "day_month": r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})()(?![\d/])",
    "written_day_month": r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})()(?!\s*(?:năm|/)\s*\d)",
    "year_range": r"(?<=từ\s)năm\s+(?:19|20)\d\d\s*(?:đến|[-–])\s*(?:hết\s+)?năm\s+((?:19|20)\d\d)",
}


def test_rewritten_patterns_match_their_plain_forms(lines: list[str]) -> None:
    rules = {name: pattern for name, pattern, _, _ in deadline.RULES}
    plain_number = re.compile(
        rf"(?<![\w/.-])(\d{{1,5}}(?:\s?/\s?(?:19|20)\d\d(?:\s?[-/]\s?|(?=[A-ZĐ]{{2}}))|\s?[-/]\s?)"
        rf"{_SYM}(?:\s?[-/]\s?{_SYM}|\.(?:[A-ZĐ]{{2,}}|[IVX]{{1,4}}\b))*)(?![\w/])"
    )
    pairs = [(re.compile(p), rules[name]) for name, p in PLAIN.items()]
    pairs.append((plain_number, NUMBER))
    hits = 0
    for line in lines:
        for text in (line, fold(line)):
            for plain, fast in pairs:
                want = [(m.span(), m.groups()) for m in plain.finditer(text)]
                assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, text
                hits += len(want)
    assert hits > 1000


def test_recurrence_rules_need_their_cues(lines: list[str]) -> None:
    cases = (ROOT / "tests" / "extraction" / "cases" / "recurrence.txt").read_text(encoding="utf-8")
    matched = 0
    for text in [fold(t) for t in [*lines, *cases.split("\n")]]:
        for name, pattern in recurrence.RULES:
            if pattern.search(text):
                matched += 1
                for group in recurrence.RULE_CUES[name]:
                    assert any(word in text for word in group), (name, text)
    assert matched > 100
