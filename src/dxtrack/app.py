"""create_app(): API and page routers, exception handlers, static files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dxtrack import __version__, logs, vn
from dxtrack.admin import accounts as admin_accounts
from dxtrack.admin import pages as admin_pages
from dxtrack.admin import webhooks as admin_webhooks
from dxtrack.agencies import pages as agency_pages
from dxtrack.agencies import routes as agency_routes
from dxtrack.audit import routes as audit_routes
from dxtrack.auth import pages as auth_pages
from dxtrack.auth import routes as auth_routes
from dxtrack.config import Settings, get_settings
from dxtrack.dashboard import pages as dashboard_pages
from dxtrack.db import get_engine, session_factory
from dxtrack.documents import pages as document_pages
from dxtrack.documents import review_pages
from dxtrack.documents import routes as document_routes
from dxtrack.errors import DxError, error_body
from dxtrack.indicators import pages as plan_pages
from dxtrack.indicators import routes as plan_routes
from dxtrack.jobs import pages as job_pages
from dxtrack.jobs import routes as job_routes
from dxtrack.logs import RequestLog
from dxtrack.notifications import pages as notification_pages
from dxtrack.notifications import routes as notification_routes
from dxtrack.notifications import webhook_routes
from dxtrack.reports import pages as report_pages
from dxtrack.reports import routes as report_routes
from dxtrack.sync import pages as sync_pages
from dxtrack.sync import routes as sync_routes
from dxtrack.tasks import (
    assignment_routes,
    bulk_pages,
    bulk_routes,
    chain_routes,
    delegation_pages,
    progress_pages,
    received_pages,
    rhythm_routes,
    sheet_pages,
    sheet_routes,
    stats_routes,
)
from dxtrack.tasks import pages as task_pages
from dxtrack.tasks import routes as task_routes
from dxtrack.web.errors import page_error
from dxtrack.web.guards import BodyLimit, SecurityHeaders

API_PREFIX = "/api/v1"
logger = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"

HTTP_CODES = {
    400: ("bad_request", "Yêu cầu không hợp lệ."),
    401: ("unauthorized", "Vui lòng đăng nhập."),
    403: ("forbidden", "Bạn không có quyền thực hiện thao tác này."),
    404: ("not_found", "Không tìm thấy địa chỉ yêu cầu."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ."),
}


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(API_PREFIX)


def _page_error(request: Request, status: int, message: str) -> Response:
    return page_error(request, status, message)


async def _dx_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DxError)
    logger.log(
        logging.WARNING if exc.status >= 500 else logging.INFO,
        "refused status=%s code=%s method=%s path=%s detail=%r",
        exc.status,
        exc.code,
        request.method,
        request.url.path,
        exc.message,
    )
    if _is_page(request):
        return _page_error(request, exc.status, exc.message)
    extra = exc.detail if isinstance(exc.detail, dict) else {}  # e.g. {"unresolved": [...]}
    return JSONResponse(error_body(exc.code, exc.message, **extra), status_code=exc.status)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _is_page(request):
        return _page_error(request, 422, "Dữ liệu nhập không hợp lệ, vui lòng kiểm tra lại.")
    fields = [
        {"loc": [str(part) for part in err.get("loc", ())], "msg": err.get("msg", "")}
        for err in exc.errors()
    ]
    body = error_body("invalid", "Dữ liệu gửi lên không hợp lệ.", fields=fields)
    return JSONResponse(body, status_code=422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code, detail = HTTP_CODES.get(exc.status_code, ("error", "Đã xảy ra lỗi."))
    if _is_page(request):
        return _page_error(request, exc.status_code, detail)
    return JSONResponse(
        error_body(code, detail), status_code=exc.status_code, headers=getattr(exc, "headers", None)
    )


API_ROUTERS = (
    auth_routes.router,
    agency_routes.router,
    document_routes.router,
    task_routes.router,
    assignment_routes.router,
    bulk_routes.router,
    chain_routes.router,
    stats_routes.router,
    plan_routes.router,
    report_routes.router,
    audit_routes.router,
    notification_routes.router,
    webhook_routes.router,
    sheet_routes.router,
    sync_routes.router,
    job_routes.router,
    rhythm_routes.router,
)
PAGE_ROUTERS = (
    auth_pages.router,
    dashboard_pages.router,
    document_pages.router,
    review_pages.router,
    task_pages.router,
    progress_pages.router,
    sheet_pages.router,
    delegation_pages.router,
    received_pages.router,
    agency_pages.router,
    admin_pages.router,
    admin_accounts.router,
    admin_webhooks.router,
    notification_pages.router,
    plan_pages.router,
    report_pages.router,
    sync_pages.router,
    job_pages.router,
    bulk_pages.router,
)


async def _unexpected(request: Request, exc: Exception) -> Response:
    """Anything else (a bug, a failed commit): logged with its traceback, answered 500."""
    logger.error(
        "unexpected error method=%s path=%s", request.method, request.url.path, exc_info=exc
    )
    message = "Đã xảy ra lỗi máy chủ; thao tác chưa được lưu. Vui lòng thử lại sau."
    if _is_page(request):
        return _page_error(request, 500, message)
    return JSONResponse(error_body("internal", message), status_code=500)


def _include_routers(app: FastAPI) -> None:
    """Every router of the application, registered here and nowhere else."""
    for router in API_ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    for router in PAGE_ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Worker threads (sync handlers and dependencies) = the database pool's connections."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = app.state.settings.threads
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        lifespan=_lifespan,
        title="dxtrack API",
        version=__version__,
        description="Theo dõi nhiệm vụ chỉ đạo và kế hoạch chuyển đổi số cấp tỉnh.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    logs.configure(settings.log_level)
    vn.set_timezone(settings.timezone)
    app.state.engine = get_engine(settings)
    app.state.sessionmaker = session_factory(app.state.engine)
    app.add_exception_handler(DxError, _dx_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    # Pages, JSON and the vendored scripts compressed for phones on slow links (not files
    # that are compressed already: Starlette skips responses that set Content-Encoding).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    app.add_middleware(RequestLog)
    _include_routers(app)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(SecurityHeaders, settings=settings)  # outermost: on every response
    return app
