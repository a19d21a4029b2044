"""Overdue spans: how many TASKS have an overdue assignment at any date, from maintained counts.

An assignment (deadline d, completion c) is overdue on the days d + 1 .. c - 1 (to the end of
time while not done; never when done by its deadline or the day after). A task is overdue at
`at` when `at` lies in one of its assignments' spans. `overdue_spans` keeps, per task, the
union of those spans merged into disjoint ones, for all agencies (agency_id 0) and for each
agency; the `span_first` / `span_last` rows of `assignment_counts` count them by first and
last day at the day, month and year grains. Disjoint spans of one task contain `at` at most
once, so the tasks overdue at `at` are

    #{first_day <= at} - #{last_day < at}      (a span ending before `at` began before it)

Triggers on `assignments` (the same writes as tasks/counts.py) recompute the spans of the
touched task, for all agencies and the touched agencies: the old spans' counts are taken
off, the spans rebuilt from the task's top-level assignments, the new ones counted. Unlike
the prefix counts this is not an addition that commutes, so on PostgreSQL the trigger first
takes a transaction lock on the task (concurrent writes to one task's assignments queue,
each recomputing after the previous one committed). The SQL is generated for both databases
from the dialect pieces tasks/counts.py passes in.
"""

from __future__ import annotations

COLUMNS = "task_id, agency_id, first_day, last_day"
SPAN_KINDS = {"span_first": "sp.first_day", "span_last": "sp.last_day"}
CHANGED = ("agency_id", "deadline", "completed_on", "task_id", "parent_id")
EVENTS = {"insert": "INSERT", "delete": "DELETE", "update": f"UPDATE OF {', '.join(CHANGED)}"}
LOCK_CLASS = 7316  # pg_advisory_xact_lock(class, task id)


def _interval(sql: dict[str, str], a: str = "a") -> tuple[str, str, str]:
    """(first day, last day, non-empty condition) of an assignment `a`'s overdue span."""
    if sql["name"] == "sqlite":  # ISO text dates
        first = f"date({a}.deadline, '+1 day')"
        last = f"COALESCE(date({a}.completed_on, '-1 day'), {sql['end']})"
    else:
        first, last = f"({a}.deadline + 1)", f"COALESCE({a}.completed_on - 1, {sql['end']})"
    return first, last, f"{a}.deadline IS NOT NULL AND {last} >= {first}"


def merged(sql: dict[str, str], tasks: str, agencies: str, top_level: bool) -> str:
    """SELECT task_id, agency_id, first_day, last_day: the merged spans of the tasks matching
    `tasks` (a condition on `a`), for all agencies and for those matching `agencies`."""
    first, last, nonempty = _interval(sql)
    where = f"{tasks} AND {nonempty}" + (" AND a.parent_id IS NULL" if top_level else "")
    spans = (
        f"SELECT a.task_id AS task_id, a.agency_id AS agency_id, {first} AS s, {last} AS e "
        f"FROM assignments a WHERE {where} AND {agencies} "
        f"UNION ALL SELECT a.task_id, 0, {first}, {last} FROM assignments a WHERE {where}"
    )
    part = "PARTITION BY task_id, agency_id ORDER BY s, e"
    starts = (
        f"SELECT task_id, agency_id, s, e, CASE WHEN s <= MAX(e) OVER ({part} ROWS BETWEEN "
        f"UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS brk FROM ({spans}) iv"
    )
    groups = (
        f"SELECT task_id, agency_id, s, e, SUM(brk) OVER ({part} ROWS UNBOUNDED PRECEDING) AS g "
        f"FROM ({starts}) m"
    )
    return (
        f"SELECT task_id, agency_id, MIN(s) AS first_day, MAX(e) AS last_day FROM ({groups}) gr "
        "GROUP BY task_id, agency_id, g"
    )


def counted(sql: dict[str, str], where: str, sign: int) -> str:
    """Add (sign 1) or take off (-1) the counts of the spans matching `where` (on `sp`)."""
    parts = []
    for kind, column in SPAN_KINDS.items():
        for grain in ("day", "month", "year"):
            cut = column if grain == "day" else sql[grain].format(column)
            parts.append(
                f"SELECT sp.agency_id AS agency_id, '{kind}' AS kind, '{grain}' AS grain, "
                f"{cut} AS day, {sql['epoch']} AS day2, {sign} AS n "
                f"FROM overdue_spans sp WHERE {where}"
            )
    return (
        "INSERT INTO assignment_counts (agency_id, kind, grain, day, day2, n) "
        f"SELECT agency_id, kind, grain, day, day2, SUM(n) FROM ({' UNION ALL '.join(parts)}) e "
        "WHERE true GROUP BY agency_id, kind, grain, day, day2 HAVING SUM(n) <> 0 "
        "ON CONFLICT (agency_id, kind, grain, day, day2) "
        "DO UPDATE SET n = assignment_counts.n + excluded.n"
    )


def _rows(op: str) -> tuple[list[str], list[str]]:
    """The trigger's touched task ids and agency ids (OLD / NEW row values)."""
    rows = {"insert": ["NEW"], "delete": ["OLD"], "update": ["OLD", "NEW"]}[op]
    return [f"{r}.task_id" for r in rows], [f"{r}.agency_id" for r in rows]


