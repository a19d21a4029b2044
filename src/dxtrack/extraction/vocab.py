"""The engine's vocabulary files (`data/*.yaml`), read once per process, and the one way a
vocabulary entry written as a regular expression over folded text is compiled
(`folded_pattern`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import pairwise
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


def alternation(entries: Iterable[str]) -> str:
    """Vocabulary entries as one alternation of their folded patterns (`folded_pattern`),
    longest first, each once: "giao cho" is tried before "giao" (see `by_first_letter`)."""
    return by_first_letter(
        sorted(dict.fromkeys(map(folded_pattern, entries)), key=len, reverse=True)
    )


def by_first_letter(patterns: Iterable[str]) -> str:
    """The alternation of `patterns` with those opening with the same letter gathered under
    it, letter by letter ("s(?:ở\\s+y\\s+tế|ở)" for "sở\\s+y\\s+tế|sở"): the regex engine tries
    a branch's alternatives one by one, so where a letter stands it now tries that letter's
    alternatives only, in the order given, as it tried the plain alternation. A pattern with
    a "|" outside its groups counts as its alternatives; one that does not open with a plain
    letter stays where it stands (no letter's branch reaches across it). Not for a pattern
    compiled with IGNORECASE (its letters' branches would not be apart)."""
    flat = [part for p in patterns for part in _top_alternatives(p)]
    return _by_letter(flat, depth=4)


def _top_alternatives(pattern: str) -> list[str]:
    cuts = [-1, *(i for i, c, d in syntax(pattern) if c == "|" and d == 0), len(pattern)]
    return [pattern[a + 1 : b] for a, b in pairwise(cuts)]


def _letter(pattern: str) -> bool:
    """The pattern opens with a plain letter (no quantifier on it)."""
    return pattern[:1].isalpha() and pattern[1:2] not in ("?", "*", "+", "{")


def _by_letter(patterns: list[str], depth: int) -> str:
    if depth == 0:
        return "|".join(patterns)
    out: list[str] = []
    run: dict[str, list[str]] = {}  # letter -> the rests of its patterns, in order

    def close_run() -> None:
        for letter, rests in run.items():
            head = letter
            while len(rests) > 1 and all(_letter(r) and r[0] == rests[0][0] for r in rests):
                head, rests = head + rests[0][0], [r[1:] for r in rests]  # a shared prefix
            inner = rests[0] if len(rests) == 1 else f"(?:{_by_letter(rests, depth - 1)})"
            out.append(head + inner)
        run.clear()

    for p in patterns:
        if _letter(p):
            run.setdefault(p[0], []).append(p[1:])
        else:
            close_run()
            out.append(p)
    close_run()
    return "|".join(out)


def syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth) of a pattern's characters outside escapes and
    character classes."""
    depth, escaped, in_class = 0, False, False
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth -= c == ")"
            yield i, c, depth
            depth += c == "("


def entry_cues(entries: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The words of each vocabulary entry (`cues` of its folded pattern) that an alternation
    of the entries cannot match without: `cued(text, ...)` is False only where no entry's
    words are all in the text. () when some entry has none (nothing to test)."""
    out = tuple(cues(folded_pattern(e)) for e in entries)
    return fewest_cues(out) if out and all(out) else ()


def fewest_cues(entries: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The entries `cued` needs: each once, none holding all the words of another (the other
    is in the text wherever it is: "giao cho" goes, "giao" stays), those opening with the
    same word next to each other (`cued` looks that word up once). Each entry holds a word."""
    kept: list[tuple[str, ...]] = []
    for words in sorted(set(entries), key=lambda words: (len(words), words)):
        if not any(set(k) <= set(words) for k in kept):
            kept.append(words)
    first = {words[0]: i for i, words in reversed(list(enumerate(kept)))}
    return tuple(sorted(kept, key=lambda words: first[words[0]]))


def cued(text: str, entries: tuple[tuple[str, ...], ...]) -> bool:
    """Some entry's words (`entry_cues`) are all in the text, or there are none to test."""
    if not entries:
        return True
    absent = ""  # the first word of the entry before, when the text lacks it
    for words in entries:  # loops, not any() over generators: run for every clause
        if not words:
            return True
        first = words[0]
        if first == absent:
            continue  # an entry opening like the one before (see `fewest_cues`)
        if first not in text:
            absent = first
            continue
        for w in words[1:]:
            if w not in text:
                break
        else:
            return True
    return False


def anchored(pattern: str) -> bool:
    """A pattern that matches only at the start of the text: "^..." with no "|" outside
    its groups."""
    return pattern.startswith("^") and not any(c == "|" and d == 0 for _, c, d in syntax(pattern))


def alternatives(pattern: str) -> list[str]:
    """A pattern opening with a group of alternatives as one pattern per alternative
    ("(?:luật|pháp lệnh) này ..." -> "luật này ...", "pháp lệnh này ..."): an alternation
    of patterns that all open with a letter is searched by those letters."""
    if not pattern.startswith("(?:"):
        return [pattern]
    cuts = [2]
    for i, c, depth in syntax(pattern):
        if depth == 1 and c == "|":
            cuts.append(i)
        elif depth == 0 and c == ")":
            rest = pattern[i + 1 :]
            if rest[:1] in ("?", "*", "+", "{"):
                return [pattern]  # an optional group: kept whole
            cuts.append(i)
            return [pattern[a + 1 : b] + rest for a, b in pairwise(cuts)]
    return [pattern]


# the global flags a pattern may open with ("(?i)", "(?su)"); Python takes them nowhere else
_GLOBAL_FLAGS = re.compile(r"(?:\(\?([aiLmsux]+)\))+")


def has_flags(pattern: str) -> bool:
    """`re.compile(pattern).flags & ~re.UNICODE` without compiling it (a vocabulary's
    patterns are compiled in their alternations; compiling each one again cost a first read
    more than a scan): a global flag other than "u" opens the pattern."""
    opening = _GLOBAL_FLAGS.match(pattern)
    return opening is not None and any(c in "aiLmsx" for c in opening.group())


def cues(pattern: str) -> tuple[str, ...]:
    """Words every text a folded pattern matches in contains: its runs of two letters or
    more outside groups, classes and escapes (a quantifier takes the letter before it), and
    those of a look-behind outside groups ("(?<=^tại\\s)": the text holds "tại" before the
    match); none for a pattern with an alternation outside its groups or with flags."""
    if has_flags(pattern) or any(c == "|" and d == 0 for _, c, d in syntax(pattern)):
        return ()
    words, run, last = [], "", -2
    behind: list[str] = []  # the look-behinds' own patterns
    opened = -1  # where the look-behind being read opens
    for i, c, depth in syntax(pattern):
        if depth == 0 and c.isalpha() and i == last + 1:
            run += c
        else:
            if c in "?*+{" and i == last + 1:
                run = run[:-1]
            words.append(run)
            run = c if depth == 0 and c.isalpha() else ""
        if depth == 0 and c == "(" and pattern.startswith("(?<=", i):
            opened = i
        elif depth == 0 and c == ")" and opened >= 0:
            if pattern[i + 1 : i + 2] not in ("?", "*", "+", "{"):
                behind.append(pattern[opened + 4 : i])
            opened = -1
        last = i
    words.append(run)
    for p in behind:
        words += cues(p)
    return tuple(dict.fromkeys(w for w in words if len(w) >= 2))
