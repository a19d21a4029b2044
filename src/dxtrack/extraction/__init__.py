"""Directive extraction engine: document bytes in, metadata, references and tasks out.

Pure library: no database, no web, no global settings. The public surface is

    extract_file(path)            -> Extraction
    extract_bytes(data, filename) -> Extraction
    extract_text(text, doc_id="") -> Extraction
    Extraction.to_dict()          -> the JSON contract of docs/extraction.md
                                     (FORMAT.md fields + "text" + task "span")

Unreadable input raises dxtrack.errors.ExtractionFailed with a Vietnamese message.
"""

from dxtrack.extraction.engine import Extraction, extract_bytes, extract_file, extract_text

__all__ = ["Extraction", "extract_bytes", "extract_file", "extract_text"]
