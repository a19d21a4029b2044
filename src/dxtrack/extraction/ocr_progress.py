"""A progress bar on stderr for the pages of a file read by OCR (`dxtrack extract`, `ingest`).

    with OcrProgress("scan.pdf") as progress:
        extract_file(path, progress=progress)

Nothing is shown for a file that needs no OCR: the bar starts at the first call, which the
readers make with 0 pages done before the first page is recognised.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


class OcrProgress:
    def __init__(self, name: str, *, console: Console | None = None) -> None:
        self.name = name
        self.console = console or Console(stderr=True)
        self._bar: Progress | None = None
        self._task = TaskID(0)

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = Progress(
                TextColumn("Nhận dạng chữ «{task.description}»: trang"),
                MofNCompleteColumn(),
                BarColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.name, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
