"""Helpers for the administration's tests: accounts, a signed-in coordinator, shown secrets."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.service import find_by_login
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

_SECRET = re.compile(r'id="flash-secret"[^>]*value="([^"]+)"')


def shown_secret(page: str) -> str:
    """Return the secret a page shows once (a link, a token, a bind code)."""
    found = _SECRET.search(page)
    assert found is not None, "the page shows no secret"
    return html.unescape(found.group(1))


def signed_in(client: TestClient, login: str) -> ConsoleVisitor:
    """Return a visitor signed in with the test password, on a page with forms."""
    visitor = ConsoleVisitor(client)
    assert visitor.sign_in(login, PASSWORD).status_code == 303
    visitor.get("/console/")
    return visitor


def clerk(container: Container, login: str = "li", department: str = "czj") -> StaffAccount:
    """Create a clerk who can sign in with the test password."""
    return staff_with_password(
        container, login=login, role="clerk", department=department, name="联络员 李"
    )


def stored(container: Container, login: str) -> StaffAccount | None:
    """Return the account with this login as stored now."""
    with session_scope(container.engine) as session:
        return find_by_login(session=session, login=login)
