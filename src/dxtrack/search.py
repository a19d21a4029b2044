"""Text search as Vietnamese users type: without diacritics, in any case.

"ke hoach" finds "Kế hoạch", "SO Y TE" finds "Sở Y tế", "dong thap" finds "Đồng Tháp". Rows
keep a folded copy of their searchable text (`search_key`: lower case, no diacritics, đ → d,
single spaces), written by the models whenever that text changes; a query is folded the same
way and matched as a substring with LIKE, which behaves alike on SQLite and PostgreSQL (ILIKE
folds only ASCII case on SQLite, and neither folds diacritics). `%` and `_` typed by the user are
literal.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from dxtrack import vn

_ESCAPE = "\\"


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ → d, whitespace collapsed."""
    return " ".join(vn.fold(text, accents=False).split())


def search_key(*parts: str | None) -> str:
    """The folded text of several fields, one per line (a query never spans two fields)."""
    return "\n".join(folded for folded in map(fold, parts) if folded)


def contains(column: Any, query: str) -> ColumnElement[bool]:
    """`column` (a search_key) contains the folded `query`, wildcards taken literally."""
    needle = fold(query)
    for char in (_ESCAPE, "%", "_"):
        needle = needle.replace(char, _ESCAPE + char)
    return column.like(f"%{needle}%", escape=_ESCAPE)
