"""The dashboard, the ledger and the assessment share one period form: a Tianjin period
(default: the 30 days up to today, Tianjin's today) and, where the reader may choose, a unit.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.books_console.conftest import ConsoleVisitor, signed_in
from tests.fakes import FakeClock

PAGES = ("/console/dashboard", "/console/ledger", "/console/assessment")


def _form(html: str) -> str:
    found = re.search(r'<form class="dashboard-filter".*?</form>', html, re.S)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize("page", PAGES)
def test_each_books_page_defaults_to_the_30_days_up_to_todays_date_in_tianjin(
    client: TestClient, container: Container, clock: FakeClock, page: str
) -> None:
    clock.advance(hours=14)  # 16:00 UTC on 27 November: already the 28th in Tianjin
    coordinator = signed_in(client, container, "wang")

    form = _form(coordinator.get(page).text)

    assert 'name="from" type="date" value="2026-10-29"' in form
    assert 'name="to" type="date" value="2026-11-28"' in form


@pytest.mark.parametrize("page", PAGES)
def test_each_books_page_refuses_a_period_that_ends_before_it_starts(
    coordinator: ConsoleVisitor, page: str
) -> None:
    refused = coordinator.get(f"{page}?from=2026-11-20&to=2026-11-01")

    assert refused.status_code == 400
    assert "开始日期" in refused.text or "早于" in refused.text


def test_the_dashboard_and_the_ledger_offer_the_same_units_to_choose_from(
    coordinator: ConsoleVisitor,
) -> None:
    dashboard = _form(coordinator.get("/console/dashboard").text)
    ledger = _form(coordinator.get("/console/ledger").text)

    def units(form: str) -> list[str]:
        return re.findall(r'<option value="([^"]*)"', form)

    assert units(dashboard) == units(ledger) and len(units(dashboard)) > 2


def test_a_clerk_is_offered_no_unit_on_the_books_pages(clerk: ConsoleVisitor) -> None:
    for page in PAGES:
        assert 'name="department"' not in _form(clerk.get(page).text)
