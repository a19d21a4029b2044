"""Công văn đôn đốc: the reminder letter listing one agency's overdue tasks.

Built with the reports domain's Decree 30 layout (letterhead, title block, signature) and its
overdue table; the figures come from `tasks.queries.list_assignments()` like every list.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.service import get_agency
from dxtrack.auth.permissions import require_staff
from dxtrack.config import Settings
from dxtrack.reports import docx_layout as layout
from dxtrack.reports.data import OverdueItem
from dxtrack.reports.docx_tasks import n, overdue_table
from dxtrack.tasks.queries import Filters, list_assignments
from dxtrack.tasks.status import Status

if TYPE_CHECKING:
    from dxtrack.auth.models import User

PAGE = 500
REPLY_DAYS = 7
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
UNIT_SYMBOL = "CĐS"  # the coordinators' office (Phòng Chuyển đổi số) in "Số: /SKHCN-CĐS"


def overdue_items(db: Session, *, agency: str, at: date, settings: Settings) -> list[OverdueItem]:
    """The agency's overdue assignments at `at`, most overdue first."""
    items: list[OverdueItem] = []
    page, more = 1, True
    while more:
        rows, more = list_assignments(
            db,
            filters=Filters(agency=agency, status=Status.overdue),
            at=at,
            user=None,
            page=page,
            page_size=PAGE,
            due_soon_days=settings.due_soon_days,
        )
        items += [OverdueItem(row, (at - row.deadline).days) for row in rows if row.deadline]
        page += 1
    return sorted(items, key=lambda i: (-i.days_late, i.row.id))


def _head(settings: Settings, issued_on: date | None, at: date) -> layout.Letterhead:
    return layout.Letterhead(
        issuer=settings.report_issuer,
        parent=settings.report_issuer_parent,
        symbol=UNIT_SYMBOL,
        place=settings.report_place,
        doc_code=settings.report_symbol,
        issued_on=issued_on,
        year=(issued_on or at).year,
    )


def _body(doc: object, name: str, items: list[OverdueItem], at: date, settings: Settings) -> None:
    para = layout.para
    para(doc, f"Kính gửi: {name}.", align="center", before=6, after=12)  # type: ignore[arg-type]
    para(
        doc,  # type: ignore[arg-type]
        f"Theo dõi trên Hệ thống theo dõi nhiệm vụ chuyển đổi số của tỉnh, tính đến ngày "
        f"{vn.date_text(at)}, {name} còn {n(len(items))} nhiệm vụ đã quá thời hạn được giao nhưng "
        "chưa báo cáo hoàn thành, cụ thể như sau:",
        indent=True,
    )
    if items:
        overdue_table(doc, items, with_agency=False)  # type: ignore[arg-type]
    reply = vn.date_text(at + timedelta(days=REPLY_DAYS))
    para(
        doc,  # type: ignore[arg-type]
        f"{settings.report_issuer} đề nghị {name} khẩn trương chỉ đạo hoàn thành các nhiệm vụ "
        "nêu trên, cập nhật tiến độ và minh chứng trên hệ thống; trường hợp chưa thể hoàn thành, "
        f"báo cáo rõ nguyên nhân và đề xuất thời hạn hoàn thành trước ngày {reply}.",
        indent=True,
        before=6,
    )
    para(doc, "Trân trọng./.", indent=True)  # type: ignore[arg-type]


def reminder_letter(
    db: Session,
    *,
    agency: str,
    at: date,
    settings: Settings,
    actor: User,
    issued_on: date | None = None,
) -> tuple[bytes, str]:
    """The DOCX letter (bytes) and a file name; coordinators and admins."""
    require_staff(actor)
    target = get_agency(db, agency)
    items = overdue_items(db, agency=agency, at=at, settings=settings)
    doc = layout.new_document()
    head = layout.add_letterhead(doc, _head(settings, issued_on, at))
    layout.para(
        head.rows[1].cells[0],
        "V/v đôn đốc thực hiện nhiệm vụ quá hạn",
        size=12,
        align="center",
        after=0,
    )
    _body(doc, target.name, items, at, settings)
    layout.add_closing(
        doc,
        layout.Signature(
            authority=settings.report_signer_authority,
            title=settings.report_signer_title,
            name=settings.report_signer_name,
            recipients=("Như trên", settings.report_issuer_parent),
            archive=f"VT, {UNIT_SYMBOL}",
        ),
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue(), f"cong-van-don-doc-{agency}-{at.isoformat()}.docx"
