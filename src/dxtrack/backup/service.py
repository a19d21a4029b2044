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
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, MetaData, Table, select

from dxtrack import __version__
from dxtrack.backup import crypto
from dxtrack.backup.crypto import Secret
from dxtrack.config import Settings
from dxtrack.db import get_engine, utcnow
from dxtrack.errors import Invalid
from dxtrack.migrations import current_revision

FORMAT = "dxtrack-backup/2"  # /2: signed manifest (crypto.py); /1 unsigned
# The revision is in the manifest; locks are transient; the counts, the overdue spans and the
# rhythm counts are derived (rebuilt by the restore, tasks/counts.py).
SKIPPED = {"alembic_version", "run_locks", "assignment_counts", "overdue_spans", "rhythm_counts"}
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


DECODERS: dict[str, Callable[[Any], Any]] = {
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


def tables_of(connection: Connection) -> list[Table]:
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


def create_backup(settings: Settings, out: Path, *, secret: Secret | None = None) -> BackupSummary:
    """Write the archive to `out` (through a temporary name: a half-written file never looks
    like a finished backup), its manifest signed, the whole encrypted when `secret` is given."""
    crypto.key_id(settings.backup_key)  # refuse before any work when the key is missing
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
            for table in tables_of(connection):
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
            "stored": [arcname for _path, arcname in files],
            "key_id": crypto.key_id(settings.backup_key),
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        (work / "manifest.json").write_bytes(data)
        (work / "manifest.sig").write_text(crypto.sign(data, settings.backup_key) + "\n")
        partial = out.with_name(out.name + ".part")
        out.parent.mkdir(parents=True, exist_ok=True)
        plain = work / "archive.tar.gz" if secret else partial
        with tarfile.open(plain, "w:gz", compresslevel=6) as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(work / "manifest.sig", arcname="manifest.sig")
            for name in tables:
                archive.add(work / f"{name}.jsonl", arcname=f"db/{name}.jsonl")
            for path, arcname in files:
                archive.add(path, arcname=arcname)
        if secret:
            with partial.open("wb") as handle:
                crypto.encrypt(plain, handle, secret)
        partial.replace(out)
    return BackupSummary(out, revision, tables, len(files), out.stat().st_size)
