"""A dishonesty record is no complaint: no complaint category, no routing, never merged.

Records are filed with POST /api/v1/records (tests/records); POST /api/v1/cases refuses the
kind `dishonesty_record` and points there.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.records.helpers import filed

# A record about the disabled persons' federation: its words would route a complaint to 助残.
DISABILITY_RECORD = "【政务失信记录】纪律处分：李某（区残联），残疾人补贴承诺长期未兑现"


def file_the_old_way(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    payload = {"text": DISABILITY_RECORD, "kind": "dishonesty_record", "occurred_on": "2026-11-26"}
    return client.post("/api/v1/cases", json={**payload, **body}, headers=headers)


def test_a_record_filed_as_a_case_is_refused_whatever_else_it_says(
    client: TestClient, staff: Staff
) -> None:
    complaint = file_case(client, staff.coordinator)
    for body in ({}, {"category": "disability"}, {"source_case": complaint["number"]}):
        refused = file_the_old_way(client, staff.czj_clerk, **body)
        assert (refused.status_code, refused.json()["code"]) == (422, "record_use_records_api")


def test_a_record_gets_no_complaint_category_and_is_not_routed(
    client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk, summary=DISABILITY_RECORD)
    case = client.get(f"/api/v1/cases/{record['number']}", headers=staff.czj_clerk).json()
    assert (case["kind"], case["category"], case["department"]) == (
        "dishonesty_record",
        None,
        "czj",
    )
    moved = act(client, staff.coordinator, case, "reassign", department="fgw", category="arrears")
    assert moved.status_code in (409, 422), moved.text
    assert moved.json()["code"] in ("invalid_transition", "record_takes_no_category")


def test_a_complaint_and_a_record_are_never_merged(client: TestClient, staff: Staff) -> None:
    complaint = file_case(client, staff.coordinator)
    record = filed(client, staff.coordinator)
    response = act(
        client, staff.coordinator, complaint, "merge", into=record["number"], reason="x"
    )
    assert (response.status_code, response.json()["code"]) == (422, "merge_target_other_kind")
