"""A dishonesty record is no complaint: no complaint category, and a link to its complaint."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import ENFORCEMENT, act, file_case
from tests.conftest import Staff

# A record about the disabled persons' federation: its words would route a complaint to 助残.
DISABILITY_RECORD = "【政务失信记录】纪律处分：李某（区残联），残疾人补贴承诺长期未兑现"


def file_record(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    payload = {"text": DISABILITY_RECORD, "kind": "dishonesty_record", "occurred_on": "2026-11-26"}
    return client.post("/api/v1/cases", json={**payload, **body}, headers=headers)


def test_a_record_gets_no_complaint_category_and_is_not_routed(
    client: TestClient, staff: Staff
) -> None:
    record = file_record(client, staff.czj_clerk)
    assert record.status_code == 201, record.text
    body = record.json()
    assert (body["category"], body["department"], body["routing"]) == (None, "fgw", None)
    refused = file_record(client, staff.czj_clerk, category="disability")
    assert (refused.status_code, refused.json()["code"]) == (422, "record_takes_no_category")
    moved = act(client, staff.coordinator, body, "reassign", department="fgw", category="arrears")
    assert (moved.status_code, moved.json()["code"]) == (422, "record_takes_no_category")


def test_a_record_names_the_complaint_it_came_from_and_both_show_the_link(
    client: TestClient, staff: Staff
) -> None:
    complaint = file_case(client, staff.coordinator)  # czj
    loosely = complaint["number"].replace("-", "").lower()
    record = file_record(client, staff.czj_clerk, source_case=loosely).json()
    assert record["source_case"] == complaint["number"]
    assert record["details"]["complaint"] == complaint["number"]
    seen = client.get(f"/api/v1/cases/{complaint['number']}", headers=staff.coordinator).json()
    assert seen["records"] == [record["number"]]
    assert (seen["events"][-1]["action"], seen["events"][-1]["details"]) == (
        "record_filed",
        {"case": record["number"]},
    )
    # The unit's clerk may not read the lead office's record: the link shows neutrally.
    by_clerk = client.get(f"/api/v1/cases/{complaint['number']}", headers=staff.czj_clerk).json()
    assert by_clerk["records"] == [] and record["number"] not in json.dumps(by_clerk)
    assert by_clerk["events"][-1]["reason"] == "A dishonesty record was filed from this case."


def test_only_a_record_names_a_complaint_and_only_one_the_filer_may_see(
    client: TestClient, staff: Staff
) -> None:
    complaint = file_case(client, staff.coordinator)  # czj
    elsewhere = file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj
    for headers, body, code in (
        (
            staff.coordinator,
            {"kind": "complaint", "source_case": complaint["number"]},
            "source_case_only_records",
        ),
        (staff.czj_clerk, {"source_case": elsewhere["number"]}, "source_case_unknown"),
        (staff.czj_clerk, {"source_case": "HQ-261127-9999"}, "source_case_unknown"),
    ):
        response = file_record(client, headers, **body)
        assert (response.status_code, response.json()["code"]) == (422, code), body
        assert "9999" not in response.json()["detail"]


def test_a_complaint_and_a_record_are_never_merged(client: TestClient, staff: Staff) -> None:
    complaint = file_case(client, staff.coordinator)
    record = file_record(client, staff.coordinator).json()
    response = act(
        client, staff.coordinator, complaint, "merge", into=record["number"], reason="x"
    )
    assert (response.status_code, response.json()["code"]) == (422, "merge_target_other_kind")
