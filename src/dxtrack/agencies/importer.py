"""Reading agency directories from CSV or XLSX files (no database)."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from openpyxl import load_workbook

from dxtrack.agencies.models import AgencyKind
from dxtrack.errors import Invalid

AGENCY_COLUMNS = {"code", "name", "kind"}
GROUP_COLUMNS = {"code", "name", "members"}


@dataclass
class AgencyRow:
    code: str
    name: str
    kind: str
    parent_code: str | None
    aliases: list[str]


@dataclass
class GroupRow:
    code: str
    name: str
    aliases: list[str]
    members: list[str]


@dataclass
class Directory:
    agencies: list[AgencyRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _clean(row: dict[str, object]) -> dict[str, str]:
    return {str(k).strip().lower(): str(v).strip() for k, v in row.items() if k and v is not None}


def _add_rows(directory: Directory, rows: list[dict[str, str]], source: str) -> None:
    columns = set(rows[0]) if rows else set()
    if GROUP_COLUMNS <= columns:
        for row in rows:
            group = GroupRow(row["code"], row["name"], _split(row.get("aliases")), [])
            group.members = _split(row["members"])
            directory.groups.append(group)
    elif AGENCY_COLUMNS <= columns:
        for number, row in enumerate(rows, start=2):
            if row["kind"] not in set(AgencyKind):
                raise Invalid(
                    f"{source}, dòng {number}: loại cơ quan không hợp lệ «{row['kind']}»."
                )
            directory.agencies.append(
                AgencyRow(
                    row["code"],
                    row["name"],
                    row["kind"],
                    row.get("parent_code") or None,
                    _split(row.get("aliases")),
                )
            )
    elif rows:
        raise Invalid(f"{source}: thiếu cột bắt buộc (code, name, kind hoặc code, name, members).")


def _csv_rows(text: str) -> list[dict[str, str]]:
    return [_clean(row) for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))]


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


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        return _csv_rows(decode_csv(path.read_bytes(), path.name))
    except csv.Error as error:
        raise Invalid(f"{path.name}: tệp CSV không hợp lệ ({error}).") from None


def _xlsx_sheets(path: Path) -> list[list[dict[str, str]]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        values = list(sheet.iter_rows(values_only=True))
        if not values:
            continue
        header = [str(cell or "").strip().lower() for cell in values[0]]
        rows = [_clean(dict(zip(header, row, strict=False))) for row in values[1:] if any(row)]
        sheets.append(rows)
    return sheets


def read_directory(path: Path) -> Directory:
    """Agencies and/or groups from a CSV file (either kind) or an XLSX workbook (any sheets)."""
    directory = Directory()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _add_rows(directory, _read_csv(path), path.name)
    elif suffix in (".xlsx", ".xlsm"):
        for rows in _xlsx_sheets(path):
            _add_rows(directory, rows, path.name)
    else:
        raise Invalid(f"Định dạng tệp không được hỗ trợ: {path.name} (chỉ CSV hoặc XLSX).")
    return directory


def default_directory() -> Directory:
    """The An Giang directory shipped in the package."""
    directory = Directory()
    data = resources.files("dxtrack.agencies") / "data"
    for name in ("an_giang_agencies.csv", "an_giang_groups.csv"):
        _add_rows(directory, _csv_rows((data / name).read_text(encoding="utf-8")), name)
    return directory
