"""Staff of the case page's tests, each signed in in a browser of their own."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.people.models import StaffAccount
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

_ACTION = re.compile(r'data-action="([a-z_]+)"')


def signed_in(client: TestClient, account: StaffAccount) -> ConsoleVisitor:
    """Return a browser of its own (own cookies) signed in as the account."""
    visitor = ConsoleVisitor(TestClient(client.app))
    assert account.login is not None
    response = visitor.sign_in(account.login, PASSWORD)
    assert response.status_code == 303, response.text
    return visitor


def coordinator(container: Container) -> StaffAccount:
    return staff_with_password(container, login="wang")


def clerk(container: Container, unit: str = "czj", login: str = "li") -> StaffAccount:
    return staff_with_password(
        container, login=login, role="clerk", department=unit, name=f"联络员 {login}"
    )


def offered_actions(html: str) -> set[str]:
    """Return the actions whose forms a page offers (their buttons' data-action)."""
    return set(_ACTION.findall(html))


def page_path(number: str) -> str:
    return f"/console/cases/{number}"
