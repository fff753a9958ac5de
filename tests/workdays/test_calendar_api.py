"""The calendar endpoints: days, working-day arithmetic, coordinators' corrections."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import file_case
from tests.conftest import Staff


def test_the_calendar_answers_for_a_day_and_counts_working_days(
    client: TestClient, staff: Staff
) -> None:
    saturday = client.get("/api/v1/calendar/days/2026-02-14", headers=staff.czj_clerk).json()
    later = client.get(
        "/api/v1/calendar/add-working-days?start=2026-12-28&days=7", headers=staff.czj_clerk
    ).json()
    assert (saturday["working"], saturday["provisional"]) == (True, False)
    assert (later["date"], later["provisional"]) == ("2027-01-07", True)


def test_a_coordinator_closes_a_day_and_open_due_dates_move(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    body = {"date": "2026-12-09", "working": False, "reason": "暴雪停工"}
    result = client.post("/api/v1/calendar/overrides", json=body, headers=staff.coordinator)
    assert result.json()["moved_deadlines"] == 1
    events = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert events["events"][-1]["action"] == "deadline_moved"
    listed = client.get("/api/v1/calendar/overrides", headers=staff.czj_clerk).json()
    assert [(o["date"], o["working"], o["reason"]) for o in listed] == [
        ("2026-12-09", False, "暴雪停工"),
    ]
    undone = client.delete("/api/v1/calendar/overrides/2026-12-09", headers=staff.coordinator)
    assert undone.json()["moved_deadlines"] == 1


def test_only_coordinators_correct_the_calendar_and_bad_bodies_are_refused(
    client: TestClient, staff: Staff
) -> None:
    body = {"date": "2026-12-09", "working": False, "reason": "x"}
    clerk = client.post("/api/v1/calendar/overrides", json=body, headers=staff.czj_clerk)
    assert clerk.status_code == 403
    for bad in (
        {"date": "2026-13-40", "working": False, "reason": "x"},
        {"date": "2026-12-09", "working": False, "reason": ""},
        {"date": "2026-12-09", "reason": "x"},
    ):
        response = client.post("/api/v1/calendar/overrides", json=bad, headers=staff.coordinator)
        assert response.status_code == 422, bad


def test_the_calendar_api_flags_the_estimated_spring_festival_provisional(
    client: TestClient, staff: Staff
) -> None:
    day = client.get("/api/v1/calendar/days/2027-02-08", headers=staff.czj_clerk).json()
    after = client.get(
        "/api/v1/calendar/add-working-days?start=2027-02-04&days=1", headers=staff.czj_clerk
    ).json()
    assert (day["working"], day["provisional"]) == (False, True)
    assert (after["date"], after["provisional"]) == ("2027-02-11", True)


def test_only_coordinators_confirm_a_year_and_only_once_its_holidays_are_entered(
    client: TestClient, staff: Staff
) -> None:
    clerk = client.post("/api/v1/calendar/years/2027/confirm", headers=staff.czj_clerk)
    empty = client.post("/api/v1/calendar/years/2027/confirm", headers=staff.coordinator)
    known = client.post("/api/v1/calendar/years/2026/confirm", headers=staff.coordinator)
    assert clerk.status_code == 403
    assert (empty.status_code, empty.json()["code"]) == (422, "year_incomplete")
    assert (known.status_code, known.json()) == (200, {"year": 2026, "moved_deadlines": 0})
