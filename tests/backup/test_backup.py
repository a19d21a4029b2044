"""Backup and restore: every row and file back, across databases and schema versions; refusals."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from builders import make_task, make_user, minimal_pdf
from conftest import fresh_url
from sqlalchemy import MetaData, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dxtrack.auth.service import authenticate
from dxtrack.backup.crypto import sign
from dxtrack.backup.restore import Opening, check_backup, restore_backup
from dxtrack.backup.service import SKIPPED, create_backup
from dxtrack.bootstrap import initialise
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import get_engine
from dxtrack.documents.service import ingest_bytes
from dxtrack.errors import Conflict, Invalid
from dxtrack.migrations import alembic_config, current_revision
from dxtrack.tasks.models import Assignment, ProgressState, Task
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.stats import summarize

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
AT = date(2025, 12, 11)
KEY = "khoa-ky-sao-luu-thu-nghiem-0123456789"
OPENING = Opening(key=KEY)


def fill(settings: Settings) -> None:
    """A small province: seed 003 ingested and confirmed, a report with evidence, users."""
    initialise(settings)
    with Session(get_engine(settings)) as db:
        coordinator = make_user(db, "dieuphoi")
        officer = make_user(db, "syt")
        ingest_bytes(
            db,
            data=SEED.read_bytes(),
            filename=SEED.name,
            settings=settings,
            actor=coordinator,
            confirm=True,
        )
        task = make_task(db, deadline=date(2025, 12, 10), clause="9.z")
        assignment = db.scalar(select(Assignment).where(Assignment.task_id == task.id))
        report_progress(
            db,
            assignment_id=assignment.id,
            data=ProgressInput(
                state=ProgressState.done,
                completed_on=date(2025, 12, 9),
                note="Đã gửi báo cáo",
                files=[("bien-ban.pdf", minimal_pdf())],
            ),
            expected_version=None,
            settings=settings,
            actor=officer,
        )
        db.commit()


def contents(settings: Settings) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in primary-key order, as comparable tuples."""
    engine = get_engine(settings)
    metadata = MetaData()
    metadata.reflect(bind=engine)
    found = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in SKIPPED:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(select(table).order_by(*order))
            found[table.name] = [tuple(row) for row in rows]
    return found


def stored_files(settings: Settings) -> dict[str, bytes]:
    return {
        p.relative_to(settings.data_dir).as_posix(): p.read_bytes()
        for area in ("originals", "evidence")
        for p in (settings.data_dir / area).rglob("*")
        if p.is_file()
    }


def target(backend: str, request: pytest.FixtureRequest, tmp_path: Path, name: str) -> Settings:
    directory = tmp_path / name
    directory.mkdir()
    url = fresh_url(backend, request, directory)
    return Settings(data_dir=directory, database_url=url, backup_key=KEY)


@pytest.fixture
def source(fresh_settings: Settings) -> Settings:
    keyed = fresh_settings.model_copy(update={"backup_key": KEY})
    fill(keyed)
    return keyed


class TestRoundTrip:
    @pytest.mark.parametrize("to", ["sqlite", "postgresql"])
    def test_every_row_and_file_comes_back(
        self, source: Settings, to: str, request: pytest.FixtureRequest, tmp_path: Path
    ):
        archive = tmp_path / "sao-luu.tar.gz"
        made = create_backup(source, archive)
        assert made.tables["tasks"] > 5 and made.files == 2  # the seed's original, the PDF
        restored = target(to, request, tmp_path, "dich")
        summary = restore_backup(restored, archive)
        assert summary.tables == made.tables
        before, after = contents(source), contents(restored)
        assert before.keys() == after.keys()
        for name in before:
            if name == "audit_log":
                continue
            assert after[name] == before[name], name
        # The audit log keeps every row and adds one for the restore.
        assert after["audit_log"][: len(before["audit_log"])] == before["audit_log"]
        assert len(after["audit_log"]) == len(before["audit_log"]) + 1
        assert stored_files(restored) == stored_files(source)

    def test_restored_database_works(
        self, source: Settings, request: pytest.FixtureRequest, tmp_path: Path, backend: str
    ):
        archive = tmp_path / "sao-luu.tar.gz"
        create_backup(source, archive)
        restored = target(backend, request, tmp_path, "dich")
        restore_backup(restored, archive)
        with Session(get_engine(source)) as db:
            expected = summarize(db, at=AT, filters=Filters(), user=None)
        with Session(get_engine(restored)) as db:
            assert summarize(db, at=AT, filters=Filters(), user=None) == expected
            assert authenticate(db, username="syt", password="mat-khau-thu-nghiem").username
            # New rows get new ids (PostgreSQL sequences moved past the restored ids).
            task = make_task(db, clause="10")
            assert task.id > max(db.scalars(select(Task.id).where(Task.id != task.id)))
            db.commit()

    def test_backup_of_an_older_schema_is_upgraded(
        self, fresh_settings: Settings, request: pytest.FixtureRequest, tmp_path: Path, backend: str
    ):
        fresh_settings = fresh_settings.model_copy(update={"backup_key": KEY})
        initialise(fresh_settings)
        engine = get_engine(fresh_settings)
        with Session(engine) as db:
            task_id = make_task(db, clause="2.b").id
            db.commit()
        command.downgrade(alembic_config(engine), "5b0c2f7d9a14")  # before search keys
        archive = tmp_path / "cu.tar.gz"
        assert create_backup(fresh_settings, archive).revision == "5b0c2f7d9a14"
        restored = target(backend, request, tmp_path, "dich")
        summary = restore_backup(restored, archive)
        assert summary.upgraded_to == current_revision(get_engine(restored)) != summary.revision
        with Session(get_engine(restored)) as db:
            assert db.get(Task, task_id).search_key == "2.b\nnhiem vu thu nghiem"


