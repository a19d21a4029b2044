"""Error hierarchy. Messages are Vietnamese (users read them); logs are English.

DxError(message, status=400)
 ├── Unauthorized       401  (missing, wrong or expired credentials)
 ├── NotFound           404
 ├── Forbidden          403
 ├── Conflict           409  (stale edit, duplicate)
 ├── Invalid            422
 ├── ExtractionFailed   422  (unreadable or corrupted document)
 ├── InternalError      500  (a defect of ours met while reading a document; logged)
 └── Unavailable        503  (a server-side tool is missing or failed, e.g. LibreOffice)
"""

from __future__ import annotations


def error_body(code: str, detail: str, **extra: object) -> dict[str, object]:
    """The JSON body of an API error: `{"error": code, "detail": message, ...}`."""
    return {"error": code, "detail": detail, **extra}


class DxError(Exception):
    status: int = 400
    code: str = "error"

    def __init__(self, message: str, *, detail: object | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class Unauthorized(DxError):
    status = 401
    code = "unauthorized"


class NotFound(DxError):
    status = 404
    code = "not_found"


class Forbidden(DxError):
    status = 403
    code = "forbidden"


class Conflict(DxError):
    status = 409
    code = "conflict"


class Invalid(DxError):
    status = 422
    code = "invalid"


class ExtractionFailed(DxError):
    status = 422
    code = "extraction_failed"


class InternalError(DxError):
    status = 500
    code = "internal"


class Unavailable(DxError):
    status = 503
    code = "unavailable"
