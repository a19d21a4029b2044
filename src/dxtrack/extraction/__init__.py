"""Directive extraction engine: document bytes in, metadata, references and tasks out.

Pure library: no database, no web, no global settings. The public surface is

    extract_file(path, directory=())            -> Extraction
    extract_bytes(data, filename, directory=()) -> Extraction
    extract_text(text, doc_id="", directory=()) -> Extraction
    Extraction.to_dict()          -> the JSON contract of docs/extraction.md
                                     (FORMAT.md fields + "text" + task "span")

`directory` is the caller's agency directory (names and aliases): the engine reads no
file of the app. Unreadable input raises `ExtractionError` with a Vietnamese message; the
app maps it (HTTP 422, exit status 6).
"""

from dxtrack.extraction.engine import Extraction, extract_bytes, extract_file, extract_text
from dxtrack.extraction.errors import ExtractionError

__all__ = ["Extraction", "ExtractionError", "extract_bytes", "extract_file", "extract_text"]
