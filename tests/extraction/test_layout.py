"""Golden cases of the layout stage (tests/extraction/cases/layout/<rule>.txt).

Each file holds cases separated by "=====" lines: the raw text, a "." line, and the
paragraphs expected after the layout stage and normalisation (one per line). Lines
starting with "#" before the first case are comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction.layout import RULES, undo_layout
from dxtrack.extraction.normalize import normalize

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

CASES = Path(__file__).parent / "cases" / "layout"


def load(path: Path) -> list[tuple[str, list[str]]]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    out = []
    for block in "\n".join(lines).split("\n=====\n"):
        source, _, expected = block.partition("\n.\n")
        out.append((source, [e.rstrip() for e in expected.strip("\n").split("\n")]))
    return out


ALL = [(p.stem, i, case) for p in sorted(CASES.glob("*.txt")) for i, case in enumerate(load(p))]


@pytest.mark.parametrize("rule,index,case", ALL, ids=[f"{r}-{i}" for r, i, _ in ALL])
def test_layout_case(rule, index, case):
    source, expected = case
    paragraphs = normalize(undo_layout(source, AN_GIANG)).paragraphs
    assert [p.text.rstrip() for p in paragraphs] == expected


def test_every_rule_has_golden_cases():
    names = {p.stem for p in CASES.glob("*.txt")}
    assert {name for name, _ in RULES} <= names | {"blank_line_paragraphs"}
    assert "blank_line_paragraphs" in names
