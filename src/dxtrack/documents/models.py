"""Documents (văn bản), their stored original and the documents they cite."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from dxtrack.db import Base, enum_check, utcnow
from dxtrack.search import search_key


class ReviewState(StrEnum):
    draft = "draft"
    confirmed = "confirmed"


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(enum_check("review_state", ReviewState), name="review_state"),
        Index("uq_documents_external_id", "external_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(300))
    stored_path: Mapped[str] = mapped_column(String(300))
    size: Mapped[int]
    doc_type: Mapped[str | None] = mapped_column(String(100))
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    number_key: Mapped[str | None] = mapped_column(String(100), index=True)
    issuer: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(100))
    issued_date: Mapped[date | None]
    subject: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    review_state: Mapped[str] = mapped_column(String(16), default=ReviewState.draft)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime | None]
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # search.py
    # When OCR read any page: each page as readers.RawDocument.pages gives it ({"page", "ocr"},
    # and for OCR'd pages "confidence", "words", "text", "low"); None for a text document.
    ocr_pages: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)

    @property
    def read_by_ocr(self) -> bool:
        return any(page.get("ocr") for page in self.ocr_pages or [])

    # Sync (sync/upsert.py): the source system's id `system:id` (unique), and why a confirmed
    # document needs another look after its source changed ("cần xem lại"; None: nothing).
    external_id: Mapped[str | None] = mapped_column(String(200))
    review_note: Mapped[str | None] = mapped_column(Text)
    # Reporting rhythm of its undated tasks (tasks/rhythm.py); None: monthly.
    update_cadence: Mapped[str | None] = mapped_column(String(16))


@event.listens_for(Document, "before_insert")
@event.listens_for(Document, "before_update")
def _document_search_key(_mapper: Any, _connection: Any, document: Document) -> None:
    document.search_key = search_key(document.number, document.subject, document.filename)


class DocumentReference(Base):
    """One document cited by another (căn cứ, thực hiện ...), linked when present."""

    __tablename__ = "document_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(100))
    number_key: Mapped[str] = mapped_column(String(100), index=True)
    doc_type: Mapped[str | None] = mapped_column(String(100))
    ref_date: Mapped[date | None]
    issuer: Mapped[str | None] = mapped_column(String(300))
    cited_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
