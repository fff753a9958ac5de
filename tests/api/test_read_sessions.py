"""Reads never take the write lock: a long read does not make a writer wait (issue 13, item 2)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from backend.api.app import create_app
from backend.api.deps import get_read_session, get_session
from backend.bootstrap import Container
from backend.db import ReadOnlyViolation, read_scope, session_scope
from backend.taxonomy.tables import Department
from tests.conftest import open_engine

WAIT = 30  # seconds: a ceiling on a hang, never a measure of speed


def _a_write(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.execute(text("UPDATE departments SET name_en = name_en || '.'"))


def test_a_writer_commits_while_a_long_read_is_open(container: Container) -> None:
    other = open_engine(str(container.engine.url.render_as_string(hide_password=False)))
    committed = threading.Event()
    failed: list[BaseException] = []

    def writer() -> None:
        try:
            _a_write(other)
            committed.set()
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            failed.append(exc)
            committed.set()

    try:
        with read_scope(container.engine) as session:
            before = session.exec(select(Department.name_en).order_by(Department.code)).all()
            thread = threading.Thread(target=writer)
            thread.start()
            # The writer finishes while this read transaction is still open.
            assert committed.wait(WAIT), "the writer waited for the read to end"
            assert failed == []
            if container.engine.dialect.name == "sqlite":  # PostgreSQL reads committed
                # The read still sees its own snapshot, taken before the write.
                assert (
                    session.exec(select(Department.name_en).order_by(Department.code)).all()
                    == before
                )
            thread.join(WAIT)
        with read_scope(container.engine) as session:
            after = session.exec(select(Department.name_en).order_by(Department.code)).all()
        assert after == [name + "." for name in before]
    finally:
        other.dispose()


def test_a_read_session_refuses_to_write_a_change(container: Container) -> None:
    with (
        pytest.raises(ReadOnlyViolation, match="read-only session cannot write"),
        read_scope(container.engine) as session,
    ):
        department = session.exec(select(Department)).first()
        assert department is not None
        department.name_en = "changed"
        session.add(department)
    with read_scope(container.engine) as session:
        assert session.exec(select(Department).where(Department.name_en == "changed")).all() == []


def test_a_read_session_refuses_a_statement_that_writes(container: Container) -> None:
    with (
        read_scope(container.engine) as session,
        pytest.raises(DBAPIError, match="(?i)read.?only"),
    ):
        session.execute(text("UPDATE departments SET name_en = 'changed'"))


def test_a_write_session_after_a_read_one_on_the_same_connection_still_writes(
    container: Container,
) -> None:
    for _ in range(3):  # the pool hands the same connection back and forth
        with read_scope(container.engine) as session:
            session.execute(text("SELECT 1"))
        _a_write(container.engine)


def _depends_on(route: APIRoute, wanted: Callable[..., Any]) -> bool:
    stack = list(route.dependant.dependencies)
    while stack:
        dependency = stack.pop()
        if dependency.call is wanted:
            return True
        stack.extend(dependency.dependencies)
    return False


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every API route of the app, through included routers (FastAPI may include lazily)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _api_routes(included.routes)


def test_every_get_route_of_the_api_reads_through_a_read_only_session(
    container: Container,
) -> None:
    # The console's pages stay on the ordinary session: they record the sign-in's last visit.
    routes = list(_api_routes(create_app(container).routes))
    ours = [r for r in routes if r.endpoint.__module__.startswith("backend.")]
    gets = [r for r in ours if "GET" in r.methods and not r.path.startswith("/console")]
    gets = [r for r in gets if not r.endpoint.__module__.startswith("backend.console")]
    assert len(gets) >= 15
    writing = [r.path for r in gets if _depends_on(r, get_session)]
    assert writing == []
    reading = [r.path for r in gets if _depends_on(r, get_read_session)]
    assert {"/cases", "/cases/{number}", "/stats", "/exports/cases.xlsx"} <= set(reading)


def test_health_answers_through_a_read_only_session(client: TestClient) -> None:
    assert client.get("/api/v1/health").status_code == 200
