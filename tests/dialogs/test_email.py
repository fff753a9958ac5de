"""`/email`: a reporter gives an email address for updates and the rating link by email."""

from __future__ import annotations

import pytest

from dialogs import texts
from dialogs.flows.email import parse_email
from dialogs.model import ChatRef
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def test_email_keeps_the_address_shows_it_and_removes_it_with_a_button(
    services: FakeServices, zh: ChatDriver
) -> None:
    zh.command("email")
    assert zh.text == texts.render("zh", "email.none")
    zh.command("email", "Zhang.Wei+12345@Mail.Example.CN")
    assert services.emails[zh.chat] == "Zhang.Wei+12345@mail.example.cn"
    assert "确认邮件" in zh.text and "Zhang.Wei+12345@mail.example.cn" in zh.text
    zh.command("email")
    assert "尚未确认" in zh.text and "Zhang.Wei+12345@mail.example.cn" in zh.text
    services.confirmed_emails.add(zh.chat)  # its owner opened the link
    zh.command("email")
    assert zh.text.startswith("您的投诉进展也会发送到 Zhang.Wei+12345@mail.example.cn")
    zh.command("email", "Zhang.Wei+12345@Mail.Example.CN")  # the same address: still confirmed
    assert "已保存" in zh.text
    zh.tap("✖ 删除此邮箱")
    assert zh.text == texts.render("zh", "email.removed")
    assert zh.chat not in services.emails
    zh.command("email", "a@b.cn")
    zh.command("email", "OFF")
    assert zh.chat not in services.emails


@pytest.mark.parametrize(
    "address",
    ["not-an-address", "a@b", "@b.cn", "a@@b.cn", "a b@c.cn", "a..b@c.cn", "a@-b.cn", "a@b.cn\x07"]
    + ["x" * 65 + "@b.cn", "a@" + "b" * 250 + ".cn", "<a@b.cn>"],
)
def test_a_malformed_address_is_refused_in_both_languages(
    services: FakeServices, zh: ChatDriver, en: ChatDriver, address: str
) -> None:
    assert parse_email(address) is None
    zh.command("email", *address.split(" "))
    assert zh.text.startswith(texts.render("zh", "email.malformed"))
    en.command("email", *address.split(" "))
    assert en.text.startswith("That is not an email address.")
    assert services.emails == {}


def test_email_in_the_middle_of_a_complaint_asks_the_question_again(
    services: FakeServices, zh: ChatDriver
) -> None:
    reach(zh, "street")
    zh.command("email", "li@example.com")
    assert services.emails[zh.chat] == "li@example.com"
    assert zh.step == ("complaint", "street")
    assert "确认邮件" in zh.text


def test_help_lists_email(zh: ChatDriver, en: ChatDriver) -> None:
    zh.command("help")
    assert "/email 邮箱地址" in zh.text
    en.command("help")
    assert "/email ADDRESS" in en.text


def test_only_the_web_chat_receipt_mentions_email_while_none_is_set(
    services: FakeServices, zh: ChatDriver
) -> None:
    web = ChatDriver(services, ChatRef("web", "w-3003"), language_hint="zh")
    for driver in (zh, web):
        reach(driver, "identity")
        driver.tap("🕶 匿名")
        driver.tap("✅ 确认提交")
    assert "/email" in web.text and "/email" not in zh.text
    web.command("email", "he@example.cn")
    reach(web, "identity")
    web.tap("🕶 匿名")
    web.tap("✅ 确认提交")
    assert "提取码" in web.text and "/email" not in web.text


def test_an_address_past_the_days_limit_is_kept_and_the_chat_says_none_was_sent(
    services: FakeServices, zh: ChatDriver, en: ChatDriver
) -> None:
    services.email_limited.add("a@b.cn")
    zh.command("email", "a@b.cn")
    en.command("email", "a@b.cn")

    assert services.emails[zh.chat] == "a@b.cn"
    assert "这次没有发送" in zh.text and "明天" in zh.text
    assert "none was sent" in en.text and "tomorrow" in en.text


def test_where_no_email_is_sent_the_chat_says_so_keeps_nothing_and_does_not_offer_it(
    services: FakeServices, zh: ChatDriver, en: ChatDriver
) -> None:
    services.email_sent = False  # a deployment without an SMTP server (INTAKE_SMTP_HOST unset)
    zh.command("email", "wang@example.cn")
    assert zh.text == texts.render("zh", "email.unavailable")
    en.command("email")
    assert en.text == texts.render("en", "email.unavailable")
    assert "in this chat" in en.text
    assert services.emails == {}
    zh.command("help")
    en.command("help")
    assert "/email" not in zh.text and "/email" not in en.text
    web = ChatDriver(services, ChatRef("web", "w-3004"), language_hint="zh")
    reach(web, "identity")
    web.tap("🕶 匿名")
    web.tap("✅ 确认提交")
    assert "提取码" in web.text and "/email" not in web.text


def test_an_address_kept_before_email_was_switched_off_can_still_be_removed(
    services: FakeServices, zh: ChatDriver
) -> None:
    zh.command("email", "wang@example.cn")
    services.email_sent = False
    zh.command("email", "off")
    assert zh.text == texts.render("zh", "email.removed")
    assert services.emails == {}
