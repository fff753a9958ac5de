"""A required text a reader cannot see (zero-width, bidi marks, control characters) is missing.

Tester report of 2026-12-01: a reason, a reply, a note, a day's reason and a record's
document number of such marks only were taken as given, and a record "complete" showed no
document number in the ledger. Every service reads them with `visible_text`.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.records.helpers import file_record, filed, step

BLANKS = ["\u200b\u200f", "\x01\x02", "\ufeff\u2060 \u202e", "\u200e"]


def code_of(response) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return response.status_code, response.json()["code"]


@pytest.mark.parametrize("blank", BLANKS)
def test_a_case_action_whose_reason_nobody_can_see_is_refused_and_the_case_stays(
    client: TestClient, staff: Staff, blank: str
) -> None:
    case = file_case(client, staff.coordinator)
    other = file_case(client, staff.coordinator, text="工程款拖欠半年了，请尽快处理，第二次反映")

    for action, extra in (("reject", {}), ("supervise", {}), ("merge", {"into": other["number"]})):
        refused = act(client, staff.coordinator, case, action, reason=blank, **extra)
        assert code_of(refused) == (422, "reason_required"), action
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert (again["status"], again["version"]) == (case["status"], case["version"])


@pytest.mark.parametrize("blank", BLANKS)
def test_a_reply_or_note_nobody_can_see_is_refused(
    client: TestClient, staff: Staff, blank: str
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()

    resolved = act(client, staff.czj_clerk, signed, "resolve", reply=blank)
    note = client.post(
        f"/api/v1/cases/{case['number']}/notes", json={"text": blank}, headers=staff.czj_clerk
    )

    assert code_of(resolved) == (422, "reply_required")
    assert code_of(note) == (422, "note_required")


@pytest.mark.parametrize("blank", BLANKS)
def test_a_calendar_change_with_a_reason_nobody_can_see_is_refused(
    client: TestClient, staff: Staff, blank: str
) -> None:
    body = {"date": "2026-12-05", "working": True, "reason": blank}
    response = client.post("/api/v1/calendar/overrides", json=body, headers=staff.coordinator)
    assert code_of(response) == (422, "reason_required")


@pytest.mark.parametrize("blank", BLANKS)
def test_a_record_whose_document_number_nobody_can_see_has_none(
    client: TestClient, staff: Staff, blank: str
) -> None:
    refused = file_record(client, staff.czj_clerk, document_number=blank)
    draft = filed(
        client,
        staff.czj_clerk,
        document_number=blank,
        person_post=blank,
        authority=blank,
        draft=True,
    )
    report = step(client, staff.czj_clerk, draft, "report", document_number=blank)

    assert code_of(refused) == (422, "record_document_required")
    assert (draft["document_number"], draft["person_post"], draft["authority"]) == (None, "", "")
    assert code_of(report) == (422, "record_report_needs_document")
