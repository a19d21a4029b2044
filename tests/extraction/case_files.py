"""Reading the golden-case files written as blocks (cases/tasks/, cases/layout/): comment lines
starting with "#" before the first case, cases separated by "=====" lines, each case its
source lines, a "." line, then its expected lines."""

from __future__ import annotations

from pathlib import Path


def read_blocks(path: Path) -> list[tuple[str, str]]:
    """Each case of the file as (source, expected) text, the "." line between them left out.

    A case without its "." line is refused: read as a source only it would assert nothing."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    out = []
    for block in "\n".join(lines).split("\n=====\n"):
        case = block.split("\n")
        if "." not in case:
            raise ValueError(f'{path.name}: a case without its "." line: {block[:80]!r}')
        dot = case.index(".")
        out.append(("\n".join(case[:dot]), "\n".join(case[dot + 1 :])))
    return out
