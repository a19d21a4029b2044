"""The extraction engine's own error type (the library imports nothing of the app).

The app maps it to its own errors: HTTP 422 in the web layer and exit status 6 on the
command line (the `documents` domain turns it into `dxtrack.errors.ExtractionFailed`).
"""

from __future__ import annotations


class ExtractionError(Exception):
    """A document that cannot be read: the message is Vietnamese and names the reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
