"""One log: standard `logging`, configured once by the shell (`create_app()`, the CLI root).

Modules log with `logging.getLogger(__name__)`. Every line is one event, `key=value` pairs
after a short English verb, with the request it belongs to:

    2026-12-05T14:50:01Z INFO dxtrack.audit.service request=3f2a9c1e0b7d write action=task.update entity=task id=7 actor=dieuphoi
    2026-12-05T14:50:01Z INFO dxtrack.logs request=3f2a9c1e0b7d request method=PATCH path=/api/v1/tasks/7 status=200 ms=12.4

`RequestLog` (an ASGI middleware) gives each request an id (the client's `X-Request-ID` when it
is a plain token, else a new one), returns it in the `X-Request-ID` header and logs the request
line; the id reaches the worker threads through a context variable. Outside a request the id
is `-`. Times are UTC.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

FORMAT = "%(asctime)s %(levelname)s %(name)s request=%(request_id)s %(message)s"
request_id: ContextVar[str] = ContextVar("request_id", default="-")
logger = logging.getLogger(__name__)
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_factory = logging.getLogRecordFactory()


def _record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _factory(*args, **kwargs)
    record.request_id = request_id.get()
    return record


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (the CLI's test runner swaps it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class _UTCFormatter(logging.Formatter):
    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created))


def configure(level: str = "INFO") -> None:
    """Install the handler on the `dxtrack` logger (once) and set its level (every call)."""
    root = logging.getLogger("dxtrack")
    if not any(isinstance(h, _Stderr) for h in root.handlers):
        logging.setLogRecordFactory(_record)
        handler = _Stderr()
        handler.setFormatter(_UTCFormatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(level.upper())


def _incoming_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _CLIENT_ID.match(text):
                return text
    return uuid.uuid4().hex[:12]


class RequestLog:
    """One log line per HTTP request (method, path, status, time) under its request id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming_id(scope)
        request_id.set(rid)  # each request runs in its own task, with its own context
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:  # the id stays set: the 500 handler outside this middleware logs with it
            elapsed = (time.perf_counter() - started) * 1000
            level = logging.WARNING if status >= 500 else logging.INFO
            logger.log(
                level,
                "request method=%s path=%s status=%s ms=%.1f",
                scope["method"],
                scope["path"],
                status,
                elapsed,
            )
