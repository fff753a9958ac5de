"""Request types, supervision orders (督办) and joint handling (主办/协办) through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ENFORCEMENT, act, file_case
from tests.conftest import Staff

INQUIRY = "请问企业被拖欠的工程款怎么申请支付，需要什么材料？"


def resolve_days(case: dict[str, object]) -> list[int]:
    return [d["days"] for d in case["deadlines"] if d["kind"] == "resolve"]  # type: ignore[attr-defined, index]


def test_the_type_is_read_from_the_text_or_taken_as_given_and_sets_the_clock(
    client: TestClient, staff: Staff
) -> None:
    read = file_case(client, staff.coordinator, text=INQUIRY)
    given = file_case(client, staff.coordinator, request_type="help")
    default = file_case(client, staff.coordinator)
    assert [(c["request_type"], resolve_days(c)) for c in (read, given, default)] == [
        ("inquiry", [2]),
        ("help", [10]),
        ("complaint", [15]),
    ]


def test_the_list_filters_by_type_and_shows_it(client: TestClient, staff: Staff) -> None:
    inquiry = file_case(client, staff.coordinator, text=INQUIRY)
    file_case(client, staff.coordinator)
    response = client.get(
        "/api/v1/cases", params={"request_type": "inquiry"}, headers=staff.coordinator
    )
    assert [(c["number"], c["request_type"]) for c in response.json()["data"]] == [
        (inquiry["number"], "inquiry")
    ]


def test_an_unknown_type_is_refused_with_422(client: TestClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/cases",
        json={"text": INQUIRY, "request_type": "gossip"},
        headers={**staff.coordinator, "Accept-Language": "zh"},
    )
    assert response.status_code == 422
    listed = client.get("/api/v1/cases", params={"request_type": "x"}, headers=staff.coordinator)
    assert listed.status_code == 422


def test_a_record_with_a_type_is_sent_to_the_records_api(client: TestClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/cases",
        json={
            "text": "某单位拒不履行法院判决，已被列入失信名单",
            "kind": "dishonesty_record",
            "occurred_on": "2026-11-20",
            "request_type": "report",
        },
        headers={**staff.czj_clerk, "Accept-Language": "zh"},
    )
    # A record is filed through POST /api/v1/records, which has no request type at all.
    assert (response.status_code, response.json()["code"]) == (422, "record_use_records_api")


def test_a_coordinator_changes_the_type_and_the_resolve_clock_follows(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    assert "set_request_type" in case["allowed_actions"]
    changed = act(client, staff.coordinator, case, "set_request_type", request_type="inquiry")
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["request_type"], resolve_days(body)) == ("inquiry", [2])
    assert body["events"][-1]["details"] == {"request_type": "inquiry"}
    again = act(client, staff.coordinator, body, "set_request_type", request_type="inquiry")
    assert (again.status_code, again.json()["code"]) == (422, "request_type_unchanged")


def test_a_supervision_order_opens_a_clock_on_the_unit(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.coordinator, case, "supervise", reason="限期反馈", days=3)
    assert response.status_code == 200, response.text
    clocks = [(d["kind"], d["days"], d["state"]) for d in response.json()["deadlines"]]
    assert ("supervise", 3, "open") in clocks
    refused = act(client, staff.czj_clerk, response.json(), "supervise", reason="自己督办")
    assert refused.status_code == 403


def test_an_assisting_clerk_sees_reports_and_cannot_resolve(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)  # lead: czj
    assert (
        client.get(f"/api/v1/cases/{case['number']}", headers=staff.sfj_clerk).status_code == 404
    )
    case = act(client, staff.coordinator, case, "assist", department="sfj").json()
    assert (case["lead_unit"], case["assisting_units"]) == ("czj", ["sfj"])
    listed = client.get("/api/v1/cases", headers=staff.sfj_clerk).json()["data"]
    assert [c["number"] for c in listed] == [case["number"]]
    seen = client.get(f"/api/v1/cases/{case['number']}", headers=staff.sfj_clerk).json()
    assert seen["allowed_actions"] == ["assist_report"]
    note = client.post(
        f"/api/v1/cases/{case['number']}/notes",
        json={"text": "已调取执法记录"},
        headers=staff.sfj_clerk,
    )
    assert note.status_code == 201
    refused = client.post(
        f"/api/v1/cases/{case['number']}/actions",
        json={"action": "resolve", "version": note.json()["version"], "reply": "已办"},
        headers={**staff.sfj_clerk, "Accept-Language": "en"},
    )
    assert refused.status_code == 403
    assert "only the lead unit" in refused.json()["detail"]
    reported = act(client, staff.sfj_clerk, note.json(), "assist_report", reason="执法程序合规")
    assert reported.status_code == 200, reported.text
    assert reported.json()["events"][-1]["action"] == "assist_report"


ASSISTING_REFUSED = {
    "zh": "区司法局（sfj）是本案的协办单位：只有主办单位区商务局（swj）可以执行此操作：{action}。"
    "协办单位可以添加内部备注、提交协办反馈。",
    "en": "District Justice Bureau (sfj) assists (协办) on this case: only the lead unit (主办), "
    "District Commerce Bureau (swj), may do this: {action}. An assisting unit adds notes and "
    "sends an assist report.",
}


@pytest.mark.parametrize(
    ("language", "action", "body", "label"),
    [
        ("zh", "resolve", {"reply": "已办"}, "办结"),
        ("en", "resolve", {"reply": "done"}, "Resolve"),
        ("zh", "request_extension", {"days": 3, "reason": "需核实"}, "申请延期"),
        ("en", "pause", {"reason": "waiting"}, "Pause the clock (waiting for the reporter)"),
    ],
)
def test_an_assisting_units_refusal_names_both_units_and_the_action_in_the_callers_language(
    client: TestClient, staff: Staff, language: str, action: str, body: dict, label: str
) -> None:
    case = file_case(client, staff.coordinator, category="investment")  # lead: swj
    case = act(client, staff.coordinator, case, "assist", department="sfj").json()
    headers = {**staff.sfj_clerk, "Accept-Language": language}

    refused = act(client, headers, case, action, **body)

    expected = {"detail": ASSISTING_REFUSED[language].format(action=label), "code": "forbidden"}
    assert (refused.status_code, refused.json()) == (403, expected)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", "区财政局（czj）是本案的主办单位，办结案件即是反馈；协办反馈由协办单位提交。"),
        (
            "en",
            "District Finance Bureau (czj) is the case's lead unit (主办): it reports by "
            "resolving the case; an assist report is an assisting unit's (协办).",
        ),
    ],
)
def test_the_lead_units_assist_report_is_refused_in_the_callers_language(
    client: TestClient, staff: Staff, language: str, words: str
) -> None:
    case = file_case(client, staff.coordinator)  # lead: czj
    headers = {**staff.czj_clerk, "Accept-Language": language}

    refused = act(client, headers, case, "assist_report", reason="已核查")

    assert (refused.status_code, refused.json()) == (403, {"detail": words, "code": "forbidden"})


def test_assisting_refusals_are_422_with_their_code(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    for department, code in (("czj", "assist_is_lead"), (None, "assist_department_required")):
        response = act(client, staff.coordinator, case, "assist", department=department)
        assert (response.status_code, response.json()["code"]) == (422, code)
    unknown = act(client, staff.coordinator, case, "assist", department="nowhere")
    assert unknown.json()["code"] == "unknown_department"


@pytest.mark.parametrize(
    ("language", "words"), [("zh", "请选择协办单位。"), ("en", "Choose the assisting unit.")]
)
def test_an_assist_without_a_unit_asks_for_one_in_words_naming_no_field(
    client: TestClient, staff: Staff, language: str, words: str
) -> None:
    case = file_case(client, staff.coordinator)
    headers = {**staff.coordinator, "Accept-Language": language}

    refused = act(client, headers, case, "assist", department="")

    expected = {"detail": words, "code": "assist_department_required", "field": "department"}
    assert (refused.status_code, refused.json()) == (422, expected)


def test_the_enforcement_case_lists_only_for_its_own_units(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=ENFORCEMENT)  # lead: sfj
    act(client, staff.coordinator, case, "assist", department="czj")
    others = client.get("/api/v1/cases", headers=staff.xyz_clerk).json()["data"]
    assert others == []
