"""Restore: check a backup (signature, checksums, stored files), then load it into an empty
database at its own schema revision and upgrade it, all in one transaction (see service.py for
the archive's layout).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.backup import crypto
from dxtrack.backup.crypto import Secret
from dxtrack.backup.service import (
    BATCH,
    FILE_AREAS,
    FORMAT,
    SKIPPED,
    decode,
    tables_of,
)
from dxtrack.config import Settings
from dxtrack.db import WRITING, get_engine
from dxtrack.errors import Conflict, Invalid
from dxtrack.migrations import alembic_config, current_revision, upgrade
from dxtrack.sync import changes
from dxtrack.tasks import counts

OLD_FORMAT = "dxtrack-backup/1"


@dataclass(frozen=True)
class Opening:
    """What opening a backup takes: the signing key, the encryption secret if any, and whether
    an unsigned backup of an older dxtrack is accepted."""

    key: str
    secret: Secret | None = None
    allow_unsigned: bool = False


@dataclass
class RestoreSummary:
    revision: str
    upgraded_to: str
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0


def _member_allowed(name: str) -> bool:
    parts = PurePosixPath(name).parts
    if name in ("manifest.json", "manifest.sig"):
        return True
    if len(parts) == 2 and parts[0] == "db" and parts[1].endswith(".jsonl"):
        return True
    return len(parts) >= 3 and parts[0] == "files" and parts[1] in FILE_AREAS


def _unpack(archive_path: Path, work: Path, opening: Opening) -> dict[str, Any]:
    """Extract into `work` and check the manifest's signature, the table checksums and the
    stored files."""
    if crypto.is_encrypted(archive_path):
        plain = work / "archive.tar.gz"
        with plain.open("wb") as handle:
            crypto.decrypt(archive_path, handle, opening.secret)
        archive_path = plain
    elif opening.key:
        crypto.key_id(opening.key)
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
    manifest = _signed_manifest(work, opening)
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
    listed = manifest.get("stored")
    if listed is not None and sorted(listed) != sorted(
        f"files/{area}/{relative}" for _path, area, relative in files
    ):
        raise Invalid("Các tệp lưu trữ trong bản sao lưu khác với danh sách đã ký.")
    return manifest


def _signed_manifest(work: Path, opening: Opening) -> dict[str, Any]:
    try:
        data = (work / "manifest.json").read_bytes()
        manifest = json.loads(data)
    except (OSError, ValueError):
        raise Invalid("Tệp sao lưu thiếu hoặc hỏng mục lục (manifest.json).") from None
    unsigned = manifest.get("format") == OLD_FORMAT
    if manifest.get("format") not in (FORMAT, OLD_FORMAT):
        raise Invalid(f"Định dạng sao lưu không được hỗ trợ: «{manifest.get('format')}».")
    if unsigned and not opening.allow_unsigned:
        raise Invalid(
            "Bản sao lưu này không có chữ ký (tạo bởi phiên bản dxtrack cũ): không thể biết nó "
            "có bị sửa hay không. Chỉ khi chắc chắn tệp nguyên vẹn, chạy lại với --allow-unsigned."
        )
    if not unsigned:
        signature = work / "manifest.sig"
        if not signature.is_file():
            raise Invalid("Bản sao lưu thiếu chữ ký (manifest.sig): không khôi phục.")
        crypto.verify(data, signature.read_text(), opening.key, signed_with=manifest.get("key_id"))
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
    from alembic.script import ScriptDirectory  # alembic: only when a backup is restored
    from alembic.util import CommandError

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
    tables = {t.name: t for t in tables_of(connection)}
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


def check_backup(archive_path: Path, opening: Opening) -> dict[str, Any]:
    """The manifest of a backup whose every part checked out (nothing written anywhere)."""
    with tempfile.TemporaryDirectory(prefix="dxtrack-restore-") as tmp:
        manifest = _unpack(archive_path, Path(tmp), opening)
    _require_known(manifest["revision"])
    return manifest


def restore_backup(
    settings: Settings, archive_path: Path, opening: Opening | None = None
) -> RestoreSummary:
    """Load a backup into a database without data of its own, then upgrade it to head."""
    opening = opening or Opening(key=settings.backup_key)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = get_engine(settings)
    with tempfile.TemporaryDirectory(prefix="dxtrack-restore-", dir=settings.data_dir) as tmp:
        work = Path(tmp)
        manifest = _unpack(archive_path, work, opening)
        _require_empty(engine)
        _require_known(manifest["revision"])
        summary = RestoreSummary(revision=manifest["revision"], upgraded_to="")
        summary.files = _copy_files(work, settings)
        # The schema at the backup's revision, its rows, the upgrade and the audit row in one
        # transaction: a failure (or a kill) anywhere leaves the database empty.
        with engine.connect().execution_options(**WRITING) as connection, connection.begin():
            upgrade(connection, summary.revision)
            # One recount, not a trigger per row; restored rows are not changes for the feed.
            with counts.paused(connection), changes.paused(connection):
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
