"""A coordinator signed in to the console, for the dashboard's pages and downloads."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


@pytest.fixture
def coordinator(client: TestClient, container: Container) -> ConsoleVisitor:
    staff_with_password(container, login="wang")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)
    return visitor
