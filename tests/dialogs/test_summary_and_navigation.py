"""From the summary a field can be changed; back, skip and cancel work at every step."""

from __future__ import annotations

from dialogs import texts
from tests.dialogs.driver import ELDERLY_TEXT, PROCUREMENT_TEXT, ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def test_editing_the_date_from_the_summary_returns_to_the_summary(zh: ChatDriver) -> None:
    reach(zh, "summary")
    zh.tap("改日期")
    assert zh.step == ("complaint", "when")
    zh.say("2026-11-01")
    assert zh.step == ("complaint", "summary")
    assert "发生日期：2026-11-01" in zh.text


def test_editing_the_category_offers_every_choice_and_asks_a_missing_street(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    for answer in ("今天", "跳过 ➡️", "🕶 匿名"):
        zh.tap(answer)
    zh.tap("改类别")
    assert "以上都不是" in zh.labels, "an edit shows all choices, not the one-tap confirmation"
    services_choice = "行政审批与政务服务"
    zh.tap(services_choice)
    assert zh.step == ("complaint", "summary")
    assert f"类别：{services_choice}" in zh.text


def test_editing_the_category_to_a_street_level_one_asks_where(zh: ChatDriver) -> None:
    zh.command("report")
    zh.say("物业收费不公开，小区业主多次反映没有结果")
    zh.tap("行政审批与政务服务")
    for answer in ("今天", "跳过 ➡️", "🕶 匿名"):
        zh.tap(answer)
    zh.tap("改类别")
    zh.tap("物业")
    assert zh.step == ("complaint", "street")
    zh.tap("西于庄街道")
    assert zh.step == ("complaint", "summary")
    assert "地点：西于庄街道" in zh.text


def test_editing_the_identity_to_anonymous_drops_the_phone(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "summary")
    zh.tap("改身份")
    zh.tap("🕶 匿名")
    assert zh.step == ("complaint", "summary")
    zh.tap("✅ 确认提交")
    assert services.complaints[0].phone is None and services.complaints[0].anonymous


def test_editing_the_text_asks_the_category_of_the_new_text(zh: ChatDriver) -> None:
    reach(zh, "summary")
    zh.tap("改内容")
    zh.say(PROCUREMENT_TEXT)
    assert zh.step == ("complaint", "category")
    zh.tap("✅ 对")
    assert zh.step == ("complaint", "summary")
    assert "类别：政府采购" in zh.text


def test_back_from_an_edit_returns_to_the_summary_unchanged(zh: ChatDriver) -> None:
    reach(zh, "summary")
    before = zh.saved()["data"]
    zh.tap("改附件")
    zh.tap("⬅️ 返回")
    assert zh.step == ("complaint", "summary")
    assert zh.saved()["data"] == before


def test_attachments_can_be_cleared_from_the_summary(zh: ChatDriver) -> None:
    reach(zh, "summary")
    zh.photo()
    assert "附件：1 个" in zh.text
    zh.tap("改附件")
    zh.tap("清空附件")
    zh.tap("跳过 ➡️")
    assert "附件：0 个" in zh.text


def test_back_goes_to_the_previous_question(zh: ChatDriver) -> None:
    reach(zh, "when")
    zh.tap("⬅️ 返回")
    assert zh.step == ("complaint", "street")
    zh.tap("⬅️ 返回")
    assert zh.step == ("complaint", "category")
    assert "以上都不是" in zh.labels, "going back to change the category shows every choice"
    zh.tap("养老")
    assert zh.step == ("complaint", "when"), "the street answered before is kept"


def test_back_as_a_typed_word_works_like_the_button(zh: ChatDriver) -> None:
    reach(zh, "identity")
    zh.say("返回")
    assert zh.step == ("complaint", "evidence")


def test_back_at_the_first_question_is_refused(zh: ChatDriver) -> None:
    reach(zh, "what")
    before = zh.saved()
    zh.command("back")
    assert zh.saved() == before
    assert texts.render("zh", "step.no_back") in zh.text


def test_skip_leaves_optional_answers_out(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "when")
    zh.command("skip")
    zh.say("跳过")
    assert zh.step == ("complaint", "identity")
    assert zh.saved()["data"]["occurred_on"] is None


def test_skip_is_refused_where_an_answer_is_needed(zh: ChatDriver) -> None:
    for step in ("what", "category", "identity", "contact"):
        driver = ChatDriver(FakeServices())
        reach(driver, step)
        before = driver.saved()
        driver.command("skip")
        assert driver.saved() == before, step
        assert texts.render("zh", "step.cannot_skip") in driver.text


def test_cancel_ends_the_complaint_and_files_nothing(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "contact")
    zh.command("cancel")
    assert zh.step == (None, None)
    assert zh.replies[0].remove_keyboard, "the share-contact keyboard goes away"
    assert services.complaints == []
    zh.tap("👤 实名")
    assert texts.render("zh", "input.stale") in zh.text


def test_cancel_button_on_the_summary(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "summary")
    zh.tap("✖️ 取消")
    assert zh.step == (None, None) and services.complaints == []


def test_cancel_with_nothing_to_cancel_says_so(zh: ChatDriver) -> None:
    zh.say("取消")
    assert zh.text == texts.render("zh", "cancel.nothing")


def test_help_in_a_flow_answers_and_asks_the_same_question_again(zh: ChatDriver) -> None:
    reach(zh, "identity")
    before, buttons = zh.saved(), zh.buttons
    zh.command("help")
    assert zh.saved() == before
    assert "/status" in zh.text and zh.buttons == buttons


def test_back_from_the_street_question_takes_the_location_keyboard_away(zh: ChatDriver) -> None:
    reach(zh, "street")
    zh.tap("⬅️ 返回")
    assert zh.replies[0].remove_keyboard
    assert zh.step == ("complaint", "category")


def test_the_first_question_offers_a_cancel_button(zh: ChatDriver) -> None:
    reach(zh, "what")
    zh.tap("✖️ 取消")
    assert zh.step == (None, None)


def test_the_summary_shows_the_beginning_of_a_long_description_and_says_all_is_kept(
    zh: ChatDriver,
) -> None:
    long_text = ELDERLY_TEXT * 30  # 570 characters
    reach(zh, "summary", text=long_text)
    assert long_text[:300] in zh.text
    assert "（共 570 字，此处只显示开头，全文已完整保存）" in zh.text
