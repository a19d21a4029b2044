"""Report charts: matplotlib imported and set up once, on the first chart."""

from __future__ import annotations

import matplotlib
import pytest

from dxtrack.reports import charts
from dxtrack.tasks.status import Status


def test_the_backend_is_chosen_once_for_many_charts(monkeypatch: pytest.MonkeyPatch):
    charts._pyplot.cache_clear()
    calls: list[tuple[object, ...]] = []
    use = matplotlib.use

    def counted(*args: object, **kwargs: object) -> None:
        calls.append(args)
        use(*args, **kwargs)

    monkeypatch.setattr(matplotlib, "use", counted)
    for _ in range(3):
        png = charts.status_chart({Status.overdue: 1, Status.done_on_time: 2})
        assert png.startswith(b"\x89PNG")
    assert calls == [("Agg",)]
