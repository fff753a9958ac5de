"""Rows written by `backend.bulk.insert_all` leave the session when their transaction is undone.

`insert_all` writes rows with one INSERT and adds them to the session as loaded rows, past the
ORM's flush, so the session did not know they were new: a rolled-back savepoint (the sweep runs
each clock in one) left them in the session as if they existed. The next row given the same id
(SQLite reuses the highest) met a stale one in the identity map ("Identity map already had an
identity for Deadline"), and a later `session.get` found a row that was never written.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

from sqlalchemy import Engine, exc, select
from sqlmodel import Session

from backend.bulk import insert_all, new_row
from backend.people.models import Reporter

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
