"""Whole-document golden cases (tests/extraction/cases/documents/): the directory the app
passes to the engine, and each task as a comparable tuple."""

from __future__ import annotations

from pathlib import Path

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_file

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it
DOCS = Path(__file__).parent / "cases" / "documents"


def tasks_of(name: str) -> list[tuple]:
    result = extract_file(DOCS / name, directory=AN_GIANG).to_dict()
    return [
        (t["clause"], t["lead"], t["coordinators"], t["deadline"], t["recurrence"])
        for t in result["tasks"]
    ]
