"""The web chat's page with a token that ends or renews: a new chat, or the same one kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.browser import DESKTOP
from tests.e2e.telegram_app import AppProcess
from tests.fakes import FakeClock

CHINESE = {
    "locale": "zh-CN",
    "greeting": "红桥区",
    "field": "输入消息",
    "send": "发送",
    "notice": "之前的对话超过期限未使用，已经结束，这是新的对话。已提交的案件不受影响。",
}
ENGLISH = {
    "locale": "en-US",
    "greeting": "Hongqiao",
    "field": "Message",
    "send": "Send",
    "notice": "The earlier chat went unused too long and has ended; this is a new one. "
    "Cases already filed are not affected.",
}


def kept_token(page: Page) -> str:
    token: str = page.evaluate("() => JSON.parse(localStorage.getItem('intake.webchat')).token")
    return token


def ask_help(page: Page, words: dict[str, str] = CHINESE) -> None:
    page.get_by_label(words["field"]).fill("/help")
    page.get_by_role("button", name=words["send"], exact=True).click()


@pytest.mark.parametrize("words", [CHINESE, ENGLISH], ids=["zh", "en"])
def test_a_chat_idle_past_the_limit_starts_anew_and_says_why(
    open_page: Callable[..., Page], live_app: AppProcess, clock: FakeClock, words: dict[str, str]
) -> None:
    page = open_page(DESKTOP, locale=words["locale"])
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text(words["greeting"])
    ask_help(page, words)
    expect(bot).to_have_count(2)
    old = kept_token(page)

    clock.advance(days=91)  # the default limit is 90 days
    page.reload()

    expect(page.locator("#notice")).to_have_text(words["notice"])
    expect(bot).to_have_count(1)
    expect(bot.first).to_contain_text(words["greeting"])  # greeted anew, the old log gone
    assert page.locator(".msg.me").count() == 0
    assert kept_token(page).split(".")[1] != old.split(".")[1]
    ask_help(page, words)  # the new chat answers
    expect(bot).to_have_count(2)


def test_an_active_page_keeps_its_renewed_token_and_is_never_cut_off(
    page: Page, live_app: AppProcess, clock: FakeClock
) -> None:
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text("红桥区")
    old = kept_token(page)

    clock.advance(days=2)
    ask_help(page)
    expect(bot).to_have_count(2)
    page.wait_for_function(
        "old => JSON.parse(localStorage.getItem('intake.webchat')).token !== old", arg=old
    )
    clock.advance(days=89)  # 91 days after the first token, 89 after its renewal
    ask_help(page)

    expect(bot).to_have_count(3)  # the same chat answered: no new greeting
    assert kept_token(page).split(".")[1] == old.split(".")[1]
    expect(page.locator("#notice")).to_have_text("")
