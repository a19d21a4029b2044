"""The change log behind the change feed (`GET /api/v1/changes`), written by triggers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, utcnow

# The tables the feed covers, as entity names.
TRACKED = {
    "documents": "document",
    "tasks": "task",
    "assignments": "assignment",
    "progress_reports": "progress_report",
}


class ChangeEntry(Base):
    """One insert, update or delete of a tracked row (sync/changes.py keeps it by triggers).

    `txid`: the writing transaction's id on PostgreSQL (0 on SQLite, where writers take turns);
    the feed reads in (txid, id) order only what every older transaction has finished with.
    """

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_txid_id", "txid", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    txid: Mapped[int] = mapped_column(BigInteger, default=0)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int]
    op: Mapped[str] = mapped_column(String(8))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
