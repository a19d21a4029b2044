"""Charts drawn on the server (no script needed): pillar bars and an SVG history line."""

from __future__ import annotations

from typing import Any

from dxtrack.indicators.achievement import format_value

WIDTH, HEIGHT, PAD = 560, 180, 28


def pillar_bars(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per pillar, the width (%) of the achieved / not achieved / not evaluated segments."""
    bars = []
    for pillar in pillars:
        total = pillar["total"]
        if not total:
            continue
        parts = [
            (key, pillar[key], round(pillar[key] * 100 / total, 2))
            for key in ("achieved", "not_achieved", "not_evaluated")
        ]
        bars.append({"name": pillar["name"], "code": pillar["code"], "total": total,
                     "sentence": pillar["sentence"], "parts": parts})  # fmt: skip
    return bars


def history_chart(history: list[dict[str, Any]], unit: str, target: float | None) -> dict | None:
    """SVG coordinates of the measurement history (and the target line); None under 1 point."""
    values = [float(m["value"]) for m in history]
    if not values:
        return None
    scale = [*values, *([target] if target is not None else [])]
    low, high = min(0.0, min(scale)), max(scale) or 1.0
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(1, len(values) - 1)

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 1)

    points = [
        {"x": round(PAD + i * step, 1), "y": y(v), "label": format_value(v, unit),
         "date": m["as_of"]}
        for i, (v, m) in enumerate(zip(values, history, strict=True))
    ]  # fmt: skip
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "path": " ".join(f"{p['x']},{p['y']}" for p in points),
        "target_y": y(target) if target is not None else None,
        "target_label": format_value(target, unit) if target is not None else "",
    }
