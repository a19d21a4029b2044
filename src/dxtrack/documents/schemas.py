"""API shapes for documents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel


class SignerRead(BaseModel):
    name: str | None
    title: str | None


class DocumentRead(BaseModel):
    id: int
    filename: str
    sha256: str
    doc_type: str | None
    number: str | None
    issuer: str | None
    place: str | None
    issued_date: date | None
    subject: str | None
    recipients: list[str]
    signer: SignerRead | None
    review_state: str
    created_at: datetime


class CandidateRead(BaseModel):
    """A stored document with the cited number but another issuer or date ("có thể là")."""

    id: int
    number: str | None
    issuer: str | None
    issued_date: date | None
    subject: str | None


class ReferenceRead(BaseModel):
    id: int
    number: str
    doc_type: str | None
    date: date | None
    issuer: str | None
    cited_id: int | None
    candidates: list[CandidateRead] = []


class ReferenceLink(BaseModel):
    cited_id: int | None


class CitingRead(BaseModel):
    id: int
    number: str | None
    subject: str | None


class DocumentDetail(DocumentRead):
    text: str
    references: list[ReferenceRead]
    cited_by: list[CitingRead]
    task_ids: list[int]


class DocumentPage(BaseModel):
    items: list[DocumentRead]
    total: int
    page: int
    page_size: int


class IngestRead(BaseModel):
    """One uploaded file: `created`, `duplicate` (same SHA-256 as `document`) or `failed`.

    A failed file has no document and carries the API's error pair: `error` (machine code,
    e.g. `extraction_failed`, `invalid`) and `detail` (the Vietnamese reason).
    """

    filename: str
    status: Literal["created", "duplicate", "failed", "reading"]
    document: DocumentRead | None
    duplicate: bool
    tasks: int
    unresolved: list[str]
    error: str | None = None
    detail: str | None = None
    # `confirm` asked for and refused: a party resolves to nothing; the tasks stay draft.
    confirm_error: str | None = None
    # Another file of a stored letter (same number, issuer and date): `document` is that one.
    same_letter: bool = False
    unresolved_tasks: list[dict[str, object]] = []
    # `reading`: the file needs OCR; stored, its document created, read by this background job
    job: int | None = None
