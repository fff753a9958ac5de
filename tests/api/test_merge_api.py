"""Coordinators merge duplicates: the repeat closes and points to the case it repeats."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff


def test_a_merged_case_is_closed_points_to_the_other_and_both_keep_history(
    client: TestClient, staff: Staff
) -> None:
    first = file_case(client, staff.coordinator)
    repeat = file_case(client, staff.coordinator)
    merged = act(
        client,
        staff.coordinator,
        repeat,
        "merge",
        into=first["number"].lower(),
        reason="同一工程款拖欠",
    ).json()
    assert (merged["status"], merged["merged_into"]) == ("closed", first["number"])
    assert merged["events"][-1]["action"] == "merge"
    target = client.get(f"/api/v1/cases/{first['number']}", headers=staff.coordinator).json()
    assert (target["status"], target["events"][-1]["action"]) == ("routed", "merged_from")
    assert target["events"][-1]["details"] == {"case": repeat["number"]}


def test_merge_refuses_a_missing_unknown_or_same_target(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    for body, code in (
        ({}, "merge_target_required"),
        ({"into": "HQ-261127-9999"}, "merge_target_unknown"),
        ({"into": case["number"]}, "merge_into_itself"),
    ):
        response = act(client, staff.coordinator, case, "merge", reason="重复", **body)
        assert (response.status_code, response.json()["code"]) == (422, code)


def test_only_coordinators_merge(client: TestClient, staff: Staff) -> None:
    first, repeat = file_case(client, staff.coordinator), file_case(client, staff.coordinator)
    response = act(client, staff.czj_clerk, repeat, "merge", into=first["number"], reason="x")
    assert response.status_code == 403
