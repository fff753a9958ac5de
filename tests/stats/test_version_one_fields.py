"""The fields of version 1 of GET /api/v1/stats keep their names (and now their meaning)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import ENFORCEMENT, act, file_case
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin


def test_stats_count_received_signed_on_time_and_overdue_per_unit(
    client: TestClient, staff: Staff, clock
) -> None:
    on_time = file_case(client, staff.coordinator)
    act(client, staff.czj_clerk, on_time, "sign")
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    clock.current = tianjin(2026, 12, 1, 9)
    stats = client.get(
        "/api/v1/stats?from=2026-11-01&to=2026-11-30", headers=staff.coordinator
    ).json()
    by_unit = {row["department"]: row for row in stats["data"]}
    czj = by_unit["czj"]
    assert (czj["received"], czj["signed_on_time"], czj["overdue_now"]) == (2, 1, 1)
    assert czj["sign_on_time_rate"] == 0.5
    assert by_unit["sfj"]["overdue_now"] == 1


def test_a_clerk_sees_only_the_own_units_row(client: TestClient, staff: Staff) -> None:
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    stats = client.get("/api/v1/stats", headers=staff.czj_clerk).json()
    assert [row["department"] for row in stats["data"]] == ["czj"]


def test_stats_refuse_a_period_that_ends_before_it_starts(
    client: TestClient, staff: Staff
) -> None:
    response = client.get("/api/v1/stats?from=2026-12-01&to=2026-11-01", headers=staff.coordinator)
    assert response.status_code == 422
    bad = client.get("/api/v1/stats?from=someday", headers=staff.coordinator)
    assert bad.status_code == 422
