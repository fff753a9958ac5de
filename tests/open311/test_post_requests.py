"""POST requests: filed through the one intake service, anonymous ones answered with a PIN."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.open311.keys import revoke_key
from backend.people.models import Reporter
from tests.conftest import Staff
from tests.open311.helpers import (
    EN,
    ZH,
    children,
    errors_of,
    file_request,
    new_key,
    post,
    request_form,
    xml,
)


def stored(container: Container, number: str) -> tuple[Case, Reporter | None]:
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        reporter = session.get(Reporter, case.reporter_id) if case.reporter_id else None
        session.expunge_all()
    return case, reporter


def test_an_anonymous_request_becomes_a_routed_case_and_its_answer_carries_the_pin(
    client: TestClient, container: Container
) -> None:
    key = new_key(container)

    answer = file_request(
        client, key, media_url="https://example.org/photo.jpg", account_id="acc-7"
    )

    assert list(answer) == ["service_request_id", "service_notice", "account_id", "pin"]
    assert answer["service_request_id"] == "HQ-261127-0001"
    assert answer["account_id"] == "acc-7"
    assert len(answer["pin"]) == 6 and answer["pin"].isdigit()
    assert answer["service_notice"].startswith("已受理，交由区财政局办理。")
    case, reporter = stored(container, answer["service_request_id"])
    assert (case.channel, case.status, case.department_code) == ("open311", "routed", "czj")
    assert (case.category_id, case.latitude, case.longitude) == ("arrears", 39.165, 117.159)
    assert case.anonymous and case.pin_hash and reporter is None
    assert case.details == {"media_url": "https://example.org/photo.jpg"}


def test_contact_fields_of_only_invisible_marks_count_as_none_and_the_request_gets_its_pin(
    client: TestClient, container: Container
) -> None:
    # Else it was filed as named: no PIN for the citizen, no name or phone for the unit.
    answer = file_request(
        client, new_key(container), first_name="\u200b\u202e", last_name="\u2066"
    )

    assert len(answer["pin"]) == 6
    case, reporter = stored(container, answer["service_request_id"])
    assert case.anonymous and reporter is None


def test_a_request_with_contact_keeps_the_reporter_apart_and_gets_no_pin_in_xml(
    client: TestClient, container: Container
) -> None:
    form = request_form(
        new_key(container),
        email="li@example.cn",
        phone="13812345678",
        first_name="小明",
        last_name="李",
        address_string="红桥区西于庄街道某小区",
    )

    root = xml(post(client, "xml", form, **EN))

    assert root.tag == "service_requests"
    [request] = root.findall("request")
    assert list(children(request)) == ["service_request_id", "service_notice", "account_id"]
    assert children(request)["account_id"] is None
    assert children(request)["service_notice"] == "Received; District Finance Bureau handles it."
    case, reporter = stored(container, str(request.findtext("service_request_id")))
    assert not case.anonymous and case.pin_hash is None
    assert reporter is not None
    assert (reporter.name, reporter.phone, reporter.email, reporter.channel) == (
        "李小明",
        "13812345678",
        "li@example.cn",
        "open311",
    )
    assert case.location_text == "红桥区西于庄街道某小区"


def test_attributes_give_the_street_and_the_date_it_happened(
    client: TestClient, container: Container
) -> None:
    answer = file_request(
        client,
        new_key(container),
        service_code="property",
        description="小区电梯坏了一个月，物业公司一直不修",
        **{"attribute[street]": "xyz", "attribute[occurred_at]": "2026-11-20T09:30:00+08:00"},
    )

    case, _ = stored(container, answer["service_request_id"])
    assert (case.category_id, case.street_code, case.department_code) == ("property", "xyz", "xyz")
    assert str(case.occurred_on) == "2026-11-20"


def test_attributes_no_definition_lists_are_ignored(
    client: TestClient, container: Container
) -> None:
    extra = {"attribute[fixmystreet_id]": "42", "attribute[report_url]": "https://x.example/42"}

    answer = file_request(client, new_key(container), **extra)

    case, _ = stored(container, answer["service_request_id"])
    assert case.status == "routed"


def test_a_street_level_request_without_a_street_or_a_known_place_goes_to_triage(
    client: TestClient, container: Container
) -> None:
    answer = file_request(
        client,
        new_key(container),
        service_code="property",
        description="小区电梯坏了一个月，物业公司一直不修",
        lat=None,
        long=None,
        address_string="某小区",
    )

    case, _ = stored(container, answer["service_request_id"])
    assert case.status == "triage"
    assert answer["service_notice"].startswith("已受理，由区发展改革委分派承办单位。")


def test_a_second_telling_of_an_open_case_is_filed_and_names_the_similar_one(
    client: TestClient, container: Container
) -> None:
    key = new_key(container)
    first = file_request(client, key)

    second = file_request(client, key)

    assert second["service_request_id"] != first["service_request_id"]
    assert first["service_request_id"] in second["service_notice"]


BAD_INPUT = [
    # (what the form changes, status, English description)
    ({"api_key": None}, 403, "api_key was not provided"),
    ({"api_key": "o311_not-a-key"}, 403, "api_key was not provided"),
    ({"jurisdiction_id": "sf.gov"}, 404, "jurisdiction_id provided was not found: sf.gov"),
    ({"service_code": None}, 400, "service_code was not provided."),
    ({"service_code": "potholes"}, 404, "service_code provided was not found: potholes."),
    ({"lat": None, "long": None}, 400, "A location is required"),
    ({"long": None}, 400, "lat and long must be given together."),
    ({"lat": "north"}, 400, "lat is not a valid coordinate"),
    ({"long": "200"}, 400, "long is not a valid coordinate"),
    ({"lat": "nan"}, 400, "lat is not a valid coordinate"),
    # Reviewer, 2026-12-01: 0,0 and Beijing were filed silently (FixMyStreet refuses a point
    # no body covers): a point no street office reaches is not in the district.
    ({"lat": "0", "long": "0"}, 400, "lat and long are outside Hongqiao District"),
    ({"lat": "39.9042", "long": "116.4074"}, 400, "lat and long are outside Hongqiao District"),
    ({"address_string": "路" * 201, "lat": None, "long": None}, 400, "address_string is too long"),
    ({"description": None}, 400, "Please describe the complaint."),
    ({"description": "\u200b\u202e\u2066 "}, 400, "Please describe the complaint."),
    ({"description": "x" * 5001}, 400, "The text is too long"),
    ({"attribute[street]": "nowhere"}, 400, "not one of the listed street codes: nowhere"),
    ({"attribute[occurred_at]": "yesterday"}, 400, "attribute[occurred_at] is not an ISO 8601"),
    ({"attribute[occurred_at]": "2099-01-01T00:00:00Z"}, 400, "cannot be in the future"),
    ({"attribute[occurred_at]": "1900-01-01T00:00:00Z"}, 400, "please check the year"),
    ({"email": "not-an-address"}, 400, "email does not look like an e-mail address."),
    ({"phone": "call me"}, 400, "That phone number does not look right"),
    ({"media_url": "file:///etc/passwd"}, 400, "media_url must be an http:// or https://"),
    ({"media_url": "http://"}, 400, "media_url must be an http:// or https://"),  # no host
    ({"media_url": "https:///photo.jpg"}, 400, "media_url must be an http:// or https://"),
    ({"media_url": "https://exa mple.org/a.jpg"}, 400, "media_url must be an http:// or https://"),
    ({"first_name": "\x00"}, 400, "first_name contains a character that cannot be stored."),
    ({"description": "小区\x00停车位被人私自加了地锁"}, 400, "cannot be stored"),
]


@pytest.mark.parametrize(("change", "status", "english"), BAD_INPUT)
def test_bad_input_is_refused_with_the_error_list_and_files_nothing(
    client: TestClient, container: Container, change: dict[str, str], status: int, english: str
) -> None:
    form = request_form(new_key(container), **change)

    as_json = post(client, "json", form, **EN)
    as_xml = post(client, "xml", form, **ZH)

    assert (as_json.status_code, as_xml.status_code) == (status, status)
    [error] = errors_of(as_json, "json")
    assert error["code"] == status and english in error["description"]
    [error_zh] = errors_of(as_xml, "xml")
    assert error_zh["code"] == status
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error_zh["description"])  # Chinese text
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []


def test_a_revoked_key_is_refused_and_the_others_still_work(
    client: TestClient, container: Container
) -> None:
    revoked, other = new_key(container, "old-app"), new_key(container, "mobile-app")
    with session_scope(container.engine) as session:
        revoke_key(session=session, name="old-app", now=container.clock.now())

    refused = post(client, "json", request_form(revoked), **EN)

    assert refused.status_code == 403
    assert errors_of(refused, "json")[0]["code"] == 403
    assert file_request(client, other)["service_request_id"] == "HQ-261127-0001"


def test_a_key_sent_in_the_query_string_is_read_too(
    client: TestClient, container: Container
) -> None:
    form = request_form(new_key(container))
    key = form.pop("api_key")

    response = client.post(f"/open311/v2/requests.json?api_key={key}", data=form)

    assert response.status_code == 200, response.text


def test_the_unit_never_sees_the_open311_reporter_and_a_coordinator_sees_the_email(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = file_request(client, new_key(container), email="li@example.cn", phone="13812345678")[
        "service_request_id"
    ]

    as_clerk = client.get(f"/api/v1/cases/{number}", headers=staff.czj_clerk)
    as_coordinator = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()

    assert as_clerk.status_code == 200
    assert "li@example.cn" not in as_clerk.text and "13812345678" not in as_clerk.text
    assert as_coordinator["reporter"] == {
        "name": None,
        "phone": "13812345678",
        "channel": "open311",
        "email": "li@example.cn",
    }


def test_an_anonymous_answer_in_xml_has_the_pin_as_one_more_element(
    client: TestClient, container: Container
) -> None:
    root = xml(post(client, "xml", request_form(new_key(container)), **EN))

    [request] = root.findall("request")
    assert list(children(request)) == [
        "service_request_id",
        "service_notice",
        "account_id",
        "pin",
    ]
    assert str(request.findtext("pin")).isdigit()
    assert str(request.findtext("service_notice")).endswith(
        "Anonymous report: keep the case number and the PIN to follow the case."
    )


def test_a_body_that_is_no_form_is_refused_with_the_error_list(client: TestClient) -> None:
    response = client.post(
        "/open311/v2/requests.json",
        content=b"--x\r\nnot a part",
        headers={"Content-Type": "multipart/form-data; boundary=x", **EN},
    )

    assert response.status_code == 400
    assert errors_of(response, "json")[0]["description"].startswith("The request body cannot")


def test_a_resend_with_the_same_idempotency_key_answers_the_first_case_and_files_nothing(
    client: TestClient, container: Container
) -> None:
    form = request_form(new_key(container))
    key = {"Idempotency-Key": "o311-resend-0001"}

    first = client.post("/open311/v2/requests.json", data=form, headers=key)
    again = client.post("/open311/v2/requests.json", data=form, headers=key)
    bad = client.post("/open311/v2/requests.json", data=form, headers={"Idempotency-Key": "x"})

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json()[0]["service_request_id"] == first.json()[0]["service_request_id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "pin" in first.json()[0] and "pin" not in again.json()[0]  # the PIN is shown once
    assert bad.status_code == 400 and bad.json()[0]["code"] == 400
    with session_scope(container.engine) as session:
        assert len(session.exec(select(Case)).all()) == 1


def test_a_form_body_of_raw_utf8_is_read_as_utf8_as_curl_sends_it(
    client: TestClient, container: Container
) -> None:
    # `curl -d 'description=区里…'` sends the characters as bytes, not %-escapes; a form
    # parser reading them as Latin-1 would file mojibake and miss the street.
    form = request_form(
        new_key(container), first_name="张", last_name="三", phone="１３８１２３４５６７８"
    )
    body = "&".join(f"{k}={v}" for k, v in form.items()).encode()

    response = client.post(
        "/open311/v2/requests.json",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 200, response.text
    case, reporter = stored(container, response.json()[0]["service_request_id"])
    assert case.text == form["description"]
    assert reporter is not None
    assert (reporter.name, reporter.phone) == ("三张", "13812345678")  # 姓 first


def test_a_raw_form_body_that_is_not_utf8_is_refused_naming_the_field(
    client: TestClient, container: Container
) -> None:
    body = f"api_key={new_key(container)}&service_code=arrears&description=".encode()
    body += "区里的项目做完了，工程款一直拖欠不付".encode("gbk")

    response = client.post(
        "/open311/v2/requests.json",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", **EN},
    )

    assert response.status_code == 400
    assert "description" in errors_of(response, "json")[0]["description"]
