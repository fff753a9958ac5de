"""Decision 10: one unit of work per request, committed before the answer is sent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, func
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from backend.api.deps import get_read_session, get_session
from backend.bootstrap import Container, build, prepare_database
from backend.cases.models import Case
from backend.db import make_engine, session_scope
from backend.routing.router import Router
from backend.settings import Settings
from tests.api.helpers import ARREARS, act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.webchat.conftest import build_app
from tests.webchat.helpers import ENFORCEMENT, WebChat, file_complaint


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included router (FastAPI keeps it whole)
            yield from _api_routes(route.original_router.routes)


def _dependencies(dependant: Any) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub
        yield from _dependencies(sub)


def _count_cases(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(Case)).one()


def test_every_route_with_a_session_commits_it_before_the_response_is_sent(
    container: Container,
) -> None:
    app: FastAPI = build_app(container)
    sessions = [
        (route.path, dep)
        for route in _api_routes(app.routes)
        for dep in _dependencies(route.dependant)
        if dep.call in (get_session, get_read_session)
    ]
    assert len(sessions) > 10
    assert [path for path, dep in sessions if dep.scope != "function"] == []


def test_a_commit_that_fails_is_answered_503_and_nothing_is_kept(
    client: TestClient, staff: Staff, container: Container
) -> None:
    def fail(_connection: Any) -> None:
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    event.listen(container.engine, "commit", fail)
    try:
        response = client.post("/api/v1/cases", json={"text": ARREARS}, headers=staff.coordinator)
    finally:
        event.remove(container.engine, "commit", fail)

    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert response.json()["code"] == "overloaded"
    assert _count_cases(container.engine) == 0


@pytest.fixture
def one_connection(settings: Settings, clock: FakeClock, router: Router) -> Iterator[Container]:
    """A process whose pool has a single connection and gives up waiting after 2 s."""
    engine = make_engine(settings.database_url, pool_size=1, max_overflow=0, pool_timeout=2)
    built = build(settings, clock=clock, router=router.clone(), engine=engine)
    prepare_database(built)
    yield built
    engine.dispose()


def test_no_request_holds_a_connection_while_it_waits_for_another(
    one_connection: Container, staff_of: Any
) -> None:
    coordinator, clerk = staff_of(one_connection)
    with TestClient(build_app(one_connection)) as client:
        named = file_case(client, coordinator, reporter={"name": "张三", "phone": "13800000000"})
        anonymous = file_case(client, coordinator, anonymous=True)
        assert anonymous["pin"]
        for path in (
            "/api/v1/health",
            "/api/v1/cases",
            f"/api/v1/cases/{named['number']}",
            "/api/v1/stats",
            "/api/v1/departments",
            "/api/v1/calendar/days/2026-12-01",
            "/api/v1/calendar/overrides",
            "/api/v1/staff",
        ):
            assert client.get(path, headers=coordinator).status_code == 200, path
        signed = act(client, clerk, named, "sign")
        assert signed.status_code == 200, signed.text
        chat = WebChat(client)
        chat.start()
        number, _ = file_complaint(chat, ENFORCEMENT)
        assert chat.command("status", number)
    assert _count_cases(one_connection.engine) == 3


@pytest.fixture
def staff_of() -> Any:
    """Make a coordinator and a czj clerk in a container; return their headers."""
    from backend.people.service import create_staff

    def make(container: Container) -> tuple[dict[str, str], dict[str, str]]:
        headers = []
        for role, unit in (("coordinator", "fgw"), ("clerk", "czj")):
            with session_scope(container.engine) as session:
                _, token = create_staff(
                    session=session, name=role, role=role, department=unit, clock=container.clock
                )
            headers.append({"Authorization": f"Bearer {token}"})
        return headers[0], headers[1]

    return make
