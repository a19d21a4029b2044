"""Importing a filled-in Phiếu cập nhật tiến độ (layout: tasks/sheet.py).

Every row is checked on its own and answered: `applied` (a normal progress report through
`progress.report_progress()`, with its audit row, in a SAVEPOINT of its own), `unchanged` (the
row says what the assignment already says, and brings no new evidence: uploading a file twice
applies nothing twice), `conflict` (the assignment changed since the sheet was downloaded:
never overwritten) or `invalid` (a bad value, an assignment the user may not report on).
Evidence comes as a ZIP whose files are named by assignment id (tasks/sheet_evidence.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.auth.permissions import require_can_report
from dxtrack.config import Settings, get_settings
from dxtrack.errors import Conflict, DxError, Invalid
from dxtrack.files import sha256_hex
from dxtrack.tables import cell_text, find_header, header_key, open_xlsx
from dxtrack.tasks import sheet
from dxtrack.tasks.models import Assignment, Evidence, ProgressReport, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.sheet_evidence import read_evidence_zip

if TYPE_CHECKING:
    from dxtrack.auth.models import User

RESULTS = ("applied", "unchanged", "conflict", "invalid")
_STATES = {header_key(label): state for state, label in sheet.STATE_LABELS.items()}
_STATES |= {header_key(state.value): state for state in ProgressState}
_STATES |= {header_key("Chưa triển khai"): ProgressState.not_started}
_STATES |= {header_key("Gặp vướng mắc"): ProgressState.blocked}


@dataclass
class RowResult:
    row: int
    assignment: int | None
    result: str
    detail: str = ""


@dataclass
class SheetReport:
    """The answer to an upload: one entry per row, and the done rows without evidence."""

    rows: list[RowResult] = field(default_factory=list)
    done_without_evidence: list[int] = field(default_factory=list)
    unused_files: list[str] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for r in self.rows if r.result == result)

    def exit_code(self) -> int:
        """0 every row applied or unchanged, 6 any row invalid, else 5 (conflicts)."""
        if self.count("invalid"):
            return 6
        return 5 if self.count("conflict") else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "applied": self.count("applied"),
            "unchanged": self.count("unchanged"),
            "conflicts": self.count("conflict"),
            "invalid": self.count("invalid"),
            "rows": [r.__dict__ for r in self.rows],
            "done_without_evidence": self.done_without_evidence,
            "unused_files": self.unused_files,
        }


@dataclass
class SheetRow:
    line: int
    assignment_id: int
    version: int
    data: ProgressInput


def _integer(raw: object, what: str, low: int = 0, high: int | None = None) -> int | None:
    text = cell_text(raw).removesuffix("%").strip()
    if not text:
        return None
    if not text.isdigit() or (high is not None and not low <= int(text) <= high):
        bounds = f" từ {low} đến {high}" if high is not None else ""
        raise Invalid(f"{what} phải là số nguyên{bounds}, không phải «{cell_text(raw)}».")
    return int(text)


def _state(raw: object) -> ProgressState:
    state = _STATES.get(header_key(raw))
    if state is None:
        labels = ", ".join(sheet.STATE_LABELS.values())
        shown = cell_text(raw)
        raise Invalid(f"Trạng thái «{shown}» không hợp lệ (chọn: {labels})." if shown else
                      f"Thiếu trạng thái (chọn: {labels}).")  # fmt: skip
    return state


def _completed(raw: object) -> date | None:
    try:
        return vn.parse_cell_date(raw)
    except ValueError:
        raise Invalid(f"Ngày hoàn thành «{cell_text(raw)}» không hợp lệ (dd/mm/yyyy).") from None


def parse_row(line: int, cell: Callable[[str], object]) -> SheetRow:
    """One row's values, checked; Invalid with a Vietnamese detail."""
    assignment_id = _integer(cell(sheet.ID), "Mã phân công")
    if assignment_id is None:
        raise Invalid("Thiếu mã phân công.")
    version = _integer(cell(sheet.VERSION), "Phiên bản")
    if version is None:
        raise Invalid("Thiếu phiên bản (giữ nguyên cột Phiên bản của phiếu đã tải).")
    data = ProgressInput(
        state=_state(cell(sheet.STATE)),
        percent=_integer(cell(sheet.PERCENT), "Tỷ lệ (%)", 0, 100),
        completed_on=_completed(cell(sheet.COMPLETED)),
        note=cell_text(cell(sheet.RESULTS)),
        difficulties=cell_text(cell(sheet.DIFFICULTIES)),
        proposals=cell_text(cell(sheet.PROPOSALS)),
    )
    return SheetRow(line, assignment_id, version, data)


@dataclass(frozen=True)
class RowError:
    assignment_id: int | None
    message: str


def _row_id(raw: object) -> int | None:
    text = cell_text(raw)
    return int(text) if text.isdigit() else None


def read_rows(data: bytes) -> list[tuple[int, SheetRow | RowError]]:
    """Each non-blank row of the first sheet: parsed, or the reason it is not."""
    workbook = open_xlsx(data)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header, _line, below = find_header(rows, sheet.REQUIRED)
        parsed: list[tuple[int, SheetRow | RowError]] = []
        for line, values in below:
            if not any(cell_text(v) for v in values):
                continue

            def cell(name: str, values: Any = values) -> object:
                index = header.get(header_key(name))
                return values[index] if index is not None and index < len(values) else None

            try:
                parsed.append((line, parse_row(line, cell)))
            except Invalid as error:
                parsed.append((line, RowError(_row_id(cell(sheet.ID)), error.message)))
        return parsed
    finally:
        workbook.close()


