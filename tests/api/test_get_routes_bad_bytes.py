"""No GET route of the app answers non-UTF-8 bytes or an over-long query with a 500.

The routes come from `app.routes` (the mounted console's too), so a route added later is covered
without editing this test. Each request carries a coordinator's token and a signed-in console
session, so it reaches the route itself rather than stopping at the sign-in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")
NOT_UTF8 = "%ff"
LONG = "a" * 9000


def get_routes(routes: list[Any], prefix: str = "") -> list[tuple[str, list[str]]]:
    """Return each GET route's path template and query parameter names, mounted apps' too."""
    found: list[tuple[str, list[str]]] = []
    for route in routes:
        if isinstance(route, Mount) and isinstance(route.app, FastAPI):
            found += get_routes(list(route.app.routes), prefix + route.path)
        elif hasattr(route, "effective_route_contexts"):  # an included router, kept whole
            for context in route.effective_route_contexts():
                original = context.original_route
                if isinstance(original, APIRoute) and "GET" in context.methods:
                    names = [p.alias for p in _query_params(original.dependant)]
                    found.append((prefix + context.path, names))
        elif isinstance(route, APIRoute) and "GET" in route.methods:
            found.append((prefix + route.path, [p.alias for p in _query_params(route.dependant)]))
    return found


def _query_params(dependant: Dependant) -> list[Any]:
    """Return the query parameters of a route and of its dependencies."""
    found = list(dependant.query_params)
    for sub in dependant.dependencies:
        found += _query_params(sub)
    return found


def _path(template: str, value: str) -> str:
    return PARAM.sub(value, template.replace("{fmt}", "json"))


def _query(names: list[str], value: str) -> str:
    return "&".join(f"{name}={value}" for name in [*names, "q"])


MISTAKES: dict[str, Callable[[str, list[str]], str]] = {
    "not UTF-8 in a query parameter": lambda t, n: f"{_path(t, '1')}?{_query(n, NOT_UTF8)}",
    "not UTF-8 in a path parameter": lambda t, n: _path(t, NOT_UTF8),
    "not UTF-8 in a path parameter and the query": lambda t, n: (
        f"{_path(t, 'x' + NOT_UTF8)}?{_query(n, 'x' + NOT_UTF8)}"
    ),
    # each parameter as long as an address the client still sends (about 60,000 characters)
    "an over-long query": lambda t, n: (
        f"{_path(t, '1')}?{_query(n, LONG[: 60_000 // (len(n) + 1)])}"
    ),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_no_get_route_answers_a_malformed_address_with_a_500(
    client: TestClient, container: Container, staff: Staff, mistake: str
) -> None:
    staff_with_password(container, login="wang")
    ConsoleVisitor(client).sign_in("wang", PASSWORD)
    routes = get_routes(list(client.app.routes))  # type: ignore[attr-defined]
    assert len(routes) > 50, "the app's GET routes were found"

    failed = {}
    for template, names in routes:
        address = MISTAKES[mistake](template, names)
        response = client.get(address, headers=staff.coordinator, follow_redirects=False)
        if response.status_code >= 500:
            failed[address[:120]] = response.status_code
    assert failed == {}


# Pages that read no query parameter (`backend.query_strings.reads_no_query`): they open
# whatever their link carries. Every other GET route reads its query and checks it.
READS_NO_QUERY = {"/console", "/favicon.ico", "/public/"}


def test_every_get_route_that_reads_its_query_refuses_one_that_is_not_utf8_with_400(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Not read as U+FFFD (a search for it, a filter value never stored): the caller is told
    # which parameter to send again (backend.query_strings), in the route's own form.
    staff_with_password(container, login="wang")
    ConsoleVisitor(client).sign_in("wang", PASSWORD)
    routes = get_routes(list(client.app.routes))  # type: ignore[attr-defined]

    answered = {}
    for template, names in routes:
        address = MISTAKES["not UTF-8 in a query parameter"](template, names)
        response = client.get(address, headers=staff.coordinator, follow_redirects=False)
        if template in READS_NO_QUERY:
            plain = client.get(template, headers=staff.coordinator, follow_redirects=False)
            assert response.status_code == plain.status_code != 400, template
        elif response.status_code != 400:
            answered[address[:120]] = response.status_code
    assert answered == {}
    assert {template for template, _ in routes} >= READS_NO_QUERY
