"""Filings on SQLite take the process's writer turn, and every way out of a filing ends it.

`backend.db.take_writer_turn`: writers of one process wait on a lock of the process instead
of in SQLite's busy handler (issue 13, item 3). A turn not given back would stall every later
filing, so each way a filing ends (refused token, refused body, filed) is followed by another.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import TimeoutError as SATimeoutError

from backend import db
from tests.api.helpers import ARREARS, file_case
from tests.conftest import Staff


def test_a_refused_token_a_refused_body_and_a_filing_each_end_their_turn(
    client: TestClient, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "WRITER_TURN_SECONDS", 2.0)  # a turn left taken fails fast
    bad_token = {"Authorization": "Bearer not-a-token"}
    assert (
        client.post("/api/v1/cases", json={"text": ARREARS}, headers=bad_token).status_code == 401
    )
    refused = client.post("/api/v1/cases", json={"text": ""}, headers=staff.coordinator)
    assert refused.status_code == 422
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator)  # the filing before gave its turn back


def test_a_filing_that_cannot_get_its_turn_is_answered_503_and_writes_nothing(
    client: TestClient, staff: Staff, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "WRITER_TURN_SECONDS", 0.2)
    taken = db.take_writer_turn(engine)  # another writer of this process holds it
    try:
        response = client.post("/api/v1/cases", json={"text": ARREARS}, headers=staff.coordinator)
    finally:
        if taken:
            db.end_writer_turn(engine)
    if engine.dialect.name == "sqlite":
        assert response.status_code == 503
        assert response.json()["code"] == "overloaded" and response.headers["Retry-After"]
        listed = client.get("/api/v1/cases", headers=staff.coordinator).json()["data"]
        assert listed == []
    else:  # PostgreSQL writers lock rows, not the database: no turn to wait for
        assert not taken and response.status_code == 201


def test_each_sqlite_database_has_its_own_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "WRITER_TURN_SECONDS", 0.2)
    first = db.make_engine(f"sqlite:///{tmp_path / 'first.db'}")
    second = db.make_engine(f"sqlite:///{tmp_path / 'second.db'}")
    assert db.take_writer_turn(first)
    try:
        assert db.take_writer_turn(second)  # another file: no wait
        db.end_writer_turn(second)
        with pytest.raises(SATimeoutError):
            db.take_writer_turn(db.make_engine(f"sqlite:///{tmp_path / 'first.db'}"))
    finally:
        db.end_writer_turn(first)
    assert db.take_writer_turn(first)  # given back: taken again at once
    db.end_writer_turn(first)