def _lock(sql: dict[str, str], task_in: str) -> list[str]:
    """PostgreSQL: one transaction at a time recomputes a task's spans (see the docstring)."""
    if sql["name"] == "sqlite":  # one writer at a time anyway
        return []
    tasks = f"(SELECT DISTINCT unnest(ARRAY[{task_in}]) AS t ORDER BY 1) o"
    return [f"PERFORM pg_advisory_xact_lock({LOCK_CLASS}, t) FROM {tasks}"]


def _recompute(sql: dict[str, str], op: str, top_level: bool) -> list[str]:
    """Delete, update: take off the touched spans, rebuild them from the task's assignments
    (none once the task itself is gone: a cascade drops its spans at the first row)."""
    tasks, agencies = _rows(op)
    task_in, agency_in = ", ".join(tasks), ", ".join(agencies)
    gone = f"NOT EXISTS (SELECT 1 FROM tasks WHERE tasks.id IN ({task_in}))"
    touched = f"sp.task_id IN ({task_in}) AND (sp.agency_id IN (0, {agency_in}) OR {gone})"
    alive = f"a.task_id IN ({task_in}) AND NOT {gone}"
    return _lock(sql, task_in) + [
        counted(sql, touched, -1),
        f"DELETE FROM overdue_spans WHERE {touched.replace('sp.', 'overdue_spans.')}",
        f"INSERT INTO overdue_spans ({COLUMNS}) "
        + merged(sql, alive, f"a.agency_id IN ({agency_in})", top_level),
        counted(sql, f"sp.task_id IN ({task_in}) AND sp.agency_id IN (0, {agency_in})", 1),
    ]


def _merge_new(sql: dict[str, str]) -> list[str]:
    """Insert: the new span and the spans it overlaps become one (the others stay as they
    are), so confirming a task with a thousand assignments costs no recount per row."""
    first, last, _ = _interval(sql, "NEW")
    keys = "sp.task_id = NEW.task_id AND sp.agency_id IN (0, NEW.agency_id)"
    overlap = f"{keys} AND sp.first_day <= {last} AND sp.last_day >= {first}"
    newest = (
        "SELECT MAX(id) FROM overdue_spans WHERE task_id = NEW.task_id "
        "AND agency_id IN (0, NEW.agency_id) GROUP BY agency_id"
    )
    union = (
        f"SELECT sp.agency_id AS k, sp.first_day AS f, sp.last_day AS l FROM overdue_spans sp "
        f"WHERE {overlap} UNION ALL SELECT 0, {first}, {last} "
        f"UNION ALL SELECT NEW.agency_id, {first}, {last}"
    )
    stale = overlap.replace("sp.", "overdue_spans.")
    return _lock(sql, "NEW.task_id") + [
        counted(sql, overlap, -1),
        f"INSERT INTO overdue_spans ({COLUMNS}) SELECT NEW.task_id, u.k, MIN(u.f), MAX(u.l) "
        + f"FROM ({union}) u GROUP BY u.k",
        f"DELETE FROM overdue_spans WHERE {stale} AND overdue_spans.id NOT IN ({newest})",
        counted(sql, f"sp.id IN ({newest})", 1),
    ]


def trigger_body(sql: dict[str, str], op: str, top_level: bool) -> list[str]:
    """The statements a trigger runs on `assignments`."""
    return _merge_new(sql) if op == "insert" else _recompute(sql, op, top_level)


def _when(sql: dict[str, str], op: str, top_level: bool) -> str:
    """Fire only when a span may change: the row has one (insert, delete) or a column moved."""
    if op == "update":
        same = "IS NOT" if sql["name"] == "sqlite" else "IS DISTINCT FROM"
        moved = " OR ".join(f"OLD.{c} {same} NEW.{c}" for c in CHANGED)
        top = "(OLD.parent_id IS NULL OR NEW.parent_id IS NULL)"
        return f"({moved}) AND {top}" if top_level else moved
    row = "NEW" if op == "insert" else "OLD"
    has_span = _interval(sql, row)[2]
    return f"{has_span} AND {row}.parent_id IS NULL" if top_level else has_span


def trigger_ddl(sql: dict[str, str], top_level: bool) -> list[str]:
    """CREATE statements of the three triggers (and PostgreSQL's trigger functions)."""
    statements = []
    for op, event in EVENTS.items():
        name, when = f"overdue_spans_{op}", _when(sql, op, top_level)
        body = "; ".join(trigger_body(sql, op, top_level))
        if sql["name"] == "sqlite":
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON assignments FOR EACH ROW "
                f"WHEN {when} BEGIN {body}; END"
            )
            continue
        result = "OLD" if op == "delete" else "NEW"
        statements.append(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {body}; RETURN {result}; END $$"
        )
        statements.append(
            f"CREATE TRIGGER {name} AFTER {event} ON assignments FOR EACH ROW WHEN ({when}) "
            f"EXECUTE FUNCTION {name}()"
        )
    return statements


def drop_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS overdue_spans_{op}" for op in EVENTS]
    return [
        statement
        for op in EVENTS
        for statement in (
            f"DROP TRIGGER IF EXISTS overdue_spans_{op} ON assignments",
            f"DROP FUNCTION IF EXISTS overdue_spans_{op}()",
        )
    ]


def rebuild(sql: dict[str, str], top_level: bool) -> list[str]:
    """Every task's spans and their counts from the assignments (the counts table is empty)."""
    return [
        "DELETE FROM overdue_spans",
        f"INSERT INTO overdue_spans ({COLUMNS}) " + merged(sql, "true", "true", top_level),
        counted(sql, "true", 1),
    ]
