"""Prebuilt statements sent by the driver (`backend.driver.fetch_all`) answer as SQLAlchemy's
own execution of them does, on SQLite and PostgreSQL (issue 13, item 3)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, bindparam, event, exc, insert, text
from sqlmodel import Session, select

from backend.bootstrap import Container
from backend.bulk import table_of
from backend.cases.models import Case
from backend.cases.numbers import _NEXT_NUMBER, next_case_number
from backend.db import READ_ONLY, make_engine, session_scope
from backend.driver import fetch_all
from backend.notifications.outbox import _CLERKS_AND_CHANNELS
from backend.people.models import Reporter
from backend.people.service import _ACTOR_BY_TOKEN, authenticate_actor, hash_token
from backend.workdays.store import _REVISION
from tests.case_fixtures import file_case
from tests.conftest import Staff

CASES = table_of(Case)
# Typed columns of every kind a row of cases holds: a result processor each where needed.
_CASE_ROW = select(
    CASES.c.id,
    CASES.c.number,
    CASES.c.created_at,
    CASES.c.anonymous,
    CASES.c.details,
    CASES.c.route_confidence,
    CASES.c.occurred_on,
    CASES.c.latitude,
).where(CASES.c.number == bindparam("number"), CASES.c.kind == "complaint")


def _both(session: Session, statement: Any, params: dict[str, Any]) -> tuple[list, list]:
    connection = session.connection()
    by_driver = fetch_all(connection, statement, params)
    by_sqlalchemy = connection.execute(statement, params).all()
    return by_driver, by_sqlalchemy


def test_the_token_check_reads_what_sqlalchemy_reads(engine: Engine, staff: Staff) -> None:
    token = staff.coordinator["Authorization"].removeprefix("Bearer ")
    with Session(engine) as session:
        found, expected = _both(session, _ACTOR_BY_TOKEN, {"token_hash": hash_token(token)})
        assert found == [tuple(row) for row in expected] and len(found) == 1
        assert found[0].role == expected[0].role == "coordinator"  # by name, as rows are
        assert fetch_all(session.connection(), _ACTOR_BY_TOKEN, {"token_hash": "x"}) == []
        actor = authenticate_actor(session=session, token=token)
        assert actor is not None and actor.role == "coordinator"


def test_the_calendar_revision_and_the_unit_clerks_read_what_sqlalchemy_reads(
    engine: Engine, staff: Staff
) -> None:
    with Session(engine) as session:
        found, expected = _both(session, _REVISION, {"id": 1})
        assert found == [tuple(row) for row in expected]
        found, expected = _both(session, _CLERKS_AND_CHANNELS, {"unit": "czj"})
        assert sorted(found, key=repr) == sorted((tuple(r) for r in expected), key=repr)
        assert found and {row.source for row in found} == {"chat"}  # the clerk of czj


def test_typed_results_come_back_as_the_orm_reads_them(
    engine: Engine, container: Container
) -> None:
    number = file_case(container, latitude=39.16, longitude=117.18)
    with session_scope(engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        case.details, case.occurred_on = {"来源": "测试"}, date(2026, 11, 20)
    with Session(engine) as session:
        found, expected = _both(session, _CASE_ROW, {"number": number})
    assert found == [tuple(row) for row in expected]
    row = found[0]
    assert row.created_at.tzinfo is not None and row.anonymous in (True, False)
    assert row.details == {"来源": "测试"} and row.occurred_on == date(2026, 11, 20)


def test_the_days_number_counts_up_through_the_driver(engine: Engine) -> None:
    with Session(engine) as session:
        first = next_case_number(session=session, prefix="HQ", day=date(2030, 1, 2))
        second = next_case_number(session=session, prefix="HQ", day=date(2030, 1, 2))
        assert (first, second) == ("HQ-300102-0001", "HQ-300102-0002")
        third = fetch_all(session.connection(), _NEXT_NUMBER, {"day": "20300102"})
        assert [tuple(row) for row in third] == [(3,)]
        session.rollback()


def test_the_statements_go_through_the_driver_and_cursor_listeners_see_them(
    engine: Engine,
) -> None:
    seen: list[str] = []

    def statement_level(*_args: Any) -> None:
        seen.append("statement")

    def cursor_level(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.append(sql.split()[0])

    event.listen(engine, "before_cursor_execute", cursor_level)
    try:
        with Session(engine) as session:
            session.connection()
            seen.clear()
            fetch_all(session.connection(), _REVISION, {"id": 1})
            assert seen == ["SELECT"]  # one cursor call, no statement-level event
            event.listen(engine, "before_execute", statement_level)
            try:  # a statement-level listener gets SQLAlchemy's execution, as it expects
                fetch_all(session.connection(), _REVISION, {"id": 1})
            finally:
                event.remove(engine, "before_execute", statement_level)
            assert seen == ["SELECT", "statement", "SELECT"]
    finally:
        event.remove(engine, "before_cursor_execute", cursor_level)


def test_a_driver_error_is_sqlalchemys_with_the_values_hidden(engine: Engine) -> None:
    refused = text("INSERT INTO case_counters (day, last) VALUES (:day, NULL)")
    with Session(engine) as session:
        session.connection()
        with pytest.raises(exc.IntegrityError) as error:
            fetch_all(session.connection(), refused, {"day": "秘密的日子"})
        assert "秘密的日子" not in str(error.value).split("DETAIL")[0]
        session.rollback()


def test_a_missing_value_is_a_key_error_and_an_expanding_in_takes_sqlalchemys_way(
    engine: Engine,
) -> None:
    listed = select(CASES.c.id).where(CASES.c.number.in_(["HQ-0", "HQ-1"]))
    with Session(engine) as session:
        session.connection()
        with pytest.raises(KeyError):
            fetch_all(session.connection(), _REVISION, {})
        assert fetch_all(session.connection(), listed) == []


def test_outside_a_transaction_sqlalchemy_begins_one(engine: Engine) -> None:
    with engine.connect() as connection:
        assert fetch_all(connection, _REVISION, {"id": 1}) is not None
        assert connection.in_transaction()


def test_a_write_that_cannot_take_sqlites_lock_raises_sqlalchemys_operational_error(
    tmp_path: Any,
) -> None:
    # The engine's "begin" listener sends BEGIN IMMEDIATE by the driver (backend.db): a
    # database locked past the busy timeout is still SQLAlchemy's OperationalError, which
    # the API answers 503 with Retry-After.
    engine = make_engine(f"sqlite:///{tmp_path / 'locked.db'}")
    with Session(engine) as session:
        session.connection()
        session.commit()
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:

        @event.listens_for(engine, "connect")
        def _impatient(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA busy_timeout=50")

        engine.dispose()
        with Session(engine) as session, pytest.raises(exc.OperationalError) as locked:
            session.connection()
        assert "locked" in str(locked.value.orig)
        with Session(engine.execution_options(**{READ_ONLY: True})) as session:
            assert fetch_all(session.connection(), text("SELECT 1")) == [(1,)]  # reads go on
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        engine.dispose()


def test_the_callers_value_wins_over_one_fixed_in_the_statement(
    engine: Engine, container: Container
) -> None:
    number = file_case(container)
    own_value = select(CASES.c.number).where(CASES.c.number == bindparam("wanted", value="无"))
    with Session(engine) as session:
        session.connection()
        found, expected = _both(session, own_value, {"wanted": number})
        assert found == [tuple(r) for r in expected] == [(number,)]
        assert fetch_all(session.connection(), own_value) == []  # its own value otherwise


def test_a_parameter_named_with_a_space_is_sent_as_sqlalchemy_sends_it(
    engine: Engine, container: Container
) -> None:
    number = file_case(container)
    spaced = select(CASES.c.number).where(CASES.c.number == bindparam("case number"))
    with Session(engine) as session:
        session.connection()
        found, expected = _both(session, spaced, {"case number": number})
    assert found == [tuple(r) for r in expected] == [(number,)]


def test_a_returning_insert_reads_its_typed_columns_as_sqlalchemy_does(engine: Engine) -> None:
    reporters = table_of(Reporter)
    at = datetime(2026, 3, 3, 1, 2, 3, tzinfo=UTC)
    written = (
        insert(reporters)
        .values(name=bindparam("name"), channel="api", language="zh", created_at=at)
        .returning(reporters.c.created_at, reporters.c.name)
    )
    with Session(engine) as session:
        session.connection()
        found, expected = _both(session, written, {"name": "回读"})
        session.rollback()
    assert found[0] == tuple(expected[0]) and found[0].created_at == at
    assert found[0].created_at.utcoffset() == timedelta(0)
