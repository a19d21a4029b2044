"""Builders for test data: make_<thing>(db, **overrides), and a small named cast.

Cast: `coordinator` (dieuphoi), `admin` (quantri), `viewer` (lanhdao), officers `syt`
(Sở Y tế), `cat` (Công an tỉnh). Agencies come from the default directory loaded at init.
"""

from __future__ import annotations

import hashlib
import io
import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.agencies.service import find_agency
from dxtrack.auth.models import Role, User
from dxtrack.auth.service import create_user, find_user
from dxtrack.documents.models import Document
from dxtrack.tasks.models import Task
from dxtrack.tasks.service import TaskFields, confirm_task, create_task

PASSWORD = "mat-khau-thu-nghiem"
_counter = itertools.count(1)

CAST: dict[str, tuple[Role, str | None]] = {
    "quantri": (Role.admin, None),
    "dieuphoi": (Role.coordinator, None),
    "lanhdao": (Role.viewer, None),
    "syt": (Role.officer, "so-y-te"),
    "cat": (Role.officer, "cong-an-tinh"),
}


def make_agency(db: Session, **overrides: Any) -> Agency:
    n = next(_counter)
    values: dict[str, Any] = {
        "code": f"test-agency-{n}",
        "name": f"Sở Thử nghiệm {n}",
        "kind": "department",
        "parent_code": "ubnd-tinh",
        "aliases": [],
    }
    agency = Agency(**(values | overrides))
    db.add(agency)
    db.flush()
    return agency


def make_user(db: Session, username: str | None = None, **overrides: Any) -> User:
    """A user of the cast by name (created once per test), or a new one from overrides."""
    if username in CAST and not overrides:
        found = find_user(db, username)
        if found is not None:
            return found
        role, agency = CAST[username]
        overrides = {"role": role, "agency_code": agency}
    values: dict[str, Any] = {"role": Role.coordinator, "agency_code": None, "password": PASSWORD}
    values |= overrides
    return create_user(db, username=username or f"user{next(_counter)}", actor=None, **values)


def make_document(db: Session, **overrides: Any) -> Document:
    n = next(_counter)
    values: dict[str, Any] = {
        "sha256": hashlib.sha256(f"doc-{n}".encode()).hexdigest(),
        "filename": f"van-ban-{n}.txt",
        "stored_path": f"xx/doc-{n}.txt",
        "size": 10,
        "doc_type": "Công văn",
        "number": f"{n}/UBND-KGVX",
        "number_key": f"{n}/ubnd-kgvx",
        "subject": f"V/v thử nghiệm {n}",
        "recipients": [],
        "text": "",
    }
    document = Document(**(values | overrides))
    db.add(document)
    db.flush()
    return document


def make_task(
    db: Session,
    *,
    document: Document | None = None,
    lead: list[str] | None = None,
    coordinators: list[str] | None = None,
    deadline: date | None = None,
    recurrence: str | None = None,
    confirm: bool = True,
    clause: str = "1",
) -> Task:
    """A task led by `lead` (names as printed; default Sở Y tế), confirmed unless told."""
    document = document or make_document(db)
    fields = TaskFields(
        clause=clause, summary="Nhiệm vụ thử nghiệm", deadline=deadline, recurrence=recurrence
    )
    task, _ = create_task(
        db,
        document=document,
        fields=fields,
        lead=lead or ["Sở Y tế"],
        coordinators=coordinators or [],
        actor=None,
    )
    if confirm:
        confirm_task(db, task_id=task.id, actor=None)
    return task


def agency_id(db: Session, code: str) -> int:
    agency = find_agency(db, code)
    assert agency is not None, code
    return agency.id


def minimal_pdf() -> bytes:
    """A tiny valid one-page PDF (evidence), with its cross-reference table."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def minimal_png() -> bytes:
    """A tiny valid PNG image (evidence)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()
