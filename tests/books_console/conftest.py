"""Fixtures: signed-in console visitors of each role (coordinator, clerk, evaluator)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


def signed_in(
    client: TestClient, container: Container, login: str, **account: str
) -> ConsoleVisitor:
    staff_with_password(container, login=login, **account)
    visitor = ConsoleVisitor(TestClient(client.app))
    assert visitor.sign_in(login, PASSWORD).status_code == 303
    return visitor


@pytest.fixture
def coordinator(client: TestClient, container: Container) -> ConsoleVisitor:
    return signed_in(client, container, "wang")


@pytest.fixture
def clerk(client: TestClient, container: Container) -> ConsoleVisitor:
    return signed_in(client, container, "li", role="clerk", department="czj", name="财政局 李")


@pytest.fixture
def evaluator(client: TestClient, container: Container) -> ConsoleVisitor:
    return signed_in(client, container, "chen", role="evaluator", name="评估机构 陈")
