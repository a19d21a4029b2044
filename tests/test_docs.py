"""Every setting is documented in the README; the README starts with the two commands."""

from __future__ import annotations

from pathlib import Path

from dxtrack.config import Settings

README = Path(__file__).parents[1] / "README.md"


class TestReadme:
    def test_every_setting_documented(self):
        text = README.read_text(encoding="utf-8")
        missing = [n for n in Settings.model_fields if f"`DXTRACK_{n.upper()}`" not in text]
        assert missing == []

    def test_starts_with_make_demo_and_make_test(self):
        lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.strip()]
        commands = [line for line in lines[:6] if line.startswith("make ")]
        assert [c.split()[1] for c in commands[:2]] == ["demo", "test"]
