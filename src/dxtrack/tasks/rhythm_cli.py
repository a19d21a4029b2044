"""`dxtrack tasks cadence` / `dxtrack tasks rhythm`: the reporting rhythm of undated work."""

from __future__ import annotations

import typer

from dxtrack import vn
from dxtrack.agencies.service import list_agencies
from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, print_json, unit_of_work
from dxtrack.errors import Invalid
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.rhythm import CADENCE_LABELS, Cadence
from dxtrack.tasks.rhythm_stats import rhythm_by_agency, rhythm_summary, set_cadence

CHOICES = "|".join(c.value for c in Cadence)


def register(app: typer.Typer) -> None:
    """Add `cadence` and `rhythm` to the `tasks` sub-app."""

    @app.command("cadence")
    @handle_errors
    def cadence_command(
        cadence: str = typer.Argument(..., help=f"{CHOICES}, hoặc inherit (theo văn bản)"),
        task: int | None = typer.Option(None, "--task", help="Mã nhiệm vụ"),
        document: int | None = typer.Option(None, "--document", help="Mã văn bản"),
        as_user: str = typer.Option(..., "--as", help="Người đặt (tên đăng nhập)"),
    ) -> None:
        """Đặt nhịp cập nhật của nhiệm vụ thường xuyên (một nhiệm vụ hoặc cả văn bản)."""
        if (task is None) == (document is None):
            raise Invalid("Chọn đúng một trong --task hoặc --document.")
        value = None if cadence == "inherit" else cadence
        with unit_of_work() as (db, _settings):
            actor = get_user(db, as_user)
            ids = set_cadence(db, cadence=value, task_id=task, document_id=document, actor=actor)
        label = CADENCE_LABELS[Cadence(value)] if value else "theo văn bản (mặc định hằng tháng)"
        console.print(f"Đã đặt nhịp cập nhật «{label}» cho {len(ids)} nhiệm vụ.")

    @app.command("rhythm")
    @handle_errors
    def rhythm_command(
        agency: str | None = typer.Option(None, "--agency", help="Mã cơ quan"),
        json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    ) -> None:
        """Nhiệm vụ thường xuyên đã / chưa cập nhật trong kỳ hiện tại (theo cơ quan)."""
        filters = Filters(agency=agency)
        with unit_of_work() as (db, _settings):
            summary = rhythm_summary(db, filters=filters, user=None)
            by_agency = rhythm_by_agency(db, filters=filters, user=None)
            agencies = [
                {"code": a.code, "name": a.name, **by_agency[a.id].to_dict()}
                for a in vn.sorted_vn(list_agencies(db), key=lambda a: a.name)
                if a.id in by_agency and by_agency[a.id].total
            ]
        if json_:
            print_json(summary.to_dict() | {"agencies": agencies})
            return
        console.print(summary.sentence + ".")
        for row in agencies:
            console.print(f"  {row['name']}: {row['stale']}/{row['total']} chưa cập nhật")
