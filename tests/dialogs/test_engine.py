"""Dispatch across flows: daily limit, language, idle chat, refusals from the backend."""

from __future__ import annotations

from dialogs import texts
from dialogs.engine import UNSTORABLE_INPUT, refuse
from dialogs.model import Inbound
from dialogs.ports import Limits
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def test_a_chat_over_the_daily_limit_is_told_to_wait() -> None:
    services = FakeServices(limits=Limits(daily_complaints=2))
    driver = ChatDriver(services)
    for _ in range(2):
        reach(driver, "summary")
        driver.tap("✅ 确认提交")
    before = driver.saved()
    driver.command("report")
    assert driver.saved() == before
    assert driver.text == texts.render("zh", "complaint.daily_limit", limit=2)


def test_the_daily_limit_is_checked_again_at_submission() -> None:
    services = FakeServices(limits=Limits(daily_complaints=1))
    first, second = ChatDriver(services), ChatDriver(services)
    reach(first, "summary")
    reach(second, "summary")  # the same chat, in two windows
    first.tap("✅ 确认提交")
    before = second.saved()
    second.tap("✅ 确认提交")
    assert second.saved() == before and len(services.complaints) == 1
    assert second.text.startswith(texts.render("zh", "complaint.daily_limit", limit=1))


def test_a_refusal_from_the_backend_keeps_the_summary(services: FakeServices) -> None:
    driver = ChatDriver(services)
    reach(driver, "summary")
    before = driver.saved()
    services.refuse_with = "unknown_street"
    driver.tap("✅ 确认提交")
    assert driver.saved() == before
    assert driver.text.startswith(texts.render("zh", "refused.unknown_street"))
    assert "✅ 确认提交" in driver.labels


def test_an_unknown_refusal_code_gets_the_general_text(services: FakeServices) -> None:
    driver = ChatDriver(services)
    reach(driver, "summary")
    services.refuse_with = "database_on_fire"
    driver.tap("✅ 确认提交")
    assert driver.text.startswith(texts.render("zh", "refused.other"))


def test_lang_switches_mid_flow_and_asks_the_same_question_in_english(zh: ChatDriver) -> None:
    reach(zh, "identity")
    before = zh.saved()
    zh.command("lang")
    assert zh.labels == ["中文", "English"]
    zh.tap("English")
    after = zh.saved()
    assert after["language"] == "en"
    assert {**after, "language": "zh"} == before
    assert zh.text.startswith("Switched to English.")
    assert "👤 With my name" in zh.labels
    zh.tap("👤 With my name")
    assert zh.step == ("complaint", "contact")


def test_lang_with_an_argument_switches_at_once(en: ChatDriver) -> None:
    en.command("lang", "zh")
    assert en.saved()["language"] == "zh" and en.text.startswith("已切换为中文")


def test_text_while_idle_offers_the_menu(zh: ChatDriver) -> None:
    zh.say("你好")
    assert zh.text == texts.render("zh", "menu.idle")
    assert "📝 我要投诉" in zh.labels


def test_start_in_the_middle_of_a_flow_greets_and_asks_again(zh: ChatDriver) -> None:
    reach(zh, "when")
    before = zh.saved()
    zh.command("start")
    assert zh.saved() == before
    assert "110" in zh.replies[0].text and "今天" in zh.labels


def test_telegram_style_command_with_the_bot_name(zh: ChatDriver) -> None:
    zh.say("/report@HongqiaoIntakeBot")
    assert zh.step == ("complaint", "what")


def test_help_for_a_clerk_lists_the_clerk_commands(services: FakeServices) -> None:
    driver = ChatDriver(services)
    driver.command("bind", "INVITE42")
    driver.command("help")
    assert "/record" in driver.text and "/queue" in driver.text


def test_a_refused_event_leaves_the_step_and_asks_its_question_again(zh: ChatDriver) -> None:
    reach(zh, "street")
    before = zh.saved()
    inbound = Inbound(kind="text", chat=zh.chat, event_id="x", text="西于庄\u0000")
    turn = refuse(zh.state, inbound, zh.services, UNSTORABLE_INPUT)
    assert turn.state.to_dict() == before
    assert turn.replies[0].text.startswith(texts.render("zh", UNSTORABLE_INPUT))
    assert "街道" in "\n".join(reply.text for reply in turn.replies)  # the street question again
