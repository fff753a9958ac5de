"""Rows written by `backend.bulk.insert_all` leave the session when their transaction is undone.

`insert_all` writes rows with one INSERT and adds them to the session as loaded rows, past the
ORM's flush, so the session did not know they were new: a rolled-back savepoint (the sweep runs
each clock in one) left them in the session as if they existed. The next row given the same id
(SQLite reuses the highest) met a stale one in the identity map ("Identity map already had an
identity for Deadline"), and a later `session.get` found a row that was never written.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, exc, select, text
from sqlmodel import Session, col

from backend.bootstrap import Container
from backend.bulk import insert_all, new_row
from backend.cases.models import Case, CaseEvent
from backend.people.models import Reporter
from tests.case_fixtures import file_case

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


def _reporter(name: str) -> Reporter:
    return new_row(Reporter, name=name, channel="api", language="zh", created_at=NOW)


def test_rows_inserted_in_a_rolled_back_savepoint_leave_the_session(engine: Engine) -> None:
    with Session(engine) as session:
        kept = insert_all(session, [_reporter("留下")])[0]
        savepoint = session.begin_nested()
        undone = insert_all(session, [_reporter("撤销甲"), _reporter("撤销乙")])
        undone_ids = [row.id for row in undone]
        savepoint.rollback()
        assert all(row not in session for row in undone)
        assert all(session.get(Reporter, row_id) is None for row_id in undone_ids)
        assert kept in session and session.get(Reporter, kept.id) is kept
        with warnings.catch_warnings():
            warnings.simplefilter("error", exc.SAWarning)  # no stale identity for a reused id
            again = insert_all(session, [_reporter("再写")])[0]
            session.flush()
        assert session.get(Reporter, again.id) is again
        session.commit()
    with Session(engine) as session:
        names = session.exec(select(Reporter.name).order_by(Reporter.id)).scalars().all()
    assert names == ["留下", "再写"]


def test_rows_of_a_savepoint_that_was_kept_leave_with_the_transaction_rolled_back(
    engine: Engine,
) -> None:
    with Session(engine) as session:
        outer = insert_all(session, [_reporter("外")])[0]
        with session.begin_nested():
            inner = insert_all(session, [_reporter("内")])[0]
        assert inner in session
        session.rollback()
        assert outer not in session and inner not in session
    with Session(engine) as session:
        assert session.exec(select(Reporter.id)).all() == []


def test_rows_of_a_committed_transaction_stay_in_the_session(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        row = insert_all(session, [_reporter("提交")])[0]
        session.commit()
        session.rollback()  # nothing left to undo
        assert row in session and row.name == "提交"


def test_rows_written_through_the_driver_read_back_as_the_orm_writes_them(
    container: Container,
) -> None:
    # insert_all sends its INSERT through the driver with the column types' own bind
    # processors: an aware datetime, JSON, text holding the placeholders' characters, None.
    number = file_case(container, "区里的项目做完了，工程款一直拖欠不付")
    with Session(container.engine) as session:
        case_id = session.exec(select(Case.id).where(col(Case.number) == number)).scalar_one()
    later = NOW + timedelta(microseconds=1)

    def event(reason: str | None, at: datetime) -> CaseEvent:
        return new_row(
            CaseEvent,
            case_id=case_id,
            actor_kind="system",
            action="note",
            at=at,
            reason=reason,
            details={"k": ["值", 1, None, True]},
        )

    with Session(container.engine, expire_on_commit=False) as session:
        written = insert_all(session, [event("含 % 与 ? 与 %s 的文字", NOW), event(None, later)])
        session.commit()
    with Session(container.engine) as session:
        rows = session.exec(
            select(CaseEvent).where(col(CaseEvent.id).in_([row.id for row in written]))
        ).scalars()
        read = sorted((r.id, r.at, r.reason, r.details) for r in rows)
    assert [(at, reason, details) for _, at, reason, details in read] == [
        (NOW, "含 % 与 ? 与 %s 的文字", {"k": ["值", 1, None, True]}),
        (later, None, {"k": ["值", 1, None, True]}),
    ]
    assert [row_id for row_id, *_ in read] == [row.id for row in written]


def test_a_refused_row_raises_sqlalchemys_error_and_writes_nothing(engine: Engine) -> None:
    # The driver's own exception is given as SQLAlchemy's, so the API's handlers (a busy
    # database answers 503) still see it; the statement's other rows are not written.
    broken = new_row(Reporter, name="缺渠道", channel=None, language="zh", created_at=NOW)
    with Session(engine) as session:
        with pytest.raises(exc.IntegrityError) as refused:
            insert_all(session, [_reporter("同批"), broken])
        session.rollback()
    # The values (complaint texts, contacts) stay out of the message, as the engine asks
    # (PostgreSQL's own detail still names the failing row, as it did before).
    assert "同批" not in str(refused.value)
    assert "SQL parameters hidden" in str(refused.value)
    with Session(engine) as session:
        assert session.exec(select(Reporter.id)).all() == []


def test_inserts_go_through_the_driver_on_both_databases(engine: Engine) -> None:
    # The fast path is the point of insert_all: a dialect it cannot serve would fall back to
    # SQLAlchemy's batching silently, so each database the product runs on is checked here.
    from backend.bulk import _driver_insert

    assert _driver_insert(engine.dialect, "case_events", 3) is not None
    assert _driver_insert(engine.dialect, "case_events", 1000) is None  # many: SQLAlchemy's


def test_a_connection_lost_mid_insert_is_invalidated_and_the_rollback_still_works(
    engine: Engine,
) -> None:
    # As SQLAlchemy's own execution does: the pool drops the dead connection, and the
    # session's rollback does not fail a second time on it.
    if engine.dialect.name != "postgresql":
        pytest.skip("a SQLite connection cannot be cut from outside")
    with Session(engine) as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(exc.OperationalError) as lost:
            insert_all(session, [_reporter("断线")])
        assert lost.value.connection_invalidated
        session.rollback()
    with Session(engine) as session:  # a fresh connection from the pool
        assert session.exec(select(Reporter.id)).all() == []
