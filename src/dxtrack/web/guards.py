"""ASGI middlewares on every response: security headers, and a request body limit enforced
while the body is read.

Headers: a Content-Security-Policy that allows scripts and styles only from our own origin
(no inline script, no eval: page behaviour lives in static/js/app.js), `frame-ancestors 'none'`
and `X-Frame-Options: DENY` (no other site can frame a page), `X-Content-Type-Options: nosniff`,
`Referrer-Policy: same-origin`, and `Strict-Transport-Security` when cookies are HTTPS-only.
Style attributes stay allowed (the bars and progress widths in templates). The API's Swagger
page (/api/v1/docs) loads its viewer from a CDN with an inline bootstrap script: it alone gets
a policy that allows them.

Body limit: a request whose Content-Length is above the limit is answered 413 before a byte is
read; a body without a length (chunked) is counted as it arrives and cut off at the limit, so
nothing large is spooled to disk before authentication.
"""

from __future__ import annotations

import json
from typing import Any

from dxtrack.config import Settings

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; frame-ancestors 'none'"
)
DOCS_PATH = "/api/v1/docs"


def security_headers(settings: Settings, path: str) -> list[tuple[bytes, bytes]]:
    policy = DOCS_CSP if path == DOCS_PATH else CSP
    headers = [
        (b"content-security-policy", policy.encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if settings.cookie_secure:
        headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return headers


class SecurityHeaders:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(self.settings, scope.get("path", ""))
        names = {name for name, _value in extra}

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app, self.limit = app, settings.max_request_mb * 1024 * 1024

    def _refusal(self, scope: dict[str, Any]) -> tuple[bytes, bytes]:
        mb = self.limit // (1024 * 1024)
        detail = f"Yêu cầu quá lớn: tối đa {mb} MB cho một lần gửi."
        if scope.get("path", "").startswith("/api/"):
            body = json.dumps({"error": "too_large", "detail": detail}, ensure_ascii=False)
            return body.encode(), b"application/json"
        return detail.encode(), b"text/plain; charset=utf-8"

    async def _send_413(self, scope: dict[str, Any], send: Any) -> None:
        body, kind = self._refusal(scope)
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._send_413(scope, send)
            return
        seen, over = 0, False

        async def counted() -> dict[str, Any]:
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:  # stop reading: the app sees a client gone away
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def answer(message: dict[str, Any]) -> None:
            if not over:
                await send(message)
            elif message["type"] == "http.response.start":  # whatever the app answers
                await self._send_413(scope, send)

        await self.app(scope, counted, answer)
