"""The API answers a text kept before intake dropped direction controls without them.

Reviewer, 2026-12-03: pages and sheets no longer wrote them (`backend.templating.shown`,
`backend.exports.sheets.cell_text`), but `GET /api/v1/cases/{number}` still answered
"联系电话\u202e13812345678\u202c" for a text kept before, and a client showing it read the
number backwards. Every answer of the API loses them where it is written, whatever field or
nested detail holds the text (`backend.api.shown`); a text without them is answered as kept.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import col, update

from backend.api.shown import shown_data
from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.db import session_scope
from backend.records.models import DishonestyRecord, RecordObjection
from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.open311.helpers import BASE, children, file_request, new_key, xml
from tests.records.helpers import filed, stepped

CONTROLS = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
TURNED = "工程款拖欠半年，联系电话\u202e13812345678\u202c，谢谢\u2067"
READ = "工程款拖欠半年，联系电话13812345678，谢谢"


def _keep_as_before(container: Container, statement: Any) -> None:
    """Write a row directly, as intake kept it before it dropped direction controls."""
    with session_scope(container.engine) as session:
        session.execute(statement)


def _has_no_control(body: str) -> bool:
    return not any(mark in body for mark in CONTROLS)


def test_a_cases_texts_kept_with_direction_controls_are_answered_without_them(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()
    act(client, staff.czj_clerk, signed, "resolve", reply="已回电说明情况")
    number = case["number"]
    row = col(Case.number) == number
    _keep_as_before(
        container,
        update(Case).where(row).values(text=TURNED, reply=TURNED, location_text=TURNED),
    )
    _keep_as_before(
        container,
        update(CaseEvent)
        .where(col(CaseEvent.action) == "resolve")
        .values(reason=TURNED, details={"reply": TURNED, "notes": [TURNED]}),
    )

    answer = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator)
    listed = client.get("/api/v1/cases", headers=staff.coordinator)

    shown = answer.json()
    assert (shown["text"], shown["reply"], shown["location"]) == (READ, READ, READ)
    [resolved] = [e for e in shown["events"] if e["action"] == "resolve"]
    assert resolved["reason"] == READ
    assert resolved["details"] == {"reply": READ, "notes": [READ]}
    assert [c["text"] for c in listed.json()["data"]] == [READ]
    assert _has_no_control(answer.text) and _has_no_control(listed.text)


def test_a_records_summary_and_objection_kept_with_direction_controls_are_answered_without_them(
    client: TestClient, container: Container, staff: Staff
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    stepped(
        client,
        staff.czj_clerk,
        record,
        "object",
        objector_kind="person",
        objector_name="王五",
        reason="处分有误，请复核",
    )
    _keep_as_before(container, update(DishonestyRecord).values(summary=TURNED))
    _keep_as_before(
        container, update(RecordObjection).values(reasons=TURNED, objector_name="王\u202e五")
    )

    answer = client.get(f"/api/v1/records/{record['number']}", headers=staff.coordinator)
    listed = client.get("/api/v1/records", headers=staff.coordinator)

    shown = answer.json()
    [objection] = shown["objections"]
    assert (shown["summary"], objection["reasons"], objection["objector_name"]) == (
        READ,
        READ,
        "王五",
    )
    assert _has_no_control(answer.text) and _has_no_control(listed.text)


def test_an_open311_request_kept_with_direction_controls_is_answered_without_them(
    client: TestClient, container: Container
) -> None:
    number = file_request(client, new_key(container))["service_request_id"]
    said = "工地夜间\u202e施工扰民\u202c，已经半年\u2067"  # Open311 redacts a phone number
    _keep_as_before(container, update(Case).where(col(Case.number) == number).values(text=said))

    as_json = client.get(f"{BASE}/requests/{number}.json")
    as_xml = client.get(f"{BASE}/requests/{number}.xml")

    assert as_json.json()[0]["description"] == "工地夜间施工扰民，已经半年"
    [element] = xml(as_xml).findall("request")
    assert children(element)["description"] == "工地夜间施工扰民，已经半年"
    assert _has_no_control(as_json.text) and _has_no_control(as_xml.text)


# Other invisible marks, line breaks, tabs, outer spaces, emoji joined by ZWJ, full width:
# none is a direction control, and the answer keeps every one as it was kept.
PLAIN = "第一行\n\t第二行 👨\u200d👩\u200d👧 \u200b\u061c ＡＢＣ（１２３）  "


def test_a_text_without_direction_controls_is_answered_exactly_as_kept(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    row = col(Case.number) == case["number"]
    _keep_as_before(container, update(Case).where(row).values(text=PLAIN))

    shown = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()

    assert shown["text"] == PLAIN


def test_clean_data_comes_back_equal_and_of_the_same_types() -> None:
    document = {"text": "你好", "n": 3, "ok": True, "none": None, "items": [1.5, "a", {"b": "c"}]}

    assert shown_data(document) == document
    assert shown_data({"k\u202e": ["x\u2066y"]}) == {"k\u202e": ["xy"]}  # values, not keys


def test_the_answers_document_still_describes_each_field(client: TestClient) -> None:
    # A serializer of the answer's texts must not turn its OpenAPI schema into "anything".
    schemas = client.get("/openapi.json").json()["components"]["schemas"]

    assert schemas["CasePublic"]["properties"]["text"] == {"type": "string", "title": "Text"}
    assert "objections" in schemas["RecordPublic"]["properties"]
