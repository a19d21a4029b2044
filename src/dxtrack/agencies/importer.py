"""Reading agency directories from CSV or XLSX files (no database).

Forgiving, as directories are made by hand: the header row may sit below title rows, headers
may be written in Vietnamese (Mã, Tên, Loại, Mã cấp trên, Tên gọi khác, Thành viên) and kinds
as their labels (Sở, Xã, Phường ...); every problem of the file is reported at once, each with
its file and row, and nothing is read from a file with problems.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dxtrack.agencies.models import KIND_LABELS, AgencyKind
from dxtrack.errors import Invalid
from dxtrack.tables import HEADER_SEARCH_ROWS, cell_text, header_key, open_xlsx

AGENCY_COLUMNS = {"code", "name", "kind"}
GROUP_COLUMNS = {"code", "name", "members"}
_COLUMNS = {"code", "name", "kind", "parent_code", "aliases", "members"}
# Vietnamese headers as people write them -> our columns.
_HEADER_WORDS = (
    ("code", ("mã", "mã cơ quan", "mã đơn vị", "mã số")),
    ("name", ("tên", "tên cơ quan", "tên đơn vị", "cơ quan")),
    ("kind", ("loại", "loại cơ quan", "loại đơn vị")),
    ("parent_code", ("mã cấp trên", "mã cơ quan cấp trên", "cấp trên", "cơ quan cấp trên")),
    ("aliases", ("tên gọi khác", "tên khác", "bí danh")),
    ("members", ("thành viên", "cơ quan thành viên", "các cơ quan")),
)
_HEADER_NAMES = {header_key(word): column for column, words in _HEADER_WORDS for word in words}
_KINDS = {header_key(kind.value): kind.value for kind in AgencyKind} | {
    header_key(label): kind.value for kind, label in KIND_LABELS.items()
}


@dataclass
class AgencyRow:
    code: str
    name: str
    kind: str
    parent_code: str | None
    aliases: list[str]
    line: str = ""  # "file, dòng N" for messages


@dataclass
class GroupRow:
    code: str
    name: str
    aliases: list[str]
    members: list[str]
    line: str = ""


@dataclass
class Directory:
    agencies: list[AgencyRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _column(cell: object) -> str:
    folded = header_key(cell)
    return folded if folded in _COLUMNS else _HEADER_NAMES.get(folded, folded)


def _table(rows: Iterable[Sequence[Any]], source: str, out: Directory) -> None:
    """Rows of one sheet or CSV file: the header found below any title rows, then records."""
    numbered = enumerate(rows, start=1)
    for number, row in numbered:
        header = [_column(cell) for cell in row]
        if {"code", "name"} <= set(header) and ({"kind", "members"} & set(header)):
            records = (
                (n, {h: cell_text(v) for h, v in zip(header, values, strict=False) if h})
                for n, values in numbered
            )
            _add_rows(out, [(n, r) for n, r in records if any(r.values())], source)
            return
        if number >= HEADER_SEARCH_ROWS:
            break
    out.errors.append(
        f"{source}: không tìm thấy dòng tiêu đề (cần cột code, name, kind hoặc code, name, "
        "members; hoặc Mã, Tên, Loại / Thành viên)."
    )


def _agency(row: dict[str, str], where: str, out: Directory) -> None:
    problems = [
        f"thiếu {what}" for what, col in (("mã", "code"), ("tên", "name")) if not row.get(col)
    ]
    kind = _KINDS.get(header_key(row.get("kind")))
    if kind is None:
        choices = ", ".join(KIND_LABELS.values())
        problems.append(f"loại cơ quan không hợp lệ «{row.get('kind', '')}» (chọn: {choices})")
    if problems:
        out.errors.append(f"{where}: {'; '.join(problems)}.")
        return
    out.agencies.append(AgencyRow(row["code"], row["name"], kind or "", row.get("parent_code") or None,
                                  _split(row.get("aliases")), where))  # fmt: skip


def _add_rows(directory: Directory, rows: list[tuple[int, dict[str, str]]], source: str) -> None:
    groups = bool(rows) and "members" in rows[0][1] and "kind" not in rows[0][1]
    seen: dict[str, str] = {}
    for number, row in rows:
        where = f"{source}, dòng {number}"
        code = row.get("code", "")
        if code and code in seen:
            directory.errors.append(f"{where}: mã «{code}» trùng với {seen[code]}.")
            continue
        seen[code] = f"dòng {number}"
        if not groups:
            _agency(row, where, directory)
        elif not code or not row.get("name"):
            directory.errors.append(f"{where}: thiếu mã hoặc tên nhóm.")
        else:
            directory.groups.append(GroupRow(code, row["name"], _split(row.get("aliases")),
                                             _split(row.get("members")), where))  # fmt: skip


def raise_errors(errors: list[str], source: str) -> None:
    """Invalid listing every problem (nothing of the file is applied)."""
    if errors:
        lines = "\n".join(errors[:50])
        raise Invalid(f"{source}: {len(errors)} lỗi, chưa nhập gì:\n{lines}", detail=errors)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def decode_csv(data: bytes, source: str) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, or the
    Windows-1258 that Excel writes on Vietnamese Windows; NFC. Else a clear Invalid."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1258"]
    for encoding in encodings:
        try:
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise Invalid(
        f"{source}: không đọc được bảng mã của tệp CSV. Hãy lưu lại tệp dạng «CSV UTF-8» "
        "(Excel: Lưu thành → CSV UTF-8) hoặc dùng tệp XLSX."
    )


def _read_csv(path: Path) -> list[list[str]]:
    try:
        return _csv_rows(decode_csv(path.read_bytes(), path.name))
    except csv.Error as error:
        raise Invalid(f"{path.name}: tệp CSV không hợp lệ ({error}).") from None


def read_directory(path: Path) -> Directory:
    """Agencies and/or groups from a CSV file (either kind) or an XLSX workbook (any sheets);
    Invalid listing every problem of the file."""
    directory = Directory()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _table(_read_csv(path), path.name, directory)
    elif suffix in (".xlsx", ".xlsm"):
        workbook = open_xlsx(path.read_bytes())
        for sheet in workbook.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            if any(cell_text(c) for row in rows for c in row):
                _table(rows, f"{path.name} (trang «{sheet.title}»)", directory)
        workbook.close()
    else:
        raise Invalid(f"Định dạng tệp không được hỗ trợ: {path.name} (chỉ CSV hoặc XLSX).")
    raise_errors(directory.errors, path.name)
    return directory


def default_directory() -> Directory:
    """The An Giang directory shipped in the package."""
    directory = Directory()
    data = resources.files("dxtrack.agencies") / "data"
    for name in ("an_giang_agencies.csv", "an_giang_groups.csv"):
        _table(_csv_rows((data / name).read_text(encoding="utf-8")), name, directory)
    raise_errors(directory.errors, "danh mục mặc định")
    return directory
