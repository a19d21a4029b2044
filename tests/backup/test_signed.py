"""Backups signed, optionally encrypted, rotated and copied; every run audited (issue 16.5)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from backup.test_backup import KEY, OPENING, contents, fill, member, rewrite, target
from dxtrack.audit.models import AuditEntry
from dxtrack.backup.crypto import Secret
from dxtrack.backup.restore import Opening, check_backup, restore_backup
from dxtrack.backup.service import create_backup
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import get_engine
from dxtrack.errors import Invalid


@pytest.fixture
def source(fresh_settings: Settings) -> Settings:
    keyed = fresh_settings.model_copy(update={"backup_key": KEY})
    fill(keyed)
    return keyed


@pytest.fixture
def archive(source: Settings, tmp_path: Path) -> Path:
    path = tmp_path / "sao-luu.tar.gz"
    create_backup(source, path)
    return path


def forged(archive: Path, out: Path) -> None:
    """What the audit found: edit an audit row, recompute its checksum, keep the signature."""
    lines = member(archive, "db/audit_log.jsonl").splitlines(keepends=True)
    row = json.loads(lines[1])
    spot = next(i for i, value in enumerate(row) if isinstance(value, str))
    row[spot] += " (sửa)"
    lines[1] = (json.dumps(row, ensure_ascii=False) + "\n").encode()
    data = b"".join(lines)
    manifest = json.loads(member(archive, "manifest.json"))
    manifest["sha256"]["audit_log"] = hashlib.sha256(data).hexdigest()
    rewrite(
        archive,
        out,
        {"db/audit_log.jsonl": data, "manifest.json": json.dumps(manifest, indent=1).encode()},
    )


class TestSignature:
    def test_rewritten_row_with_recomputed_checksum_is_refused(
        self, archive: Path, tmp_path: Path, backend: str, request: pytest.FixtureRequest
    ):
        edited = tmp_path / "sua.tar.gz"
        forged(archive, edited)
        with pytest.raises(Invalid, match="Chữ ký của bản sao lưu không khớp"):
            check_backup(edited, OPENING)
        empty = target(backend, request, tmp_path, "dich")
        with pytest.raises(Invalid, match="Chữ ký của bản sao lưu không khớp"):
            restore_backup(empty, edited)
        assert contents(empty) == {}
        assert check_backup(archive, OPENING)["key_id"]

    def test_missing_key_is_a_clear_message(self, source: Settings, tmp_path: Path):
        keyless = source.model_copy(update={"backup_key": ""})
        with pytest.raises(Invalid, match="Chưa có khóa ký bản sao lưu: đặt biến môi trường"):
            create_backup(keyless, tmp_path / "x.tar.gz")
        assert not (tmp_path / "x.tar.gz").exists()
        create_backup(source, tmp_path / "y.tar.gz")
        with pytest.raises(Invalid, match="DXTRACK_BACKUP_KEY"):
            check_backup(tmp_path / "y.tar.gz", Opening(key=""))

    def test_another_key_is_named(self, archive: Path):
        with pytest.raises(Invalid, match="được ký bằng một khóa khác"):
            check_backup(archive, Opening(key="mot-khoa-khac-hoan-toan-0123456789abcdef"))

    def test_unsigned_backup_of_an_older_dxtrack_needs_consent(self, archive: Path, tmp_path: Path):
        manifest = json.loads(member(archive, "manifest.json"))
        manifest["format"] = "dxtrack-backup/1"
        old = tmp_path / "cu.tar.gz"
        rewrite(
            archive, old, {"manifest.json": json.dumps(manifest).encode(), "manifest.sig": None}
        )
        with pytest.raises(Invalid, match="không có chữ ký .* --allow-unsigned"):
            check_backup(old, OPENING)
        assert check_backup(old, Opening(key=KEY, allow_unsigned=True))["format"]


class TestEncryption:
    def test_passphrase_round_trip(
        self,
        source: Settings,
        tmp_path: Path,
        backend: str,
        request: pytest.FixtureRequest,
    ):
        secret = Secret(passphrase="mat khau sao luu dai")
        path = tmp_path / "sao-luu.tar.gz.enc"
        create_backup(source, path, secret=secret)
        raw = path.read_bytes()
        assert b"manifest" not in raw and b"dieuphoi" not in raw
        with pytest.raises(Invalid, match="được mã hóa: cần --passphrase-file"):
            check_backup(path, OPENING)
        wrong = Opening(key=KEY, secret=Secret(passphrase="mat khau sai roi nhe"))
        with pytest.raises(Invalid, match="sai mật khẩu hoặc tệp khóa"):
            check_backup(path, wrong)
        truncated = tmp_path / "cut.enc"
        truncated.write_bytes(raw[: len(raw) - 20])
        with pytest.raises(Invalid, match="cắt cụt"):
            check_backup(truncated, Opening(key=KEY, secret=secret))
        restored = target(backend, request, tmp_path, "dich")
        summary = restore_backup(restored, path, Opening(key=KEY, secret=secret))
        assert summary.tables["users"] == len(contents(source)["users"])

    def test_key_file(self, source: Settings, tmp_path: Path):
        key_file = tmp_path / "khoa.bin"
        key_file.write_bytes(bytes(range(48)))
        secret = Secret.from_files(passphrase_file=None, key_file=key_file)
        path = tmp_path / "sao-luu.enc"
        create_backup(source, path, secret=secret)
        assert check_backup(path, Opening(key=KEY, secret=secret))["tables"]["users"] >= 2
        short = tmp_path / "ngan.bin"
        short.write_bytes(b"x" * 10)
        with pytest.raises(Invalid, match="ít nhất 32 byte"):
            Secret.from_files(passphrase_file=None, key_file=short)
        with pytest.raises(Invalid, match="được mã hóa bằng tệp khóa"):
            check_backup(path, Opening(key=KEY, secret=Secret(passphrase="x" * 20)))


class TestSchedule:
    def test_keep_and_copy_to_and_audit(
        self,
        source: Settings,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ):
        monkeypatch.setenv("DXTRACK_BACKUP_KEY", KEY)
        first, second = tmp_path / "dia-1", tmp_path / "dia-2"
        first.mkdir()
        second.mkdir()
        (first / "ghi-chu.txt").write_text("không phải bản sao lưu")
        base = ["--db", source.db_url, "--data-dir", str(source.data_dir)]
        names = []
        for stamp in ("20261201-010101", "20261202-010101", "20261203-010101"):
            (first / f"dxtrack-sao-luu-{stamp}.tar.gz").write_bytes(b"old")
            names.append(stamp)
        result = CliRunner().invoke(
            app,
            [*base, "backup", "--out", str(first), "--keep", "2", "--copy-to", str(second)],
        )
        assert result.exit_code == 0, result.output
        assert "Đã chép bản thứ hai" in result.stdout and "Đã xóa 2 bản sao lưu cũ" in result.stdout
        kept = sorted(p.name for p in first.iterdir())
        assert len(kept) == 3 and "ghi-chu.txt" in kept
        assert "dxtrack-sao-luu-20261203-010101.tar.gz" in kept
        (copy,) = list(second.iterdir())
        newest = max(n for n in kept if n.startswith("dxtrack-sao-luu-"))
        assert copy.name == newest and copy.read_bytes() == (first / newest).read_bytes()
        assert check_backup(copy, OPENING)["files"] == 2
        with Session(get_engine(source)) as db:
            audit: Any = db.scalars(
                select(AuditEntry).where(AuditEntry.action == "system.backup")
            ).all()
        assert len(audit) == 1 and audit[0].after["copies"] == [str(copy)]
        assert sorted(audit[0].after["removed"]) == [
            f"dxtrack-sao-luu-{s}.tar.gz" for s in names[:2]
        ]
