"""`dxtrack demo`: a fresh embedded database with the seed documents, users and progress."""

from __future__ import annotations

import random
import secrets
import shutil
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.auth.models import Role, User
from dxtrack.auth.service import create_user
from dxtrack.bootstrap import initialise
from dxtrack.cli_support import console
from dxtrack.config import Settings, use_settings
from dxtrack.db import transaction
from dxtrack.demo_chain import delegate_demo, link_demo
from dxtrack.documents.service import ingest_bytes, ingest_file
from dxtrack.errors import Invalid
from dxtrack.indicators.demo import build_plan_demo, demo_sentence
from dxtrack.notifications.runner import run_in_transactions
from dxtrack.tasks.mapping import map_party, mark_outside
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.parties import list_unresolved
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.service import confirm_document

MARKER = ".dxtrack-demo"
DEMO_USERS: tuple[tuple[str, Role, str | None, str], ...] = (
    ("quantri", Role.admin, None, "Quản trị hệ thống"),
    ("dieuphoi", Role.coordinator, None, "Chuyên viên Phòng Chuyển đổi số, Sở KH&CN"),
    ("lanhdao", Role.viewer, None, "Lãnh đạo UBND tỉnh"),
    ("syt", Role.officer, "so-y-te", "Cán bộ đầu mối Sở Y tế"),
    ("cat", Role.officer, "cong-an-tinh", "Cán bộ đầu mối Công an tỉnh"),
    ("skhcn", Role.officer, "so-khcn", "Cán bộ đầu mối Sở Khoa học và Công nghệ"),
    ("stc", Role.officer, "so-tai-chinh", "Cán bộ đầu mối Sở Tài chính"),
    ("xa-an-phu", Role.officer, "xa-an-phu", "Cán bộ UBND xã An Phú"),
)


def _fresh_directory(directory: Path) -> None:
    if directory.exists():
        if not (directory / MARKER).exists() and any(directory.iterdir()):
            raise Invalid(f"Thư mục «{directory}» đã có dữ liệu khác, không phải dữ liệu demo.")
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    (directory / MARKER).write_text("dxtrack demo\n", encoding="utf-8")


def _create_users(db: Session) -> list[tuple[str, str, str]]:
    created = []
    for username, role, agency, full_name in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        create_user(
            db,
            username=username,
            password=password,
            role=role,
            agency_code=agency,
            full_name=full_name,
            actor=None,
        )
        created.append((username, role.value, password))
    return created


def _demo_progress(db: Session, settings: Settings) -> int:
    """Each officer reports on up to three of their agency's assignments."""
    reports = 0
    for user in db.scalars(select(User).where(User.role == Role.officer)).all():
        query = select(Assignment).where(Assignment.agency_id == user.agency_id)
        assignments = db.scalars(query.order_by(Assignment.deadline, Assignment.id).limit(3))
        for index, assignment in enumerate(assignments.all()):
            data = _progress_for(index, assignment.deadline)
            report_progress(
                db,
                assignment_id=assignment.id,
                data=data,
                expected_version=None,
                settings=settings,
                actor=user,
            )
            reports += 1
    return reports


def _coordinator_progress(db: Session, settings: Settings, coordinator: User) -> int:
    """Reports relayed by the coordinator for a deterministic share of the other assignments."""
    rng = random.Random(2025)
    untouched = select(Assignment).where(Assignment.version == 1).order_by(Assignment.id)
    reports = 0
    for assignment in db.scalars(untouched).all():
        draw = rng.random()
        if draw < 0.4 and assignment.deadline is not None:
            done = assignment.deadline + timedelta(days=rng.randint(-25, 8))
            data = ProgressInput(
                state=ProgressState.done,
                completed_on=min(done, vn.today()),
                note="Đơn vị đã báo cáo hoàn thành (chuyên viên cập nhật).",
            )
        elif draw < 0.6:
            data = ProgressInput(
                state=ProgressState.in_progress,
                percent=rng.randint(1, 9) * 10,
                note="Đang triển khai.",
            )
        else:
            continue
        report_progress(
            db,
            assignment_id=assignment.id,
            data=data,
            expected_version=None,
            settings=settings,
            actor=coordinator,
        )
        reports += 1
    return reports


