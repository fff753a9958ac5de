"""Every measure is read through an index on SQLite: no query reads a whole table.

SQLite plans without statistics (the app never runs ANALYZE), so its plans are the same on an
empty database as on a full one. PostgreSQL plans by its statistics; its plans were measured
with 1,000,000 cases instead (see the README).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session

from backend.actors import Actor
from backend.cases.queries import CaseFilter, list_cases
from backend.db import make_engine
from backend.people.models import Role
from backend.periods import Grouping, buckets, period
from backend.stats.measures import (
    NOW_MEASURES,
    Dimension,
    MeasureFilter,
    MeasureName,
    statements,
)

ZONE = ZoneInfo("Asia/Shanghai")
WINDOW = period(date(2026, 11, 1), date(2026, 12, 31), ZONE)
NOW = datetime(2026, 12, 15, 2, tzinfo=UTC)
READ = re.compile(r"^(SCAN|SEARCH) (cases|deadlines)\b(.*)$")
# What narrows a read to the rows of a period, of open cases or of one case.
NARROWED_BY = {
    "deadlines": ("created_at", "met_at", "due_at", "case_id"),
    "cases": ("rowid", "rated_at", "status", "id="),
}
COORDINATOR = Actor("staff", 1, "协调员", Role.coordinator, "fgw")
CLERK = Actor("staff", 2, "财政局", Role.clerk, "czj")


def plan(engine: Engine, sql: str, parameters: Any) -> list[str]:
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)
        return [str(row[-1]) for row in cursor.fetchall()]
    finally:
        connection.close()


def plans_of(engine: Engine, run: Callable[[Session], object]) -> list[list[str]]:
    """Run some reads and return the plan of each SELECT they sent, as SQLite sent it."""
    seen: list[tuple[str, Any]] = []

    def remember(_c: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append((sql, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        with Session(engine) as session:
            run(session)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return [plan(engine, sql, parameters) for sql, parameters in seen]


def whole_table_reads(lines: list[str]) -> list[str]:
    """Return the plan lines that read a table whole, or by an index that does not narrow it."""
    found = []
    for line in lines:
        match = READ.match(line)
        if match is None:
            continue
        verb, table, rest = match.groups()
        constraint = rest[rest.find("(") :] if "(" in rest else ""  # not the index's name
        if verb == "SCAN" or not any(key in constraint for key in NARROWED_BY[table]):
            found.append(line)
    return found


@pytest.fixture
def engine(sqlite_template: Path, tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite database, as the app opens it (no ANALYZE statistics)."""
    path = tmp_path / "plans.db"
    shutil.copy(sqlite_template, path)
    built = make_engine(f"sqlite:///{path}")
    yield built
    built.dispose()


@pytest.mark.parametrize("name", list(MeasureName))
def test_counting_a_measure_never_scans_a_whole_table(engine: Engine, name: MeasureName) -> None:
    shapes: list[dict[str, Any]] = [
        {"by": (Dimension.unit,)},
        {},
        {"department": "czj"},
        {"by": (Dimension.category,)},
        {"by": (Dimension.channel,), "department": "czj"},
    ]
    if name not in NOW_MEASURES:
        shapes.append({"department": "czj", "buckets": buckets(WINDOW, Grouping.week, ZONE)})
    for shape in shapes:

        def run(session: Session, shape: dict[str, Any] = shape) -> None:
            for statement in statements(name=name, window=WINDOW, now=NOW, **shape):
                session.execute(statement).all()

        for lines in plans_of(engine, run):
            assert whole_table_reads(lines) == [], (shape, lines)


@pytest.mark.parametrize("name", list(MeasureName))
def test_listing_a_figures_cases_never_scans_a_whole_table(
    engine: Engine, name: MeasureName
) -> None:
    measure = MeasureFilter(name, None if name in NOW_MEASURES else WINDOW, NOW)

    def run(session: Session) -> None:
        for actor, department in ((COORDINATOR, None), (COORDINATOR, "czj"), (CLERK, None)):
            where = CaseFilter(department=department, measure=measure)
            list_cases(session=session, actor=actor, where=where, cursor=None, limit=50)

    found = plans_of(engine, run)
    # One list per actor, and the clerk's first reads the cases its unit assists on (协办).
    assert len(found) == 4
    for lines in found:
        assert whole_table_reads(lines) == [], lines
