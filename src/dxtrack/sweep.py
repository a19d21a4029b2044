"""Stored files no row refers to: what a killed ingest or progress report leaves behind.

A file is written before the transaction that records it commits (so a committed row always
has its file); a process killed in between leaves the file alone. `sweep_orphans()` removes
such files, and temporary `.part` files, once they are older than any transaction in flight.
`dxtrack ingest` runs it before its own work.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.documents.models import Document
from dxtrack.indicators.models import MeasurementEvidence
from dxtrack.tasks.models import Evidence

GRACE = timedelta(minutes=10)


def _referenced(db: Session, settings: Settings) -> dict[Path, set[str]]:
    evidence = union_all(select(Evidence.stored_path), select(MeasurementEvidence.stored_path))
    return {
        settings.originals_dir: set(db.scalars(select(Document.stored_path))),
        settings.evidence_dir: set(db.scalars(evidence)),
    }


def sweep_orphans(db: Session, settings: Settings, *, grace: timedelta = GRACE) -> list[Path]:
    """Delete stored files older than `grace` that no row names; returns what was removed."""
    cutoff = time.time() - grace.total_seconds()
    removed = []
    for root, referenced in _referenced(db, settings).items():
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.stat().st_mtime > cutoff:
                continue
            if path.relative_to(root).as_posix() not in referenced:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
