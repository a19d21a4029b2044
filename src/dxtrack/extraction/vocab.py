"""The engine's vocabulary files (`data/*.yaml`), read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict[str, Any]:
    """`load("vocab")` -> the parsed `data/vocab.yaml`."""
    data = resources.files("dxtrack.extraction") / "data" / f"{name}.yaml"
    return yaml.load(data.read_text(encoding="utf-8"), Loader=_Loader)
