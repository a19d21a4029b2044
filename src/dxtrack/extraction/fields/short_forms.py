"""Short forms a document defines for an agency and then uses as its name: "Giao Trung tâm
Chuyển đổi số tỉnh (sau đây gọi tắt là Trung tâm) vận hành ...", later "Trung tâm chủ trì ...".
The short form is spelt out in the paragraphs after its definition (FORMAT.md lead: full
names, abbreviations expanded), so that the later subject is read as the agency it stands for.

A definition counts when its short form opens with a capital and with the agency's own head
word ("Trung tâm", "Ban", "Sở NN&MT"), so that "(sau đây gọi tắt là Đề án)" after a plan's
title is no agency's short form. The marks are data (`short_form_marks` in data/vocab.yaml).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.normalize import Paragraph
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER, fold

_GAP = 60  # at most this much text between the agency's matched name and the parenthesis


@cache
def _marks() -> tuple[tuple[str, ...], re.Pattern[str]]:
    marks = tuple(load_vocab("vocab")["short_form_marks"])
    words = "|".join(r"\s+".join(map(re.escape, m.split())) for m in marks)
    define = re.compile(
        rf"\(\s*(?:sau\s+đây\s+|dưới\s+đây\s+)?(?:được\s+)?(?:{words})\s*:?\s*[\"“]?"
        rf"([{UPPER}][^()\"”;:.\n]{{0,58}}?)[\"”]?\s*\)"
    )
    return marks, define


def short_form_definition() -> re.Pattern[str]:
    """A definition's parenthesis ("(sau đây gọi tắt là Trung tâm)"), the short form its group."""
    return _marks()[1]


def spell_short_forms(paragraphs: list[Paragraph], matcher: AgencyMatcher) -> list[Paragraph]:
    """The paragraphs with each agency short form the document defines spelt out after its
    definition."""
    marks, define = _marks()
    if not any(m in p.text for p in paragraphs for m in marks):
        return paragraphs
    forms: dict[str, str] = {}
    spell: re.Pattern[str] | None = None
    out: list[Paragraph] = []
    for p in paragraphs:
        text = p.text
        found = any(m in text for m in marks)
        if not found and spell is None:
            out.append(p)
            continue
        at = 0  # where a new definition ends: the short form is spelt only after it
        if found:
            for m in define.finditer(text):
                full = _defined_name(text[: m.start()], matcher)
                short = m.group(1).strip()
                if full and short != full and fold(short.split()[0]) == fold(full.split()[0]):
                    forms[short] = full
                    at = m.end()
            spell = _spelling(forms) if forms else None
        if spell is not None:
            head, tail = text[:at], text[at:]
            text = head + spell.sub(lambda m: forms[m.group(0)], tail)
        out.append(replace(p, text=text) if text != p.text else p)
    return out


def _defined_name(before: str, matcher: AgencyMatcher) -> str | None:
    """The agency named right before a definition's parenthesis, up to it."""
    ex = matcher.expand(before[-200:])
    mentions = matcher.find_all(ex)
    if not mentions:
        return None
    last = mentions[-1]
    gap = ex.text[last.end :]
    if len(gap.strip()) > _GAP or re.search(r"[;:.()]", gap):
        return None
    full = " ".join(ex.text[last.start :].split())
    # a name holding commas ("Ban Chỉ đạo về phát triển khoa học, công nghệ, ...") would be
    # read as a list where it is spelt out: left as the document writes it
    return full if full and "," not in full else None


def _spelling(forms: dict[str, str]) -> re.Pattern[str]:
    """Each short form as a name of its own: not a word's part, not after "các"/"những" (a
    kind, "các Trung tâm y tế"), not before another capitalised word (a longer name that
    shares its head, "Trung tâm Phục vụ hành chính công")."""
    alts = "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?<!các\s)(?<!những\s)(?:{alts})(?![\w&])(?!\s+[{UPPER}0-9])")
