"""Input any client can send is answered 4xx with a readable message, never 500 (issue 8, #4).

Each request that answered 500 before is here with its input, and beside it the other places
where the same kind of input arrives: every text field, every date, id and cursor, every body.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from backend.api.bodies import MAX_BODY_BYTES, MAX_JSON_DEPTH
from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.db import session_scope
from backend.people.models import Reporter
from backend.workdays.models import CalendarOverride
from tests.api.helpers import ARREARS, act, file_case
from tests.conftest import Staff

NUL = "\u0000"
LONE_SURROGATE = "\\ud800"  # as JSON text: json.dumps cannot write the character itself
DEEP = b"[" * 100_000
BODY_ENDPOINTS = [
    ("POST", "/api/v1/cases"),
    ("POST", "/api/v1/cases/HQ-261127-0001/actions"),
    ("POST", "/api/v1/calendar/overrides"),
]


def refused(response, status: int, code: str) -> str:  # type: ignore[no-untyped-def]
    """Assert the refusal's status and code; return its message."""
    assert (response.status_code, response.json()["code"]) == (status, code), response.text
    detail: str = response.json()["detail"]
    return detail


def count(container: Container, table: type) -> int:
    with session_scope(container.engine) as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


# The requests that answered 500 (issue 8, finding 4), each with its input.


def test_a_cursor_holding_an_id_past_any_integer_is_refused(
    client: TestClient, staff: Staff
) -> None:
    cursor = base64.urlsafe_b64encode(b"id:" + b"9" * 30).decode().rstrip("=")
    response = client.get(f"/api/v1/cases?cursor={cursor}", headers=staff.coordinator)
    assert "cursor" in refused(response, 422, "bad_cursor")


def test_adding_working_days_to_the_last_day_python_knows_is_refused(
    client: TestClient, staff: Staff
) -> None:
    response = client.get(
        "/api/v1/calendar/add-working-days?start=9999-12-31&days=1", headers=staff.coordinator
    )
    assert "1900-01-01" in refused(response, 422, "date_out_of_range")


def test_a_staff_id_past_any_integer_is_refused(client: TestClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/staff/878326802703905062912/invites", headers=staff.coordinator
    )
    refused(response, 422, "bad_request")


def test_a_nul_in_a_cases_text_is_refused_and_nothing_is_saved(
    client: TestClient, staff: Staff, container: Container
) -> None:
    response = client.post(
        "/api/v1/cases", json={"text": ARREARS + NUL}, headers=staff.coordinator
    )
    assert "text" in refused(response, 422, "unstorable_text")
    assert count(container, Case) == 0


def test_a_nul_in_a_reporters_name_is_refused_and_nothing_is_saved(
    client: TestClient, staff: Staff, container: Container
) -> None:
    body = {"text": ARREARS, "reporter": {"name": "张" + NUL, "phone": "13812345678"}}
    response = client.post("/api/v1/cases", json=body, headers=staff.coordinator)
    refused(response, 422, "unstorable_text")
    assert (count(container, Case), count(container, Reporter)) == (0, 0)


def test_a_nul_in_an_actions_reason_is_refused_and_the_case_stays(
    client: TestClient, staff: Staff, container: Container
) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.coordinator, case, "reject", reason="不属于受理范围" + NUL)
    refused(response, 422, "unstorable_text")
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert (again["status"], again["version"]) == (case["status"], case["version"])


def test_a_nul_in_an_overrides_reason_is_refused_and_the_day_stays(
    client: TestClient, staff: Staff, container: Container
) -> None:
    body = {"date": "2026-12-01", "working": False, "reason": "停电" + NUL}
    response = client.post("/api/v1/calendar/overrides", json=body, headers=staff.coordinator)
    refused(response, 422, "unstorable_text")
    assert count(container, CalendarOverride) == 0


def test_a_nul_in_the_search_term_is_refused(client: TestClient, staff: Staff) -> None:
    response = client.get("/api/v1/cases?q=%00", headers=staff.coordinator)
    assert "q" in refused(response, 422, "unstorable_text")


# The same kinds everywhere else they arrive.


@pytest.mark.parametrize(
    "body",
    [
        {"text": ARREARS, "category": "arrears" + NUL},
        {"text": ARREARS, "street": "xyz" + NUL},
        {"text": ARREARS, "location": "西于庄" + NUL},
        {"text": ARREARS, "reporter": {"name": "张三", "phone": "138" + NUL}},
        {"text": ARREARS, NUL: 1},
    ],
    ids=["category", "street", "location", "phone", "a key"],
)
def test_a_nul_in_any_field_of_a_new_case_is_refused(
    client: TestClient, staff: Staff, container: Container, body: dict
) -> None:
    response = client.post("/api/v1/cases", json=body, headers=staff.coordinator)
    assert response.status_code == 422 and NUL not in response.text
    assert count(container, Case) == 0


