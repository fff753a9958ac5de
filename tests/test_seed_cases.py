"""bench/seed_cases.py fills an upgraded database with realistic cases, on both databases."""

from __future__ import annotations

from collections import Counter

from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlmodel import Session, col

from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.deadlines.models import Deadline
from backend.people.models import Reporter
from bench.seed_cases import seed
from tests.conftest import Staff


def test_seeding_200_cases_writes_their_events_clocks_ratings_and_reporters(
    container: Container,
) -> None:
    ids = seed(container.engine, cases=200, now=container.clock.now(), recent=150)

    with Session(container.engine) as session:

        def count(table: type) -> int:
            return int(session.execute(select(func.count()).select_from(table)).scalar_one())

        assert count(Case) == 200
        assert count(CaseEvent) >= 200  # one event at least per case: its filing
        assert count(Deadline) > 100
        assert 100 < count(Reporter) < 200  # about 3 in 10 are anonymous
        cases = session.execute(select(Case)).scalars().all()
    states = Counter(c.status for c in cases)
    assert {"routed", "in_progress", "resolved", "closed"} <= set(states)
    assert states["closed"] < 200 * 0.8
    assert sum(1 for c in cases if c.rating) > 20
    assert len({c.department_code for c in cases}) > 5
    assert len({c.category_id for c in cases}) > 5
    years = {c.created_at.year for c in cases}
    assert len(years) >= 3  # 50 of history, filed over the years before the last 13 months
    assert ids.case == 201


def test_older_cases_are_finished_history_and_the_last_13_months_hold_the_same_cases(
    container: Container,
) -> None:
    from bench.seed_cases import RECENT_DAYS

    now = container.clock.now()
    seed(container.engine, cases=90, now=now, recent=40)
    with Session(container.engine) as session:
        cases = session.execute(select(Case).order_by(Case.id)).scalars().all()
        clocks = session.execute(select(Deadline)).scalars().all()
    history, recent = cases[:50], cases[50:]
    assert all((now - c.created_at).days >= RECENT_DAYS for c in history)
    assert {c.status for c in history} <= {"closed", "rejected"}
    old = {c.id for c in history}
    assert {d.state for d in clocks if d.case_id in old} <= {"met", "met_late"}
    assert all((now - c.created_at).days < RECENT_DAYS for c in recent)
    assert {"routed", "signed", "in_progress"} & {c.status for c in recent}

    def shape(c: Case) -> tuple[object, ...]:
        return (c.created_at, c.status, c.category_id, c.department_code, c.rating, c.channel)

    # The same recent slice as in a database holding nothing else: history only adds rows.
    with Session(container.engine) as session:
        for table in ("case_events", "deadlines", "cases", "reporters", "case_counters"):
            session.execute(text(f"DELETE FROM {table}"))
        session.commit()
    seed(container.engine, cases=40, now=now, recent=40)
    with Session(container.engine) as session:
        alone = session.execute(select(Case).order_by(Case.id)).scalars().all()
    assert [shape(c) for c in alone] == [shape(c) for c in recent]


def test_cases_filed_after_seeding_get_fresh_ids_and_numbers(
    container: Container, client: TestClient, staff: Staff
) -> None:
    seed(container.engine, cases=50, now=container.clock.now())
    response = client.post(
        "/api/v1/cases", json={"text": "工程款拖欠至今未付，请尽快处理"}, headers=staff.coordinator
    )
    assert response.status_code == 201, response.text


def test_similar_open_cases_are_seeded_recent_open_and_with_their_words(
    container: Container,
) -> None:
    from backend.cases.search import search_words
    from bench.seed_cases import SIMILAR_TEXT

    now = container.clock.now()
    seed(container.engine, cases=20, similar=30, now=now)

    with Session(container.engine) as session:
        cases = session.execute(select(Case).order_by(Case.id)).scalars().all()
    alike = [c for c in cases if c.text.startswith(SIMILAR_TEXT)]
    assert len(cases) == 50 and len(alike) == 30
    assert {(c.department_code, c.category_id, c.status) for c in alike} == {
        ("czj", "arrears", "routed")
    }
    assert all((now - c.created_at).days <= 20 for c in alike)
    assert [c.words for c in cases] == [search_words(c.text) for c in cases]  # as at intake


def _schema(container: Container) -> list[str]:
    """The definitions of every index and trigger (the seeder drops some while loading)."""
    with container.engine.connect() as connection:
        if container.engine.dialect.name == "sqlite":
            statement = "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
        else:
            statement = "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        return sorted(str(row[0]) for row in connection.execute(text(statement)))


def test_seeded_cases_have_a_clock_per_stage_reached_and_a_version_per_event(
    container: Container,
) -> None:
    seed(container.engine, cases=300, now=container.clock.now(), recent=200)

    with Session(container.engine) as session:
        cases = session.execute(select(Case)).scalars().all()
        clocks = Counter(session.execute(select(Deadline.case_id)).scalars())
        events = Counter(session.execute(select(CaseEvent.case_id)).scalars())
    expected = {"received": 0, "triage": 0, "rejected": 0, "routed": 1, "signed": 2}
    expected |= {"in_progress": 2, "resolved": 3, "closed": 3}
    assert [clocks[c.id] for c in cases] == [expected[c.status] for c in cases]
    assert [c.version for c in cases] == [events[c.id] for c in cases]
    states = Counter(c.status for c in cases)
    assert set(states) == set(expected)  # every state
    assert all(c.words for c in cases)


def test_seeded_cases_are_found_by_the_databases_full_text_index_and_it_is_rebuilt(
    container: Container, client: TestClient, staff: Staff
) -> None:
    before = _schema(container)
    seed(container.engine, cases=120, now=container.clock.now(), recent=100)

    assert _schema(container) == before  # indexes and FTS triggers dropped for the load, back
    response = client.get(
        "/api/v1/cases", params={"q": "补贴", "limit": "500"}, headers=staff.coordinator
    )
    assert response.status_code == 200, response.text
    found = response.json()["data"]
    with Session(container.engine) as session:
        holding = session.execute(
            select(func.count()).select_from(Case).where(col(Case.text).contains("补贴"))
        ).scalar_one()
    assert holding > 0
    assert len(found) == holding
    assert all("补贴" in case["text"] for case in found)
