"""Task tables of pages converted by pandoc, rebuilt into " | " rows (layout stage).

Web copies and Word files saved as Markdown by pandoc print a table in one of two shapes
whose cells wrap over several lines:

    grid        +-----+------------------+-----------+      multiline   ---------------------
                | STT | Nhiệm vụ         | Cơ quan   |                  STT  Nhiệm vụ   Cơ quan
                |     |                  | chủ trì   |                                  chủ trì
                +=====+==================+===========+                  ---- ---------- -------
                | 1   | Xây dựng kế      | Sở Tư     |                  1    Xây dựng   Sở Tư
                |     | hoạch            | pháp      |                       kế hoạch   pháp
                +-----+------------------+-----------+
                                                                        2    Rà soát    Sở Nội vụ
                                                                        ---------------------

A grid row is the lines between two "+---+" borders, each cut at its "|" marks; a
multiline table gives its columns by the dash segments under the header, its rows are
separated by blank lines (one line each when no full-width line opens the table). Each
cell's lines are joined. Only task tables are rebuilt (a header naming a number, a task
and a lead column: `layout_tables.task_header`); a headerless letterhead table stays.
"""

from __future__ import annotations

import re

from dxtrack.extraction.layout_tables import task_header

_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_SEGMENTS = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")
_FULL = re.compile(r"^\s*-{8,}\s*$")


def rebuild_pandoc_tables(lines: list[str]) -> list[str]:
    """Lines with every pandoc grid or multiline task table replaced by its rows."""
    if not any("--" in line for line in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _grid(lines, i) if _BORDER.match(lines[i]) else None
        if found is None and _SEGMENTS.match(lines[i]):
            found = _multiline(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        taken, rows, i = found
        del out[len(out) - taken :]  # the header lines were copied before the dashes
        out.extend(rows)
    return out


def _grid(lines: list[str], i: int) -> tuple[int, list[str], int] | None:
    """(0, rows, index after) of a grid table opening at line i."""
    width = lines[i].strip().count("+") - 1
    rows: list[list[list[str]]] = []
    block: list[list[str]] = []
    j = i + 1
    while j < len(lines):
        if _BORDER.match(lines[j]):
            rows, block = (rows + [block] if block else rows), []
        elif (cells := _grid_cells(lines[j], width)) is not None:
            block.append(cells)
        else:
            break
        j += 1
    rows += [block] if block else []
    merged = [_join(block, width) for block in rows]
    if not merged or not task_header(merged[0]):
        return None
    return 0, [" | ".join(row) for row in merged], j


def _grid_cells(line: str, width: int) -> list[str] | None:
    parts = line.split("|")
    if len(parts) == width + 2 and not parts[0].strip() and not parts[-1].strip():
        parts = parts[1:-1]  # "| a | b |" as printed ("a | b" once the reader cleaned it)
    return [p.strip() for p in parts] if len(parts) == width and width > 1 else None


def _multiline(lines: list[str], s: int) -> tuple[int, list[str], int] | None:
    """(header lines to take back, rows, index after) of a multiline or simple table whose
    dash segments are on line s."""
    spans = [m.start() for m in re.finditer(r"-+", lines[s])]
    k = s
    while k > 0 and lines[k - 1].strip() and not _FULL.match(lines[k - 1]):
        k -= 1
    if k == s or s - k > 4:
        return None
    header = _join([_cut(line, spans) for line in lines[k:s]], len(spans))
    if not task_header(header):
        return None
    framed = k > 0 and _FULL.match(lines[k - 1]) is not None
    rows, j = [header], s + 1
    block: list[list[str]] = []
    while j < len(lines) and not _FULL.match(lines[j]):
        if not lines[j].strip():
            if not framed:
                break  # a simple table ends at its first blank line
            rows, block = (rows + [_join(block, len(spans))] if block else rows), []
        elif framed:
            block.append(_cut(lines[j], spans))
        else:
            rows.append(_join([_cut(lines[j], spans)], len(spans)))
        j += 1
    rows += [_join(block, len(spans))] if block else []
    taken = s - k + int(framed)
    return taken, [" | ".join(row) for row in rows], j + int(j < len(lines))


def _cut(line: str, starts: list[int]) -> list[str]:
    """The line cut at the columns' starts; a word across a start stays in its column."""
    cells, begin = [], 0
    for start in [*starts[1:], 10**6]:
        end = start
        while 0 < end < len(line) and line[end - 1] != " " and line[end] != " ":
            end -= 1  # text running over the column's start belongs to the column before
        cells.append(line[begin:end].strip())
        begin = end
    return cells


def _join(block: list[list[str]], width: int) -> list[str]:
    return [" ".join(c[k] for c in block if k < len(c) and c[k]) for k in range(width)]
