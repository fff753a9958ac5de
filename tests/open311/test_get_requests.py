"""GET requests and requests/{id}: public fields only, the specification's filters."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.deadlines.models import Deadline
from tests.api.helpers import act
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.open311.helpers import (
    BASE,
    EN,
    ZH,
    children,
    errors_of,
    file_request,
    new_key,
    xml,
)
from tests.records.helpers import RECORD

REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]
REPLY = "已于本周支付全部工程款"


def resolve(client: TestClient, staff: Staff, number: str) -> None:
    """Sign, start and resolve a case as the finance bureau's clerk, with a reply."""
    case = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    case = act(client, staff.czj_clerk, case, "sign").json()
    case = act(client, staff.czj_clerk, case, "start").json()
    response = act(client, staff.czj_clerk, case, "resolve", reply=REPLY)
    assert response.status_code == 200, response.text


def handle_due(container: Container, number: str) -> str:
    """Return the due time of the case's handle clock (办结) as Open311 writes it."""
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        clock = session.exec(
            select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "resolve")
        ).one()
        return clock.due_at.astimezone(ZoneInfo("Asia/Shanghai")).isoformat()


def listed(client: TestClient, query: str = "", **headers: str) -> list[dict[str, Any]]:
    response = client.get(f"{BASE}/requests.json{query}", headers=headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


def test_a_request_reads_back_field_by_field_without_the_reporter_in_json_and_xml(
    client: TestClient, container: Container, staff: Staff
) -> None:
    key = new_key(container)
    number = file_request(
        client,
        key,
        email="li@example.cn",
        phone="13812345678",
        first_name="小明",
        last_name="李",
        address_string="西于庄某小区3号楼502",
        lat="39.16537",  # a phone's fix: published to about 100 m, never the doorstep
        long="117.15912",
        media_url="https://example.org/p.jpg",
    )["service_request_id"]

    [request] = client.get(f"{BASE}/requests/{number}.json", headers=EN).json()
    root = xml(client.get(f"{BASE}/requests/{number}.xml", headers=EN))

    assert list(request) == REQUEST_FIELDS
    assert request["expected_datetime"] is not None
    assert {k: v for k, v in request.items() if k != "expected_datetime"} == {
        "service_request_id": number,
        "status": "open",
        "status_notes": None,
        "service_name": "Arrears owed to enterprises",
        "service_code": "arrears",
        "description": "区里的项目做完了，工程款一直拖欠不付，已经拖了半年",
        "agency_responsible": "District Finance Bureau",
        "service_notice": None,
        "requested_datetime": "2026-11-27T10:00:00+08:00",
        "updated_datetime": "2026-11-27T10:00:00+08:00",
        "address": None,  # what the reporter typed may be a home: staff read it, not anyone
        "address_id": None,
        "zipcode": None,
        "lat": 39.165,
        "long": 117.159,
        "media_url": "https://example.org/p.jpg",
    }
    assert request["expected_datetime"] == handle_due(container, number)
    assert root.tag == "service_requests"
    [element] = root.findall("request")
    assert list(children(element)) == REQUEST_FIELDS
    assert children(element)["service_request_id"] == number
    assert children(element)["lat"] == "39.165"
    assert children(element)["zipcode"] is None
    everything = client.get(f"{BASE}/requests.xml").text + client.get(f"{BASE}/requests.json").text
    for private in ("li@example.cn", "13812345678", "小明", "open311:", "3号楼502", "39.16537"):
        assert private not in everything


def test_a_resolved_request_is_closed_saying_so_but_the_reply_stays_the_reporters(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = file_request(client, new_key(container))["service_request_id"]
    [before] = listed(client, f"?service_request_id={number}")

    resolve(client, staff, number)

    [request] = listed(client, f"?service_request_id={number}")
    assert before["status_notes"] is None
    assert (request["status"], request["status_notes"]) == ("closed", "已办结，答复已告知投诉人。")
    english = client.get(
        f"{BASE}/requests.json?service_request_id={number}", headers={"Accept-Language": "en"}
    )
    assert english.json()[0]["status_notes"] == "Resolved: the reply was given to the reporter."
    everything = client.get(f"{BASE}/requests.xml").text + client.get(f"{BASE}/requests.json").text
    assert REPLY not in everything  # written to the reporter, read with the PIN in the chat


def test_status_and_service_code_filter_and_ids_override_the_other_parameters(
    client: TestClient, container: Container, staff: Staff
) -> None:
    key = new_key(container)
    arrears = file_request(client, key)["service_request_id"]
    resolve(client, staff, arrears)
    other = file_request(
        client,
        key,
        service_code="property",
        description="小区电梯坏了一个月，物业公司一直不修",
        **{"attribute[street]": "xyz"},
    )["service_request_id"]

    def ids(query: str) -> list[str]:
        return [r["service_request_id"] for r in listed(client, query)]

    assert ids("") == [other, arrears]
    assert ids("?status=open") == [other]
    assert ids("?status=closed") == [arrears]
    assert ids("?status=open,closed&service_code=arrears,property") == [other, arrears]
    assert ids("?service_code=property") == [other]
    assert ids(f"?service_request_id={arrears},HQ-261127-9999&status=open") == [arrears]
    assert ids(f"?service_request_id={arrears.lower().replace('-', '')}") == [arrears]
    assert ids("?limit=1") == [other]


def test_the_default_window_is_the_last_90_days_and_dates_choose_another(
    client: TestClient, container: Container, clock: FakeClock
) -> None:
    key = new_key(container)
    old = file_request(client, key)["service_request_id"]
    clock.advance(days=100)
    new = file_request(client, key)["service_request_id"]

    def ids(query: str) -> list[str]:
        return [r["service_request_id"] for r in listed(client, query)]

    assert ids("") == [new]
    assert ids("?start_date=2026-11-01T00:00:00%2B08:00&end_date=2026-12-01T00:00:00Z") == [old]
    assert ids("?end_date=2026-12-01T00:00:00Z") == [old]
    assert ids("?start_date=2027-03-01T00:00:00Z") == [new]


BAD_QUERIES = [
    ("?status=pending", 400, "status must be open or closed"),
    ("?start_date=last-week", 400, "start_date is not an ISO 8601"),
    ("?end_date=2026-13-01", 400, "end_date is not an ISO 8601"),
    ("?end_date=9999-12-31T23:59:59Z", 400, "end_date must be between 1900-01-01 and 2999-12-31"),
    ("?start_date=2026-11-10&end_date=2026-11-01", 400, "end_date cannot be earlier"),
    ("?start_date=2026-01-01&end_date=2026-12-01", 400, "may not span more than 90 days"),
    ("?limit=0", 400, "limit must be a whole number from 1 to 1000"),
    ("?limit=1001", 400, "limit must be a whole number from 1 to 1000"),
    ("?limit=many", 400, "limit must be a whole number from 1 to 1000"),
    ("?service_code=potholes", 404, "service_code provided was not found: potholes."),
    ("?jurisdiction_id=sf.gov", 404, "jurisdiction_id provided was not found"),
    ("?service_request_id=" + ",".join(["HQ-261127-0001"] * 101), 400, "At most 100"),
]


@pytest.mark.parametrize(("query", "status", "english"), BAD_QUERIES)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_bad_query_parameter_answers_the_error_list_in_the_callers_language(
    client: TestClient, fmt: str, query: str, status: int, english: str
) -> None:
    response = client.get(f"{BASE}/requests.{fmt}{query}", headers=EN)
    chinese = client.get(f"{BASE}/requests.{fmt}{query}", headers=ZH)

    assert (response.status_code, chinese.status_code) == (status, status)
    [error] = errors_of(response, fmt)
    assert error["code"] == status and english in error["description"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in errors_of(chinese, fmt)[0]["description"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_request_is_404(client: TestClient, fmt: str) -> None:
    response = client.get(f"{BASE}/requests/HQ-261127-0042.{fmt}", headers=EN)

    assert response.status_code == 404
    assert errors_of(response, fmt) == [
        {"code": 404, "description": "service_request_id provided was not found: HQ-261127-0042."}
    ]


def test_a_dishonesty_record_is_no_service_request(
    client: TestClient, container: Container, staff: Staff
) -> None:
    body = {**RECORD, "arisen_on": "2026-11-20"}
    record = client.post("/api/v1/records", json=body, headers=staff.coordinator)
    assert record.status_code == 201, record.text

    assert listed(client) == []
    assert client.get(f"{BASE}/requests/{record.json()['number']}.json").status_code == 404


def test_text_that_looks_like_markup_is_escaped_in_xml_and_control_characters_dropped(
    client: TestClient, container: Container
) -> None:
    text = '工程款拖欠半年了 <b>&amp;</b> "引号" \x07 ]]>'
    number = file_request(client, new_key(container), description=text)["service_request_id"]

    root = xml(client.get(f"{BASE}/requests/{number}.xml"))
    [request] = listed(client, f"?service_request_id={number}")

    assert root.findtext("request/description") == text.replace("\x07", "")
    assert request["description"] == text


def test_a_quoted_value_that_cannot_be_sent_is_cleaned_in_the_refusal(client: TestClient) -> None:
    response = client.get(f"{BASE}/services/%ED%A0%80.json", headers=EN)

    assert response.status_code == 404
    assert errors_of(response, "json")[0]["code"] == 404


def test_contact_details_typed_into_the_text_are_masked_where_anyone_reads_it(
    client: TestClient, container: Container, staff: Staff
) -> None:
    text = (
        "我是某公司员工王五，电话13712345678，身份证12010619900101123X，邮箱wang5@example.cn，"
        "座机022-2345 6789，区里工程款一直拖欠不付"
    )
    number = file_request(client, new_key(container), description=text)["service_request_id"]

    [request] = listed(client, f"?service_request_id={number}")

    assert request["description"] == (
        "我是某公司员工王五，电话***，身份证***，邮箱***，座机***，区里工程款一直拖欠不付"
    )
    staff_view = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    assert staff_view["text"] == text  # staff read the text as filed


def test_contact_details_written_in_groups_are_masked_where_anyone_reads_it(
    client: TestClient, container: Container
) -> None:
    # Reviewer, 2026-12-03: an ID card grouped 6-8-4 and a phone with dots were published.
    text = "我是王五，身份证120106 19900101 123X，手机138.1234.5678，区里工程款一直拖欠不付"
    number = file_request(client, new_key(container), description=text)["service_request_id"]

    [request] = listed(client, f"?service_request_id={number}")

    assert request["description"] == "我是王五，身份证***，手机***，区里工程款一直拖欠不付"
