"""ConsoleUser is the API's Actor; every route of the console app is behind the CSRF check."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient
from starlette.routing import Mount

from backend.actors import Actor
from backend.console.deps import ConsoleUser
from backend.people.models import StaffAccount
from tests.staff_accounts import PASSWORD
from tests.staff_console.helpers import ConsoleVisitor

seen: list[Actor] = []


def console_app(client: TestClient) -> FastAPI:
    app: FastAPI = client.app  # type: ignore[assignment]
    (mount,) = [r for r in app.routes if isinstance(r, Mount) and r.path == "/console"]
    return mount.app  # type: ignore[return-value]


def add_probe(client: TestClient) -> None:
    """A page a later developer might add straight to the console app."""
    probe = APIRouter()

    @probe.get("/probe")
    def read(user: ConsoleUser) -> PlainTextResponse:
        seen.append(user)
        return PlainTextResponse("ok")

    @probe.post("/probe")
    def write(user: ConsoleUser) -> PlainTextResponse:
        return PlainTextResponse("written")

    console_app(client).include_router(probe)


def test_a_console_page_sees_the_same_actor_as_the_api(
    client: TestClient, visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    add_probe(client)
    visitor.sign_in("wang", PASSWORD)
    seen.clear()

    assert visitor.client.get("/console/probe").text == "ok"

    assert seen == [Actor.staff(coordinator)]
    assert seen[0].is_coordinator and seen[0].department == "fgw"


def test_a_route_added_later_is_behind_the_csrf_check_too(
    client: TestClient, visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    add_probe(client)
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/")

    assert visitor.post("/console/probe", {}, token="").status_code == 403
    assert visitor.post("/console/probe", {}).text == "written"


def test_the_api_does_not_accept_the_console_cookie(
    client: TestClient, visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.sign_in("wang", PASSWORD)

    assert visitor.client.get("/api/v1/cases").status_code == 401  # Bearer tokens only
