"""Văn bản: upload (several files, progress), list with search, the document / review page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack.agencies.service import directory_choices
from dxtrack.auth.permissions import STAFF
from dxtrack.db import outside_transaction
from dxtrack.deps import AppSettings, Db
from dxtrack.documents import service
from dxtrack.documents.highlight import clean_markdown, segments
from dxtrack.documents.models import ReviewState
from dxtrack.documents.reading import ingest_upload, read_or_defer, reading_job, reading_states
from dxtrack.documents.references import link_reference, list_candidates
from dxtrack.documents.review_hints import review_hints
from dxtrack.documents.review_pages import ocr_views, task_cards
from dxtrack.errors import Invalid
from dxtrack.tasks.listing import list_document_tasks, openable_tasks
from dxtrack.tasks.preview import preview_confirmation
from dxtrack.tasks.proposals import propose_links
from dxtrack.tasks.service import confirm_document
from dxtrack.web.security import PageReader, PageStaff, PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 30
ACCEPT = ".pdf,.docx,.doc,.odt,.txt,.md,.jpg,.jpeg,.png,.webp,application/pdf,text/plain,image/*"


@router.get("/documents", name="documents_index")
def documents_index(
    request: Request,
    db: Db,
    user: PageReader,
    q: str = "",
    review_state: str = "",
    page: int = 1,
) -> Response:
    state = ReviewState(review_state) if review_state in set(ReviewState) else None
    rows, total = service.list_documents(
        db, q=q.strip() or None, review_state=state, page=max(page, 1), page_size=PAGE_SIZE
    )
    context = {
        "rows": rows,
        "reading": reading_states(db, [d.id for d in rows]),  # OCR still running or failed
        "total": total,
        "q": q,
        "review_state": review_state,
        "page": max(page, 1),
        "has_more": page * PAGE_SIZE < total,
        "can_upload": user.role in STAFF,
        "accept": ACCEPT,
    }
    return render(request, "documents/list.html", context)


@router.post("/documents/upload", name="documents_upload")
def documents_upload(
    request: Request,
    db: Db,
    user: PageStaff,
    settings: AppSettings,
    files: Annotated[list[UploadFile], File()],
) -> Response:
    with outside_transaction(db):  # read and extract first, holding no transaction
        reads = [
            read_or_defer(  # a scan or photo: stored now, read by a background job (OCR)
                upload.file.read(settings.max_upload_bytes + 1),
                upload.filename,
                max_bytes=settings.max_upload_bytes,
            )
            for upload in files
            if upload.filename
        ]
    items = [  # each file in its own SAVEPOINT: a bad one is reported
        ingest_upload(db, read=read, settings=settings, actor=user) for read in reads
    ]
    if not items:
        raise Invalid("Vui lòng chọn ít nhất một tệp văn bản.")
    return render(request, "documents/_upload_results.html", {"items": items})


@router.get("/documents/{document_id}", name="document_page")
def document_page(request: Request, document_id: int, db: Db, user: PageUser) -> Response:
    """The document and its tasks: the review screen for staff; read-only for viewers and for
    officers (only documents assigning their agency a task, which they may open)."""
    document = service.get_readable_document(db, document_id, user=user)
    tasks = list_document_tasks(db, document_id=document_id)
    can_edit = user.role in STAFF
    drafts = sum(1 for t in tasks if t.review_state == ReviewState.draft)
    references = service.list_references(db, document_id)
    hints = review_hints(document, tasks) if can_edit else None
    cards = task_cards(db, tasks)
    if hints:  # the engine's reason per task; its guesses first, for the reviewer to check
        for card in cards:
            card["reason"], card["uncertain"] = hints.reasons.get(card["task"].id, ("", False))
        cards.sort(key=lambda c: not (c["uncertain"] and c["task"].review_state == "draft"))
    context = {
        "document": document,
        "issuer": clean_markdown(document.issuer),
        "subject": clean_markdown(document.subject),
        "segments": segments(document.text, tasks),
        "cards": cards,
        "unassigned": hints.unassigned if hints else [],
        "references": references,
        "candidates": list_candidates(db, references),
        "readable": service.readable_ids(db, user, [r.cited_id for r in references]),
        "openable": openable_tasks(db, user, [t.id for t in tasks]),
        "cited_by": service.list_cited_by(db, document_id, user=user),
        "can_edit": can_edit,
        "drafts": drafts,
        "confirmed": request.query_params.get("confirmed"),
        "ocr": ocr_views(document),
        "job": reading_job(db, document_id),  # OCR still running, or failed: its state
        "can_retry": can_edit,
        "next_url": f"/documents/{document_id}",
        "reload": True,
    }
    if can_edit and drafts:
        context["preview"] = preview_confirmation(db, document_id=document_id)
        context["directory"] = directory_choices(db)
    elif can_edit:
        context["directory"] = directory_choices(db)
    if can_edit:  # tasks of a cited stored document this one's tasks may implement
        context["link_proposals"] = propose_links(db, document_id=document_id)
    return render(request, "documents/detail.html", context)


@router.post("/documents/{document_id}/confirm", name="document_confirm")
def document_confirm(
    document_id: int, db: Db, user: PageStaff, start: Annotated[str, Form()] = "document"
) -> Response:
    confirm_document(db, document_id=document_id, actor=user, start=start)
    return RedirectResponse(f"/documents/{document_id}?confirmed=1", status_code=303)


@router.post("/documents/{document_id}/references/{reference_id}", name="reference_link")
def reference_link(
    document_id: int,
    reference_id: int,
    db: Db,
    user: PageStaff,
    cited_id: Annotated[int, Form()],
) -> Response:
    """A person confirms the candidate ("có thể là") a reference designates."""
    link_reference(
        db, document_id=document_id, reference_id=reference_id, cited_id=cited_id, actor=user
    )
    return RedirectResponse(f"/documents/{document_id}#references", status_code=303)
