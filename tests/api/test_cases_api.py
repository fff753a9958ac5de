"""The admin API: filing, reading and listing cases."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import ARREARS, ENFORCEMENT, PARKING_XYZ, file_case
from tests.conftest import Staff


def test_health_answers_ok_without_a_token(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_openapi_document_is_served(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/cases/{number}/actions" in paths


def test_complaint_is_routed_to_the_department_that_owns_its_category(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=ARREARS)
    actual = {k: case[k] for k in ("kind", "status", "category", "department", "version")}
    assert actual == {
        "kind": "complaint",
        "status": "routed",
        "category": "arrears",
        "department": "czj",
        "version": 1,
    }
    assert case["number"].startswith("HQ-261127-")
    assert [e["action"] for e in case["events"]] == ["receive", "route"]


def test_anonymous_complaint_gets_a_pin_and_a_named_one_does_not(
    client: TestClient, staff: Staff
) -> None:
    anonymous = file_case(client, staff.coordinator)
    named = file_case(client, staff.coordinator, reporter={"name": "张三", "phone": "13812345678"})
    assert len(anonymous["pin"]) == 6 and anonymous["pin"].isdigit()
    assert (named["pin"], named["anonymous"]) == (None, False)


def test_street_level_complaint_goes_to_the_street_named_in_the_text(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=PARKING_XYZ)
    assert (case["category"], case["department"], case["street"]) == ("parking", "xyz", "xyz")


def test_street_level_complaint_without_a_street_waits_in_triage_saying_so(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text="停车位被人私自加了地锁，物业不管")
    assert (case["status"], case["department"], case["street_needed"]) == ("triage", "fgw", True)
    assert case["events"][-1]["reason"] == "street needed"


def test_given_category_and_street_are_used_as_filed(client: TestClient, staff: Staff) -> None:
    case = file_case(
        client,
        staff.coordinator,
        text="这里的事情一直没有人处理，希望尽快解决",
        category="elderly_care",
        street="hy",
    )
    assert (case["status"], case["category"], case["department"]) == (
        "routed",
        "elderly_care",
        "hy",
    )


def test_text_that_fits_no_category_goes_to_triage_at_the_lead_office(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text="请问怎么注册账号呢？")
    assert (case["status"], case["department"]) == ("triage", "fgw")


def test_html_and_sql_looking_text_is_stored_and_returned_verbatim(
    client: TestClient, staff: Staff
) -> None:
    text = "<script>alert('x')</script> 执法队乱罚款'; DROP TABLE cases; -- %_\\"
    case = file_case(client, staff.coordinator, text=text)
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert again["text"] == text


def test_zero_width_and_emoji_characters_are_kept(client: TestClient, staff: Staff) -> None:
    text = "执法队\u200b没收了我的三轮车😡👮‍♂️，没有手续\ufeff"
    case = file_case(client, staff.coordinator, text=text)
    assert case["text"] == text


def test_case_is_found_by_its_number_typed_loosely(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    loose = case["number"].replace("-", "").lower()
    response = client.get(f"/api/v1/cases/{loose}", headers=staff.coordinator)
    assert response.json()["number"] == case["number"]


def test_unknown_case_answers_404(client: TestClient, staff: Staff) -> None:
    for number in ("HQ-261127-9999", "nonsense", "%27%20OR%201=1"):
        response = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator)
        assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_list_is_newest_first_and_pages_with_a_cursor(client: TestClient, staff: Staff) -> None:
    numbers = [file_case(client, staff.coordinator)["number"] for _ in range(5)]
    first = client.get("/api/v1/cases?limit=2", headers=staff.coordinator).json()
    second = client.get(
        f"/api/v1/cases?limit=2&cursor={first['next_cursor']}", headers=staff.coordinator
    ).json()
    third = client.get(
        f"/api/v1/cases?limit=2&cursor={second['next_cursor']}", headers=staff.coordinator
    ).json()
    listed = [c["number"] for page in (first, second, third) for c in page["data"]]
    assert listed == list(reversed(numbers))
    assert third["next_cursor"] is None


def test_list_filters_by_department_status_category_and_text(
    client: TestClient, staff: Staff
) -> None:
    arrears = file_case(client, staff.coordinator, text=ARREARS)
    enforcement = file_case(client, staff.coordinator, text=ENFORCEMENT)
    triage = file_case(client, staff.coordinator, text="请问怎么注册账号呢？")

    def numbers(query: str) -> list[str]:
        page = client.get(f"/api/v1/cases?{query}", headers=staff.coordinator).json()
        return [c["number"] for c in page["data"]]

    assert numbers("department=czj") == [arrears["number"]]
    assert numbers("status=triage") == [triage["number"]]
    assert numbers("category=enforcement") == [enforcement["number"]]
    assert numbers("q=三轮车") == [enforcement["number"]]
    assert numbers("q=%25") == []  # a literal %, not a wildcard


def test_bad_cursor_is_refused_with_a_message(client: TestClient, staff: Staff) -> None:
    response = client.get("/api/v1/cases?cursor=not-a-cursor", headers=staff.coordinator)
    assert (response.status_code, response.json()["code"]) == (422, "bad_cursor")


def test_departments_and_categories_are_listed(client: TestClient) -> None:
    departments = {d["code"] for d in client.get("/api/v1/departments").json()}
    categories = {c["id"]: c["owner"] for c in client.get("/api/v1/categories").json()}
    assert {"fgw", "czj", "xyz", "hy"} <= departments
    assert (categories["arrears"], categories["parking"]) == ("czj", "street")


def test_the_answer_to_filing_shows_the_clocks_the_new_case_runs(
    client: TestClient, staff: Staff
) -> None:
    filed = file_case(client, staff.coordinator)
    read = client.get(f"/api/v1/cases/{filed['number']}", headers=staff.coordinator).json()

    assert [(d["kind"], d["days"]) for d in filed["deadlines"]] == [("sign", 1), ("resolve", 15)]
    assert filed["deadlines"] == read["deadlines"]


def test_the_answer_to_filing_says_what_a_read_straight_after_says(
    client: TestClient, staff: Staff
) -> None:
    for reporter in (None, {"name": "张三", "phone": "13800000000"}):
        body = {"reporter": reporter} if reporter else {}
        filed = file_case(client, staff.coordinator, **body)
        read = client.get(f"/api/v1/cases/{filed['number']}", headers=staff.coordinator).json()

        assert (filed["lead_unit"], filed["assisting_units"]) == ("czj", [])
        assert {k: v for k, v in filed.items() if k not in ("pin", "routing")} == read
