"""Backup and restore: one archive with every table and every stored file.

The archive (`.tar.gz`) holds `manifest.json` (format, dxtrack version, schema revision, row
counts and the SHA-256 of each table file), `db/<table>.jsonl` (a header line with the column
names, then one JSON array per row, dates and other non-JSON values tagged) and
`files/originals/...`, `files/evidence/...` (content-addressed: a file's name is its SHA-256).

The dump is logical, so it does not depend on the database engine: a backup of the SQLite
database restores into PostgreSQL (the way to move a province to its production server), and a
backup made by an older dxtrack restores into a newer one (the tables are loaded at the
backup's schema revision, then upgraded). Reads happen in one snapshot transaction (repeatable
read on PostgreSQL, a read transaction on SQLite in WAL mode), so the application can keep
running during a backup.

Restore checks everything before writing: the manifest, each table file's checksum, each
stored file against its name. It only writes into an empty database (no tables: before
`dxtrack init`), so it can never mix with or overwrite data in use; it creates the schema at the
backup's revision, copies the files (content-addressed, so harmless if the rest fails), loads
the tables, then upgrades to the current schema, all in one transaction (both databases roll
back DDL): a restore that fails or is killed half-way leaves the database empty, ready for
another try.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import IO, Any

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, MetaData, Table, inspect, select, text
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from dxtrack import __version__
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.config import Settings
from dxtrack.db import WRITING, get_engine, utcnow
from dxtrack.errors import Conflict, Invalid
from dxtrack.migrations import alembic_config, current_revision, upgrade
from dxtrack.tasks import counts

FORMAT = "dxtrack-backup/1"
# The revision is in the manifest; locks are transient; the counts are derived (rebuilt).
SKIPPED = {"alembic_version", "run_locks", "assignment_counts"}
FILE_AREAS = ("originals", "evidence")
BATCH = 2_000
_STORED_NAME = re.compile(r"[0-9a-f]{64}(\.[0-9A-Za-z]{1,10})?")


@dataclass
class BackupSummary:
    path: Path
    revision: str
    tables: dict[str, int]
    files: int
    size: int


@dataclass
class RestoreSummary:
    revision: str
    upgraded_to: str
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0


# --- values -----------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A column value as JSON: plain scalars as they are, others tagged."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if isinstance(value, (bytes, memoryview)):
        return {"b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, (dict, list)):
        return {"j": value}
    raise TypeError(f"cannot back up a value of type {type(value).__name__}")


DECODERS = {
    "t": datetime.fromisoformat,
    "d": date.fromisoformat,
    "n": Decimal,
    "b": base64.b64decode,
    "j": lambda value: value,
}


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        ((tag, inner),) = value.items()
        return DECODERS[tag](inner)
    return value


# --- backup -----------------------------------------------------------------------------------


def _tables(connection: Connection) -> list[Table]:
    metadata = MetaData()
    metadata.reflect(bind=connection)
    return [t for t in metadata.sorted_tables if t.name not in SKIPPED]


def _snapshot(engine: Engine) -> Connection:
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(isolation_level="REPEATABLE READ")
    return engine.connect()


def _dump_table(connection: Connection, table: Table, out: IO[bytes]) -> tuple[int, str]:
    digest = hashlib.sha256()

    def write(line: list[Any]) -> None:
        data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        digest.update(data)
        out.write(data)

    columns = [c.name for c in table.columns]
    write(columns)
    order = list(table.primary_key.columns) or list(table.columns)
    rows = connection.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    count = 0
    for row in rows:
        write([encode(value) for value in row])
        count += 1
    return count, digest.hexdigest()


def _stored_files(settings: Settings) -> Iterator[tuple[Path, str]]:
    for area in FILE_AREAS:
        root = settings.data_dir / area
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                # Only stored files (named by their SHA-256): not a temporary `.part` file, nor
                # anything else copied into the directory, which restore would refuse.
                if path.is_file() and _STORED_NAME.fullmatch(path.name):
                    yield path, f"files/{area}/{path.relative_to(root).as_posix()}"


def create_backup(settings: Settings, out: Path) -> BackupSummary:
    """Write the archive to `out` (through a temporary name: a half-written file never looks
    like a finished backup)."""
    engine = get_engine(settings)
    revision = current_revision(engine)
    if revision is None:
        raise Invalid(
            "Cơ sở dữ liệu chưa được khởi tạo (hãy chạy «dxtrack init»): không có gì để sao lưu."
        )
    tables: dict[str, int] = {}
    checksums: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dxtrack-backup-") as tmp:
        work = Path(tmp)
        with _snapshot(engine) as connection, connection.begin():
            for table in _tables(connection):
                with (work / f"{table.name}.jsonl").open("wb") as handle:
                    tables[table.name], checksums[table.name] = _dump_table(
                        connection, table, handle
                    )
        files = list(_stored_files(settings))
        manifest = {
            "format": FORMAT,
            "dxtrack": __version__,
            "revision": revision,
            "created_at": utcnow().isoformat(timespec="seconds") + "Z",
            "source": engine.dialect.name,
            "tables": tables,
            "sha256": checksums,
            "files": len(files),
        }
        (work / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        partial = out.with_name(out.name + ".part")
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            for name in tables:
                archive.add(work / f"{name}.jsonl", arcname=f"db/{name}.jsonl")
            for path, arcname in files:
                archive.add(path, arcname=arcname)
        partial.replace(out)
    return BackupSummary(out, revision, tables, len(files), out.stat().st_size)


# --- restore ----------------------------------------------------------------------------------


def _member_allowed(name: str) -> bool:
    parts = PurePosixPath(name).parts
    if name == "manifest.json":
        return True
    if len(parts) == 2 and parts[0] == "db" and parts[1].endswith(".jsonl"):
        return True
    return len(parts) >= 3 and parts[0] == "files" and parts[1] in FILE_AREAS


def _unpack(archive_path: Path, work: Path) -> dict[str, Any]:
    """Extract into `work` and check the manifest, the table checksums and the stored files."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()
            strange = [m.name for m in members if not (m.isfile() and _member_allowed(m.name))]
            strange = [name for name in strange if not archive.getmember(name).isdir()]
            if strange:
                raise Invalid(f"Tệp sao lưu chứa mục lạ: {', '.join(strange[:3])}.")
            archive.extractall(work, members=[m for m in members if m.isfile()], filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise Invalid(
            f"Không đọc được tệp sao lưu «{archive_path.name}»: tệp hỏng hoặc không phải bản "
            f"sao lưu của dxtrack ({type(error).__name__})."
        ) from None
    try:
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise Invalid("Tệp sao lưu thiếu hoặc hỏng mục lục (manifest.json).") from None
    if manifest.get("format") != FORMAT:
        raise Invalid(f"Định dạng sao lưu không được hỗ trợ: «{manifest.get('format')}».")
    for name, expected in manifest["sha256"].items():
        path = work / "db" / f"{name}.jsonl"
        if not path.is_file() or _sha256(path) != expected:
            raise Invalid(
                f"Bảng «{name}» trong tệp sao lưu bị thiếu hoặc bị sửa (sai mã kiểm tra)."
            )
    files = list(_unpacked_files(work))
    for path, _area, relative in files:
        if PurePosixPath(relative).name.split(".")[0] != _sha256(path):
            raise Invalid(f"Tệp lưu trữ «{relative}» trong bản sao lưu bị sửa (sai mã kiểm tra).")
    if len(files) != manifest["files"]:
        raise Invalid(
            f"Bản sao lưu thiếu tệp lưu trữ: có {len(files)}, mục lục ghi {manifest['files']}."
        )
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _unpacked_files(work: Path) -> Iterator[tuple[Path, str, str]]:
    for area in FILE_AREAS:
        root = work / "files" / area
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    yield path, area, path.relative_to(root).as_posix()


def _require_empty(engine: Engine) -> None:

    names = set(inspect(engine).get_table_names()) - SKIPPED
    if names:
        raise Conflict(
            "Cơ sở dữ liệu đích không trống (đã có bảng, ví dụ «"
            f"{min(names)}»): chỉ khôi phục vào cơ sở dữ liệu trống, chưa chạy «dxtrack "
            "init», để không trộn hay ghi đè dữ liệu đang dùng. Với SQLite, chọn thư mục dữ liệu "
            "mới (--data-dir); với PostgreSQL, tạo cơ sở dữ liệu mới (createdb) rồi chạy lại."
        )


def _require_known(revision: str) -> None:
    """The backup's schema revision must be one this dxtrack knows."""
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        raise Invalid(
            f"Bản sao lưu được tạo bởi phiên bản dxtrack mới hơn (lược đồ {revision}); hãy cập "
            "nhật dxtrack rồi khôi phục lại."
        ) from None


def _read_table(path: Path) -> tuple[list[str], Iterator[list[Any]]]:
    handle = path.open("r", encoding="utf-8")
    columns = json.loads(handle.readline())

    def rows() -> Iterator[list[Any]]:
        with handle:
            for line in handle:
                yield [decode(value) for value in json.loads(line)]

    return columns, rows()


def _load_tables(connection: Connection, work: Path, manifest: dict[str, Any]) -> dict[str, int]:
    loaded: dict[str, int] = {}
    tables = {t.name: t for t in _tables(connection)}
    missing = set(manifest["tables"]) - set(tables) - SKIPPED
    if missing:
        raise Invalid(f"Lược đồ đích thiếu bảng: {', '.join(sorted(missing))}.")
    for table in reversed(list(tables.values())):  # rows the migrations seeded
        connection.execute(table.delete())
    for name, table in tables.items():
        if name not in manifest["tables"]:
            continue
        columns, rows = _read_table(work / "db" / f"{name}.jsonl")
        unknown = set(columns) - set(table.columns.keys())
        if unknown:
            raise Invalid(f"Bảng «{name}» của bản sao lưu có cột lạ: {', '.join(sorted(unknown))}.")
        count, batch = 0, []
        try:
            for row in rows:
                batch.append(dict(zip(columns, row, strict=True)))
                if len(batch) >= BATCH:
                    connection.execute(table.insert(), batch)
                    count, batch = count + len(batch), []
            if batch:
                connection.execute(table.insert(), batch)
                count += len(batch)
        except (IntegrityError, DataError) as error:
            raise Invalid(
                f"Bảng «{name}»: cơ sở dữ liệu đích từ chối dữ liệu của bản sao lưu "
                f"({str(error.orig).splitlines()[0]}); không có gì được ghi."
            ) from None
        if count != manifest["tables"][name]:
            raise Invalid(
                f"Bảng «{name}»: đọc được {count} dòng, mục lục ghi {manifest['tables'][name]}."
            )
        loaded[name] = count
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection, tables.values())
    return loaded


