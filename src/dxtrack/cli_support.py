"""Helpers shared by the Typer sub-apps: settings from global options, errors, output."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.config import Settings, get_settings
from dxtrack.db import transaction
from dxtrack.errors import (
    Conflict,
    DxError,
    ExtractionFailed,
    Forbidden,
    Invalid,
    NotFound,
    Unauthorized,
)

logger = logging.getLogger(__name__)
console = Console()
err_console = Console(stderr=True)

EXIT_CODES: dict[type[DxError], int] = {
    Unauthorized: 3,
    Forbidden: 3,
    NotFound: 4,
    Conflict: 5,
    Invalid: 6,
    ExtractionFailed: 6,  # an unreadable document is invalid input too (README)
}

P = ParamSpec("P")
R = TypeVar("R")


def exit_code(error: DxError) -> int:
    for kind, code in EXIT_CODES.items():
        if isinstance(error, kind):
            return code
    return 1


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Print a DxError's Vietnamese message on stderr and exit non-zero (nothing committed)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DxError as error:
            logger.warning(
                "refused command=%s code=%s detail=%r", func.__name__, error.code, error.message
            )
            err_console.print(f"[bold red]Lỗi:[/] {error.message}", highlight=False)
            raise typer.Exit(exit_code(error)) from None
        except (OperationalError, ProgrammingError) as error:
            logger.error("database error command=%s", func.__name__, exc_info=error)
            err_console.print(
                "[bold red]Lỗi:[/] không truy cập được cơ sở dữ liệu, hoặc cơ sở dữ liệu chưa "
                "được khởi tạo (hãy chạy «dxtrack init»).",
                highlight=False,
            )
            err_console.print(str(error.orig).splitlines()[0], highlight=False, style="dim")
            raise typer.Exit(1) from None

    return wrapper


@contextmanager
def unit_of_work() -> Iterator[tuple[Session, Settings]]:
    settings = get_settings()
    with transaction(settings, write=True) as db:
        yield db, settings


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def parse_day(value: str | None, *, option: str = "--at") -> date:
    if not value:
        return vn.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{option}: ngày không hợp lệ «{value}» (định dạng YYYY-MM-DD).") from None
