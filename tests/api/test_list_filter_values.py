"""The case list refuses a filter value it does not know, as stats and exports do (422)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Staff


@pytest.mark.parametrize(
    ("query", "code", "english"),
    [
        ("department=zz", "unknown_department", "Unknown department: zz."),
        ("category=zz", "unknown_category", "Unknown category: zz."),
        ("channel=x", "unknown_channel", "Unknown channel: x."),
    ],
)
def test_an_unknown_filter_value_of_the_case_list_is_refused_with_422(
    client: TestClient, staff: Staff, query: str, code: str, english: str
) -> None:
    english_headers = {**staff.coordinator, "Accept-Language": "en"}
    answer = client.get(f"/api/v1/cases?{query}", headers=english_headers)
    assert (answer.status_code, answer.json()["code"]) == (422, code)
    assert answer.json()["detail"] == english


def test_the_list_and_stats_refuse_an_unknown_department_alike(
    client: TestClient, staff: Staff
) -> None:
    chinese = {**staff.coordinator, "Accept-Language": "zh-CN"}
    listed = client.get("/api/v1/cases?department=zz", headers=chinese)
    counted = client.get("/api/v1/stats?department=zz", headers=chinese)
    assert listed.status_code == counted.status_code == 422
    assert listed.json()["code"] == counted.json()["code"] == "unknown_department"
    assert listed.json()["detail"] == counted.json()["detail"] == "没有这个单位：zz。"


def test_known_filter_values_still_list(client: TestClient, staff: Staff) -> None:
    answer = client.get("/api/v1/cases?department=czj&channel=web", headers=staff.coordinator)
    assert answer.status_code == 200


def test_the_case_export_refuses_an_unknown_channel(client: TestClient, staff: Staff) -> None:
    answer = client.get("/api/v1/exports/cases.xlsx?channel=x", headers=staff.coordinator)
    assert (answer.status_code, answer.json()["code"]) == (422, "unknown_channel")
