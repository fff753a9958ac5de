"""The web chat in the real Chromium: its script and style load under the policy and it talks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.browser import DESKTOP, PHONE, reading_problems, screenshot
from tests.e2e.telegram_app import AppProcess


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_message_goes_out_and_the_answer_comes_back(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    page = open_page(viewport)
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text("红桥区")  # the greeting: the script ran
    greeted = bot.count()

    page.get_by_label("输入消息").fill("/help")
    page.get_by_role("button", name="发送", exact=True).click()

    expect(page.locator(".msg.me").last).to_contain_text("/help")
    expect(bot).to_have_count(greeted + 1)
    expect(bot.last).to_contain_text("/report")
    header = page.evaluate("() => getComputedStyle(document.querySelector('header')).display")
    assert header == "flex"  # the style file applied
    assert reading_problems(page) == []
    screenshot(page, "webchat")
