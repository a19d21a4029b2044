"""Documents as a picker shows them ("4085/UBND-ĐT — Về việc ..."), and the text typed or
chosen in such a picker back to a document: an id, a picker label, or a number."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dxtrack.documents.models import Document
from dxtrack.documents.references import number_key
from dxtrack.errors import Invalid

SEPARATOR = " — "


def choice_label(number: str | None, subject: str | None, filename: str | None) -> str:
    text = (subject or filename or "").removeprefix("V/v ")
    short = text if len(text) <= 70 else text[:69] + "…"
    return f"{number}{SEPARATOR}{short}" if number else short


def document_choice_label(db: Session, document_id: int | None) -> str:
    """The picker label of a document ("" when none; "#id" when it is gone)."""
    if document_id is None:
        return ""
    query = select(Document.number, Document.subject, Document.filename)
    row = db.execute(query.where(Document.id == document_id)).first()
    return choice_label(*row) if row else f"#{document_id}"


def find_document_choice(db: Session, text: str | None, *, label: str = "Văn bản") -> int | None:
    """The document a picker's text designates: its id, its picker label, or its number
    (with or without the title); None for an empty text. Unknown text is refused."""
    text = (text or "").strip().lstrip("#")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    number = text.split(SEPARATOR, 1)[0].strip()
    query = select(Document.id, Document.number, Document.subject, Document.filename)
    rows = db.execute(query.where(Document.number_key == number_key(number))).all()
    exact = [row.id for row in rows if choice_label(*row[1:]) == text]
    if exact or len(rows) == 1:
        return (exact or [rows[0].id])[0]
    prefix = text.removesuffix("…")
    titled = or_(Document.subject.startswith(prefix), Document.subject.startswith(f"V/v {prefix}"))
    by_title = db.execute(query.where(titled).limit(2)).all()
    if len(by_title) == 1 and not rows:
        return int(by_title[0].id)
    if rows:
        raise Invalid(
            f"{label}: có {len(rows)} văn bản số «{number}»; hãy chọn trong danh sách gợi ý."
        )
    raise Invalid(f"{label}: không tìm thấy văn bản «{text}»; hãy chọn trong danh sách gợi ý "
                  "hoặc ghi đúng số văn bản.")  # fmt: skip
