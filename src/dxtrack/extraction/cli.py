"""`dxtrack extract FILE... [--json] [--out DIR]` (minimal; owned by the extraction engine)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from dxtrack.extraction import extract_file


def extract_command(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False),
    json_: bool = typer.Option(False, "--json", help="In JSON ra stdout"),
    out: Path | None = typer.Option(None, "--out", help="Thư mục ghi <tên>.json"),
) -> None:
    """Trích xuất thông tin và nhiệm vụ từ văn bản (không ghi vào cơ sở dữ liệu)."""
    for path in files:
        result = extract_file(path).to_dict()
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.json").write_text(text + "\n", encoding="utf-8")
        if json_ or out is None:
            sys.stdout.write(text + "\n")
