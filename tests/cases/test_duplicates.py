"""Open cases like a new complaint: same unit and category, recent, similar text, bounded."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import text
from sqlmodel import Session

from backend.bootstrap import Container
from backend.cases import duplicates
from backend.cases.duplicates import candidates, find_duplicates
from backend.cases.models import Case
from backend.db import session_scope

LIFT = "子牙里小区3号楼电梯坏了一个月，物业就是不来修"
LIFT_RETOLD = "子牙里小区3号楼的电梯坏了快一个月了物业不修"
LIFT_SHORT = "3号楼电梯坏了一个月物业不修"
RUBBISH = "物业费太贵了，而且小区垃圾一个星期没人收"
_numbers = count(1)


def add_case(
    session: Session,
    now: datetime,
    text_: str,
    *,
    department: str = "xyz",
    category: str = "property",
    status: str = "routed",
    age: timedelta = timedelta(days=1),
    merged_into: int | None = None,
) -> Case:
    created = now - age
    case = Case(
        number=f"HQ-261127-{next(_numbers):04d}",
        status=status,
        category_id=category,
        department_code=department,
        text=text_,
        merged_into_id=merged_into,
        created_at=created,
        updated_at=created,
    )
    session.add(case)
    session.flush()
    return case


def search(session: Session, now: datetime, text_: str = LIFT, **options: int) -> list[int]:
    found = find_duplicates(
        session=session, department="xyz", category="property", text=text_, now=now, **options
    )
    return [case.id or 0 for case, _ in found]


def test_retold_complaint_finds_the_open_case_with_a_score(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        case = add_case(session, now, LIFT_RETOLD)
        add_case(session, now, RUBBISH)
        found = find_duplicates(
            session=session, department="xyz", category="property", text=LIFT, now=now
        )
    assert [(c.id, 0.65 <= score <= 1.0) for c, score in found] == [(case.id, True)]


def test_most_alike_come_first_and_at_most_limit(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        short = add_case(session, now, LIFT_SHORT)
        same = add_case(session, now, LIFT)
        retold = add_case(session, now, LIFT_RETOLD)
        assert search(session, now) == [same.id, retold.id, short.id]
        assert search(session, now, limit=2) == [same.id, retold.id]


@pytest.mark.parametrize(
    "where",
    [
        {"department": "shc"},
        {"category": "parking"},
        {"status": "resolved"},
        {"status": "closed"},
        {"status": "rejected"},
        {"age": timedelta(days=31)},
    ],
)
def test_other_unit_category_finished_or_old_cases_are_not_offered(
    container: Container, where: dict[str, object]
) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        add_case(session, now, LIFT, **where)  # type: ignore[arg-type]
        assert search(session, now) == []


def test_merged_case_is_not_offered_but_the_case_it_joined_is(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        kept = add_case(session, now, LIFT)
        add_case(session, now, LIFT, merged_into=kept.id)
        assert search(session, now) == [kept.id]


def test_open_states_all_count(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        ids = [
            add_case(session, now, LIFT, status=status).id
            for status in ("received", "triage", "routed", "signed", "in_progress")
        ]
        assert sorted(search(session, now, limit=10)) == sorted(ids)


def test_another_problem_of_the_same_category_is_not_a_duplicate(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        add_case(session, now, RUBBISH)
        add_case(session, now, "小区门口的马路被挖开一个月")
        assert search(session, now) == []


def test_window_of_days_is_the_callers_choice(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        case = add_case(session, now, LIFT, age=timedelta(days=10))
        assert (search(session, now, days=7), search(session, now)) == ([], [case.id])


def test_only_the_newest_candidates_are_compared(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duplicates, "MAX_CANDIDATES", 2)
    now = container.clock.now()
    with session_scope(container.engine) as session:
        add_case(session, now, LIFT)  # the oldest: beyond the cap
        newer = [add_case(session, now, LIFT_RETOLD).id for _ in range(2)]
        assert sorted(search(session, now, limit=5)) == sorted(newer)


@pytest.mark.parametrize("empty", ["", "   ", "！！！"])
def test_text_without_words_finds_nothing(container: Container, empty: str) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        add_case(session, now, LIFT)
        assert search(session, now, text_=empty) == []


def test_candidates_are_read_through_an_index_not_a_table_scan(container: Container) -> None:
    statement = candidates(
        department="xyz", category="property", since=container.clock.now() - timedelta(days=30)
    )
    engine = container.engine
    sql = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL enable_seqscan = off"))  # tables are tiny here
            plan = connection.execute(text(f"EXPLAIN {sql}")).scalars().all()
        else:
            plan = [row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
    # Unit, category or status index: which one the planner picks depends on its statistics.
    assert any("ix_cases_" in line for line in plan), plan
    assert not any(line.startswith(("SCAN cases", "Seq Scan on cases")) for line in plan), plan


def test_the_newest_candidates_come_in_the_indexs_order_so_reading_stops_at_the_limit(
    container: Container,
) -> None:
    statement = candidates(
        department="czj", category="arrears", since=container.clock.now() - timedelta(days=30)
    )
    engine = container.engine
    sql = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # costs decide there: an empty table sorts
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            plan = connection.execute(text(f"EXPLAIN {sql}")).scalars().all()
            sorts: list[str] = []
        else:
            plan = [row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
            sorts = [line for line in plan if "TEMP B-TREE" in line]
    # Newest first by date (the id breaks ties): the unit-category-date index gives that
    # order, so the 500 newest are read and no more, never all of the unit's open cases.
    assert any("ix_cases_department_category_created_at" in line for line in plan), plan
    assert sorts == [], plan


def test_cases_telling_the_same_words_are_each_found_newest_first(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        same = [add_case(session, now, LIFT_RETOLD, age=timedelta(days=2)).id for _ in range(3)]
        other = add_case(session, now, LIFT_SHORT).id
        found = find_duplicates(
            session=session, department="xyz", category="property", text=LIFT, now=now, limit=4
        )
        ids = [case.id for case, _ in found]
        scores = {case.id: score for case, score in found}
        assert sorted(ids) == sorted([*same, other])
        assert {scores[case_id] for case_id in same} == {scores[same[0]]}
        assert ids == sorted(ids, key=lambda i: (-scores[i], -(i or 0)))