def _reset_sequences(connection: Connection, tables: Any) -> None:
    """Explicit ids were inserted: move each serial sequence past the largest one."""
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].name != "id":
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            )
        )


def _copy_files(work: Path, settings: Settings) -> int:
    copied = 0
    for path, area, relative in _unpacked_files(work):
        target = settings.data_dir / area / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(path, partial)
            partial.replace(target)
        copied += 1
    return copied


def check_backup(archive_path: Path) -> dict[str, Any]:
    """The manifest of a backup whose every part checked out (nothing written anywhere)."""
    with tempfile.TemporaryDirectory(prefix="dxtrack-restore-") as tmp:
        manifest = _unpack(archive_path, Path(tmp))
    _require_known(manifest["revision"])
    return manifest


def restore_backup(settings: Settings, archive_path: Path) -> RestoreSummary:
    """Load a backup into a database without data of its own, then upgrade it to head."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = get_engine(settings)
    with tempfile.TemporaryDirectory(prefix="dxtrack-restore-", dir=settings.data_dir) as tmp:
        work = Path(tmp)
        manifest = _unpack(archive_path, work)
        _require_empty(engine)
        _require_known(manifest["revision"])
        summary = RestoreSummary(revision=manifest["revision"], upgraded_to="")
        summary.files = _copy_files(work, settings)
        # The schema at the backup's revision, its rows, the upgrade and the audit row in one
        # transaction: a failure (or a kill) anywhere leaves the database empty.
        with engine.connect().execution_options(**WRITING) as connection, connection.begin():
            upgrade(connection, summary.revision)
            with counts.paused(connection):  # one recount, not a trigger per row
                summary.tables = _load_tables(connection, work, manifest)
                upgrade(connection)
            summary.upgraded_to = current_revision(connection) or ""
            after = {
                "archive": archive_path.name,
                "created_at": manifest["created_at"],
                "source": manifest["source"],
                "revision": summary.revision,
                "rows": sum(summary.tables.values()),
                "files": summary.files,
            }
            with Session(bind=connection) as db:
                record(db, events.Event("system.restore", "system", None, None, after), actor=None)
                db.flush()
    return summary
