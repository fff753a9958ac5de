"""Administration is for coordinators only: a clerk gets the not-found page on every page and
action, and nothing changes; a visitor not signed in is sent to the sign-in page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.workdays.overview import list_overrides
from tests.staff_console.admin_helpers import clerk, signed_in, stored

PAGES = [
    "/console/admin/",
    "/console/admin/staff",
    "/console/admin/staff/new",
    "/console/admin/staff/{coordinator}",
    "/console/admin/calendar",
    "/console/admin/routing",
    "/console/admin/duty",
]
ACTIONS = [
    ("/console/admin/staff/new", {"login": "zhao", "name": "赵", "role": "clerk",
                                  "department": "czj"}),
    ("/console/admin/staff/{coordinator}/password-link", {}),
    ("/console/admin/staff/{coordinator}/token", {}),
    ("/console/admin/staff/{coordinator}/bind-code", {}),
    ("/console/admin/staff/{coordinator}/deactivate", {"confirm": "yes"}),
    ("/console/admin/calendar/overrides", {"day": "2026-12-02", "kind": "off", "reason": "x"}),
    ("/console/admin/calendar/overrides/2026-12-02/remove", {}),
    ("/console/admin/calendar/years/2027/confirm", {}),
    ("/console/admin/duty/add", {"login": "wang", "first": "2026-12-02"}),
    ("/console/admin/duty/remove", {"login": "wang", "first": "2026-12-02"}),
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_a_coordinator_sees_every_administration_page(
    client: TestClient, coordinator: StaffAccount, path: str
) -> None:
    visitor = signed_in(client, "wang")

    page = visitor.get(path.format(coordinator=coordinator.id))

    assert page.status_code == 200
    assert 'href="/console/admin/" aria-current="page"' in page.text


@pytest.mark.parametrize("path", PAGES)
def test_a_clerk_gets_the_not_found_page_on_every_administration_page(
    client: TestClient, container: Container, coordinator: StaffAccount, path: str
) -> None:
    clerk(container)
    visitor = signed_in(client, "li")

    page = visitor.get(path.format(coordinator=coordinator.id))

    assert page.status_code == 404
    assert "没有这个页面，或者您无权查看。" in page.text


@pytest.mark.parametrize(("path", "form"), ACTIONS)
def test_a_clerk_gets_the_not_found_page_on_every_administration_action_and_nothing_changes(
    client: TestClient,
    container: Container,
    coordinator: StaffAccount,
    path: str,
    form: dict[str, str],
) -> None:
    clerk(container)
    visitor = signed_in(client, "li")
    before = stored(container, "wang")

    response = visitor.post(path.format(coordinator=coordinator.id), form)

    assert response.status_code == 404
    assert stored(container, "wang") == before
    assert stored(container, "zhao") is None
    with session_scope(container.engine) as session:
        assert list_overrides(session=session) == []


def test_the_clerk_has_no_administration_link_and_the_coordinator_has_one(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    clerk(container)

    clerk_home = signed_in(client, "li").get("/console/")
    client.cookies.clear()
    coordinator_home = signed_in(client, "wang").get("/console/")

    assert 'href="/console/admin/"' not in clerk_home.text
    assert 'href="/console/admin/"' in coordinator_home.text


@pytest.mark.parametrize("path", ["/console/admin/", "/console/admin/staff"])
def test_a_visitor_not_signed_in_is_sent_to_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/sign-in?next=")