def rewrite(archive: Path, out: Path, change: dict[str, bytes | None]) -> None:
    """Copy a backup, replacing (or, with None, dropping) some members and adding others."""
    with tarfile.open(archive, "r:gz") as old, tarfile.open(out, "w:gz") as new:
        for member in old.getmembers():
            if member.name in change:
                continue
            new.addfile(member, old.extractfile(member))
        for name, data in change.items():
            if data is not None:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))


def member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive, "r:gz") as tar:
        return tar.extractfile(name).read()


class TestRefusals:
    @pytest.fixture
    def archive(self, source: Settings, tmp_path: Path) -> Path:
        path = tmp_path / "sao-luu.tar.gz"
        create_backup(source, path)
        return path

    @pytest.fixture
    def empty(self, backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
        return target(backend, request, tmp_path, "dich")

    def assert_untouched(self, settings: Settings) -> None:
        assert contents(settings) == {} and stored_files(settings) == {}

    def test_initialised_database_is_refused(self, archive: Path, source: Settings):
        before = contents(source)
        with pytest.raises(Conflict, match="chỉ khôi phục vào cơ sở dữ liệu trống"):
            restore_backup(source, archive)
        assert contents(source) == before

    def test_not_a_backup(self, tmp_path: Path, empty: Settings):
        junk = tmp_path / "hong.tar.gz"
        junk.write_bytes(b"\x1f\x8b\x08\x00 this is not gzip")
        with pytest.raises(Invalid, match="tệp hỏng hoặc không phải bản sao lưu"):
            restore_backup(empty, junk)
        self.assert_untouched(empty)

    def test_edited_table_is_detected(self, archive: Path, tmp_path: Path, empty: Settings):
        rows = member(archive, "db/tasks.jsonl").replace("Sở".encode(), "Bộ".encode(), 1)
        edited = tmp_path / "sua.tar.gz"
        rewrite(archive, edited, {"db/tasks.jsonl": rows})
        with pytest.raises(Invalid, match="Bảng «tasks» .* bị sửa"):
            restore_backup(empty, edited)
        self.assert_untouched(empty)

    def test_edited_or_missing_file_is_detected(
        self, archive: Path, tmp_path: Path, empty: Settings
    ):
        with tarfile.open(archive, "r:gz") as tar:
            name = next(n for n in tar.getnames() if n.startswith("files/evidence/"))
        edited = tmp_path / "sua.tar.gz"
        rewrite(archive, edited, {name: b"%PDF-1.4 forged"})
        with pytest.raises(Invalid, match="bị sửa"):
            check_backup(edited, OPENING)
        rewrite(archive, edited, {name: None})
        with pytest.raises(Invalid, match="thiếu tệp lưu trữ"):
            restore_backup(empty, edited)
        self.assert_untouched(empty)

    def test_path_outside_the_archive_is_refused(
        self, archive: Path, tmp_path: Path, empty: Settings
    ):
        evil = tmp_path / "evil.tar.gz"
        rewrite(archive, evil, {"../../outside.txt": b"x"})
        with pytest.raises(Invalid, match="mục lạ"):
            restore_backup(empty, evil)
        assert not (tmp_path.parent / "outside.txt").exists()

    def test_backup_from_a_newer_dxtrack(self, archive: Path, tmp_path: Path, empty: Settings):
        manifest = json.loads(member(archive, "manifest.json"))
        manifest["revision"] = "ffffffffffff"
        newer = tmp_path / "moi.tar.gz"
        resign(archive, newer, manifest)
        with pytest.raises(Invalid, match="phiên bản dxtrack mới hơn"):
            restore_backup(empty, newer)
        with pytest.raises(Invalid, match="phiên bản dxtrack mới hơn"):
            check_backup(newer, OPENING)

    def test_stray_files_in_the_data_directory_are_left_out(
        self, source: Settings, tmp_path: Path, empty: Settings
    ):
        (source.data_dir / "evidence" / "ghi-chu.txt").write_text("không phải tệp lưu trữ")
        (source.data_dir / "originals" / "ab").mkdir(parents=True, exist_ok=True)
        (source.data_dir / "originals" / "ab" / ("a" * 64 + ".pdf.1234.part")).write_bytes(b"x")
        archive = tmp_path / "sao-luu.tar.gz"
        assert create_backup(source, archive).files == 2
        restore_backup(empty, archive)
        assert set(stored_files(empty)) == {
            name for name in stored_files(source) if "ghi-chu" not in name and ".part" not in name
        }


class TestCli:
    def test_backup_check_restore(
        self, source: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        monkeypatch.setenv("DXTRACK_BACKUP_KEY", KEY)
        runner = CliRunner()
        archive = tmp_path / "sao-luu.tar.gz"

        def run(settings: Settings | None, *args: str) -> Any:
            base = (
                ["--db", settings.db_url, "--data-dir", str(settings.data_dir)] if settings else []
            )
            return runner.invoke(app, [*base, *args])

        into_directory = run(source, "backup", "--out", str(tmp_path))
        assert into_directory.exit_code == 0, into_directory.output
        assert list(tmp_path.glob("dxtrack-sao-luu-*.tar.gz"))
        made = run(source, "backup", "--out", str(archive))
        assert made.exit_code == 0, made.output
        assert "Đã sao lưu vào" in made.stdout and "2 tệp lưu trữ" in made.stdout
        checked = run(source, "restore", str(archive), "--check")
        assert checked.exit_code == 0 and "Tệp sao lưu hợp lệ" in checked.stdout
        again = run(source, "restore", str(archive))
        assert again.exit_code == 5 and "cơ sở dữ liệu trống" in again.stderr
        fresh = Settings(data_dir=tmp_path / "moi", database_url=f"sqlite:///{tmp_path / 'moi.db'}")
        restored = run(fresh, "restore", str(archive))
        assert restored.exit_code == 0, restored.output
        assert "Đã khôi phục" in restored.stdout
        listed = json.loads(run(fresh, "tasks", "list", "--json").stdout)
        assert any(t["clause"] == "9.z" for t in listed)


def hashed(archive: Path, out: Path, table: str, edit: Any) -> None:
    """Copy a backup with `edit(lines)` applied to a table's lines, its checksum and row count
    recomputed: a backup that checks out but cannot be loaded."""
    lines = member(archive, f"db/{table}.jsonl").splitlines(keepends=True)
    lines = edit(lines)
    data = b"".join(lines)
    manifest = json.loads(member(archive, "manifest.json"))
    manifest["sha256"][table] = hashlib.sha256(data).hexdigest()
    manifest["tables"][table] = len(lines) - 1
    resign(archive, out, manifest, {f"db/{table}.jsonl": data})


def resign(archive: Path, out: Path, manifest: dict, change: dict | None = None) -> None:
    """Rewrite with a new manifest signed with the right key (only the key holder can)."""
    data = json.dumps(manifest).encode()
    signature = (sign(data, KEY) + "\n").encode()
    rewrite(archive, out, {**(change or {}), "manifest.json": data, "manifest.sig": signature})


class TestInterrupted:
    def test_failed_load_leaves_the_database_empty_for_a_retry(
        self, source: Settings, request: pytest.FixtureRequest, tmp_path: Path, backend: str
    ):
        archive = tmp_path / "sao-luu.tar.gz"
        create_backup(source, archive)
        broken = tmp_path / "hong.tar.gz"
        hashed(archive, broken, "tasks", lambda lines: [*lines, lines[-1]])  # a repeated id
        restored = target(backend, request, tmp_path, "dich")
        with pytest.raises(Invalid, match="Bảng «tasks»"):
            restore_backup(restored, broken)
        assert contents(restored) == {}
        # Nothing was left half-done: the good backup restores into the same database.
        summary = restore_backup(restored, archive)
        assert summary.tables["tasks"] == len(contents(source)["tasks"])
