"""The dashboard's trend by Tianjin week and breakdowns by category and channel."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.stats.helpers import ARREARS_TEXT, acted, filed, filed_from, listed, rate, resolved

AUTUMN = "from=2026-11-01&to=2026-12-31"


def get(client: TestClient, headers: dict[str, str], path: str) -> dict[str, Any]:
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_a_week_that_straddles_two_months_is_one_bucket_of_the_trend(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 11, 29, 23, 30)  # Sunday night: week 48
    sunday = filed(client, staff.coordinator)["number"]
    clock.current = tianjin(2026, 11, 30, 7)  # Monday 07:00, still Sunday in UTC: week 49
    monday = filed(client, staff.coordinator)["number"]
    clock.current = tianjin(2026, 12, 2, 10)
    wednesday = filed(client, staff.coordinator)["number"]
    trend = get(client, staff.coordinator, f"/api/v1/stats/trend?{AUTUMN}&by=week")
    weeks = {b["label"]: b for b in trend["buckets"]}
    assert (weeks["2026-W49"]["start"], weeks["2026-W49"]["end"]) == ("2026-11-30", "2026-12-06")
    assert weeks["2026-W48"]["measures"]["received"]["numerator"] == 1
    assert weeks["2026-W49"]["measures"]["received"]["numerator"] == 2
    assert [b["label"] for b in trend["buckets"]][:2] == ["2026-W44", "2026-W45"]
    assert trend["buckets"][0]["start"] == "2026-11-01"  # clipped to the period
    link = weeks["2026-W49"]["measures"]["received"]["cases"]["numerator"]
    assert listed(client, staff.coordinator, link) == {monday, wednesday}
    w48 = weeks["2026-W48"]["measures"]["received"]["cases"]["numerator"]
    assert listed(client, staff.coordinator, w48) == {sunday}
    assert trend["department"] is None and trend["by"] == "week"


def test_the_trend_by_month_puts_the_0710_rating_of_1_december_in_december(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    case = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))
    clock.current = tianjin(2026, 12, 1, 7, 10)
    rate(container, case["number"], "satisfied")
    trend = get(client, staff.coordinator, f"/api/v1/stats/trend?{AUTUMN}&by=month")
    months = {b["label"]: b["measures"]["satisfaction"] for b in trend["buckets"]}
    assert (months["2026-11"]["denominator"], months["2026-11"]["rate"]) == (0, None)
    assert (months["2026-12"]["denominator"], months["2026-12"]["rate"]) == (1, 1.0)


def test_a_clerks_trend_and_breakdown_are_the_own_units(client: TestClient, staff: Staff) -> None:
    filed(client, staff.coordinator)
    filed(client, staff.coordinator, text=ENFORCEMENT)
    trend = get(client, staff.czj_clerk, f"/api/v1/stats/trend?{AUTUMN}")
    assert trend["department"] == "czj"
    assert sum(b["measures"]["received"]["numerator"] for b in trend["buckets"]) == 1
    other = client.get(f"/api/v1/stats/trend?{AUTUMN}&department=sfj", headers=staff.czj_clerk)
    assert other.status_code == 403
    breakdown = get(client, staff.czj_clerk, f"/api/v1/stats/breakdown?{AUTUMN}&by=category")
    assert [row["key"] for row in breakdown["rows"]] == ["arrears"]
    other = client.get(f"/api/v1/stats/breakdown?{AUTUMN}&department=sfj", headers=staff.czj_clerk)
    assert other.status_code == 403


def test_the_breakdown_by_category_counts_and_links_each_categorys_cases(
    client: TestClient, staff: Staff
) -> None:
    arrears = {filed(client, staff.coordinator)["number"] for _ in range(2)}
    seized = filed(client, staff.coordinator, text=ENFORCEMENT)["number"]
    breakdown = get(
        client,
        staff.coordinator,
        f"/api/v1/stats/breakdown?{AUTUMN}&by=category",
    )
    rows = {row["key"]: row for row in breakdown["rows"]}
    assert rows["arrears"]["measures"]["received"]["numerator"] == 2
    assert rows["arrears"]["label"]
    link = rows["arrears"]["measures"]["received"]["cases"]["numerator"]
    assert listed(client, staff.coordinator, link) == arrears
    enforcement = next(key for key in rows if key != "arrears")
    link = rows[enforcement]["measures"]["received"]["cases"]["numerator"]
    assert listed(client, staff.coordinator, link) == {seized}


def test_the_breakdown_by_channel_separates_chat_from_staff_entry(
    client: TestClient, staff: Staff, container: Container
) -> None:
    by_staff = filed(client, staff.coordinator)["number"]
    by_chat = filed_from(container, ARREARS_TEXT, "telegram")
    breakdown = get(
        client,
        staff.coordinator,
        f"/api/v1/stats/breakdown?{AUTUMN}&by=channel&department=czj",
    )
    rows = {row["key"]: row for row in breakdown["rows"]}
    assert set(rows) == {"api", "telegram"}
    for key, number in (("api", by_staff), ("telegram", by_chat)):
        received = rows[key]["measures"]["received"]
        assert received["numerator"] == 1
        assert listed(client, staff.coordinator, received["cases"]["numerator"]) == {number}
    assert breakdown["department"] == "czj"


def test_overdue_now_is_broken_down_too(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    late = filed(client, staff.coordinator)["number"]
    acted(client, staff.czj_clerk, filed(client, staff.coordinator), "sign")
    clock.current = tianjin(2026, 12, 1, 9)
    breakdown = get(client, staff.coordinator, f"/api/v1/stats/breakdown?{AUTUMN}&by=category")
    overdue = {row["key"]: row["measures"]["overdue_now"] for row in breakdown["rows"]}
    assert (overdue["arrears"]["numerator"], overdue["arrears"]["denominator"]) == (1, 2)
    assert listed(client, staff.coordinator, overdue["arrears"]["cases"]["numerator"]) == {late}


def test_bad_periods_and_groupings_are_refused_with_422(client: TestClient, staff: Staff) -> None:
    for path in (
        "/api/v1/stats?from=2026-02-30",
        "/api/v1/stats/trend?from=someday",
        "/api/v1/stats/trend?from=2026-12-01&to=2026-11-01",
        "/api/v1/stats/trend?by=year",
        "/api/v1/stats/trend?from=2020-01-01&to=2026-12-31&by=day",
        "/api/v1/stats/breakdown?by=street_lamp",
        "/api/v1/stats/breakdown?to=2026-13-01",
        "/api/v1/stats?department=nosuchunit",
        "/api/v1/cases?measure=everything",
        "/api/v1/cases?measure=received",
        "/api/v1/cases?measure=received&measure_from=2026-12-01&measure_to=2026-11-01",
        "/api/v1/cases?measure_from=2026-11-01",
    ):
        response = client.get(path, headers=staff.coordinator)
        assert response.status_code == 422, path
        assert "Traceback" not in response.text


def test_the_measure_endpoints_are_documented_in_openapi(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/stats", "/api/v1/stats/trend", "/api/v1/stats/breakdown"):
        answer = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert answer["schema"]["$ref"], path
    measure = schema["components"]["schemas"]["Measure"]
    assert {"numerator", "denominator", "rate", "counts", "cases"} <= set(measure["properties"])
    assert "description" in measure["properties"]["denominator"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/cases"]["get"]["parameters"]}
    assert {"measure", "measure_from", "measure_to", "channel"} <= parameters


def test_the_measures_are_defined_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    zh = get(client, {**staff.czj_clerk, "Accept-Language": "zh-CN"}, "/api/v1/stats/measures")
    en = get(client, staff.czj_clerk, "/api/v1/stats/measures")
    names = [m["name"] for m in en["measures"]]
    assert names == ["received", "sign_on_time", "resolve_on_time", "overdue_now", "satisfaction"]
    sign = next(m for m in zh["measures"] if m["name"] == "sign_on_time")
    assert "签收及时率" in sign["title"] and sign["denominator"]
    assert all(m["numerator"] and m["cases"] for m in en["measures"])
