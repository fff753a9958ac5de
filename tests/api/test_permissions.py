"""Who sees and does what: the role and department matrix, and the reporter's privacy."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ARREARS, ENFORCEMENT, act, file_case
from tests.conftest import Staff

NAMED = {"reporter": {"name": "张三", "phone": "138-1234-5678"}}


def test_clerk_sees_only_the_own_units_cases(client: TestClient, staff: Staff) -> None:
    ours = file_case(client, staff.coordinator, text=ARREARS)
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    listed = client.get("/api/v1/cases", headers=staff.czj_clerk).json()["data"]
    other = client.get("/api/v1/cases?department=sfj", headers=staff.czj_clerk)
    assert [c["number"] for c in listed] == [ours["number"]]
    assert (other.status_code, other.json()["code"]) == (403, "other_unit")


def test_another_units_case_answers_404_to_a_clerk(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator, text=ENFORCEMENT)
    read = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk)
    acted = act(client, staff.czj_clerk, case, "sign")
    assert (read.status_code, acted.status_code) == (404, 404)


@pytest.mark.parametrize(
    ("who", "action", "body"),
    [
        ("czj_clerk", "reassign", {"department": "sfj"}),
        ("czj_clerk", "reject", {"reason": "x"}),
        ("czj_clerk", "close", {}),
        ("coordinator", "sign", {}),
        ("coordinator", "resolve", {"reply": "done"}),
        ("coordinator", "return", {"reason": "x"}),
    ],
)
def test_actions_outside_the_role_answer_403(
    client: TestClient, staff: Staff, who: str, action: str, body: dict
) -> None:
    case = file_case(client, staff.coordinator, text=ARREARS)
    response = act(client, getattr(staff, who), case, action, **body)
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Your role (clerk) may not do this: Close."),
        ("zh", "你的角色（联络员）不能执行此操作：归档。"),
    ],
)
def test_a_refused_action_names_the_role_and_the_action_in_the_callers_language(
    client: TestClient, staff: Staff, language: str, words: str
) -> None:
    case = file_case(client, staff.coordinator, text=ARREARS)
    headers = {**staff.czj_clerk, "Accept-Language": language}
    response = act(client, headers, case, "close")
    assert (response.status_code, response.json()) == (403, {"detail": words, "code": "forbidden"})


def test_clerk_never_sees_the_reporter(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.czj_clerk, text=ARREARS, **NAMED)
    read = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk)
    listed = client.get("/api/v1/cases", headers=staff.czj_clerk)
    for body in (case, read.text, listed.text):
        assert "张三" not in str(body) and "13812345678" not in str(body)


def test_coordinator_sees_the_reporter_of_a_named_report_only(
    client: TestClient, staff: Staff
) -> None:
    named = file_case(client, staff.coordinator, text=ARREARS, **NAMED)
    anonymous = file_case(client, staff.coordinator, text=ARREARS)
    assert named["reporter"] == {
        "name": "张三",
        "phone": "13812345678",
        "channel": "api",
        "email": None,
    }
    assert anonymous["reporter"] is None


def test_anonymous_case_refuses_reporter_details(client: TestClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/cases",
        json={"text": ARREARS, "anonymous": True, **NAMED},
        headers=staff.coordinator,
    )
    assert response.status_code == 422
