"""Appendix task tables: rows 'STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian'."""

from __future__ import annotations

from dxtrack.extraction.normalize import Paragraph


def extract_table_tasks(paragraphs: list[Paragraph], *, year: int | None) -> list:
    return []
