"""The hand-off rules through the admin API: 409 with the rule's code and words, 422 for
input out of bounds, and the urgent mark."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock


def zh(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Accept-Language": "zh"}


def test_a_late_return_answers_409_with_the_rule_in_chinese_and_english(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    case = file_case(client, staff.coordinator)  # Friday 10:00
    clock.advance(days=4)  # Tuesday
    in_zh = act(client, zh(staff.czj_clerk), case, "return", reason="不是我们的")
    in_en = act(client, staff.czj_clerk, case, "return", reason="not ours")
    assert (in_zh.status_code, in_zh.json()["code"]) == (409, "return_window_closed")
    assert "退单须在收到案件后 1 个工作日内提出（截至 2026-11-30）" in in_zh.json()["detail"]
    assert "within 1 working day(s)" in in_en.json()["detail"]


def test_extensions_are_refused_beyond_ten_days_and_after_two(
    client: TestClient, staff: Staff
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    too_long = act(
        client, staff.czj_clerk, case, "request_extension", days=11, reason="需要调取档案"
    )
    assert (too_long.status_code, too_long.json()["code"]) == (422, "bad_extension")
    for _ in range(2):
        case = act(
            client, staff.czj_clerk, case, "request_extension", days=10, reason="核实"
        ).json()
        case = act(client, staff.coordinator, case, "approve_extension").json()
    third = act(client, zh(staff.czj_clerk), case, "request_extension", days=1, reason="再延")
    assert (third.status_code, third.json()["code"]) == (409, "extension_limit_reached")
    assert "最多只能延期 2 次" in third.json()["detail"]


def test_a_case_filed_as_urgent_says_so(client: TestClient, staff: Staff) -> None:
    assert file_case(client, staff.coordinator, urgent=True)["urgent"] is True
    assert file_case(client, staff.coordinator)["urgent"] is False
    danger = file_case(client, staff.coordinator, text="小区配电箱漏电，电线裸露，孩子们天天经过")
    assert danger["urgent"] is True
    listed = client.get("/api/v1/cases", headers=staff.coordinator).json()["data"]
    assert [c["urgent"] for c in listed] == [True, False, True]
