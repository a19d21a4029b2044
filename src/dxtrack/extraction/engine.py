"""Extraction pipeline (placeholder while the engine is written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Extraction:
    doc_id: str = ""
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: dict[str, str] | None = None
    references: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def extract_text(text: str, doc_id: str = "") -> Extraction:
    return Extraction(doc_id=doc_id, text=text)


def extract_bytes(data: bytes, filename: str) -> Extraction:
    return extract_text(data.decode("utf-8", "replace"), doc_id=Path(filename).stem)


def extract_file(path: str | Path) -> Extraction:
    p = Path(path)
    return extract_bytes(p.read_bytes(), p.name)
