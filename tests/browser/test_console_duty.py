"""The on-duty roster in the real Chromium: a coordinator puts a colleague on duty for the
coming nights and the warning that tonight has nobody goes away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.browser.browser import DESKTOP, screenshot
from tests.browser.test_console import fill_sign_in
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password


@pytest.fixture
def coordinators(container: Container) -> None:
    staff_with_password(container, login="wang")
    staff_with_password(container, login="zhao", name="协调员 赵", password=None)


def test_a_coordinator_rosters_a_colleague_and_tonight_is_covered(
    open_page: Callable[..., Page], live_app: AppProcess, coordinators: None
) -> None:
    page = open_page(DESKTOP)
    page.goto(live_app.url + "/console/")
    fill_sign_in(page, "wang", PASSWORD)
    # Signed in before going on: a goto while the sign-in's page loads aborts that load.
    expect(page.get_by_role("heading", level=1, name="工作台")).to_be_visible()
    page.goto(live_app.url + "/console/admin/duty")
    expect(page.get_by_role("heading", name="今晚无人值班")).to_be_visible()
    tonight = page.locator("[data-duty-gap]").get_attribute("data-duty-gap")
    assert tonight is not None

    form = page.locator('form[action$="/admin/duty/add"]')
    form.get_by_label("协调员").select_option("zhao")
    form.get_by_label("开始日期").fill(tonight)
    form.get_by_role("button", name="排班").click()

    expect(page.get_by_role("status")).to_contain_text("zhao 已排 1 天值班")
    expect(page.get_by_role("heading", name="今晚无人值班")).to_have_count(0)
    expect(page.locator(f'tr[data-duty-day="{tonight}"]')).to_contain_text("协调员 赵")
    screenshot(page, "console-admin-duty")
