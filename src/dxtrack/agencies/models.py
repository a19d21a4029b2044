"""Agencies (cơ quan, đơn vị) and named groups of agencies."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Column, ForeignKey, String, Table, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dxtrack.db import Base, enum_check


class AgencyKind(StrEnum):
    province = "province"
    department = "department"
    provincial_body = "provincial_body"
    press = "press"
    other = "other"
    commune = "commune"
    ward = "ward"
    special_zone = "special_zone"


# Vietnamese names of the kinds (directory, admin import page).
KIND_LABELS = {
    AgencyKind.province: "Cấp tỉnh",
    AgencyKind.department: "Sở",
    AgencyKind.provincial_body: "Ban, ngành tỉnh",
    AgencyKind.press: "Báo chí",
    AgencyKind.other: "Khác",
    AgencyKind.commune: "Xã",
    AgencyKind.ward: "Phường",
    AgencyKind.special_zone: "Đặc khu",
}


group_members = Table(
    "agency_group_members",
    Base.metadata,
    Column("group_id", ForeignKey("agency_groups.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True),
)


class Agency(Base):
    __tablename__ = "agencies"
    __table_args__ = (CheckConstraint(enum_check("kind", AgencyKind), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    parent_code: Mapped[str | None] = mapped_column(String(64))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class AgencyGroup(Base):
    __tablename__ = "agency_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    members: Mapped[list[Agency]] = relationship(secondary=group_members, lazy="raise")


class AgencyChange(Base):
    """An agency merged into, split into, or dissolved into a successor from a date
    (agencies/changes.py, agencies/restructure.py).

    The predecessor stays in the directory (its history); its code and names resolve to its
    successor (`agency_aliases`); `on` is the first day the successor answers for it. A split
    has one row per successor, `is_default` marking the one taking what is not mapped
    elsewhere; a dissolution without a receiver has no successor (its open work is listed as
    "chưa giao được")."""

    __tablename__ = "agency_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="merge")
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    on: Mapped[date]
    is_default: Mapped[bool] = mapped_column(default=True, server_default=true())


class AgencyAlias(Base):
    """A former name (and code) of an agency, valid between two dates: a predecessor's name
    and code once it merged into this agency, or this agency's own name before a rename. Old
    names and codes still resolve to the agency; the directory shows them with their dates."""

    __tablename__ = "agency_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    code: Mapped[str | None] = mapped_column(String(64), index=True)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    change_id: Mapped[int | None] = mapped_column(
        ForeignKey("agency_changes.id", ondelete="CASCADE")
    )


class AssignmentMove(Base):
    """An open assignment moved from a predecessor to its successor on a date (history kept:
    figures and lists at earlier dates show the predecessor)."""

    __tablename__ = "assignment_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    from_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    to_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    on: Mapped[date] = mapped_column(index=True)
