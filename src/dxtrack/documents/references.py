"""Cited documents linked by identity (number, issuer, date), whichever arrives first.

A number match with another issuer or date is only a candidate ("có thể là"): shown for a
person to confirm (`link_reference()`), never linked as a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import require_staff
from dxtrack.documents.identity import Issued, cites
from dxtrack.documents.models import Document, DocumentReference
from dxtrack.errors import Invalid, NotFound

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def number_key(number: str | None) -> str | None:
    """Comparable form of a document number (57-NQ/TW); None for a blank draft number."""
    if not number:
        return None
    key = vn.fold(re.sub(r"\s+|^số", "", number.strip(), flags=re.IGNORECASE), accents=False)
    return key if re.match(r"^\w*\d", key) else None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def issued(document: Document) -> Issued:
    return Issued(document.number, document.issuer, document.issued_date)


def _designates(ref: DocumentReference, citing: Document, cited: Document) -> bool:
    return cites(
        ref.number, ref.ref_date, ref.issuer, citing_issuer=citing.issuer, cited=issued(cited)
    )


def _same_number(db: Session, key: str, *, excluding: int) -> list[Document]:
    query = select(Document).where(Document.number_key == key, Document.id != excluding)
    return list(db.scalars(query.order_by(Document.id)))


def add_references(db: Session, document: Document, references: list[dict[str, Any]]) -> None:
    """Store the document's references, linked to stored documents they designate; earlier
    references that designate this document now link to it."""
    seen: set[str] = set()
    for item in references:
        key = number_key(item.get("number"))
        if key is None or key in seen or key == document.number_key:
            continue
        seen.add(key)
        ref = DocumentReference(
            document_id=document.id,
            number=item["number"],
            number_key=key,
            doc_type=item.get("doc_type"),
            ref_date=parse_date(item.get("date")),
            issuer=item.get("issuer"),
        )
        found = (d for d in _same_number(db, key, excluding=document.id))
        ref.cited_id = next((d.id for d in found if _designates(ref, document, d)), None)
        db.add(ref)
    if document.number_key:
        query = (
            select(DocumentReference, Document)
            .join(Document, Document.id == DocumentReference.document_id)
            .where(DocumentReference.number_key == document.number_key)
            .where(DocumentReference.cited_id.is_(None))
        )
        for ref, citing in db.execute(query).all():
            if _designates(ref, citing, document):
                ref.cited_id = document.id
    db.flush()


@dataclass(frozen=True)
class Candidate:
    """A stored document with the reference's number but another issuer or date."""

    id: int
    number: str | None
    issuer: str | None
    issued_date: date | None
    subject: str | None


def list_candidates(db: Session, refs: list[DocumentReference]) -> dict[int, list[Candidate]]:
    """reference id -> the stored documents it may designate (unlinked references only)."""
    open_refs = [r for r in refs if r.cited_id is None]
    keys = {r.number_key for r in open_refs}
    if not keys:
        return {}
    rows = db.scalars(select(Document).where(Document.number_key.in_(keys)).order_by(Document.id))
    by_key: dict[str, list[Candidate]] = {}
    for d in rows:
        candidate = Candidate(d.id, d.number, d.issuer, d.issued_date, d.subject)
        by_key.setdefault(d.number_key or "", []).append(candidate)
    return {
        r.id: [c for c in by_key.get(r.number_key, []) if c.id != r.document_id]
        for r in open_refs
        if by_key.get(r.number_key)
    }


def link_reference(
    db: Session, *, document_id: int, reference_id: int, cited_id: int | None, actor: User | None
) -> DocumentReference:
    """A person confirms (or, with None, removes) the document a reference designates."""
    if actor is not None:
        require_staff(actor)
    ref = db.get(DocumentReference, reference_id)
    if ref is None or ref.document_id != document_id:
        raise NotFound(f"Không tìm thấy trích dẫn #{reference_id} của văn bản #{document_id}.")
    if cited_id is not None:
        cited = db.get(Document, cited_id)
        if cited is None:
            raise NotFound(f"Không tìm thấy văn bản #{cited_id}.")
        if cited.number_key != ref.number_key or cited.id == ref.document_id:
            raise Invalid(f"Văn bản #{cited_id} không mang số «{ref.number}».")
    before = {"number": ref.number, "cited_id": ref.cited_id}
    ref.cited_id = cited_id
    after = {"number": ref.number, "cited_id": cited_id}
    record(
        db, events.Event("reference.link", "document", ref.document_id, before, after), actor=actor
    )
    db.flush()
    return ref