def _progress_for(index: int, deadline: date | None) -> ProgressInput:
    if index == 0:
        done = (deadline or date(2025, 12, 5)) - timedelta(days=2)
        return ProgressInput(
            state=ProgressState.done,
            note="Đã hoàn thành, gửi kèm văn bản.",
            completed_on=min(done, vn.today()),
        )
    if index == 1:
        return ProgressInput(
            state=ProgressState.in_progress, percent=60, note="Đang rà soát, tổng hợp số liệu."
        )
    return ProgressInput(
        state=ProgressState.blocked,
        percent=20,
        difficulties="Thiếu nhân lực chuyên trách về chuyển đổi số.",
        proposals="Đề nghị Sở Khoa học và Công nghệ hướng dẫn thêm.",
    )


# A letter naming an agency by its former name ("Đài Phát thanh và Truyền hình", merged into
# the Báo và Phát thanh – Truyền hình): the review screen shows it picked from the directory.
DEMO_LETTER = resources.files("dxtrack") / "demo_data" / "4102-UBND-KGVX.txt"
DEMO_MAPPINGS = {"Đài Phát thanh và Truyền hình An Giang": "bao-ptth"}


def _settle_unmatched(db: Session, document_id: int, coordinator: User | None) -> None:
    """What the coordinator does on the review screen for names the directory does not know:
    pick the agency a former name designates (saved as its alias), mark bodies outside the
    province (ministries, another city's UBND) "ngoài danh mục", then confirm."""
    for party in list_unresolved(db, document_id=document_id):
        if code := DEMO_MAPPINGS.get(party.name):
            map_party(db, party_id=party.party_id, agency_code=code, actor=coordinator)
        else:
            mark_outside(db, party_id=party.party_id, actor=coordinator)
    confirm_document(db, document_id=document_id, actor=coordinator)


def _ingest_demo_letter(db: Session, settings: Settings, coordinator: User | None) -> None:
    result = ingest_bytes(
        db,
        data=DEMO_LETTER.read_bytes(),
        filename=DEMO_LETTER.name,
        settings=settings,
        actor=coordinator,
        confirm=True,
    )
    if result.refused is not None:
        _settle_unmatched(db, result.document.id, coordinator)
    console.print(
        f"Văn bản {DEMO_LETTER.name}: {result.tasks} nhiệm vụ đã xác nhận sau khi chọn cơ quan "
        f"cho «{next(iter(DEMO_MAPPINGS))}» (màn hình rà soát văn bản #{result.document.id})."
    )


def _notify_once(settings: Settings) -> None:
    """`dxtrack notify run` once: today's digests (in the app; e-mailed if SMTP is set)."""
    result = run_in_transactions(settings, at=vn.today())
    console.print(f"Nhắc việc: {result.composed} bản tin hôm nay, {result.sent} thư đã gửi.")


def build_demo(*, seeds: Path, directory: Path) -> Settings:
    files = sorted(seeds.glob("*.txt")) + sorted(seeds.glob("*.pdf")) + sorted(seeds.glob("*.docx"))
    if not files:
        raise Invalid(f"Không tìm thấy văn bản mẫu trong «{seeds}».")
    _fresh_directory(directory)
    db_file = (directory / "dxtrack.sqlite3").resolve()
    settings = Settings(data_dir=directory, database_url=f"sqlite:///{db_file}")
    use_settings(settings)
    initialise(settings)
    with transaction(settings, write=True) as db:
        users = _create_users(db)
        coordinator = db.scalars(select(User).where(User.username == "dieuphoi")).one()
        for path in files:
            result = ingest_file(db, path, settings=settings, actor=coordinator, confirm=True)
            if result.refused is not None:
                _settle_unmatched(db, result.document.id, coordinator)
            console.print(f"Văn bản {path.name}: {result.tasks} nhiệm vụ đã xác nhận.")
        _ingest_demo_letter(db, settings, coordinator)
        reports = _demo_progress(db, settings)
        reports += _coordinator_progress(db, settings, coordinator)
        links = link_demo(db, coordinator)
        delegated = delegate_demo(db, settings)
        console.print(
            f"Chuỗi nhiệm vụ: {links} nhiệm vụ của tỉnh liên kết với nhiệm vụ của Văn phòng Chính "
            f"phủ; Sở KH&CN giao tiếp điểm 3.a cho {len(delegated)} xã, phường "
            f"(phân công #{', #'.join(map(str, delegated))})."
        )
        plan = build_plan_demo(db, settings=settings, actor=coordinator)
        console.print(f"Kế hoạch {plan}: {demo_sentence(db, plan)}.")
    console.print(f"Đã tạo {reports} báo cáo tiến độ mẫu.")
    _notify_once(settings)
    table = Table("Tên đăng nhập", "Vai trò", "Mật khẩu (chỉ hiện một lần)", title="Tài khoản demo")
    for row in users:
        table.add_row(*row)
    console.print(table)
    return settings
