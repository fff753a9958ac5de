"""An overdue supervision order (督办) is an overdue case like any other: the overdue queue, the
API's overdue filter and the dashboard's overdue figure count it, and name its clock."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.staff_console.queue_helpers import numbers_on, signed_in
from tests.stats.helpers import acted, filed, listed, stats, unit


@pytest.fixture
def supervised(client: TestClient, staff: Staff, clock: FakeClock) -> str:
    """A case signed for by czj on Friday 27 November with a 1-day order (due Monday 30th),
    looked at on Tuesday 1 December: the order is overdue, the resolve clock is not."""
    case = acted(client, staff.czj_clerk, filed(client, staff.coordinator), "sign")
    case = acted(client, staff.coordinator, case, "supervise", reason="请尽快约谈", days=1)
    clock.current = tianjin(2026, 12, 1, 10)
    return str(case["number"])


def overdue_listed(client: TestClient, headers: dict[str, str]) -> set[str]:
    response = client.get("/api/v1/cases?overdue=true", headers=headers)
    assert response.status_code == 200, response.text
    return {row["number"] for row in response.json()["data"]}


def test_the_api_lists_a_case_whose_supervision_order_is_overdue(
    client: TestClient, staff: Staff, supervised: str
) -> None:
    assert overdue_listed(client, staff.coordinator) == {supervised}
    assert overdue_listed(client, staff.czj_clerk) == {supervised}
    clocks: list[dict[str, Any]] = client.get(
        f"/api/v1/cases/{supervised}", headers=staff.coordinator
    ).json()["deadlines"]
    assert [(c["kind"], c["state"]) for c in clocks if c["state"] == "overdue"] == [
        ("supervise", "overdue")
    ]


@pytest.mark.parametrize("who", ["wang", "li"])
def test_the_overdue_queue_shows_it_with_the_kind_of_clock_that_is_late(
    client: TestClient, container: Container, supervised: str, who: str
) -> None:
    page = signed_in(client, container, who).get("/console/?queue=overdue").text

    assert numbers_on(page) == {supervised}
    assert '<span class="tag tag--overdue">已超期</span>' in page
    assert '<span class="tag" data-clock="supervise">督办期限</span>' in page


def test_the_overdue_figure_counts_it_and_the_dashboard_names_its_kind(
    client: TestClient, container: Container, staff: Staff, supervised: str
) -> None:
    answer = stats(client, staff.coordinator, "from=2026-11-01&to=2026-11-30")
    overdue = unit(answer, "czj")["measures"]["overdue_now"]
    assert overdue["numerator"] == 1
    assert listed(client, staff.coordinator, overdue["cases"]["numerator"]) == {supervised}

    page = signed_in(client, container, "wang").get("/console/dashboard").text

    assert '<li data-overdue-kind="supervise">督办期限：1</li>' in page
    assert 'data-overdue-kind="resolve"' not in page
