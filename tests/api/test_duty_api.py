"""The on-duty roster through the API (/api/v1/duty): coordinators only, clear refusals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.staff_accounts import staff_with_password

DUTY = "/api/v1/duty"


@pytest.fixture
def zhao(container: Container) -> str:
    staff_with_password(container, login="zhao", name="协调员 赵", password=None)
    return "zhao"


def test_a_coordinator_rosters_a_range_and_reads_it_back(
    client: TestClient, staff: Staff, zhao: str
) -> None:
    added = client.post(
        DUTY,
        json={"login": zhao, "from": "2026-11-30", "to": "2026-12-01"},
        headers=staff.coordinator,
    )
    assert (added.status_code, added.json()) == (201, {"added": ["2026-11-30", "2026-12-01"]})
    listed = client.get(
        DUTY, params={"from": "2026-11-29", "to": "2026-12-02"}, headers=staff.coordinator
    )
    assert listed.status_code == 200
    body = listed.json()
    assert [(s["date"], s["login"], s["name"]) for s in body["shifts"]] == [
        ("2026-11-30", "zhao", "协调员 赵"),
        ("2026-12-01", "zhao", "协调员 赵"),
    ]
    assert body["uncovered"] == ["2026-11-29", "2026-12-02"]


def test_the_roster_lists_four_weeks_from_the_current_duty_day_by_default(
    client: TestClient, staff: Staff, zhao: str
) -> None:
    # The fake clock stands at Friday 2026-11-27 10:00 in Tianjin.
    body = client.get(DUTY, headers=staff.coordinator).json()
    assert (body["from"], body["to"], len(body["uncovered"])) == ("2026-11-27", "2026-12-24", 28)


def test_removing_takes_the_coordinator_off_those_days(
    client: TestClient, staff: Staff, zhao: str
) -> None:
    client.post(
        DUTY,
        json={"login": zhao, "from": "2026-11-30", "to": "2026-12-02"},
        headers=staff.coordinator,
    )
    removed = client.post(
        f"{DUTY}/remove", json={"login": zhao, "from": "2026-12-01"}, headers=staff.coordinator
    )
    assert (removed.status_code, removed.json()) == (200, {"removed": 1})
    listed = client.get(
        DUTY, params={"from": "2026-11-30", "to": "2026-12-02"}, headers=staff.coordinator
    )
    assert [s["date"] for s in listed.json()["shifts"]] == ["2026-11-30", "2026-12-02"]


def test_clerks_may_neither_read_nor_change_the_roster(
    client: TestClient, staff: Staff, zhao: str
) -> None:
    body = {"login": zhao, "from": "2026-11-30"}
    assert client.get(DUTY, headers=staff.czj_clerk).status_code == 403
    assert client.post(DUTY, json=body, headers=staff.czj_clerk).status_code == 403
    assert client.post(f"{DUTY}/remove", json=body, headers=staff.czj_clerk).status_code == 403


@pytest.mark.parametrize(
    ("body", "code", "field", "detail"),
    [
        (
            {"login": "nobody", "from": "2026-11-30"},
            "duty_unknown_login",
            "login",
            "没有登录名为 nobody 的在岗协调员：值班表只能排协调员。",
        ),
        (
            {"login": "zhao", "from": "2026-12-01", "to": "2026-11-30"},
            "duty_range_reversed",
            "to",
            "结束日期 2026-11-30 早于开始日期 2026-12-01。",
        ),
        (
            {"login": "zhao", "from": "2026-11-30", "to": "2027-11-30"},
            "duty_range_too_long",
            "to",
            "一次最多排 92 天的值班。",
        ),
    ],
)
def test_a_bad_roster_change_answers_422_with_what_is_wrong(
    client: TestClient,
    staff: Staff,
    zhao: str,
    body: dict[str, str],
    code: str,
    field: str,
    detail: str,
) -> None:
    headers = {**staff.coordinator, "Accept-Language": "zh"}
    refused = client.post(DUTY, json=body, headers=headers)
    assert refused.status_code == 422
    assert (refused.json()["code"], refused.json().get("field"), refused.json()["detail"]) == (
        code,
        field,
        detail,
    )


@pytest.mark.parametrize("day", ["2026/11/30", "2026-02-30", "", "3000-01-01"])
def test_a_bad_date_answers_422_naming_the_field(
    client: TestClient, staff: Staff, zhao: str, day: str
) -> None:
    refused = client.post(DUTY, json={"login": zhao, "from": day}, headers=staff.coordinator)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["from"]
    listed = client.get(DUTY, params={"from": day or "x"}, headers=staff.coordinator)
    assert listed.status_code == 422
