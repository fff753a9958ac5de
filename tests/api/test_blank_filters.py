"""An empty filter is no filter, on every list, figure and export.

Reviewer, 2026-12-03: `department=` (a form's "all units" sends it) meant every unit on
`/api/v1/assessment` and `records.xlsx`, but `/api/v1/stats`, `/api/v1/records` and
`cases.xlsx` refused it with "没有这个单位：。", naming nothing.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import file_case
from tests.conftest import Staff

BLANK_FILTERS = [
    "/api/v1/cases?department=&category=&channel=&status=&kind=",
    "/api/v1/stats?department=",
    "/api/v1/records?department=",
    "/api/v1/assessment?department=",
    "/api/v1/exports/cases.xlsx?department=&status=&category=",
    "/api/v1/exports/records.xlsx?department=",
    "/api/v1/cases?department=%20",
    "/api/v1/cases?measure=",
    "/api/v1/records?state=",
    "/api/v1/exports/cases.xlsx?measure=",
]


@pytest.mark.parametrize("path", BLANK_FILTERS)
def test_an_empty_filter_means_every_one_not_an_unknown_one(
    client: TestClient, staff: Staff, path: str
) -> None:
    file_case(client, staff.coordinator)
    headers = {**staff.coordinator, "Accept-Language": "zh"}

    answer = client.get(path, headers=headers)

    assert answer.status_code == 200, answer.text
    assert "没有这个单位" not in answer.text


def test_the_case_list_with_empty_filters_lists_what_it_lists_without_them(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator)
    plain = client.get("/api/v1/cases", headers=staff.coordinator).json()
    blank = client.get(BLANK_FILTERS[0], headers=staff.coordinator).json()

    assert [c["number"] for c in blank["data"]] == [c["number"] for c in plain["data"]] != []
