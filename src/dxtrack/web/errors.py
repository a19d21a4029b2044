"""Errors on pages: a full `error.html` page, or for HTMX a fragment swapped into #messages."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import Request
from starlette.responses import RedirectResponse, Response

from dxtrack.web.templating import is_htmx, render

TARGET = re.compile(r"^#[A-Za-z][\w-]{0,60}$")
TITLES = {
    400: "Yêu cầu không hợp lệ",
    401: "Cần đăng nhập",
    403: "Không có quyền truy cập",
    404: "Không tìm thấy",
    405: "Thao tác không được hỗ trợ",
    409: "Xung đột dữ liệu",
    422: "Dữ liệu không hợp lệ",
}


def _error_target(request: Request) -> str:
    """Where an HTMX form wants its errors (`X-Error-Target: #id`), else the page's #messages.

    Only the message box is replaced, never the form: what the user typed stays.
    """
    target = request.headers.get("x-error-target", "")
    return target if TARGET.match(target) else "#messages"


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = f"/login?next={quote(target, safe='')}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def page_error(request: Request, status: int, message: str) -> Response:
    if status == 401:
        return login_redirect(request)
    context = {"status": status, "title": TITLES.get(status, "Đã xảy ra lỗi"), "message": message}
    if is_htmx(request):
        headers = {"HX-Retarget": _error_target(request), "HX-Reswap": "innerHTML"}
        return render(request, "_error.html", context, status_code=status, headers=headers)
    return render(request, "error.html", context, status_code=status)
