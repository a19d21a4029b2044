"""The engine's vocabulary files (`data/*.yaml`), read once per process, and the one way a
vocabulary entry written as a regular expression over folded text is compiled
(`folded_pattern`)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from dxtrack.vn import fold

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict[str, Any]:
    """`load("vocab")` -> the parsed `data/vocab.yaml`."""
    data = resources.files("dxtrack.extraction") / "data" / f"{name}.yaml"
    return yaml.load(data.read_text(encoding="utf-8"), Loader=_Loader)


# The regex syntax of an entry that folding must not touch: an escape (`\S` is not `\s`), a
# named character, a group's name or a reference to it, inline flags, a character class
# (folded on its own, escapes kept).
_SYNTAX = re.compile(
    r"\\N\{[^}]*\}|\\.|\(\?P?<(?![=!])\w+>|\(\?P=\w+\)|\(\?[aiLmsux]+(?:-[imsx]+)?[:)]"
    r"|\[\^?\]?(?:\\.|[^\]\\])*\]",
    re.DOTALL,
)
_ESCAPE = re.compile(r"(\\.)", re.DOTALL)


def folded_pattern(entry: str) -> str:
    """A vocabulary entry (a regular expression over folded text) as it is compiled: its
    literal text folded like the text it is matched against (`fold`: lower case, one tone
    placement) and each space outside a character class any run of whitespace; its regex
    syntax kept as written, so `^kt\\.\\s*\\S` stays `^kt\\.\\s*\\S` (folding the whole
    entry made it `\\s*\\s`)."""
    out, pos = [], 0
    for m in _SYNTAX.finditer(entry):
        out.append(fold(entry[pos : m.start()]).replace(" ", r"\s+"))
        syntax = m.group()
        if syntax.startswith("["):  # "[ơo]": its letters folded, its escapes kept
            syntax = "".join(p if _ESCAPE.fullmatch(p) else fold(p) for p in _ESCAPE.split(syntax))
        out.append(syntax)
        pos = m.end()
    out.append(fold(entry[pos:]).replace(" ", r"\s+"))
    return "".join(out)
