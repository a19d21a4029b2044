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


ARCHITECTURE = Path(__file__).parents[1] / "docs" / "architecture.md"
PACKAGE = Path(__file__).parents[1] / "src" / "dxtrack"
OWN_DOCS = {"extraction", "migrations", "templates", "static", "data"}  # described elsewhere


class TestArchitecture:
    def _rows(self) -> dict[str, str]:
        rows = {}
        for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines():
            if line.startswith("| `") and "/` |" in line:
                rows[line.split("`")[1].rstrip("/")] = line
        return rows

    def test_every_module_of_every_domain_is_named(self):
        rows = self._rows()
        missing = []
        for folder in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
            if folder.name in OWN_DOCS:
                continue
            row = rows.get(folder.name, "")
            modules = sorted(f.name for f in folder.glob("*.py") if f.name != "__init__.py")
            missing += [f"{folder.name}/{m}" for m in modules if f"`{m}`" not in row]
        assert missing == []

    def test_every_base_module_is_named(self):
        text = ARCHITECTURE.read_text(encoding="utf-8")
        modules = sorted(f.name for f in PACKAGE.glob("*.py") if f.name != "__init__.py")
        assert [m for m in modules if f"`{m}`" not in text] == []

    def test_where_to_look_first_names_existing_files(self):
        text = ARCHITECTURE.read_text(encoding="utf-8")
        section = text.split("## Where to look first")[1].split("\n## ")[0]
        for topic in ("dashboard", "status rule", "report layout", "progress reporting", "date"):
            line = next(row for row in section.splitlines() if topic in row)
            path = line.split("`")[1]
            assert (PACKAGE / path).exists(), line
