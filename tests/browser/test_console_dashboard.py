"""The dashboard in the real Chromium: charts drawn (no policy violation), export downloaded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT, PARKING_XYZ, file_case
from tests.browser.browser import PHONE, reading_problems, screenshot
from tests.conftest import Staff
from tests.e2e.telegram_app import AppProcess
from tests.exports.helpers import sheet_of, table
from tests.staff_accounts import PASSWORD, staff_with_password

NOVEMBER = "from=2026-11-01&to=2026-11-30"


@pytest.fixture
def filed(client: TestClient, staff: Staff, container: Container) -> list[str]:
    """Three cases received in November (the fake clock's 27 November), and a coordinator."""
    staff_with_password(container, login="wang")
    return [
        file_case(client, staff.coordinator, text=text)["number"]
        for text in (ENFORCEMENT, PARKING_XYZ)
    ] + [file_case(client, staff.coordinator)["number"]]


def sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/console/sign-in")
    page.get_by_label("登录名").fill("wang")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_dashboard_renders_its_charts_and_the_export_holds_the_cases_shown(
    page: Page, live_app: AppProcess, filed: list[str]
) -> None:
    sign_in(page, live_app.url)
    page.get_by_role("link", name="统计看板").click()
    expect(page.get_by_role("heading", level=1, name="统计看板")).to_be_visible()
    page.get_by_label("开始日期").fill("2026-11-01")
    page.get_by_label("结束日期").fill("2026-11-30")
    page.get_by_role("button", name="查看").click()

    expect(page.locator("figure.chart svg")).to_have_count(4)
    received = page.locator('tr[data-figure="received"] td').first
    expect(received).to_have_text("3")
    assert reading_problems(page) == []
    screenshot(page, "console-dashboard")

    with page.expect_download() as download:
        page.locator('a[data-export="cases"]').click()
    rows = table(sheet_of(Path(download.value.path()).read_bytes()))
    assert sorted(row["案件编号"] for row in rows) == sorted(filed)
    assert len(rows) == int(received.inner_text())


def test_the_dashboard_is_readable_at_a_phones_width(
    open_page: Callable[..., Page], live_app: AppProcess, filed: list[str]
) -> None:
    phone = open_page(PHONE)
    sign_in(phone, live_app.url)
    phone.goto(f"{live_app.url}/console/dashboard?{NOVEMBER}")

    expect(phone.locator("figure.chart svg").first).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    screenshot(phone, "console-dashboard")


def test_a_bars_link_leads_to_the_case_list_of_its_cases(
    page: Page, live_app: AppProcess, filed: list[str]
) -> None:
    sign_in(page, live_app.url)
    page.goto(f"{live_app.url}/console/dashboard?{NOVEMBER}")

    link = page.locator('figure[data-chart="trend_received"] a').first
    href = link.get_attribute("xlink:href") or link.get_attribute("href")

    assert href is not None and href.startswith("/console/cases?measure=received")
