"""DDL of the row triggers on `assignments` that keep a maintained count table up to date
(tasks/counts.py, tasks/rhythm_counts.py): one AFTER trigger per operation, the update trigger
firing only when a watched column really changes (PostgreSQL: a trigger function each)."""

from __future__ import annotations


def assignment_triggers(
    dialect: str, prefix: str, upserts: dict[str, str], watched: tuple[str, ...]
) -> list[str]:
    """`upserts` maps insert/delete/update to the statement run for each row."""
    events = {"insert": "INSERT", "delete": "DELETE", "update": f"UPDATE OF {', '.join(watched)}"}
    statements = []
    for op, upsert in upserts.items():
        name = f"{prefix}_{op}"
        if dialect == "sqlite":
            changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
            when = f" WHEN {changed}" if op == "update" else ""
            statements.append(
                f"CREATE TRIGGER {name} AFTER {events[op]} ON assignments FOR EACH ROW"
                f"{when} BEGIN {upsert}; END"
            )
            continue
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in watched)
        when = f" WHEN ({changed})" if op == "update" else ""
        result = "OLD" if op == "delete" else "NEW"
        statements.append(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {upsert}; RETURN {result}; END $$"
        )
        statements.append(
            f"CREATE TRIGGER {name} AFTER {events[op]} ON assignments FOR EACH ROW{when} "
            f"EXECUTE FUNCTION {name}()"
        )
    return statements


def drop_assignment_triggers(dialect: str, prefix: str) -> list[str]:
    """The DDL dropping what `assignment_triggers` created under `prefix` (if present)."""
    statements = []
    for op in ("insert", "delete", "update"):
        name = f"{prefix}_{op}"
        if dialect == "sqlite":
            statements.append(f"DROP TRIGGER IF EXISTS {name}")
            continue
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON assignments")
        statements.append(f"DROP FUNCTION IF EXISTS {name}()")
    return statements
