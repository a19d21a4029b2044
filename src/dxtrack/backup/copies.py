"""`dxtrack backup` as a job: name the archive, write the second copy, rotate, audit.

A 3-2-1 schedule (README): a daily `backup --keep 14 --copy-to /mnt/dia-thu-hai` keeps two
weeks on the server's disk and on a second disk; a weekly copy goes offline.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dxtrack import vn
from dxtrack.audit.events import Event
from dxtrack.audit.service import record
from dxtrack.backup.crypto import Secret
from dxtrack.backup.service import BackupSummary, create_backup
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.errors import Invalid

PREFIX = "dxtrack-sao-luu-"
_OURS = re.compile(rf"{PREFIX}\d{{8}}-\d{{4,6}}\.tar\.gz(\.enc)?")


@dataclass
class BackupRun:
    summary: BackupSummary
    copies: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def default_name(now: datetime, *, encrypted: bool) -> str:
    return f"{PREFIX}{now:%Y%m%d-%H%M%S}.tar.gz" + (".enc" if encrypted else "")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_to(archive: Path, directory: Path) -> Path:
    """A second copy in `directory`, written under a temporary name and checked byte for byte."""
    if not directory.is_dir():
        raise Invalid(f"Thư mục chép bản sao thứ hai không tồn tại: {directory}.")
    target = directory / archive.name
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(archive, partial)
    if _sha256(partial) != _sha256(archive):
        partial.unlink()
        raise Invalid(f"Bản chép sang {directory} không khớp với bản gốc; hãy kiểm tra ổ đĩa.")
    partial.replace(target)
    return target


def rotate(directory: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest of OUR archives (dxtrack-sao-luu-DATE-TIME...)."""
    ours = sorted(p for p in directory.iterdir() if p.is_file() and _OURS.fullmatch(p.name))
    old = ours[:-keep] if keep else ours
    for path in old:
        path.unlink()
    return old


def run_backup(
    settings: Settings,
    out: Path | None,
    *,
    secret: Secret | None = None,
    keep: int | None = None,
    copy_dir: Path | None = None,
) -> BackupRun:
    """Back up, copy, rotate (both places), then audit the run."""
    if keep is not None and keep < 1:
        raise Invalid("--keep phải là số bản sao lưu giữ lại, ít nhất 1.")
    name = default_name(vn.now(), encrypted=secret is not None)
    target = out / name if out is not None and out.is_dir() else out or Path(name)
    run = BackupRun(create_backup(settings, target, secret=secret))
    if copy_dir is not None:
        run.copies.append(copy_to(target, copy_dir))
    if keep is not None:
        for directory in {target.parent.resolve(), *(c.parent.resolve() for c in run.copies)}:
            run.removed += rotate(directory, keep)
    after = {
        "file": target.name,
        "size": run.summary.size,
        "rows": sum(run.summary.tables.values()),
        "files": run.summary.files,
        "encrypted": secret is not None,
        "copies": [str(c) for c in run.copies],
        "removed": [p.name for p in run.removed],
    }
    with transaction(settings, write=True) as db:
        record(db, Event("system.backup", "system", None, None, after), actor=None)
    return run
