"""Tables pasted from Word as text, rebuilt into " | " rows; the Công báo's page furniture.

A table copied out of a Word document (or saved as plain text) keeps one row per line with
a tab between two cells, empty cells included:

    STT<TAB>Nhiệm vụ<TAB>Cơ quan chủ trì<TAB>Cơ quan phối hợp<TAB>Thời gian hoàn thành
    I<TAB>CHÍNH QUYỀN SỐ<TAB><TAB><TAB>
    1<TAB>Rà soát thủ tục hành chính<TAB>Sở Tư pháp<TAB>Các sở, ngành<TAB>Quý II/2026

From a header row whose first cell is the STT column, each line holding a tab between
two cells is a row; its cells are joined by " | " as the readers join a table's cells,
so `fields/tables.py` reads a task table and the clause parser skips any other table
(a list of members, a table of indicators). Tabs that only indent a line are not cells.
The table ends at the first line without a tab after a row. Rows without a header are a
table too when two lines or more in a row each hold three cells or more and open with a
row number ("1<TAB>Kiểm tra ...<TAB>Sở X<TAB>Tháng 5/2026"): `fields/tables.py` tells their
columns from their cells.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import cued, cues
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import fold_keeps

_STT = re.compile(r"^(?:stt|tt|số\s+tt|số\s+thứ\s+tự)$")
_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def _cells(line: str) -> list[str] | None:
    """The cells of a line with tabs between cells (not only before its text)."""
    body = line.strip(" \r\n").lstrip("\t")
    if "\t" not in body.rstrip("\t"):
        return None
    return [c.strip() for c in body.split("\t")]


def rebuild_tab_tables(lines: list[str]) -> list[str]:
    """Lines with every tab-separated table (header row first cell STT) as " | " rows."""
    out: list[str] = []
    in_table = False
    for i, line in enumerate(lines):
        cells = _cells(line)
        if cells is not None and (
            in_table or (len(cells) >= 3 and (_STT.match(fold(cells[0])) or _numbered(lines, i)))
        ):
            in_table = True
            out.append(" | ".join(cells))
            continue
        if line.strip():
            in_table = False
        out.append(line)
    return out


def _numbered(lines: list[str], at: int) -> bool:
    """A headerless run of numbered rows starts at `at`: this line and the next each hold
    three cells or more, the first a row number."""
    rows = [_cells(line) for line in lines[at : at + 2]]
    return len(rows) == 2 and all(
        r is not None and len(r) >= 3 and _ROW_NUMBER.match(r[0]) for r in rows
    )


@lru_cache(maxsize=1)
def _gazette() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[tuple[str, ...], ...]
]:
    v = load_vocab("layout")
    keys = ("gazette_page_header", "gazette_stamp_start", "gazette_stamp_line")
    header = re.compile("|".join(f"(?:{p})" for p in v[keys[0]]))
    start, line = (re.compile(v[k]) for k in keys[1:])
    # the words of each page header's and the stamp start's pattern that folding keeps
    # (`vn.fold_keeps`): a line whose lower case lacks one of each pattern's is neither, and
    # is not folded (most lines); () when some pattern has none (every line is folded)
    kept = tuple(tuple(w for w in cues(p) if fold_keeps(w)) for p in [*v[keys[0]], v[keys[1]]])
    return header, start, line, kept if all(kept) else ()


def drop_gazette_furniture(lines: list[str]) -> list[str]:
    """Lines without the Công báo's running page headers ("CÔNG BÁO/Số 285 + 286/Ngày
    04-4-2022", its page number before or after) and the portal's e-signature stamp, which
    a page break prints inside a sentence or a table."""
    header, start, stamp_line, kept = _gazette()
    out: list[str] = []
    in_stamp = False
    for line in lines:
        text = line.strip()
        if (
            kept
            and not in_stamp
            and not cued(text.lower(), kept)
            and unicodedata.is_normalized("NFC", text)
        ):
            out.append(line)  # none of the patterns' words: no header, no stamp
            continue
        folded = fold(text)
        in_stamp = bool(start.match(folded)) or (in_stamp and bool(stamp_line.match(folded)))
        if not in_stamp and not header.match(folded):
            out.append(line)
        elif out and out[-1].strip().isdigit() and len(out[-1].strip()) <= 4:
            out[-1] = ""  # the page number printed before the header
    return out
