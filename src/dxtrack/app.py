"""create_app(): API and page routers, exception handlers, static files."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dxtrack import __version__
from dxtrack.config import Settings, get_settings
from dxtrack.db import get_engine, session_factory
from dxtrack.errors import DxError, error_body

API_PREFIX = "/api/v1"

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
    from dxtrack.web.errors import page_error

    return page_error(request, status, message)


async def _dx_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DxError)
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


def _include_routers(app: FastAPI) -> None:
    from dxtrack.agencies.routes import router as agencies
    from dxtrack.audit.routes import router as audit
    from dxtrack.auth.routes import router as auth
    from dxtrack.documents.routes import router as documents
    from dxtrack.indicators.routes import router as plans
    from dxtrack.reports.routes import router as reports
    from dxtrack.tasks.assignment_routes import router as assignments
    from dxtrack.tasks.routes import router as tasks
    from dxtrack.tasks.stats_routes import router as stats

    for router in (auth, agencies, documents, tasks, assignments, stats, plans, reports, audit):
        app.include_router(router, prefix=API_PREFIX)
    from dxtrack.notifications.routes import router as notifications

    app.include_router(notifications, prefix=API_PREFIX)

    from dxtrack.indicators.pages import router as plan_pages
    from dxtrack.reports.pages import router as report_pages
    from dxtrack.web.routers import PAGE_ROUTERS, STATIC_DIR

    for router in (*PAGE_ROUTERS, plan_pages, report_pages):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="dxtrack API",
        version=__version__,
        description="Theo dõi nhiệm vụ chỉ đạo và kế hoạch chuyển đổi số cấp tỉnh.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = get_engine(settings)
    app.state.sessionmaker = session_factory(app.state.engine)
    app.add_exception_handler(DxError, _dx_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    _include_routers(app)
    return app
