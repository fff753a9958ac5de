"""The complaint ledger (工单台账): Chinese headings unless English is asked for."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import file_case
from tests.conftest import Staff
from tests.exports.helpers import headings, sheet_of


def test_without_accept_language_the_headings_are_chinese(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator)

    response = client.get("/api/v1/exports/cases.xlsx", headers=staff.coordinator)

    assert headings(sheet_of(response.content))[:2] == ["案件编号", "类型"]


def test_lang_en_or_accept_language_en_gives_english_headings(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator)

    asked = client.get("/api/v1/exports/cases.xlsx?lang=en", headers=staff.coordinator)
    told = client.get(
        "/api/v1/exports/cases.xlsx", headers={**staff.coordinator, "Accept-Language": "en-GB"}
    )

    for response in (asked, told):
        assert headings(sheet_of(response.content))[:2] == ["Case number", "Kind"]


def test_a_clerk_asking_for_another_unit_is_refused_not_given_an_empty_ledger(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator)  # czj's

    response = client.get(
        "/api/v1/exports/cases.xlsx?department=czj&from=2026-11-01&to=2026-11-30",
        headers=staff.sfj_clerk,
    )

    assert (response.status_code, response.json()["code"]) == (403, "other_unit")
