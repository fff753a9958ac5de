"""A clerk asks about the own unit only: another unit's `department` is 403 at every API
entry point (lists, figures, assessment, exports), with one message in the caller's language.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Staff

ENTRY_POINTS = (
    "/api/v1/cases",
    "/api/v1/records",
    "/api/v1/stats",
    "/api/v1/stats/trend",
    "/api/v1/stats/breakdown",
    "/api/v1/assessment",
    "/api/v1/exports/cases.xlsx",
    "/api/v1/exports/records.xlsx",
    "/api/v1/exports/assessment.xlsx",
)
ZH = {"Accept-Language": "zh"}


@pytest.mark.parametrize("path", ENTRY_POINTS)
def test_a_clerk_asking_about_another_unit_is_refused_403_in_the_callers_language(
    client: TestClient, staff: Staff, path: str
) -> None:
    english = client.get(f"{path}?department=sfj", headers=staff.czj_clerk)
    chinese = client.get(f"{path}?department=sfj", headers={**staff.czj_clerk, **ZH})

    assert (english.status_code, english.json()["code"]) == (403, "other_unit")
    assert "own unit" in english.json()["detail"] and "sfj" in english.json()["detail"]
    assert (chinese.status_code, chinese.json()["code"]) == (403, "other_unit")
    assert "本单位" in chinese.json()["detail"]


@pytest.mark.parametrize("path", ENTRY_POINTS)
def test_a_clerk_asking_about_the_own_unit_is_answered(
    client: TestClient, staff: Staff, path: str
) -> None:
    assert client.get(f"{path}?department=czj", headers=staff.czj_clerk).status_code == 200


@pytest.mark.parametrize("path", ENTRY_POINTS)
def test_a_coordinator_asks_about_any_unit(client: TestClient, staff: Staff, path: str) -> None:
    assert client.get(f"{path}?department=sfj", headers=staff.coordinator).status_code == 200


@pytest.mark.parametrize(
    ("path", "status"),
    (
        ("/api/v1/records", 200),
        ("/api/v1/exports/records.xlsx", 200),
        ("/api/v1/cases", 403),
        ("/api/v1/stats", 403),
    ),
)
def test_the_lead_office_clerk_asks_about_any_unit_for_the_records_only(
    client: TestClient, staff: Staff, path: str, status: int
) -> None:
    """The lead office's clerks see every record (backend.records), and cases as a unit."""
    assert client.get(f"{path}?department=sfj", headers=staff.fgw_clerk).status_code == status
