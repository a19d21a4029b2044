"""The CLI contract of delegation (issue 14): delegate, list's parent, assignment's roll-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.tasks.status import STATUSES

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
runner = CliRunner()


def run(settings: Settings, *args: str, input: str | None = None, code: int = 0):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    assert result.exit_code == code, result.output
    return result


def tasks(settings: Settings, *args: str) -> list[dict]:
    return json.loads(run(settings, "tasks", "list", "--json", *args).stdout)


@pytest.fixture
def loaded(fresh_settings: Settings) -> Settings:
    run(fresh_settings, "init")
    for name, role, agency in (
        ("dieuphoi", "coordinator", None),
        ("skhcn", "officer", "so-khcn"),
        ("cat", "officer", "cong-an-tinh"),
        ("xa-an-phu", "officer", "xa-an-phu"),
    ):
        extra = ["--agency", agency] if agency else []
        add = ("users", "add", name, "--role", role, *extra, "--password-stdin")
        run(fresh_settings, *add, input="mat-khau-dai\n")
    run(fresh_settings, "ingest", str(SEED), "--confirm")
    return fresh_settings


def science_assignment(settings: Settings) -> int:
    """Clause 3.a of seed 003, led by Sở Khoa học và Công nghệ (deadline 22/12/2025)."""
    [task] = [t for t in tasks(settings) if t["clause"] == "3.a"]
    return task["assignments"][0]["id"]


def delegate(settings: Settings, parent: int, *args: str, code: int = 0):
    return run(settings, "tasks", "delegate", "--assignment", str(parent), *args, code=code)


class TestDelegateCommand:
    def test_two_communes_then_rollup(self, loaded: Settings):
        parent = science_assignment(loaded)
        to = ("--to", "xa-an-phu", "--to", "phuong-long-xuyen")
        out = delegate(loaded, parent, *to, "--as", "skhcn", "--deadline", "2025-12-15", "--json")
        made = json.loads(out.stdout)
        assert [(m["agency"], m["deadline"], m["parent"]) for m in made] == [
            ("xa-an-phu", "2025-12-15", parent),
            ("phuong-long-xuyen", "2025-12-15", parent),
        ]
        listed = {a["id"]: a["parent"] for t in tasks(loaded) for a in t["assignments"]}
        assert listed[parent] is None and listed[made[0]["id"]] == parent
        run(loaded, "progress", "add", "--assignment", str(made[0]["id"]), "--as", "xa-an-phu",
            "--state", "done", "--completed-on", "2025-12-10")  # fmt: skip
        detail = json.loads(
            run(loaded, "tasks", "assignment", str(parent), "--at", "2025-12-11", "--json").stdout
        )
        assert (detail["id"], detail["agency"], detail["parent"]) == (parent, "so-khcn", None)
        assert [(c["agency"], c["status"]) for c in detail["children"]] == [
            ("xa-an-phu", "done_on_time"),
            ("phuong-long-xuyen", "due_soon"),
        ]
        assert set(detail["rollup"]) == {s.value for s in STATUSES}
        assert detail["rollup"]["done_on_time"] == 1 and sum(detail["rollup"].values()) == 2
        before = json.loads(
            run(loaded, "tasks", "assignment", str(parent), "--at", "2025-12-01", "--json").stdout
        )
        assert before["rollup"]["in_progress"] == 2

    def test_outsider_exit_3(self, loaded: Settings):
        parent = science_assignment(loaded)
        result = delegate(loaded, parent, "--to", "xa-an-phu", "--as", "cat", code=3)
        assert "cán bộ của cơ quan được giao" in result.output
        assert all(a["parent"] is None for t in tasks(loaded) for a in t["assignments"])

    def test_later_deadline_exit_6(self, loaded: Settings):
        parent = science_assignment(loaded)
        late = ("--deadline", "2026-01-05")
        result = delegate(loaded, parent, "--to", "xa-an-phu", "--as", "skhcn", *late, code=6)
        assert "muộn hơn thời hạn" in result.output

    def test_other_department_exit_6(self, loaded: Settings):
        parent = science_assignment(loaded)
        result = delegate(loaded, parent, "--to", "so-y-te", "--as", "dieuphoi", code=6)
        assert "chỉ giao cho đơn vị trực thuộc" in result.output
        assert all(a["parent"] is None for t in tasks(loaded) for a in t["assignments"])

    def test_done_with_open_children_needs_reason(self, loaded: Settings):
        parent = science_assignment(loaded)
        delegate(loaded, parent, "--to", "xa-an-phu", "--as", "skhcn")
        done = ("progress", "add", "--assignment", str(parent), "--as", "skhcn", "--state", "done")
        result = run(loaded, *done, code=6)
        assert "hãy ghi lý do" in result.output
        run(loaded, *done, "--reason", "Xã đã báo cáo bằng văn bản")


class TestChainCommands:
    def test_link_and_tree(self, loaded: Settings):
        national = SEED.parent / "002_d4a88603f1258d60.txt"
        run(loaded, "ingest", str(national))  # national bodies: its tasks stay drafts
        listed = tasks(loaded)
        [parent] = [t["id"] for t in listed if t["document"] == "4720/VPCP-KGVX"][:1]
        [child] = [t for t in listed if t["clause"] == "3.a"]
        link = ("tasks", "link", str(child["id"]), "--implements", str(parent))
        run(loaded, *link, "--as", "skhcn", code=3)
        run(loaded, *link, "--as", "dieuphoi")
        delegate(loaded, child["assignments"][0]["id"], "--to", "xa-an-phu", "--as", "skhcn")
        tree = json.loads(
            run(loaded, "tasks", "tree", str(parent), "--at", "2025-12-01", "--json").stdout
        )
        assert (tree["id"], tree["document"]) == (parent, "4720/VPCP-KGVX")
        assert set(tree["status_counts"]) == {s.value for s in STATUSES}
        [node] = tree["children"]
        assert (node["id"], node["clause"], node["children"]) == (child["id"], "3.a", [])
        assert node["status_counts"]["in_progress"] == 2  # Sở KH&CN and the commune
        assert tree["status_counts"] == node["status_counts"]  # the draft has no assignments
        back = ("tasks", "link", str(parent), "--implements", str(child["id"]))
        result = run(loaded, *back, "--as", "dieuphoi", code=6)
        assert "liên kết vòng" in result.output
        unlink = ("tasks", "unlink", str(child["id"]), "--implements", str(parent))
        run(loaded, *unlink, "--as", "dieuphoi")
        after = json.loads(run(loaded, "tasks", "tree", str(parent), "--json").stdout)
        assert after["children"] == []
        run(loaded, *unlink, "--as", "dieuphoi", code=4)