@pytest.mark.parametrize("field", ["reason", "reply", "department", "category", "into"])
def test_a_nul_in_any_field_of_an_action_is_refused(
    client: TestClient, staff: Staff, container: Container, field: str
) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.coordinator, case, "reassign", **{field: "x" + NUL})
    refused(response, 422, "unstorable_text")
    assert count(container, CaseEvent) == len(case["events"])


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/cases"),
        ("POST", "/api/v1/cases/HQ-261127-0001/actions"),
        ("POST", "/api/v1/calendar/overrides"),
    ],
)
def test_a_lone_surrogate_in_a_body_is_refused_never_echoed(
    client: TestClient, staff: Staff, method: str, path: str
) -> None:
    raw = f'{{"text": "{LONE_SURROGATE}", "reason": "{LONE_SURROGATE}", '
    raw += f'"{LONE_SURROGATE}": "{LONE_SURROGATE}"}}'
    response = client.request(
        method,
        path,
        content=raw.encode(),
        headers={**staff.coordinator, "Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert "\ufffd" in response.text or "surrogate" in response.text


def test_a_lone_surrogate_in_a_cases_text_is_refused_readably(
    client: TestClient, staff: Staff, container: Container
) -> None:
    response = client.post(
        "/api/v1/cases",
        content=f'{{"text": "{ARREARS}{LONE_SURROGATE}"}}'.encode(),
        headers={**staff.coordinator, "Content-Type": "application/json"},
    )
    assert "cannot be stored" in refused(response, 422, "unstorable_text")
    assert count(container, Case) == 0


@pytest.mark.parametrize("parameter", ["department", "category", "q"])
def test_a_nul_in_any_list_filter_is_refused(
    client: TestClient, staff: Staff, parameter: str
) -> None:
    response = client.get(f"/api/v1/cases?{parameter}=a%00b", headers=staff.coordinator)
    refused(response, 422, "unstorable_text")


def test_a_nul_in_a_case_number_is_refused(client: TestClient, staff: Staff) -> None:
    response = client.get("/api/v1/cases/HQ%00", headers=staff.coordinator)
    refused(response, 422, "unstorable_text")


def test_unstorable_text_is_explained_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    response = client.get(
        "/api/v1/cases?q=%00", headers={**staff.coordinator, "Accept-Language": "zh-CN"}
    )
    assert "无法保存的字符" in refused(response, 422, "unstorable_text")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/calendar/days/0",
        "/api/v1/calendar/days/20261201",
        "/api/v1/calendar/days/2026-02-30",
        "/api/v1/stats?from=2.4e-80",
        "/api/v1/stats?to=0",
        "/api/v1/calendar/add-working-days?start=1&days=1",
    ],
)
def test_a_date_is_read_only_as_yyyy_mm_dd(client: TestClient, staff: Staff, path: str) -> None:
    assert "YYYY-MM-DD" in refused(client.get(path, headers=staff.coordinator), 422, "bad_date")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/calendar/days/0001-01-01", None),
        ("GET", "/api/v1/calendar/days/9999-12-31", None),
        ("GET", "/api/v1/stats?from=0001-01-01", None),
        ("GET", "/api/v1/stats?to=0001-01-01", None),
        ("DELETE", "/api/v1/calendar/overrides/9999-12-31", None),
        ("POST", "/api/v1/calendar/overrides", {"date": "0001-01-02", "working": True}),
        ("POST", "/api/v1/cases", {"text": ARREARS, "occurred_on": "0001-01-01"}),
    ],
)
def test_a_date_outside_the_counted_days_is_refused(
    client: TestClient, staff: Staff, method: str, path: str, body: dict | None
) -> None:
    if body is not None and "working" in body:
        body["reason"] = "测试"
    response = client.request(method, path, json=body, headers=staff.coordinator)
    refused(response, 422, "date_out_of_range")


def test_the_widest_period_the_calendar_counts_is_answered(
    client: TestClient, staff: Staff
) -> None:
    response = client.get(
        "/api/v1/calendar/add-working-days?start=2999-12-31&days=1000", headers=staff.coordinator
    )
    assert response.status_code == 200 and response.json()["provisional"] is True


def test_stats_of_the_earliest_day_are_answered(client: TestClient, staff: Staff) -> None:
    response = client.get("/api/v1/stats?to=1900-01-01", headers=staff.coordinator)
    assert response.status_code == 200


@pytest.mark.parametrize("staff_id", ["0", "-1", "2147483648", "1.5", "1e3"])
def test_a_staff_id_outside_the_id_range_is_refused(
    client: TestClient, staff: Staff, staff_id: str
) -> None:
    response = client.post(f"/api/v1/staff/{staff_id}/invites", headers=staff.coordinator)
    refused(response, 422, "bad_request")


