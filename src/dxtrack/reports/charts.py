"""Report charts as PNG bytes (matplotlib, Agg backend, DejaVu Sans for Vietnamese glyphs)."""

from __future__ import annotations

import io
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from dxtrack import vn
from dxtrack.tasks.stats import ScoreRow
from dxtrack.tasks.status import STATUS_LABELS, Status

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT = {"font.family": "DejaVu Sans", "font.size": 9}
COLOURS = {
    Status.done_on_time: "#2e7d32",
    Status.done_late: "#9ccc65",
    Status.in_progress: "#1e88e5",
    Status.due_soon: "#fbc02d",
    Status.overdue: "#c62828",
    Status.no_deadline: "#90a4ae",
}
WIDTH_IN = 6.3  # 16 cm: the text width between Decree 30 margins
MAX_AGENCIES = 20


@cache
def _pyplot() -> ModuleType:
    """matplotlib's pyplot on the Agg backend, imported and set up once, on the first chart:
    a command that draws nothing (`dxtrack --help`, `dxtrack extract`) does not pay its
    second of imports."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return pyplot


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    _pyplot().close(fig)
    return buffer.getvalue()


def status_chart(counts: dict[str, int]) -> bytes:
    """Horizontal bars: number of assignments per computed status, with shares."""
    total = sum(counts.values())
    statuses = list(reversed(Status))
    plt = _pyplot()
    with plt.rc_context(FONT):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.6))
        values = [counts.get(s, 0) for s in statuses]
        bars = ax.barh(
            [STATUS_LABELS[s] for s in statuses], values, color=[COLOURS[s] for s in statuses]
        )
        for bar, value in zip(bars, values, strict=True):
            share = vn.percent(value / total) if total else "—"
            ax.text(
                bar.get_width(),
                bar.get_y() + bar.get_height() / 2,
                f"  {vn.number(value)} ({share})",
                va="center",
            )
        ax.set_xlim(0, max(values + [1]) * 1.3)
        ax.set_xlabel("Số nhiệm vụ")
        ax.spines[["top", "right"]].set_visible(False)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(lambda x, _pos: vn.number(float(x)))
        return _png(fig)


def _chart_rows(rows: list[ScoreRow]) -> tuple[list[ScoreRow], str]:
    rated = [row for row in rows if row.on_time_rate is not None]
    if len(rated) <= MAX_AGENCIES:
        return rated, "Tỷ lệ hoàn thành đúng hạn theo cơ quan"
    lowest = sorted(rated, key=lambda r: (r.on_time_rate or 0.0, r.code))[:MAX_AGENCIES]
    return lowest, f"{MAX_AGENCIES} cơ quan có tỷ lệ hoàn thành đúng hạn thấp nhất"


def agency_chart(rows: list[ScoreRow]) -> bytes | None:
    """Agencies by on-time rate (lowest at the bottom); None when no agency has a rate yet."""
    chosen, title = _chart_rows(rows)
    if not chosen:
        return None
    chosen = sorted(chosen, key=lambda r: (r.on_time_rate or 0.0, r.code))
    rates = [(row.on_time_rate or 0.0) * 100 for row in chosen]
    plt = _pyplot()
    with plt.rc_context(FONT):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.6 + 0.28 * len(chosen)))
        colours = ["#c62828" if r < 50 else "#fbc02d" if r < 80 else "#2e7d32" for r in rates]
        bars = ax.barh([_short(row.name) for row in chosen], rates, color=colours)
        for bar, row in zip(bars, chosen, strict=True):
            ax.text(
                bar.get_width(),
                bar.get_y() + bar.get_height() / 2,
                f" {vn.percent(row.on_time_rate)}",
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, 115)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("Tỷ lệ hoàn thành đúng hạn (%)")
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def _short(name: str, limit: int = 42) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
