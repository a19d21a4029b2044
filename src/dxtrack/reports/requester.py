"""Who a report is for: its scope, letterhead, title and signature follow who asks.

Staff, viewers and the CLI report for the province, a group or an agency under the
configured issuer (DXTRACK_REPORT_*). An officer reports for their own agency only: its name
in the letterhead, title and text, never "trên địa bàn tỉnh"; asking for another agency's or
a group's report is refused (403), not answered with a report of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.models import Agency
from dxtrack.config import Settings
from dxtrack.errors import Forbidden

if TYPE_CHECKING:
    from dxtrack.auth.models import User
    from dxtrack.reports.service import ReportRequest


@dataclass(frozen=True)
class Issuer:
    """The body that issues the report, as printed."""

    name: str
    parent: str
    symbol: str
    authority: str
    title: str
    signer: str
    recipients: tuple[str, ...]
    province_wide: bool  # may speak of "trên địa bàn tỉnh"


def _own_agency(db: Session, user: User | None) -> Agency | None:
    if user is None or user.role != "officer":
        return None
    agency = db.get(Agency, user.agency_id) if user.agency_id is not None else None
    if agency is None:
        raise Forbidden("Tài khoản cán bộ chưa gắn với cơ quan nào, không lập được báo cáo.")
    return agency


def scoped_request(db: Session, request: ReportRequest, user: User | None) -> ReportRequest:
    """An officer's request narrowed to their own agency; another agency or a group is 403."""
    own = _own_agency(db, user)
    if own is None:
        return request
    if request.group or (request.agency and request.agency != own.code):
        raise Forbidden(f"Bạn chỉ được lập báo cáo của cơ quan mình ({own.name}).")
    return replace(request, agency=own.code)


def symbol_of(name: str) -> str:
    """ "Sở Y tế" -> "SYT": the initials used after "BC-" in the report number."""
    return "".join(
        word[0] for word in vn.fold(name, accents=False).split() if word[0].isalnum()
    ).upper()


def issuer_for(db: Session, user: User | None, settings: Settings) -> Issuer:
    recipients = tuple(r.strip() for r in settings.report_recipients.split(";") if r.strip())
    own = _own_agency(db, user)
    if own is None:
        return Issuer(
            name=settings.report_issuer,
            parent=settings.report_issuer_parent,
            symbol=settings.report_symbol,
            authority=settings.report_signer_authority,
            title=settings.report_signer_title,
            signer=settings.report_signer_name,
            recipients=recipients,
            province_wide=True,
        )
    return Issuer(
        name=own.name,
        parent=settings.report_issuer_parent,
        symbol=symbol_of(own.name),
        authority="THỦ TRƯỞNG CƠ QUAN",
        title="",
        signer="",
        recipients=(settings.report_issuer,),
        province_wide=False,
    )
