"""Run locks: one holder at a time across processes, takeover of an expired lock, the CLI."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from dxtrack.bootstrap import initialise
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.locks import Busy, RunLock, acquire, release, run_lock
from dxtrack.notifications.runner import LOCK_NAME

LABEL = "Lượt thử"


@pytest.fixture
def settings(fresh_settings: Settings) -> Settings:
    initialise(fresh_settings)
    return fresh_settings


def holders(settings: Settings) -> list[str]:
    with transaction(settings) as db:
        return list(db.scalars(select(RunLock.holder)))


class TestRunLock:
    def test_second_holder_is_refused_until_release(self, settings: Settings):
        with run_lock(settings, "job", label=LABEL) as holder:
            assert holders(settings) == [holder]
            with pytest.raises(Busy, match="Lượt thử đang chạy ở một tiến trình khác") as caught:
                acquire(settings, "job", label=LABEL)
            assert caught.value.detail == {"holder": holder}
            # Another name is another lock.
            release(settings, "other", acquire(settings, "other", label=LABEL))
        assert holders(settings) == []
        release(settings, "job", acquire(settings, "job", label=LABEL))

    def test_released_even_when_the_job_fails(self, settings: Settings):
        with pytest.raises(RuntimeError), run_lock(settings, "job", label=LABEL):
            raise RuntimeError("job failed")
        assert holders(settings) == []

    def test_expired_lock_is_taken_over_and_not_released_by_its_old_holder(
        self, settings: Settings
    ):
        old = acquire(settings, "job", label=LABEL)
        with transaction(settings) as db:
            db.execute(
                update(RunLock).values(expires_at=RunLock.acquired_at - timedelta(seconds=1))
            )
        new = acquire(settings, "job", label=LABEL)
        release(settings, "job", old)  # the killed process's cleanup, arriving late
        assert holders(settings) == [new]

    def test_exactly_one_of_concurrent_starts_wins(self, settings: Settings):
        starters = 6
        barrier = threading.Barrier(starters)
        won: list[str] = []
        refused: list[BaseException] = []

        def start() -> None:
            barrier.wait()
            try:
                won.append(acquire(settings, "job", label=LABEL))
            except Busy as error:
                refused.append(error)

        threads = [threading.Thread(target=start) for _ in range(starters)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(won) == 1 and len(refused) == starters - 1
        assert holders(settings) == won


class TestNotifyRunHoldsTheLock:
    def test_a_second_run_stops_with_exit_5(self, settings: Settings):
        base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
        runner = CliRunner()
        with run_lock(settings, LOCK_NAME, label="cron"):
            busy = runner.invoke(app, [*base, "notify", "run", "--json"])
        assert busy.exit_code == 5
        assert "đang chạy ở một tiến trình khác" in busy.stderr
        assert busy.stdout == ""
        free = runner.invoke(app, [*base, "notify", "run", "--json"])
        assert free.exit_code == 0, free.output
        assert holders(settings) == []
