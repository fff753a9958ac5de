"""The console's dashboard over HTTP: figures, charts as inline SVG without script, scoping."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT, file_case
from tests.conftest import Staff
from tests.exports.helpers import sheet_of, table
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

NOVEMBER = "from=2026-11-01&to=2026-11-30"


@pytest.fixture
def clerk(container: Container, client: TestClient) -> ConsoleVisitor:
    staff_with_password(container, login="li", role="clerk", department="czj", name="财政局 李")
    visitor = ConsoleVisitor(TestClient(client.app))
    visitor.sign_in("li", PASSWORD)
    return visitor


def test_the_district_dashboard_shows_figures_charts_and_links_to_the_cases(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    page = coordinator.get(f"/console/dashboard?{NOVEMBER}")

    assert page.status_code == 200, page.text
    html = page.text
    assert "<h1>统计看板</h1>" in html
    assert html.count("<svg") == 4
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert re.findall(r"\sstyle\s*=", html) == []
    assert "<style" not in html
    received = re.search(r'<tr data-figure="received">.*?</tr>', html, re.S)
    assert received is not None
    assert ">2</a>" in received.group(0)
    assert "/console/cases?measure=received&amp;measure_from=2026-11-01" in received.group(0)
    assert 'xlink:href="/console/cases?measure=received' in html
    # The table beside each chart holds the same links: a bar is no extra stop for the keyboard
    # (reviewer, 2026-12-02: 11 stops a chart, a 0-high bar's ring unseen), nor does it read
    # its address aloud.
    bars = re.findall(r"<a [^>]*xlink:href=[^>]*>", html)
    assert bars and all('tabindex="-1"' in bar for bar in bars)
    assert 'class="xlink"' not in html
    assert "各单位" in html  # each unit's row beside the district's


def test_a_rate_with_nothing_due_says_no_data_not_zero(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    file_case(client, staff.coordinator)  # its sign clock is not due yet

    html = coordinator.get(f"/console/dashboard?{NOVEMBER}").text

    sign = re.search(r'<tr data-figure="sign_on_time">.*?</tr>', html, re.S)
    assert sign is not None
    assert "暂无数据" in sign.group(0) and "0.0 %" not in sign.group(0)


def test_a_clerk_sees_the_own_units_figures_only(
    client: TestClient, staff: Staff, clerk: ConsoleVisitor
) -> None:
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj's

    html = clerk.get(f"/console/dashboard?{NOVEMBER}").text
    other = clerk.get(f"/console/dashboard?{NOVEMBER}&department=sfj")

    assert 'name="department"' not in html  # no unit to choose
    received = re.search(r'<tr data-figure="received">.*?</tr>', html, re.S)
    assert received is not None and ">1</a>" in received.group(0)
    assert "department=czj" in received.group(0)
    assert "各单位" not in html
    assert other.status_code == 403


def test_a_coordinator_chooses_a_unit(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    html = coordinator.get(f"/console/dashboard?{NOVEMBER}&department=sfj").text

    assert '<option value="sfj" selected>' in html
    assert "department=sfj" in html


@pytest.mark.parametrize(
    "query", ["from=2026-13-01", "from=2026-12-02&to=2026-12-01", "department=nowhere"]
)
def test_a_bad_period_or_unit_shows_a_clear_page(coordinator: ConsoleVisitor, query: str) -> None:
    page = coordinator.get(f"/console/dashboard?{query}")

    assert page.status_code == 400
    assert "<h1>" in page.text and "Traceback" not in page.text


def test_the_charts_stylesheet_is_css_scoped_to_the_charts(client: TestClient) -> None:
    response = client.get("/console/dashboard/charts.css")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")
    assert "#chart-trend_received" in response.text
    assert "http" not in response.text


def test_the_header_links_to_the_dashboard(coordinator: ConsoleVisitor) -> None:
    html = coordinator.get("/console/").text

    assert '<a class="site-nav__link" href="/console/dashboard">统计看板</a>' in html


def test_the_console_export_holds_the_clerks_own_units_cases_without_the_reporter(
    client: TestClient, staff: Staff, clerk: ConsoleVisitor
) -> None:
    own = file_case(client, staff.coordinator, reporter={"name": "张三", "phone": "13812345678"})
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    response = clerk.get("/console/exports/cases.xlsx?from=2026-11-01")

    assert response.status_code == 200
    rows = table(sheet_of(response.content))
    assert [row["案件编号"] for row in rows] == [own["number"]]
    assert "举报人姓名" not in rows[0]


def test_a_bad_export_filter_shows_a_clear_page(coordinator: ConsoleVisitor) -> None:
    response = coordinator.get("/console/exports/cases.xlsx?from=2026-12-02&to=2026-12-01")

    assert response.status_code == 400
    assert "开始日期晚于结束日期。" in response.text


def test_an_unknown_unit_or_channel_in_the_export_shows_a_clear_page_not_an_empty_sheet(
    coordinator: ConsoleVisitor,
) -> None:
    unit = coordinator.get("/console/exports/cases.xlsx?department=zz")
    channel = coordinator.get("/console/exports/cases.xlsx?channel=x")

    assert (unit.status_code, channel.status_code) == (400, 400)
    assert "没有这个单位：zz。" in unit.text
    assert "没有这个来源渠道：x。" in channel.text


def test_the_dashboard_speaks_english_when_chosen(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    file_case(client, staff.coordinator)
    coordinator.get("/console/dashboard")
    coordinator.post("/console/language", {"language": "en", "next": "/console/dashboard"})

    html = coordinator.get(f"/console/dashboard?{NOVEMBER}").text

    assert "<h1>Dashboard</h1>" in html
    assert "no data" in html and "Received per week" in html


def test_a_period_of_years_is_drawn_by_month_on_the_page(coordinator: ConsoleVisitor) -> None:
    page = coordinator.get("/console/dashboard?from=2018-01-01&to=2026-11-30")

    assert page.status_code == 200, page.text
    assert "按月趋势" in page.text and "每月受理量" in page.text
    assert ">2026-11<" in page.text or "2026-11</" in page.text
