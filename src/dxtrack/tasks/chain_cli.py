"""`dxtrack tasks link / unlink / tree / received / proposals`: the directive chain."""

from __future__ import annotations

import typer
from rich.table import Table

from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, parse_day, print_json, unit_of_work
from dxtrack.tasks.chain import link_tasks, received, task_tree, unlink_pair
from dxtrack.tasks.proposals import propose_links
from dxtrack.tasks.status import STATUS_LABELS, Status


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{STATUS_LABELS[Status(s)]}: {n}" for s, n in counts.items() if n)


def register(app: typer.Typer) -> None:
    """Add the chain's commands to the `tasks` sub-app."""

    @app.command("link")
    @handle_errors
    def link_command(
        task_id: int = typer.Argument(..., help="Nhiệm vụ thực hiện (cấp dưới)"),
        implements: int = typer.Option(..., "--implements", help="Nhiệm vụ được thực hiện"),
        as_user: str = typer.Option(..., "--as", help="Người liên kết (tên đăng nhập)"),
    ) -> None:
        """Ghi nhận nhiệm vụ TASK_ID thực hiện một nhiệm vụ của văn bản cấp trên."""
        with unit_of_work() as (db, _settings):
            actor = get_user(db, as_user)
            link_tasks(db, child_id=task_id, parent_id=implements, actor=actor)
        console.print(f"Đã liên kết: nhiệm vụ #{task_id} thực hiện nhiệm vụ #{implements}.")

    @app.command("unlink")
    @handle_errors
    def unlink_command(
        task_id: int = typer.Argument(..., help="Nhiệm vụ thực hiện (cấp dưới)"),
        implements: int = typer.Option(..., "--implements", help="Nhiệm vụ được thực hiện"),
        as_user: str = typer.Option(..., "--as", help="Người thực hiện (tên đăng nhập)"),
    ) -> None:
        """Bỏ liên kết nhiệm vụ TASK_ID với nhiệm vụ cấp trên."""
        with unit_of_work() as (db, _settings):
            actor = get_user(db, as_user)
            unlink_pair(db, child_id=task_id, parent_id=implements, actor=actor)
        console.print(f"Đã bỏ liên kết nhiệm vụ #{task_id} với nhiệm vụ #{implements}.")

    @app.command("tree")
    @handle_errors
    def tree_command(
        task_id: int = typer.Argument(..., help="Mã nhiệm vụ"),
        at: str | None = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD"),
        json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    ) -> None:
        """Cây văn bản và nhiệm vụ triển khai bên dưới một nhiệm vụ, trạng thái cộng dồn."""
        day = parse_day(at)
        with unit_of_work() as (db, settings):
            tree = task_tree(db, task_id=task_id, at=day, due_soon_days=settings.due_soon_days)
        if json_:
            print_json(tree)
            return

        def show(node: dict, depth: int) -> None:
            label = f"{node['document']} điểm {node['clause']}".strip()
            console.print(
                f"{'  ' * depth}#{node['id']} {label}: {_counts_text(node['status_counts'])}"
            )
            for child in node["children"]:
                show(child, depth + 1)

        show(tree, 0)

    @app.command("received")
    @handle_errors
    def received_command(
        at: str | None = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD"),
        json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    ) -> None:
        """Nhiệm vụ cấp trên giao cho tỉnh, với thời hạn và tình hình triển khai bên dưới."""
        day = parse_day(at)
        with unit_of_work() as (db, settings):
            items = received(db, at=day, due_soon_days=settings.due_soon_days)
        if json_:
            print_json(items)
            return
        table = Table("#", "Văn bản", "Mục", "Thời hạn", "Trạng thái", "Bên dưới")
        for item in items:
            table.add_row(
                str(item["task"]), item["document"], item["clause"], item["deadline"] or "—",
                STATUS_LABELS[item["status"]], _counts_text(item["status_counts"]),
            )  # fmt: skip
        console.print(table)

    @app.command("proposals")
    @handle_errors
    def proposals_command(
        document_id: int = typer.Argument(..., help="Mã văn bản"),
        json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    ) -> None:
        """Đề xuất liên kết nhiệm vụ của văn bản với nhiệm vụ của văn bản được viện dẫn."""
        with unit_of_work() as (db, _settings):
            found = propose_links(db, document_id=document_id)
        if json_:
            print_json([p.__dict__ for p in found])
            return
        for p in found:
            console.print(
                f"#{p.child_id} → #{p.parent_id} ({p.parent_document} điểm {p.parent_clause}): "
                f"{p.reason}"
            )
