"""Fixes for the damage OCR does to Vietnamese administrative text (data/ocr_fixes.yaml).

    fix_ocr(text) -> text with the rules applied in order

Only text read by OCR goes through these rules (never a text layer or a DOCX). The table
is data: a rule is a named regex with a replacement template, a character map for its
`fix` group (Roman numerals read as digits) or a handler below (syllables split or glued
around a diacritic, decided with the Vietnamese syllable check of legacy.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from dxtrack.extraction.legacy import is_syllable
from dxtrack.extraction.vocab import load

Handler = Callable[[re.Match[str]], str]


def squeeze(match: re.Match[str]) -> str:
    """A document number without the spaces OCR put inside it."""
    return re.sub(r"[ \t]+", "", match.group(0))


def _vietnamese(word: str) -> bool:
    return any(not ch.isascii() for ch in word)


def _joins(first: str, second: str) -> bool:
    if is_syllable(first) and is_syllable(second):
        return False
    joined = first + second
    return _vietnamese(joined) and is_syllable(joined)


_BEFORE = re.compile(r"([^\W\d_]{1,6}) $")


def join_split(match: re.Match[str]) -> str:
    """Two pieces that are one syllable: "th ực" -> "thực" (the second piece stays), unless
    the first piece was itself joined to the piece before it ("thự c hiện")."""
    first, second = match.group(1), match.group(2)
    before = _BEFORE.search(match.string, 0, match.start(1))
    if before is not None and _joins(before.group(1), first):
        return match.group(0)
    return first if _joins(first, second) else match.group(0)


def split_glued(match: re.Match[str]) -> str:
    """A word that is two syllables glued, cut where both halves are syllables, when there
    is exactly one such place."""
    word = match.group(0)
    if not _vietnamese(word) or is_syllable(word):
        return word
    cuts = [i for i in range(1, len(word)) if is_syllable(word[:i]) and is_syllable(word[i:])]
    if len(cuts) != 1:
        return word
    return f"{word[: cuts[0]]} {word[cuts[0] :]}"


HANDLERS: dict[str, Handler] = {
    "squeeze": squeeze,
    "join_split": join_split,
    "split_glued": split_glued,
}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    apply: Handler


def _translator(rule: dict[str, Any]) -> Handler:
    table = str.maketrans({str(k): str(v) for k, v in rule["translate"].items()})
    valid = re.compile(rule["valid"]) if rule.get("valid") else None

    def apply(match: re.Match[str]) -> str:
        whole, start = match.group(0), match.start(0)
        for name in ("fix", "fix2"):
            if name in match.re.groupindex and match.group(name) is not None:
                old = match.group(name)
                new = old.translate(table)
                if valid is not None and not valid.fullmatch(new):
                    return whole
                a, b = match.start(name) - start, match.end(name) - start
                return whole[:a] + new + whole[b:]
        return whole

    return apply


def _compile(rule: dict[str, Any]) -> Rule:
    pattern = re.compile(rule["pattern"], re.MULTILINE)
    if "handler" in rule:
        apply = HANDLERS[rule["handler"]]
    elif "translate" in rule:
        apply = _translator(rule)
    else:
        template = rule["replace"]

        def apply(match: re.Match[str]) -> str:
            return match.expand(template)

    return Rule(rule["name"], pattern, apply)


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(_compile(rule) for rule in load("ocr_fixes")["rules"])


def fix_ocr(text: str, *, only: str | None = None) -> str:
    """The text with every rule (or only the rule named `only`) applied, in table order."""
    text = unicodedata.normalize("NFC", text)
    for rule in rules():
        if only is None or rule.name == only:
            text = rule.pattern.sub(rule.apply, text)
    return text
