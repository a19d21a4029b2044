"""Who answers for an agency now, and the names it had: reads over `agency_changes` and
`agency_aliases` (written by agencies/changes.py and agencies/restructure.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency, AgencyAlias, AgencyChange


def successor_map(db: Session) -> dict[int, int]:
    """predecessor id -> the agency answering for it now (chains followed; a split's default
    successor). An agency dissolved without a receiver is not in it: nobody answers for it."""
    rows = db.execute(
        select(AgencyChange.predecessor_id, AgencyChange.successor_id).where(
            AgencyChange.successor_id.is_not(None), AgencyChange.is_default.is_(True)
        )
    ).all()
    direct = {old: new for old, new in rows if new is not None}
    final = {}
    for old in direct:
        current, seen = old, set()
        while current in direct and current not in seen:
            seen.add(current)
            current = direct[current]
        final[old] = current
    return final


def ended_ids(db: Session) -> list[int]:
    """Agencies merged, split or dissolved (their open work left behind is "chưa giao được")."""
    return list(db.scalars(select(AgencyChange.predecessor_id).distinct()))


def dissolved_ids(db: Session) -> set[int]:
    """Agencies dissolved with nobody receiving their work."""
    query = select(AgencyChange.predecessor_id).where(AgencyChange.successor_id.is_(None))
    return set(db.scalars(query))


@dataclass(frozen=True)
class FormerName:
    name: str
    code: str | None  # a predecessor's code; None: this agency's own name before a rename
    valid_from: date | None
    valid_to: date | None


def former_names(db: Session, agency_ids: list[int] | None = None) -> dict[int, list[FormerName]]:
    """agency id -> its former names and codes with their validity dates, oldest last."""
    query = select(AgencyAlias).order_by(AgencyAlias.valid_to.desc(), AgencyAlias.id)
    if agency_ids is not None:
        query = query.where(AgencyAlias.agency_id.in_(agency_ids))
    found: dict[int, list[FormerName]] = {}
    for alias in db.scalars(query):
        former = FormerName(alias.name, alias.code, alias.valid_from, alias.valid_to)
        found.setdefault(alias.agency_id, []).append(former)
    return found


def names_at(db: Session, at: date) -> dict[int, str]:
    """agency id -> the name it bore at `at`, for agencies renamed after `at`."""
    query = (
        select(AgencyAlias.agency_id, AgencyAlias.name)
        .where(AgencyAlias.code.is_(None), AgencyAlias.valid_to >= at)
        .where((AgencyAlias.valid_from.is_(None)) | (AgencyAlias.valid_from <= at))
        .order_by(AgencyAlias.valid_to.desc())
    )
    return dict(db.execute(query).all())  # the earliest rename after `at` is read last


def code_owner(db: Session, code: str) -> Agency | None:
    """The agency answering now for `code`: its own, or a predecessor's (an alias)."""
    agency = db.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        alias = db.scalar(select(AgencyAlias.agency_id).where(AgencyAlias.code == code).limit(1))
        agency = db.get(Agency, alias) if alias is not None else None
    if agency is None:
        return None
    successor = successor_map(db).get(agency.id)
    return db.get(Agency, successor) if successor is not None else agency


@dataclass(frozen=True)
class Ending:
    """How an agency ended: merged, split or dissolved from `on`, into its successors."""

    kind: str
    on: date
    successors: list[tuple[str, str]]  # (code, name), the default first

    @property
    def text(self) -> str:
        """The ending as the directory says it."""
        names = ", ".join(name for _code, name in self.successors)
        day = self.on.strftime("%d/%m/%Y")
        if self.kind == "split":
            return f"Đã chia tách từ ngày {day} thành: {names} (nhận mặc định: {self.successors[0][1]})"
        if self.kind == "dissolve":
            then = f"phân công chuyển cho {names}" if names else "phân công đang mở chưa giao được"
            return f"Đã giải thể từ ngày {day}, {then}"
        return f"Đã hợp nhất vào {names} từ ngày {day}"


def endings(db: Session) -> dict[int, Ending]:
    """predecessor id -> its ending, for the directory."""
    query = (
        select(
            AgencyChange.predecessor_id,
            AgencyChange.kind,
            AgencyChange.on,
            Agency.code,
            Agency.name,
        )
        .outerjoin(Agency, Agency.id == AgencyChange.successor_id)
        .order_by(AgencyChange.is_default.desc(), AgencyChange.id)
    )
    found: dict[int, Ending] = {}
    for old, kind, on, code, name in db.execute(query):
        ending = found.setdefault(old, Ending(kind, on, []))
        if code is not None:
            ending.successors.append((code, name))
    return found
