"""The hot queries of the API and the dialogs are read through an index, never a scan of cases.

Issue 13: a later change must not quietly bring a full scan back. SQLite plans without
statistics, so its plan on an empty database is its plan on a full one. PostgreSQL plans by
its statistics; on an empty table a sequential scan is cheapest, so there the test turns
sequential scans off and checks that an index *can* serve the query (none is a scan then).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session

from backend.actors import Actor
from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.cases.duplicates import candidates
from backend.cases.models import CaseStatus
from backend.cases.queries import CaseFilter, count_cases, get_case, list_cases
from backend.conversations.dialog_services import BackendDialogServices
from backend.errors import NotFound
from backend.people.models import Role
from dialogs.model import ChatRef
from tests.fakes import FakeClock

COORDINATOR = Actor("staff", 1, "协调员", Role.coordinator, "fgw")
CLERK = Actor("staff", 2, "财政局", Role.clerk, "czj")
CHAT = ChatRef("telegram", "chat-1")


def _captured(engine: Engine, run: Callable[[Session], object]) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def remember(_c: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "cases" in sql:
            seen.append((sql, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        with Session(engine) as session:
            run(session)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return seen


def _plan(engine: Engine, sql: str, parameters: Any) -> str:
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", parameters)
        return "\n".join(str(row[0]) for row in cursor.fetchall())
    finally:
        connection.rollback()
        connection.close()


def plans(engine: Engine, run: Callable[[Session], object]) -> list[str]:
    """Run some reads and return the plan of each SELECT on cases they sent."""
    return [_plan(engine, sql, parameters) for sql, parameters in _captured(engine, run)]


def scans_of_cases(plan: str) -> list[str]:
    """Return the lines of a plan that read the whole of cases."""
    lines = plan.splitlines()
    sqlite = [ln for ln in lines if ln.strip().split(" ")[:2] == ["SCAN", "cases"]]
    postgres = []
    for at, line in enumerate(lines):  # a scan of cases with no index condition reads it all
        if " on cases " in line + " " and "Scan" in line:
            node = [line]
            for following in lines[at + 1 :]:
                if "->" in following:
                    break
                node.append(following)
            # A bitmap heap scan reads only the rows its bitmap index scans found; a page
            # walking the primary key newest first (under its Limit) stops when full.
            walk = "Index Scan Backward using pk_cases" in line and lines[0].startswith("Limit")
            indexed = walk or "Bitmap Heap Scan" in line or any("Index Cond" in n for n in node)
            if "Seq Scan" in line or not indexed:
                postgres.append(line)
    return sqlite + postgres


def uses(plan: str, index: str) -> bool:
    """Tell whether the plan reads through this index (PostgreSQL: whichever it likes best)."""
    return index in plan or "Index" in plan and "SEARCH" not in plan


LIST_FILTERS: list[tuple[Actor, dict[str, Any], tuple[str, ...]]] = [
    (COORDINATOR, {"department": "czj"}, ("ix_cases_department",)),
    (COORDINATOR, {"status": CaseStatus.routed}, ("ix_cases_status_id", "ix_cases_department")),
    (COORDINATOR, {"category": "arrears"}, ("ix_cases_category_id_id",)),
    (COORDINATOR, {"department": "czj", "status": CaseStatus.routed}, ("ix_cases_department",)),
    (CLERK, {}, ("ix_cases_department",)),
    (CLERK, {"status": CaseStatus.routed}, ("ix_cases_department",)),
]


@pytest.mark.parametrize(("actor", "where", "indexes"), LIST_FILTERS)
def test_the_list_with_an_indexed_filter_reads_cases_through_its_index(
    engine: Engine, actor: Actor, where: dict[str, Any], indexes: tuple[str, ...]
) -> None:
    def run(session: Session) -> None:
        list_cases(session=session, actor=actor, where=CaseFilter(**where), cursor=None, limit=50)

    found = plans(engine, run)
    assert found
    for plan in found:
        assert scans_of_cases(plan) == [], plan
    assert any(uses(found[0], index) for index in indexes), found[0]


def _services(session: Session, container: Container, tmp_path: Path) -> BackendDialogServices:
    store = ContentStore(tmp_path)
    return BackendDialogServices(session=session, container=container, fetchers={}, store=store)


def test_my_cases_reads_cases_by_reporter(
    container: Container, engine: Engine, tmp_path: Path
) -> None:
    found = plans(engine, lambda s: _services(s, container, tmp_path).my_cases(CHAT))
    assert found
    for plan in found:
        assert scans_of_cases(plan) == [], plan
        assert uses(plan, "ix_cases_reporter_id_created_at"), plan


def test_the_complaints_of_today_limit_reads_cases_by_reporter_and_date(
    container: Container, engine: Engine, tmp_path: Path
) -> None:
    found = plans(engine, lambda s: _services(s, container, tmp_path).complaints_today(CHAT))
    assert len(found) == 1
    assert scans_of_cases(found[0]) == [], found[0]
    assert uses(found[0], "ix_cases_reporter_id_created_at"), found[0]


def test_similar_case_candidates_are_read_by_unit_category_and_date(
    engine: Engine, clock: FakeClock
) -> None:
    statement = candidates(department="czj", category="arrears", since=clock.now())
    found = plans(engine, lambda s: s.exec(statement).all())
    assert len(found) == 1
    assert scans_of_cases(found[0]) == [], found[0]
    assert uses(found[0], "ix_cases_department_category_created_at"), found[0]


def test_status_by_number_reads_one_case_by_its_unique_number(engine: Engine) -> None:
    def run(session: Session) -> None:
        with contextlib.suppress(NotFound):  # only the plan matters here
            get_case(session=session, number="HQ-261201-0001", actor=COORDINATOR)

    found = plans(engine, run)
    assert found
    assert scans_of_cases(found[0]) == [], found[0]
    assert "number" in found[0], found[0]


SEARCHES: list[tuple[Actor, dict[str, Any]]] = [
    (COORDINATOR, {"q": "工程款"}),
    (COORDINATOR, {"q": "拖欠 工程款"}),
    (COORDINATOR, {"q": "HQ-261201-0001"}),  # a case number, or a word of a text
    (COORDINATOR, {"q": "工程款", "status": CaseStatus.routed}),
    (CLERK, {"q": "工程款"}),
]


@pytest.mark.parametrize(("actor", "where"), SEARCHES)
def test_a_search_reads_the_full_text_index_not_every_text(
    engine: Engine, actor: Actor, where: dict[str, Any]
) -> None:
    def run(session: Session) -> None:
        list_cases(session=session, actor=actor, where=CaseFilter(**where), cursor=None, limit=50)
        count_cases(session=session, actor=actor, where=CaseFilter(**where))

    found = plans(engine, run)
    if engine.dialect.name == "postgresql":
        # The page is read window by window below the newest id (one window when empty).
        assert "max(cases.id)" in _captured(engine, run)[0][0]
        found = found[1:]
    assert len(found) == 2
    for plan in found:
        assert scans_of_cases(plan) == [], plan
        if engine.dialect.name == "sqlite":
            assert "cases_fts" in plan, plan
        elif actor is COORDINATOR and len(where) == 1 and "max(" not in plan:
            # Else the other filter's index may do, or (the count aside) the window's range
            # of ids, which bounds what is read whatever is stored.
            assert "ix_cases_words_fts" in plan or "Index Cond: ((id <" in plan, plan
    if engine.dialect.name == "sqlite" and not where["q"].startswith("HQ"):
        # A page walks the index newest first and stops when full, however many match.
        assert found[0].splitlines()[0].startswith("SCAN cases_fts VIRTUAL TABLE"), found[0]
        assert "TEMP B-TREE" not in found[0], found[0]