@pytest.mark.parametrize("version", [2**31, "1", True, 1.5])
def test_an_action_version_is_a_json_integer_within_range(
    client: TestClient, staff: Staff, version: object
) -> None:
    case = file_case(client, staff.coordinator)
    response = act(client, staff.czj_clerk, {**case, "version": version}, "sign")
    refused(response, 422, "bad_request")


@pytest.mark.parametrize("cursor", ["not-a-cursor", "9" * 30, "-1", "1.5"])
def test_a_cursor_that_no_page_gave_is_refused(
    client: TestClient, staff: Staff, cursor: str
) -> None:
    response = client.get(f"/api/v1/cases?cursor={cursor}", headers=staff.coordinator)
    refused(response, 422, "bad_cursor")


def test_a_cursor_past_every_id_starts_from_the_newest_case(
    client: TestClient, staff: Staff
) -> None:
    number = file_case(client, staff.coordinator)["number"]
    response = client.get("/api/v1/cases?cursor=9999999999", headers=staff.coordinator)
    assert [c["number"] for c in response.json()["data"]] == [number]


def test_an_unknown_status_filter_is_refused_naming_the_known_ones(
    client: TestClient, staff: Staff
) -> None:
    response = client.get("/api/v1/cases?status=lost", headers=staff.coordinator)
    assert "triage" in refused(response, 422, "bad_request")


# Bodies: nesting and size, on every endpoint that takes one.


@pytest.mark.parametrize(("method", "path"), BODY_ENDPOINTS)
def test_json_nested_past_the_limit_is_refused_400(
    client: TestClient, staff: Staff, method: str, path: str
) -> None:
    headers = {**staff.coordinator, "Content-Type": "application/json"}
    response = client.request(method, path, content=DEEP, headers=headers)
    assert str(MAX_JSON_DEPTH) in refused(response, 400, "json_too_deep")


@pytest.mark.parametrize(("method", "path"), BODY_ENDPOINTS)
def test_json_nested_to_the_limit_is_read(
    client: TestClient, staff: Staff, method: str, path: str
) -> None:
    deep = b"[" * (MAX_JSON_DEPTH - 1) + b"]" * (MAX_JSON_DEPTH - 1)
    body = b'{"text": "x", "deep": ' + deep + b"}"
    headers = {**staff.coordinator, "Content-Type": "application/json"}
    response = client.request(method, path, content=body, headers=headers)
    assert response.status_code == 422  # read, then refused for its fields


def test_brackets_inside_strings_do_not_count_as_nesting(client: TestClient, staff: Staff) -> None:
    text = ARREARS + "[" * 3_900 + '"\\" {'  # its words first: brackets alone are no complaint
    response = client.post("/api/v1/cases", json={"text": text}, headers=staff.coordinator)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(("method", "path"), BODY_ENDPOINTS)
def test_a_body_declared_larger_than_the_limit_is_refused_413(
    client: TestClient, staff: Staff, method: str, path: str
) -> None:
    headers = {**staff.coordinator, "Content-Type": "application/json"}
    response = client.request(method, path, content=b" " * (MAX_BODY_BYTES + 1), headers=headers)
    assert str(MAX_BODY_BYTES) in refused(response, 413, "body_too_large")


def test_a_body_sent_in_chunks_is_cut_off_past_the_limit_413(
    client: TestClient, staff: Staff
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(4):  # 4 MiB without a Content-Length
            yield b" " * (1024 * 1024)

    headers = {**staff.coordinator, "Content-Type": "application/json"}
    response = client.post("/api/v1/cases", content=chunks(), headers=headers)
    refused(response, 413, "body_too_large")


def test_a_body_too_large_is_explained_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    headers = {**staff.coordinator, "Content-Type": "application/json", "Accept-Language": "zh"}
    response = client.post("/api/v1/cases", content=b" " * (MAX_BODY_BYTES + 1), headers=headers)
    assert "请求内容太大" in refused(response, 413, "body_too_large")


# Refusals the framework answers have the documented body too.


def test_a_missing_token_is_refused_with_the_error_body(client: TestClient) -> None:
    response = client.get("/api/v1/cases", headers={"Accept-Language": "zh"})
    assert refused(response, 401, "unauthorized") == "需要有效的 Bearer 令牌。"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_unknown_address_is_refused_with_the_error_body(client: TestClient) -> None:
    refused(client.get("/api/v1/nowhere"), 404, "not_found")


def test_a_method_the_address_does_not_take_lists_every_one_it_does(
    client: TestClient, staff: Staff
) -> None:
    response = client.put("/api/v1/cases", headers=staff.coordinator)
    refused(response, 405, "method_not_allowed")
    assert response.headers["Allow"] == "GET, POST"
