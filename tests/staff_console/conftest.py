"""Fixtures: a visitor of the console on the test app, and a coordinator who can sign in."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.people.models import StaffAccount
from tests.staff_accounts import staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


@pytest.fixture
def visitor(client: TestClient) -> ConsoleVisitor:
    return ConsoleVisitor(client)


@pytest.fixture
def coordinator(container: Container) -> StaffAccount:
    return staff_with_password(container, login="wang")
