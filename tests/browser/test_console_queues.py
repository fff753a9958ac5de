"""The queues and the search page in the real Chromium: on a desktop, on a phone, without
JavaScript."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT, act, file_case
from tests.browser.browser import PHONE, reading_problems, screenshot
from tests.browser.test_console import assert_fits, fill_sign_in
from tests.conftest import Staff
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.queue_helpers import TRIAGE_TEXT


@pytest.fixture
def coordinator(container: Container) -> None:
    staff_with_password(container, login="wang")


def sign_in_as(page: Page, url: str, login: str) -> None:
    page.goto(url + "/console/")
    fill_sign_in(page, login, PASSWORD)
    expect(page.get_by_role("heading", level=1, name="工作台")).to_be_visible()


def test_a_coordinator_finds_a_triage_case_in_the_triage_queue(
    page: Page, live_app: AppProcess, coordinator: None, client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=TRIAGE_TEXT)
    file_case(client, staff.coordinator)  # routed to a unit: not in triage

    sign_in_as(page, live_app.url, "wang")

    triage = page.get_by_role("link", name="待分派 1")
    expect(triage).to_have_attribute("aria-current", "page")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("link", name=case["number"])).to_have_attribute(
        "href", f"/console/cases/{case['number']}"
    )
    expect(rows.first).to_contain_text("待分派")
    assert reading_problems(page) == []
    screenshot(page, "console-queues-triage")


def test_the_queue_is_usable_on_a_phone(
    phone_page: Page, live_app: AppProcess, coordinator: None, client: TestClient, staff: Staff
) -> None:
    for _ in range(3):
        act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign")
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    file_case(client, staff.coordinator, text=TRIAGE_TEXT)

    sign_in_as(phone_page, live_app.url, "wang")
    phone_page.get_by_role("link", name="全部在办 5").click()

    expect(phone_page.locator("tbody tr")).to_have_count(5)
    assert_fits(phone_page, PHONE["width"])
    assert reading_problems(phone_page) == []
    number = phone_page.locator("tbody tr").first.get_by_role("link")
    box = number.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    # A finger's target (reviewer, 2026-12-02: case numbers 18 px high, the brand 27 px).
    assert box["height"] >= 44
    brand = phone_page.locator(".site-header__brand").bounding_box()
    assert brand is not None and brand["height"] >= 44
    screenshot(phone_page, "console-queues")
    phone_page.get_by_role("link", name="按到期日").click()
    expect(phone_page).to_have_url(live_app.url + "/console/?queue=open&sort=due")
    assert_fits(phone_page, PHONE["width"])
    phone_page.get_by_role("button", name="English").click()
    expect(phone_page.get_by_role("heading", level=2, name="All open cases (5)")).to_be_visible()
    expect(phone_page).to_have_url(live_app.url + "/console/?queue=open&sort=due")
    assert_fits(phone_page, PHONE["width"])
    screenshot(phone_page, "console-queues-en")


def test_the_search_works_without_javascript_on_a_phone(
    open_page: Callable[..., Page],
    live_app: AppProcess,
    coordinator: None,
    client: TestClient,
    staff: Staff,
) -> None:
    file_case(client, staff.coordinator)
    enforcement = file_case(client, staff.coordinator, text=ENFORCEMENT)
    page = open_page(PHONE, javascript=False)
    sign_in_as(page, live_app.url, "wang")

    page.get_by_role("link", name="查找案件").click()
    page.get_by_label("正文中的文字").fill("三轮车")
    page.get_by_label("状态").select_option("routed")
    page.get_by_role("button", name="查找").click()

    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr").first).to_contain_text(enforcement["number"])
    assert "q=%E4%B8%89%E8%BD%AE%E8%BD%A6" in page.url and "status=routed" in page.url
    assert_fits(page, PHONE["width"])
    assert reading_problems(page) == []
    screenshot(page, "console-search")

    page.get_by_label("受理日期从").fill("2026-12-05")
    page.get_by_label("受理日期至").fill("2026-12-01")
    page.get_by_role("button", name="查找").click()
    expect(page.get_by_role("alert")).to_contain_text("日期范围的结束早于开始。")
    assert_fits(page, PHONE["width"])
