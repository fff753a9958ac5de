"""A record's reasons need words, and its objection's texts keep no direction control.

Verifier, 2026-12-03: `decide_objection` with the reason "。。" and `object` with "😀" were
taken, and an objection kept `王\u202e五` and a phone number behind U+202E (a case's
reasons already refused both).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Staff
from tests.records.helpers import filed, step, stepped

WHO = {"objector_kind": "person", "objector_name": "李某"}


@pytest.mark.parametrize("wordless", ["。。", "😀", "123"])
def test_an_objection_whose_reason_has_no_words_is_refused_and_changes_nothing(
    client: TestClient, staff: Staff, wordless: str
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")

    refused = step(client, staff.czj_clerk, record, "object", reason=wordless, **WHO)

    assert (refused.status_code, refused.json()["code"]) == (422, "reason_no_words")
    again = client.get(f"/api/v1/records/{record['number']}", headers=staff.coordinator).json()
    assert again["version"] == record["version"] and again["objections"] == []


def test_an_objections_name_and_reasons_keep_no_direction_control(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")

    objected = stepped(
        client,
        staff.czj_clerk,
        record,
        "object",
        objector_kind="person",
        objector_name="王\u202e五",
        reason="处分有误，联系电话\u202e13812345678\u202c",
    )

    [objection] = objected["objections"]
    assert objection["objector_name"] == "王五"
    assert objection["reasons"] == "处分有误，联系电话13812345678"