def _existing_hashes(db: Session, assignment_id: int) -> set[str]:
    query = (
        select(Evidence.sha256)
        .join(ProgressReport, ProgressReport.id == Evidence.report_id)
        .where(ProgressReport.assignment_id == assignment_id)
    )
    return set(db.scalars(query))


def _target(row: SheetRow, assignment: Assignment, today: date) -> ProgressInput:
    """The row as it will be reported: percent and completion date filled as reporting does."""
    data = row.data
    done = data.state == ProgressState.done
    completed = data.completed_on
    if done and completed is None:
        completed = assignment.completed_on or today
    percent = data.percent or 0
    if done and not percent:  # the exported 0 left as it was: done means 100
        percent = 100
    return ProgressInput(
        state=data.state,
        percent=percent,
        completed_on=completed,
        note=data.note,
        difficulties=data.difficulties,
        proposals=data.proposals,
    )


def _same(db: Session, assignment: Assignment, target: ProgressInput) -> bool:
    texts = sheet.latest_texts(db, [assignment.id]).get(assignment.id, sheet.LatestTexts())
    return (
        assignment.state == target.state.value
        and assignment.percent == target.percent
        and assignment.completed_on == target.completed_on
        and (texts.note, texts.difficulties, texts.proposals)
        == (target.note, target.difficulties, target.proposals)
    )


class _Importer:
    def __init__(
        self, db: Session, actor: User, settings: Settings, today: date, files: dict[int, list]
    ) -> None:
        self.db, self.actor, self.settings, self.today = db, actor, settings, today
        self.files = files

    def one(self, row: SheetRow) -> RowResult:
        assignment = self.db.get(Assignment, row.assignment_id)
        result = RowResult(row.line, row.assignment_id, "invalid")
        if assignment is None:
            result.detail = f"Không tìm thấy phân công #{row.assignment_id}."
            return result
        try:
            require_can_report(self.actor, assignment.agency_id)
        except DxError as error:
            result.detail = error.message
            return result
        target = _target(row, assignment, self.today)
        known = _existing_hashes(self.db, assignment.id)
        target.files = [
            f for f in self.files.get(assignment.id, []) if sha256_hex(f[1]) not in known
        ]
        if not target.files and _same(self.db, assignment, target):
            result.result = "unchanged"
            return result
        if row.version != assignment.version:
            result.result = "conflict"
            result.detail = (
                f"Phân công đã được cập nhật sau khi tải phiếu (phiên bản hiện tại "
                f"{assignment.version}, phiếu ghi {row.version}): dòng này không được ghi; hãy "
                "tải phiếu mới và nhập lại."
            )
            return result
        return self._apply(row, target, result)

    def _apply(self, row: SheetRow, target: ProgressInput, result: RowResult) -> RowResult:
        try:
            with self.db.begin_nested():
                report_progress(
                    self.db,
                    assignment_id=row.assignment_id,
                    data=target,
                    expected_version=row.version,
                    settings=self.settings,
                    actor=self.actor,
                    today=self.today,
                )
        except Conflict as error:
            result.result, result.detail = "conflict", error.message
            return result
        except DxError as error:
            result.detail = error.message
            return result
        result.result = "applied"
        files = len(target.files)
        result.detail = f"Đã ghi báo cáo tiến độ{f', {files} tệp minh chứng' if files else ''}."
        return result


def import_progress_sheet(
    db: Session,
    data: bytes,
    *,
    actor: User,
    evidence: bytes | None = None,
    settings: Settings | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SheetReport:
    """Check every row of an uploaded sheet, apply the good ones, answer per row.

    Invalid (nothing written) only when the file itself is unusable: not an XLSX, no header
    row, a broken ZIP. `progress(done, total)` is called after each row.
    """
    sheet.require_sheet_user(actor)
    settings = settings or get_settings()
    files, unused = read_evidence_zip(evidence, max_bytes=settings.max_upload_bytes)
    parsed = read_rows(data)
    importer = _Importer(db, actor, settings, today or vn.today(), files)
    report = SheetReport(unused_files=unused)
    seen: dict[int, int] = {}
    for done, (line, item) in enumerate(parsed, start=1):
        if isinstance(item, RowError):
            report.rows.append(RowResult(line, item.assignment_id, "invalid", item.message))
        elif item.assignment_id in seen:
            detail = f"Phân công #{item.assignment_id} đã có ở dòng {seen[item.assignment_id]}."
            report.rows.append(RowResult(line, item.assignment_id, "invalid", detail))
        else:
            seen[item.assignment_id] = line
            report.rows.append(importer.one(item))
        if progress is not None:
            progress(done, len(parsed))
    report.done_without_evidence = _done_without_evidence(db, report, parsed)
    report.unused_files += [n for a, items in files.items() if a not in seen for n, _ in items]
    return report


def _done_without_evidence(
    db: Session, report: SheetReport, parsed: list[tuple[int, SheetRow | RowError]]
) -> list[int]:
    """Assignments the sheet reports done (applied or unchanged) that have no evidence at all."""
    done_rows = {
        item.assignment_id
        for _line, item in parsed
        if isinstance(item, SheetRow) and item.data.state == ProgressState.done
    }
    kept = {r.assignment for r in report.rows if r.result in ("applied", "unchanged")}
    return sorted(a for a in done_rows & kept if a is not None and not _existing_hashes(db, a))
