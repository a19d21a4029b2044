"""`dxtrack extract FILE... [--json] [--out DIR]`: the engine on files, no database.

Each file is extracted on its own: a broken file is reported (in Vietnamese, naming the
file and the reason) and the batch goes on; the exit status is 1 when any file failed.
The app builds the command with its agency directory (`make_extract_command(directory)`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import typer

from dxtrack.extraction import ExtractionError, extract_file
from dxtrack.extraction.ocr_progress import OcrProgress


def make_extract_command(directory: Callable[[], Iterable[str]] = tuple) -> Callable[..., None]:
    """The `extract` command recognising the names of `directory()` (called once per run)."""

    def extract_command(
        files: list[Path] = typer.Argument(
            ..., help="Tệp văn bản: .txt, .md, .docx, .doc, .odt, .pdf, ảnh .jpg, .png, .webp"
        ),
        json_: bool = typer.Option(False, "--json", help="In kết quả JSON ra màn hình"),
        out: Path | None = typer.Option(None, "--out", help="Thư mục ghi <tên tệp>.json"),
    ) -> None:
        """Trích xuất thông tin, văn bản được dẫn chiếu và nhiệm vụ từ văn bản chỉ đạo."""
        run_extract(files, json_=json_, out=out, directory=tuple(directory()))

    return extract_command


def run_extract(
    files: list[Path], *, json_: bool, out: Path | None, directory: tuple[str, ...]
) -> None:
    failed = 0
    results = []
    for path in files:
        try:
            with OcrProgress(path.name) as progress:  # a bar only for pages read by OCR
                result = extract_file(path, directory=directory, progress=progress).to_dict()
        except ExtractionError as exc:
            failed += 1
            typer.echo(f"Lỗi: {exc.message}", err=True)
            continue
        except OSError as exc:
            failed += 1
            typer.echo(f"Lỗi: không mở được tệp '{path}': {exc.strerror or exc}", err=True)
            continue
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"{path.stem}.json"
            target.write_text(
                json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            typer.echo(
                f"Đã trích xuất '{path.name}': {len(result['tasks'])} nhiệm vụ, "
                f"{len(result['references'])} văn bản dẫn chiếu -> {target}",
                err=True,
            )
        results.append(result)
    if results and (json_ or out is None):
        payload = results[0] if len(files) == 1 and results else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        typer.echo(f"{failed}/{len(files)} tệp không trích xuất được.", err=True)
        raise typer.Exit(1)
