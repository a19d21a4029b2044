"""Test data for background jobs."""

from __future__ import annotations


def agency_csv(rows: int, *, prefix: str = "so-nhap", bad: dict[int, str] | None = None) -> bytes:
    """An agency directory of `rows` departments; `bad` puts a wrong kind on some rows."""
    lines = ["code,name,kind,parent_code,aliases"]
    for n in range(1, rows + 1):
        kind = (bad or {}).get(n, "department")
        lines.append(f"{prefix}-{n},Sở Nhập thử {n},{kind},ubnd-tinh,")
    return ("\n".join(lines) + "\n").encode()
