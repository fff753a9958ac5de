"""Filings on SQLite take the process's writer turn, and every way out of a filing ends it.

`backend.db.take_writer_turn`: writers of one process wait on a lock of the process instead
of in SQLite's busy handler (issue 13, item 3). A turn not given back would stall every later
filing, so each way a filing ends (refused token, refused body, filed) is followed by another.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import anyio
import pytest
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import TimeoutError as SATimeoutError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from backend import db
from backend.api import deps
from backend.bootstrap import Container
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


def test_a_filing_cancelled_while_its_unit_opens_gives_the_turn_back(
    container: Container, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A request cancelled (the server stopping) while the endpoint's worker thread takes the
    # turn and checks the token: the thread finishes all the same (anyio waits for it), and
    # the dependency, ended shielded as FastAPI ends it, closes the unit the thread opened.
    monkeypatch.setattr(db, "WRITER_TURN_SECONDS", 0.5)
    opening = deps._open_checked
    opened: list[bool] = []

    def slow_open(*args: Any) -> Any:
        time.sleep(0.3)  # the cancellation comes while the thread holds the turn
        return opening(*args)

    def endpoint(unit: deps.WritingUnit) -> None:
        with unit.working():
            opened.append(unit.opened)  # filed nothing, committed nothing

    monkeypatch.setattr(deps, "_open_checked", slow_open)
    app = SimpleNamespace(state=SimpleNamespace(container=container))
    request = Request({"type": "http", "method": "POST", "app": app, "headers": []})
    token = staff.coordinator["Authorization"].split()[1]
    credentials = HTTPAuthorizationCredentials(scheme="Bearer", credentials=token)

    async def cancelled_filing() -> None:
        units = deps.get_writing_unit(request, credentials)
        unit = await units.__anext__()
        with anyio.move_on_after(0.05):
            try:
                await run_in_threadpool(endpoint, unit)  # as FastAPI runs a sync endpoint
                await anyio.sleep(1)
            finally:
                with anyio.CancelScope(shield=True):
                    await units.aclose()  # as FastAPI's exit stack ends the dependency

    anyio.run(cancelled_filing)
    taken = db.take_writer_turn(container.engine)  # at once, or PoolTimeout after 0.5 s
    if taken:
        db.end_writer_turn(container.engine)
    assert taken == (container.engine.dialect.name == "sqlite")
    assert opened == [True]  # the unit was opened: the turn above came back from it
