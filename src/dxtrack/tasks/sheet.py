"""Phiếu cập nhật tiến độ: the progress sheet's layout and its export (XLSX).

One row per open assignment the user may report on. Identifying columns (assignment id,
version, agency, document, task, period, deadline, status) are locked by sheet protection
(no password: it prevents slips, not intent); the editable ones are unlocked, the state is a
drop-down of Vietnamese labels, dates are shown dd/mm/yyyy, and every text that a spreadsheet
would take for a formula is stored as literal text. The workbook is written by tasks/sheet_xlsx.py, read back by tasks/sheet_import.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import STAFF
from dxtrack.errors import Forbidden, NotFound
from dxtrack.tasks.models import Assignment, ProgressReport, ProgressState
from dxtrack.tasks.queries import AssignmentRow, Filters, apply_filters, assignment_rows
from dxtrack.tasks.queries import assignment_status as status_expression
from dxtrack.tasks.rhythm_stats import rhythm_labels
from dxtrack.tasks.status import STATUS_LABELS, Status

if TYPE_CHECKING:
    from dxtrack.auth.models import User

SHEET_TITLE = "Phiếu cập nhật tiến độ"
MAX_ROWS = 50_000
ID, VERSION, AGENCY, TASK, DEADLINE = "Mã phân công", "Phiên bản", "Cơ quan", "Nhiệm vụ", "Thời hạn"
STATE, PERCENT, COMPLETED = "Trạng thái", "Tỷ lệ (%)", "Ngày hoàn thành"
RESULTS, DIFFICULTIES, PROPOSALS = "Kết quả", "Khó khăn", "Đề xuất"
RHYTHM = "Cập nhật trong kỳ"  # undated work: updated in its current period (tasks/rhythm.py)
# The columns the import needs (any order); the others are information.
REQUIRED = (ID, VERSION, STATE, PERCENT, COMPLETED, RESULTS, DIFFICULTIES, PROPOSALS)
STATE_LABELS: dict[ProgressState, str] = {
    ProgressState.not_started: "Chưa thực hiện",
    ProgressState.in_progress: "Đang thực hiện",
    ProgressState.done: "Hoàn thành",
    ProgressState.blocked: "Vướng mắc",
}


@dataclass(frozen=True)
class SheetColumn:
    title: str
    width: float
    editable: bool = False
    kind: str = "text"  # text, int, date


COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(ID, 10, kind="int"),
    SheetColumn(VERSION, 9, kind="int"),
    SheetColumn(AGENCY, 28),
    SheetColumn("Văn bản", 16),
    SheetColumn(TASK, 60),
    SheetColumn("Kỳ", 10),
    SheetColumn(DEADLINE, 12, kind="date"),
    SheetColumn("Tình trạng", 20),
    SheetColumn(RHYTHM, 24),
    SheetColumn(STATE, 18, editable=True),
    SheetColumn(PERCENT, 9, editable=True, kind="int"),
    SheetColumn(COMPLETED, 14, editable=True, kind="date"),
    SheetColumn(RESULTS, 40, editable=True),
    SheetColumn(DIFFICULTIES, 30, editable=True),
    SheetColumn(PROPOSALS, 30, editable=True),
)
TITLE_ROWS = 3  # title, scope, instructions; the header is the next row


@dataclass(frozen=True)
class LatestTexts:
    """What the assignment's latest report says (the sheet shows and compares it), and for
    undated work whether it was updated in its current period."""

    note: str = ""
    difficulties: str = ""
    proposals: str = ""
    rhythm: str = ""


def require_sheet_user(user: User) -> None:
    """Officers (their agency) and staff (any) report progress; viewers do not."""
    if user.role not in (*STAFF, Role.officer):
        raise Forbidden("Chỉ cán bộ của cơ quan được giao và điều phối viên dùng phiếu tiến độ.")


def _agency_ids(db: Session, user: User | None, codes: Sequence[str]) -> list[int] | None:
    """The agencies the sheet covers (None: the user's whole scope)."""
    if not codes:
        return None
    found = dict(db.execute(select(Agency.code, Agency.id).where(Agency.code.in_(codes))).all())
    missing = [code for code in codes if code not in found]
    if missing:
        raise NotFound(f"Không có cơ quan mã «{missing[0]}».")
    ids = [found[code] for code in codes]
    if user is not None and user.role == Role.officer and any(i != user.agency_id for i in ids):
        raise Forbidden("Bạn chỉ được tải phiếu tiến độ của cơ quan mình.")
    return ids


def open_rows(
    db: Session,
    *,
    user: User | None,
    agencies: Sequence[str],
    at: date,
    due_soon_days: int,
    rhythm: str | None = None,
) -> list[AssignmentRow]:
    """The open (not done) assignments the user may report on, by agency, deadline, id
    (`user` None: the command line's operator, every agency)."""
    if user is not None:
        require_sheet_user(user)
    ids = _agency_ids(db, user, agencies)
    levels = "all" if ids is not None else None
    query = assignment_rows(status_expression(at, due_soon_days))
    query = apply_filters(
        query, Filters(levels=levels, rhythm=rhythm), at=at, user=user, due_soon_days=due_soon_days
    )
    query = query.where(Assignment.completed_on.is_(None))
    if ids is not None:
        query = query.where(Assignment.agency_id.in_(ids))
    order = (Agency.name, Assignment.deadline.is_(None), Assignment.deadline, Assignment.id)
    rows = db.execute(query.order_by(*order).limit(MAX_ROWS)).all()
    return [AssignmentRow(*row) for row in rows]


def latest_texts(db: Session, assignment_ids: Iterable[int]) -> dict[int, LatestTexts]:
    """Each assignment's latest report texts (assignments without a report are absent)."""
    ids = list(assignment_ids)
    found: dict[int, LatestTexts] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        latest = (
            select(func.max(ProgressReport.id))
            .where(ProgressReport.assignment_id.in_(chunk))
            .group_by(ProgressReport.assignment_id)
        )
        query = select(
            ProgressReport.assignment_id,
            ProgressReport.note,
            ProgressReport.difficulties,
            ProgressReport.proposals,
        ).where(ProgressReport.id.in_(latest))
        for assignment_id, note, difficulties, proposals in db.execute(query):
            found[assignment_id] = LatestTexts(note, difficulties, proposals)
    return found


def row_values(row: AssignmentRow, texts: LatestTexts) -> list[Any]:
    return [
        row.id,
        row.version,
        row.agency_name,
        row.document_number or "",
        f"{row.clause} {row.summary}".strip() if row.clause else row.summary,
        row.period,
        row.deadline,
        STATUS_LABELS[Status(row.status)],
        texts.rhythm,
        STATE_LABELS.get(ProgressState(row.state), row.state),
        row.percent,
        None,  # open rows have no completion date
        texts.note,
        texts.difficulties,
        texts.proposals,
    ]


def export_sheet(
    db: Session,
    *,
    user: User | None,
    agencies: Sequence[str] = (),
    at: date | None = None,
    due_soon_days: int,
    rhythm: str | None = None,
) -> bytes:
    """Phiếu cập nhật tiến độ of the user's open assignments (of `agencies` when given;
    `rhythm` "stale": only undated work not updated in its current period)."""
    day = at or vn.today()
    rows = open_rows(
        db, user=user, agencies=agencies, at=day, due_soon_days=due_soon_days, rhythm=rhythm
    )
    names = sorted({r.agency_name for r in rows}, key=vn.sort_key)
    who = ", ".join(names[:3]) + (f" và {len(names) - 3} cơ quan khác" if len(names) > 3 else "")
    scope = (
        f"Cơ quan: {who or '—'}; {vn.number(len(rows))} phân công chưa hoàn thành; "
        f"tình trạng tại ngày {vn.date_text(day)}; tải lúc {vn.datetime_text(vn.now())}."
    )
    texts = latest_texts(db, [r.id for r in rows])
    for assignment_id, label in rhythm_labels(db, rows, vn.today()).items():
        texts[assignment_id] = replace(texts.get(assignment_id, LatestTexts()), rhythm=label)
    from dxtrack.tasks.sheet_xlsx import sheet_xlsx  # openpyxl: only when a sheet is written

    return sheet_xlsx(rows, texts, scope=scope)
