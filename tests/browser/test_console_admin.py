"""Administration in the real Chromium: a coordinator creates a clerk, who sets a password
through the one-time link and signs in; every administration page fits a phone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.browser.browser import DESKTOP, PHONE, reading_problems, screenshot
from tests.browser.test_console import assert_fits, fill_sign_in
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password

CLERK_PASSWORD = "street office password"


@pytest.fixture
def coordinator(container: Container) -> None:
    staff_with_password(container, login="wang")


def test_a_coordinator_creates_a_clerk_who_sets_a_password_by_the_link_and_signs_in(
    open_page: Callable[..., Page], live_app: AppProcess, coordinator: None
) -> None:
    page = open_page(DESKTOP)
    page.goto(live_app.url + "/console/")
    fill_sign_in(page, "wang", PASSWORD)
    page.get_by_role("link", name="系统管理").click()
    page.get_by_role("link", name="人员账号").first.click()
    page.get_by_role("link", name="新建账号").click()

    page.get_by_label("登录名").fill("zhao")
    page.get_by_label("姓名").fill("联络员 赵")
    page.get_by_label("角色").select_option("clerk")
    page.get_by_label("单位").select_option("xyz")
    page.get_by_role("button", name="新建账号").click()

    expect(page.get_by_role("status")).to_contain_text("已为 联络员 赵 建立账号")
    link = page.get_by_label("仅此一次显示").input_value()
    assert link.startswith(live_app.url + "/console/password/")
    screenshot(page, "console-admin-staff-created")

    clerks_phone = open_page(PHONE)
    clerks_phone.goto(link)
    clerks_phone.get_by_label("新密码", exact=True).fill(CLERK_PASSWORD)
    clerks_phone.get_by_label("再次输入新密码").fill(CLERK_PASSWORD)
    clerks_phone.get_by_role("button", name="保存密码").click()
    expect(clerks_phone.get_by_role("status")).to_have_text("密码已设置，请用新密码登录。")
    fill_sign_in(clerks_phone, "zhao", CLERK_PASSWORD)
    expect(clerks_phone.get_by_role("heading", level=1, name="工作台")).to_be_visible()
    expect(clerks_phone.get_by_role("link", name="系统管理")).to_have_count(0)
    clerks_phone.goto(live_app.url + "/console/admin/staff")
    expect(clerks_phone.get_by_role("heading", level=1, name="页面不存在")).to_be_visible()

    page.get_by_role("link", name="人员账号").first.click()
    row = page.locator('tr[data-login="zhao"]')
    expect(row).to_contain_text("西于庄街道")
    expect(row).not_to_contain_text("从未登录")
    screenshot(page, "console-admin-staff")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_administration_page_fits_the_screen_without_javascript(
    open_page: Callable[..., Page],
    live_app: AppProcess,
    coordinator: None,
    viewport: dict[str, int],
) -> None:
    page = open_page(viewport, javascript=False)
    page.goto(live_app.url + "/console/admin/")
    fill_sign_in(page, "wang", PASSWORD)
    # Signed in before going on: a goto while the sign-in's page loads aborts that load
    # (a "failed" request the page check then reports; CI, 2026-12-01).
    expect(page.get_by_role("heading", level=1, name="系统管理")).to_be_visible()
    page.goto(live_app.url + "/console/admin/calendar")
    page.get_by_label("日期").fill("2026-12-01")
    page.get_by_label("休息日（放假）").check()
    page.get_by_label("理由").fill("暴雪停工")
    page.get_by_role("button", name="保存更正").click()
    expect(page.get_by_role("status")).to_contain_text("2026-12-01 已设为休息日")

    pages = [
        ("console-admin", "/console/admin/", "系统管理"),
        ("console-admin-staff-list", "/console/admin/staff", "人员账号"),
        ("console-admin-staff-new", "/console/admin/staff/new", "新建账号"),
        ("console-admin-account", "/console/admin/staff/1", "协调员 王"),
        ("console-admin-calendar", "/console/admin/calendar", "工作日历"),
        ("console-admin-routing", "/console/admin/routing", "分派配置"),
        ("console-admin-duty", "/console/admin/duty", "值班表"),
    ]
    for name, path, heading in pages:
        page.goto(live_app.url + path)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        assert_fits(page, viewport["width"])
        assert reading_problems(page) == []
        screenshot(page, name)


def test_a_long_unbroken_name_wraps_in_the_staff_list_and_the_role_stays_on_screen(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container, coordinator: None
) -> None:
    # Reviewer, 2026-12-01: a 100-letter Latin name pushed role, unit and state off the right
    # edge at 1280 px and the role wrapped one character a line.
    staff_with_password(container, login="new6", name="N" * 100, role="clerk", department="czj")
    page = open_page(DESKTOP)
    page.goto(live_app.url + "/console/admin/staff")
    fill_sign_in(page, "wang", PASSWORD)

    row = page.locator('tr[data-login="new6"]')
    expect(row).to_contain_text("联络员")
    box = row.locator("td").nth(4).bounding_box()  # the state, right of role and unit
    assert box is not None and box["x"] + box["width"] <= DESKTOP["width"]
    role = row.locator("td").nth(2).bounding_box()
    assert role is not None and role["width"] >= 3 * 14  # 联络员 on one line
    assert_fits(page, DESKTOP["width"])
