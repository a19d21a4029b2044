"""Every API route × every role against the README's RBAC table (issue 16.11).

The table under "REST API" is parsed: each `METHOD /path` with its "who" cell. Every route the
app serves must be in it; then each route is called as an anonymous client and as each role
(with ids that do not exist, so nothing is found and nothing is written):
- anonymous: 401 everywhere except the endpoints "everyone" may call;
- a role the table does not name: never a success (403, or 404 / 422 when the service decides
  after looking the thing up or reading the body);
- a role the table names: never 401 or 403.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.config import Settings

README = Path(__file__).parents[1] / "README.md"
ROLES = {"admin": "quantri", "coordinator": "dieuphoi", "officer": "syt", "viewer": "lanhdao"}
ALL = set(ROLES)
ENDPOINT = re.compile(r"`(GET|POST|PATCH|PUT|DELETE) (/[^`\s?\[]*)")
SAMPLE = {"code": "khong-co", "kind": "tasks", "agency": "so-y-te", "day": "2025-12-09"}


def roles_of(who: str) -> set[str] | None:
    """The roles a "who" cell names (None: everyone, signed in or not)."""
    if who.startswith("everyone"):
        return None
    if who.startswith(("logged in", "whoever can see")):
        return set(ALL)
    if who.startswith(("the agency's officers", "the responsible agency's officers")):
        return {"admin", "coordinator", "officer"}
    if who.startswith("admin, coordinator, viewer"):
        return {"admin", "coordinator", "viewer"}
    if who.startswith("admin, coordinator"):
        return {"admin", "coordinator"}
    if who.startswith("admin"):
        return {"admin"}
    raise AssertionError(f"README RBAC cell not understood: {who!r}")


def shape(path: str) -> str:
    """A path with its parameters unnamed: /tasks/{id} and /tasks/{task_id} are one route."""
    return re.sub(r"\{\w+\}", "{}", path)


def rbac_table() -> dict[tuple[str, str], set[str] | None]:
    section = README.read_text(encoding="utf-8").split("## REST API", 1)[1].split("\n## ", 1)[0]
    table: dict[tuple[str, str], set[str] | None] = {}
    previous = ""
    for row in (line for line in section.splitlines() if line.startswith("| `")):
        what, who = (cell.strip() for cell in row.strip().strip("|").rsplit(" | ", 1))
        who = previous if who == "as above" else who
        previous = who
        groups, whos = what.split(" / "), who.split(" / ")
        if len(whos) == 1:
            groups, whos = [what], [who]
        for group, cell in zip(groups, whos, strict=True):
            optional = r"`(GET|POST|PATCH|PUT|DELETE) ([^`\[]*)\[(/[^\]]*)\]"
            group = re.sub(optional, r"`\1 \2` `\1 \2\3`", group)  # /x[/{code}]: both
            for method, path in ENDPOINT.findall(group):
                table[(method, shape(path))] = roles_of(cell)
    return table


def api_routes(settings: Settings) -> list[tuple[str, str]]:
    """Every (method, path) the API serves, from its OpenAPI schema (all API routes are in it)."""
    paths = create_app(settings).openapi()["paths"]
    return sorted(
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in paths.items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    )


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: SAMPLE.get(m.group(1), "999999"), path)


def test_every_route_is_in_the_table(settings: Settings):
    table = rbac_table()
    assert len(table) > 50
    missing = [(m, p) for m, p in api_routes(settings) if (m, shape(p)) not in table]
    assert missing == [], f"routes missing from the README's RBAC table: {missing}"


def test_every_route_and_role_as_documented(client: TestClient, db: Session, settings: Settings):
    table = rbac_table()
    headers = {role: login(client, db, name) for role, name in ROLES.items()}
    wrong, refused = [], 0
    for method, path in api_routes(settings):
        allowed = table[(method, shape(path))]
        url = "/api/v1" + concrete(path)
        anonymous = client.request(method, url).status_code
        if allowed is not None and anonymous != 401:
            wrong.append((method, path, "anonymous", anonymous))
        for role, auth in headers.items():
            if method == "POST" and path == "/auth/token":
                continue  # signing in is the same for everyone
            status = client.request(method, url, headers=auth).status_code
            if allowed is None or role in allowed:
                if status in (401, 403):
                    wrong.append((method, path, role, status))
            elif status < 400 or status == 401:
                wrong.append((method, path, role, status))
            else:
                refused += status == 403
    assert wrong == []
    assert refused > 40  # the walk met the role checks, not only missing ids


@pytest.mark.parametrize(
    ("who", "roles"),
    [
        ("admin", {"admin"}),
        ("admin, coordinator; the DOCX letter", {"admin", "coordinator"}),
        ("logged in (officers: their agency's)", ALL),
        (
            "the agency's officers, admin, coordinator; 403 otherwise",
            {"admin", "coordinator", "officer"},
        ),
        ("everyone", None),
    ],
)
def test_cells_are_read(who: str, roles: set[str] | None):
    assert roles_of(who) == roles
