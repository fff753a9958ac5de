"""Immediate danger: a description with words of danger asks whether it is urgent, and says
whom to call; the answer goes with the complaint."""

from __future__ import annotations

from tests.dialogs.driver import PROCUREMENT_TEXT, ChatDriver
from tests.dialogs.fakes import FakeServices

FIRE = "政府采购的仓库着火了，供应商说采购合同不认账"  # words of danger and of procurement


def finish(driver: ChatDriver, confirm: str, today: str, anonymous: str, done: str) -> None:
    driver.tap(confirm)
    driver.tap(today)
    driver.tap(done)
    driver.tap(anonymous)


def test_words_of_danger_ask_whether_it_is_urgent_and_say_to_call_119(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say(FIRE)
    assert zh.step == ("complaint", "danger")
    assert "危及人身、健康或财产安全" in zh.text and "119" in zh.text
    zh.tap("🚨 是，情况紧急")
    assert "已标记为紧急" in zh.text and "119" in zh.text
    assert "政府采购" in zh.text  # the category question follows in the same message
    finish(zh, "✅ 对", "今天", "🕶 匿名", "跳过")
    assert "紧急：存在紧迫危险" in zh.text
    zh.tap("✅ 确认提交")
    [draft] = services.complaints
    assert draft.urgent is True


def test_not_urgent_is_kept_as_said(en: ChatDriver, services: FakeServices) -> None:
    en.command("report")
    en.say("The procurement office's warehouse had a fire last year and never paid us")
    assert "call 119" in en.text
    en.tap("No, not urgent")
    finish(en, "✅ Yes", "Today", "🕶 Anonymous", "Skip")
    assert "Urgent" not in en.text
    en.tap("✅ Submit")
    [draft] = services.complaints
    assert draft.urgent is False


def test_a_description_without_danger_is_not_asked(zh: ChatDriver, services: FakeServices) -> None:
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    assert zh.step == ("complaint", "category")
    finish(zh, "✅ 对", "今天", "🕶 匿名", "跳过")
    zh.tap("✅ 确认提交")
    [draft] = services.complaints
    assert draft.urgent is None  # not asked: the backend's words of danger decide


def test_a_new_description_without_danger_forgets_the_urgent_answer(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say(FIRE)
    zh.tap("🚨 是，情况紧急")
    zh.tap("⬅️ 返回")  # back to the danger question
    zh.tap("⬅️ 返回")  # back to the description
    zh.say(PROCUREMENT_TEXT)
    assert zh.step == ("complaint", "category")
    data = zh.state.data if zh.state else {}
    assert "urgent" not in data and "danger" not in data
