"""The console in the real Chromium: sign-in (good, wrong, paused), sign-out, every page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from backend.people.sessions import SessionLimits
from backend.people.sign_in import MAX_WRONG_PASSWORDS, sign_in
from tests.browser.browser import DESKTOP, PHONE, reading_problems, screenshot
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password

FAILED = "登录失败：登录名或密码不正确，或该登录名因连续输错密码已暂停登录 15 分钟。"


@pytest.fixture
def coordinator(container: Container) -> None:
    staff_with_password(container, login="wang")


def fill_sign_in(page: Page, login: str, password: str) -> None:
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_a_coordinator_signs_in_and_out(
    page: Page, live_app: AppProcess, coordinator: None
) -> None:
    page.goto(live_app.url + "/console/")
    expect(page.get_by_role("heading", level=1, name="登录")).to_be_visible()

    fill_sign_in(page, "wang", PASSWORD)

    expect(page.get_by_role("heading", level=1, name="工作台")).to_be_visible()
    expect(page.get_by_text("当前用户：协调员 王（协调员）")).to_be_visible()
    screenshot(page, "console-home")
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("status")).to_have_text("您已退出登录。")
    page.goto(live_app.url + "/console/")
    expect(page.get_by_role("heading", level=1, name="登录")).to_be_visible()


def test_a_wrong_password_shows_the_one_refusal_message(
    page: Page, live_app: AppProcess, coordinator: None
) -> None:
    page.goto(live_app.url + "/console/sign-in")

    fill_sign_in(page, "wang", "not the password")

    expect(page.get_by_role("alert")).to_have_text(FAILED)
    expect(page.get_by_label("登录名")).to_have_value("wang")
    expect(page.get_by_label("密码")).to_have_value("")
    screenshot(page, "console-sign-in-refused")


def test_a_paused_login_refuses_even_the_right_password(
    page: Page, live_app: AppProcess, coordinator: None, container: Container
) -> None:
    limits = SessionLimits.of(idle_minutes=30, lifetime_hours=12)
    for _ in range(MAX_WRONG_PASSWORDS):
        sign_in(
            engine=container.engine,
            login="wang",
            password="guess",
            clock=container.clock,
            limits=limits,
        )
    page.goto(live_app.url + "/console/sign-in")

    fill_sign_in(page, "wang", PASSWORD)

    expect(page.get_by_role("alert")).to_have_text(FAILED)
    expect(page).to_have_url(live_app.url + "/console/sign-in")


def test_the_console_works_with_javascript_off(
    open_page: Callable[..., Page], live_app: AppProcess, coordinator: None
) -> None:
    page = open_page(DESKTOP, javascript=False)
    page.goto(live_app.url + "/console/")

    fill_sign_in(page, "wang", PASSWORD)
    expect(page.get_by_role("heading", level=1, name="工作台")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1, name="Console")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("status")).to_have_text("You have signed out.")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_fits_the_screen_and_is_recorded(
    open_page: Callable[..., Page],
    live_app: AppProcess,
    container: Container,
    viewport: dict[str, int],
) -> None:
    from datetime import timedelta

    from backend.db import session_scope
    from backend.people.password_links import issue_password_link, password_link_path

    clerk = staff_with_password(
        container, login="li", role="clerk", department="czj", name="联络员 李", password=None
    )
    with session_scope(container.engine) as session:
        link = password_link_path(
            issue_password_link(
                session=session, staff=clerk, clock=container.clock, valid_for=timedelta(hours=1)
            )
        )
    page = open_page(viewport)

    pages = [
        ("console-sign-in", "/console/sign-in", "登录"),
        ("console-set-password", link, "设置密码"),
        ("console-not-found", "/console/no-such-page", "页面不存在"),
    ]
    for name, path, heading in pages:
        page.goto(live_app.url + path)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        assert_fits(page, viewport["width"])
        assert reading_problems(page) == []
        screenshot(page, name)

    page.goto(live_app.url + link)
    page.get_by_label("新密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入新密码").fill(PASSWORD)
    page.get_by_role("button", name="保存密码").click()
    expect(page.get_by_role("status")).to_have_text("密码已设置，请用新密码登录。")
    fill_sign_in(page, "li", PASSWORD)
    expect(page.get_by_role("heading", level=1, name="工作台")).to_be_visible()
    assert_fits(page, viewport["width"])
    assert reading_problems(page) == []
    screenshot(page, "console-home-clerk")


def test_focus_is_visible_on_every_control_of_the_sign_in_page(
    page: Page, live_app: AppProcess
) -> None:
    page.goto(live_app.url + "/console/sign-in")

    for _ in range(5):
        page.keyboard.press("Tab")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), page.evaluate("() => document.activeElement.outerHTML")
    screenshot(page, "console-sign-in-focus")


def assert_fits(page: Page, width: int) -> None:
    """No sideways scrolling: the page is no wider than the screen."""
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page is {scroll_width} px wide on a {width} px screen"
