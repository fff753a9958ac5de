"""The case workflow through the admin API: states, side paths, events and versions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff


def test_a_case_goes_from_routed_to_closed_with_an_event_for_each_step(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    case = act(client, staff.czj_clerk, case, "sign").json()
    case = act(client, staff.czj_clerk, case, "start").json()
    case = act(client, staff.czj_clerk, case, "resolve", reply="已于本周支付全部工程款").json()
    case = act(client, staff.coordinator, case, "close").json()
    steps = [(e["action"], e["from_status"], e["to_status"]) for e in case["events"]]
    assert steps == [
        ("receive", None, "received"),
        ("route", "received", "routed"),
        ("sign", "routed", "signed"),
        ("start", "signed", "in_progress"),
        ("resolve", "in_progress", "resolved"),
        ("close", "resolved", "closed"),
    ]
    assert (case["status"], case["version"], case["reply"]) == (
        "closed",
        5,
        "已于本周支付全部工程款",
    )
    assert case["events"][2]["actor"] == "财政局 李"


def test_returned_case_goes_back_to_triage_with_the_reason(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    case = act(client, staff.czj_clerk, case, "return", reason="属于区商务局招商合同").json()
    assert (case["status"], case["department"], case["return_count"]) == ("triage", "fgw", 1)
    assert case["events"][-1]["reason"] == "属于区商务局招商合同"


def test_return_needs_a_reason(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.czj_clerk, case, "return")
    assert (response.status_code, response.json()["code"]) == (422, "reason_required")


def test_after_three_dispatches_the_coordinators_assignment_stands(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)  # the first dispatch, by the router
    for _ in range(3):  # returned, and dispatched again: the second, third and fourth
        case = act(client, staff.czj_clerk, case, "return", reason="不是我们的").json()
        case = act(client, staff.coordinator, case, "reassign", department="czj").json()
    response = act(client, staff.czj_clerk, case, "return", reason="还是不是我们的")
    assert (response.status_code, response.json()["code"]) == (409, "dispatch_final")


def test_coordinator_routes_a_triage_case_to_a_unit_which_then_sees_it(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text="请问怎么注册账号呢？")
    case = act(
        client, staff.coordinator, case, "reassign", department="sfj", category="enforcement"
    ).json()
    assert (case["status"], case["department"], case["category"]) == (
        "routed",
        "sfj",
        "enforcement",
    )
    seen = client.get(f"/api/v1/cases/{case['number']}", headers=staff.sfj_clerk)
    assert seen.status_code == 200


def test_reassign_needs_a_known_department(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    missing = act(client, staff.coordinator, case, "reassign")
    unknown = act(client, staff.coordinator, case, "reassign", department="mars")
    assert (missing.status_code, missing.json()["code"]) == (422, "department_required")
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown_department")


def test_moving_a_case_its_unit_signed_for_to_another_unit_needs_a_reason(
    client: TestClient, staff: Staff
) -> None:
    # 改派 of a case a unit has taken on: the history and the unit must hear why.
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    bare = act(client, staff.coordinator, case, "reassign", department="sfj")
    moved = act(client, staff.coordinator, case, "reassign", department="sfj", reason="属执法事项")
    assert (bare.status_code, bare.json()["code"]) == (422, "reassign_reason_required")
    assert (moved.status_code, moved.json()["department"]) == (200, "sfj")
    assert moved.json()["events"][-1]["reason"] == "属执法事项"


def test_a_case_no_unit_signed_for_is_reassigned_without_a_reason(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)  # routed to czj, not signed yet
    moved = act(client, staff.coordinator, case, "reassign", department="sfj")
    assert (moved.status_code, moved.json()["department"]) == (200, "sfj")


def test_rejected_case_keeps_the_reason_and_can_be_reopened_to_triage(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    case = act(client, staff.coordinator, case, "reject", reason="重复投诉").json()
    assert (case["status"], case["events"][-1]["reason"]) == ("rejected", "重复投诉")
    case = act(client, staff.coordinator, case, "reopen", reason="并非重复").json()
    assert case["status"] == "triage"


def test_dissatisfied_outcome_is_reopened_for_the_same_unit(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    case = act(client, staff.czj_clerk, case, "sign").json()
    case = act(client, staff.czj_clerk, case, "resolve", reply="已处理").json()
    case = act(client, staff.coordinator, case, "reopen", reason="投诉人不满意：款未到账").json()
    assert (case["status"], case["department"]) == ("in_progress", "czj")


def test_action_that_does_not_fit_the_state_answers_409(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.czj_clerk, case, "start")
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_stale_version_answers_409_and_changes_nothing(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    act(client, staff.czj_clerk, case, "sign")
    response = act(client, staff.czj_clerk, case, "return", reason="不是我们的")
    assert (response.status_code, response.json()["code"]) == (409, "stale_version")
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()
    assert (again["status"], again["version"]) == ("signed", 2)


def test_allowed_actions_tell_each_role_what_it_can_do(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    as_clerk = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()
    as_coordinator = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator)
    assert as_clerk["allowed_actions"] == ["sign", "return", "declare_complex"]
    assert as_coordinator.json()["allowed_actions"] == [
        "reassign",
        "reject",
        "set_rectification",
        "merge",
        "set_request_type",  # issue 12: request type, supervision, joint handling
        "supervise",
        "assist",
    ]
