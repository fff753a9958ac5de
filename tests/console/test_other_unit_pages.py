"""A clerk asks about the own unit only: the console's lists, figures and downloads refuse
another unit with a 403 page that says why, in the visitor's language (the API's rule)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.books_console.conftest import signed_in
from tests.staff_console.helpers import ConsoleVisitor

PAGES = (
    "/console/cases?unit=sfj",
    "/console/cases?department=sfj",
    "/console/dashboard?department=sfj",
    "/console/exports/cases.xlsx?department=sfj",
    "/console/records?department=sfj",
    "/console/ledger?department=sfj",
    "/console/ledger/records.xlsx?department=sfj",
)


@pytest.fixture
def clerk(client: TestClient, container: Container) -> ConsoleVisitor:
    return signed_in(client, container, "li", role="clerk", department="czj", name="财政局 李")


@pytest.mark.parametrize("page", PAGES)
def test_a_clerk_asking_for_another_units_page_gets_a_403_page_that_says_why(
    clerk: ConsoleVisitor, page: str
) -> None:
    refused = clerk.get(page)

    assert refused.status_code == 403
    assert "text/html" in refused.headers["content-type"]
    assert "本单位" in refused.text and "sfj" in refused.text


@pytest.mark.parametrize("page", PAGES)
def test_a_clerk_asking_for_the_own_units_page_is_shown_it(
    clerk: ConsoleVisitor, page: str
) -> None:
    assert clerk.get(page.replace("sfj", "czj")).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_coordinator_asks_for_any_units_page(
    client: TestClient, container: Container, page: str
) -> None:
    coordinator = signed_in(client, container, "wang")

    assert coordinator.get(page).status_code == 200
