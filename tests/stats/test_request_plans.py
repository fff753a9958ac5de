"""Every request the scaling benchmark times reads through an index, with years of history stored.

Issue 13: no user-facing cost may grow with what is stored. Each request of
`bench/scaling.py` (the list with each filter, search, my cases, status by number, similar
cases, the figures and the dashboard of a month and a year, the assessment, the ledger of a
month) runs on a database seeded by `bench/seed_cases.py` with a short recent slice and a long
finished history, and the plan of every SELECT it sends is read back:

- SQLite plans without statistics (the app never runs ANALYZE): EXPLAIN QUERY PLAN must show
  no SCAN of a table that grows with the cases, except a walk in the order of the page asked
  for (a LIMIT, no temporary B-tree), which stops when the page is full.
- PostgreSQL plans by its statistics, so its database holds 100 times more history than
  recent cases and is ANALYZEd as in production: EXPLAIN must show no Seq Scan of those
  tables (sequential scans are not turned off: the planner's own choice is checked).

Each request also names the index it is meant to read through, found in one of its plans.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlmodel import Session

from backend.bootstrap import Container, build, prepare_database
from backend.cases.queries import CaseFilter, encode_cursor, list_cases
from backend.migrate import upgrade
from backend.settings import load_settings
from bench.scaling import COORDINATOR, NOW, REQUESTS
from bench.seed_cases import seed
from tests.conftest import BACKENDS, POSTGRES_URL
from tests.fakes import FakeClock

# Tables whose rows grow with the cases stored (the taxonomy's and the staff's do not).
GROWING = ("cases", "deadlines", "case_events", "reporters", "case_followers", "record_objections")
# PostgreSQL reads a table the seed leaves empty (followers, records) whole whatever its
# indexes, as it should: there its plan says nothing, and SQLite's is the one checked.
SEEDED = ("cases", "deadlines", "case_events", "reporters")
SQLITE_READ = re.compile(r"^(SCAN|SEARCH) (\w+)\b(.*)$")
POSTGRES_SCAN = re.compile(
    r"(Seq Scan|Index Scan|Index Only Scan)(?: Backward)?(?: using \w+)? on (\w+)"
)
RECENT = {"sqlite": 300, "postgres": 200}
HISTORY = {"sqlite": 300, "postgres": 20_000}
# A walk of the newest cases that stops when the page is full: PostgreSQL's choice for a
# filter many cases match (one unit's, one channel's), by its statistics.
WALK = "Index Scan Backward using pk_cases"
# The index each request is meant to read through (one of them, in one of its plans).
INTENDED: dict[str, tuple[str, ...]] = {
    "list, unit": ("ix_cases_department", WALK),
    "list, status": ("ix_cases_status_id",),
    "list, category": ("ix_cases_category_id_id", WALK),
    "list, kind": ("SCAN cases", WALK),  # nearly every case is a complaint: a walk
    "list, channel": ("ix_cases_channel_id", WALK),
    "list, overdue": ("ix_deadlines_state_due_at", "ix_deadlines_kind_state_met_at"),
    "list, measure overdue now": ("ix_deadlines_state_due_at", "ix_deadlines_kind_state_met_at"),
    "list, measure received 30 d": ("ix_deadlines_kind_created_at",),
    "list, measure rated 30 d": ("ix_cases_rated_at", "ix_cases_department_rated_at"),
    "list, a clerk's": ("ix_cases_department", WALK),
    # PostgreSQL: the newest ids walked row by row fill a common word's page.
    "search q=, a common word": ("cases_fts", WALK),
    "search q=, no text has it": ("cases_fts", "ix_cases_words_fts"),
    "search q=, a unit's, no text": ("cases_fts", "ix_cases_words_fts", "ix_cases_department"),
    "my cases (dialog)": ("ix_cases_reporter_id_created_at",),
    "status by number": ("number",),
    "similar-case search": ("ix_cases_department_category_created_at",),
    "stats, last 30 days": ("ix_deadlines_kind_created_at", "ix_deadlines_kind_state_met_at"),
    "stats, a year": ("ix_deadlines_kind_created_at", "ix_deadlines_kind_state_met_at"),
    "dashboard, a month": ("ix_deadlines_kind_created_at", "ix_deadlines_state_due_at"),
    "dashboard, a year": ("ix_deadlines_kind_created_at", "ix_deadlines_state_due_at"),
    "assessment, a month": ("ix_deadlines_kind_state_met_at", "ix_cases_rated_at"),
    "ledger export, a month": ("ix_cases_created_at_id",),
}


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Container]:
    """A database with a recent slice and a long finished history, as a container."""
    backend: str = request.param
    folder = tmp_path_factory.mktemp(f"plans-{backend}")
    if backend == "sqlite":
        shutil.copy(sqlite_template, folder / "plans.db")
        url, base, schema = f"sqlite:///{folder / 'plans.db'}", "", ""
    else:
        base = load_settings(database_url=POSTGRES_URL).database_url
        schema = f"plans{os.getpid()}_{secrets.token_hex(3)}"
        _sql(base, f'CREATE SCHEMA "{schema}"')
        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
        upgrade(url)
    settings = load_settings(env="test", database_url=url, data_dir=folder / "var")
    container = build(settings, clock=FakeClock(NOW))
    prepare_database(container)
    recent = RECENT[backend]
    seed(container.engine, cases=recent + HISTORY[backend], recent=recent, now=NOW)
    if backend == "postgres":
        autocommit = container.engine.execution_options(isolation_level="AUTOCOMMIT")
        with autocommit.connect() as connection:
            connection.execute(text("ANALYZE"))
    yield container
    container.engine.dispose()
    if schema:
        _sql(base, f'DROP SCHEMA "{schema}" CASCADE')


def _sql(base: str, statement: str) -> None:
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def sent(container: Container, run: Callable[[Session, Container], object]) -> list[Any]:
    """Run one request and return every SELECT it sent, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def remember(_c: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((sql, parameters))

    engine = container.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        with Session(engine) as session:
            run(session, container)
            session.rollback()
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return seen


def plan(engine: Engine, sql: str, parameters: Any) -> list[str]:
    """Return the plan of one statement, line by line, as the database would run it."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)
            return [str(row[-1]) for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {sql}", parameters)
        return [str(row[0]) for row in cursor.fetchall()]
    finally:
        connection.rollback()
        connection.close()


def whole_reads(engine: Engine, sql: str, lines: list[str]) -> list[str]:
    """Return the plan lines that read a growing table whole."""
    if engine.dialect.name != "sqlite":
        return _postgres_whole_reads(lines)
    # A walk in the page's order (LIMIT, nothing sorted afterwards) stops when the page is full.
    walk = " LIMIT " in sql.upper() and not any("TEMP B-TREE FOR ORDER BY" in ln for ln in lines)
    found = []
    for line in lines:
        match = SQLITE_READ.match(line.strip())
        if match is None or match.group(2) not in GROWING:
            continue
        verb, _table, rest = match.groups()
        constraint = rest[rest.find("(") :] if "(" in rest else ""
        # A kind alone narrows nothing: every clock (or case) of that kind ever stored.
        wide = constraint in ("", "(kind=?)")
        if verb == "SCAN" and not walk or verb == "SEARCH" and wide and not walk:
            found.append(line)
    return found


def _postgres_whole_reads(lines: list[str]) -> list[str]:
    """Seq Scans of seeded tables, and index scans without a condition not under a Limit."""
    found = []
    limited = bool(lines) and lines[0].lstrip().startswith("Limit")
    for at, line in enumerate(lines):
        table = POSTGRES_SCAN.search(line)
        if table is None or table.group(2) not in SEEDED:
            continue
        node = []
        for following in lines[at + 1 :]:
            if "->" in following:
                break
            node.append(following)
        conditioned = any("Index Cond" in n for n in node)
        if table.group(1) == "Seq Scan" or not conditioned and not limited:
            found.append(line)
    return found


def test_the_benchmark_names_an_intended_index_for_each_of_its_requests() -> None:
    assert {name for name, _ in REQUESTS} - {"list, newest"} == set(INTENDED)


@pytest.mark.parametrize(("name", "run"), REQUESTS, ids=[name for name, _ in REQUESTS])
def test_a_request_reads_no_growing_table_whole_with_years_of_history_stored(
    seeded: Container, name: str, run: Callable[[Session, Container], object]
) -> None:
    engine = seeded.engine
    plans = [(sql, plan(engine, sql, parameters)) for sql, parameters in sent(seeded, run)]
    assert plans
    for sql, lines in plans:
        assert whole_reads(engine, sql, lines) == [], (sql, "\n".join(lines))
    if name in INTENDED:
        every = "\n".join("\n".join(lines) for _, lines in plans)
        assert any(index in every for index in INTENDED[name]), every


def test_every_page_of_a_received_period_reads_the_period_not_the_cases_below_its_cursor(
    seeded: Container,
) -> None:
    month = CaseFilter(received_since=NOW - timedelta(days=30), received_until=NOW)

    def next_page(session: Session, _container: Container) -> object:  # as the ledger's 2nd
        cursor = encode_cursor(10**6)
        return list_cases(session=session, actor=COORDINATOR, where=month, cursor=cursor, limit=5)

    engine = seeded.engine
    plans = [(sql, plan(engine, sql, parameters)) for sql, parameters in sent(seeded, next_page)]
    assert plans
    for sql, lines in plans:
        assert whole_reads(engine, sql, lines) == [], (sql, "\n".join(lines))
    if engine.dialect.name == "sqlite":  # not down the primary key from the cursor to id 1
        every = "\n".join("\n".join(lines) for _, lines in plans)
        assert "ix_cases_created_at_id" in every, every
        assert "PRIMARY KEY (rowid<?)" not in every, every


# The figures' clock counts read the clocks alone: each clock carries its case's kind,
# category and channel (backend.deadlines.case_groups), so no count joins them to `cases`.
CLOCK_FIGURES = ("stats, last 30 days", "stats, a year", "dashboard, a month", "dashboard, a year")
READS = {"sqlite": re.compile(r"^(?:SCAN|SEARCH) (\w+)"), "postgresql": re.compile(r" on (\w+)")}


@pytest.mark.parametrize("name", CLOCK_FIGURES)
def test_the_figures_count_clocks_without_reading_their_cases(
    seeded: Container, name: str
) -> None:
    engine = seeded.engine
    reads = READS[engine.dialect.name]
    counts = [
        plan(engine, sql, parameters)
        for sql, parameters in sent(seeded, dict(REQUESTS)[name])
        if "deadlines" in sql
    ]
    assert counts
    for lines in counts:
        tables = {m.group(1) for line in lines if (m := reads.search(line.strip()))}
        assert "deadlines" in tables and "cases" not in tables, "\n".join(lines)
