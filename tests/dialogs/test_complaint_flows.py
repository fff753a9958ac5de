"""Whole complaints, start to case number, in Chinese and English; the state restarts each turn."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs import texts
from dialogs.model import ChatRef, FileRef, GeoPoint
from tests.dialogs.driver import ELDERLY_TEXT, PROCUREMENT_TEXT, ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def test_confident_route_anonymous_complaint_in_chinese_gets_number_and_pin(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("start")
    assert "110" in zh.text and "12345" in zh.text
    zh.tap("📝 我要投诉")
    zh.say(PROCUREMENT_TEXT)
    assert "政府采购" in zh.text
    zh.tap("✅ 对")
    zh.tap("今天")
    zh.photo(size=150_000)
    zh.document(name="采购公告.pdf")
    zh.tap("完成（2 个）")
    zh.tap("🕶 匿名")
    assert "类别：政府采购" in zh.text and "附件：2 个" in zh.text and "身份：匿名" in zh.text
    zh.tap("✅ 确认提交")

    [draft] = services.complaints
    assert draft.text == PROCUREMENT_TEXT
    assert (draft.category, draft.street, draft.occurred_on) == ("procurement", None, services.day)
    assert draft.anonymous and draft.name is None and draft.phone is None
    assert [a.kind for a in draft.attachments] == ["photo", "document"]
    assert draft.attachments[1] == FileRef(
        "doc-6", "document", 300_000, "application/pdf", "采购公告.pdf"
    )
    assert (draft.chat, draft.language) == (zh.chat, "zh")
    case = services.cases["HQ-261127-0001"]
    assert "HQ-261127-0001" in zh.text and f"提取码：{case.pin}" in zh.text
    assert f"/status HQ-261127-0001 {case.pin}" in zh.text
    assert zh.step == (None, None)


def test_unsure_route_in_english_offers_choices_and_named_reporter_shares_contact(
    en: ChatDriver, services: FakeServices
) -> None:
    en.command("report")
    en.say("My landlord, the district housing office, never fixed the roof it promised to.")
    assert en.labels[:4] == [
        "Property management",
        "Housing",
        "Approvals and government services",
        "None of these",
    ]
    en.tap("Property management")
    assert en.step == ("complaint", "street")
    assert en.replies[1].request is not None and en.replies[1].request.kind == "location"
    en.tap("Jieyuan Street")
    assert en.replies[0].remove_keyboard
    en.say("2026-11-20")
    en.tap("Skip ➡️")
    en.tap("👤 With my name")
    assert en.replies[0].request is not None and en.replies[0].request.kind == "contact"
    en.contact("+86 138 1234 5678", "Li Lei")
    assert en.step == ("complaint", "summary")
    assert "Identity: named (Li Lei, 13812345678)" in en.text
    en.tap("✅ Submit")

    [draft] = services.complaints
    assert (draft.category, draft.street) == ("property", "jy")
    assert draft.occurred_on == date(2026, 11, 20)
    assert (draft.anonymous, draft.name, draft.phone) == (False, "Li Lei", "13812345678")
    assert draft.language == "en"
    assert "Case number: HQ-261127-0001" in en.text and "PIN" not in en.text


def test_not_right_shows_the_other_choices(zh: ChatDriver, services: FakeServices) -> None:
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("不对，换一个")
    assert "以上都不是" in zh.labels
    zh.tap("行政审批与政务服务")
    assert zh.step == ("complaint", "when")


def test_none_of_these_sends_the_complaint_without_category_to_triage(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say("物业公司和街道互相推诿，楼道灯坏了半年没人管")
    zh.tap("以上都不是")
    assert zh.step == ("complaint", "when"), "no street is asked without a street-level category"
    zh.tap("跳过 ➡️")
    zh.tap("跳过 ➡️")
    zh.tap("🕶 匿名")
    assert "未选择（由牵头部门分派）" in zh.text
    zh.tap("✅ 确认提交")
    assert services.complaints[0].category is None
    assert services.complaints[0].occurred_on is None


def test_text_no_category_fits_goes_straight_on_to_triage(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say("有关部门答应的事情一直没有办")
    assert "暂时判断不出类别" in zh.text
    assert zh.step == ("complaint", "when")


def test_street_from_a_shared_location(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "street")
    zh.location(39.16, 117.13)
    assert zh.replies[0].remove_keyboard and "芥园街道" in zh.replies[0].text
    for answer in ("今天", "跳过 ➡️", "🕶 匿名", "✅ 确认提交"):
        zh.tap(answer)
    draft = services.complaints[0]
    assert (draft.category, draft.street, draft.location) == (
        "elderly_care",
        "jy",
        GeoPoint(39.16, 117.13),
    )


def test_street_from_a_typed_community_name(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "street")
    zh.say("丁字沽三号路的小区")
    assert zh.step == ("complaint", "when")
    for answer in ("今天", "跳过 ➡️", "🕶 匿名", "✅ 确认提交"):
        zh.tap(answer)
    draft = services.complaints[0]
    assert (draft.street, draft.location_text) == ("dzg", "丁字沽三号路的小区")


def test_street_named_in_the_description_is_not_asked_again(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say("芥园街道的养老驿站承诺的助餐服务没有兑现")
    zh.tap("✅ 对")
    assert zh.step == ("complaint", "when")
    for answer in ("今天", "跳过 ➡️", "🕶 匿名"):
        zh.tap(answer)
    assert "地点：芥园街道" in zh.text
    zh.tap("✅ 确认提交")
    assert services.complaints[0].street == "jy"


def test_unsure_street_is_left_to_the_lead_office(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "street")
    zh.tap("不确定")
    assert zh.step == ("complaint", "when")
    assert "street" in zh.saved()["data"] and zh.saved()["data"]["street"] is None


def test_named_reporter_types_a_landline_and_a_name(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "contact")
    zh.say("022-2627 1234")
    assert zh.step == ("complaint", "name")
    zh.say("张先生")
    assert "身份：实名（张先生，02226271234）" in zh.text
    zh.tap("✅ 确认提交")
    draft = services.complaints[0]
    assert (draft.anonymous, draft.name, draft.phone) == (False, "张先生", "02226271234")
    assert "/status HQ-261127-0001" in zh.text and "提取码" not in zh.text


def test_named_reporter_may_skip_the_name(zh: ChatDriver, services: FakeServices) -> None:
    reach(zh, "name")
    zh.tap("跳过 ➡️")
    zh.tap("✅ 确认提交")
    assert (services.complaints[0].name, services.complaints[0].phone) == (None, "13812345678")


def test_description_may_come_as_the_caption_of_a_photo(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.photo(caption=PROCUREMENT_TEXT)
    assert zh.step == ("complaint", "category")
    assert zh.saved()["data"]["text"] == PROCUREMENT_TEXT
    assert len(zh.saved()["data"]["attachments"]) == 1


def test_photos_sent_before_the_evidence_step_are_kept(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "category")
    zh.photo()
    assert "已收到附件（1/5）" in zh.text
    assert zh.step == ("complaint", "category")
    zh.tap("✅ 对")
    zh.tap("芥园街道")
    zh.tap("今天")
    assert "完成（1 个）" in zh.labels


def test_typed_chinese_date_without_year_is_taken_as_this_year(zh: ChatDriver) -> None:
    reach(zh, "when")
    zh.say("11月3日")
    assert zh.saved()["data"]["occurred_on"] == "2026-11-03"


def test_a_second_chat_files_in_parallel_without_cross_talk(services: FakeServices) -> None:
    first = ChatDriver(services, ChatRef("telegram", "1"))
    second = ChatDriver(services, ChatRef("web", "1"), language_hint="en")
    first.command("report")
    second.command("report")
    first.say(ELDERLY_TEXT)
    second.say("The procurement rules were written for one supplier only.")
    assert first.step == second.step == ("complaint", "category")
    assert "养老" in first.text and "Government procurement" in second.text


def _pin_stands_apart(text: str, line: str) -> bool:
    """Whether the line is in the text on its own, a blank line before and after it."""
    return f"\n\n{line}\n\n" in text


def test_the_pin_of_an_anonymous_case_stands_on_its_own_line(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "identity")
    zh.tap("🕶 匿名")
    zh.tap("✅ 确认提交")

    [case] = services.cases.values()
    assert _pin_stands_apart(zh.text, f"🔑 提取码：{case.pin}")
    assert "只显示这一次" in zh.text.split(case.pin, 1)[1]  # the warning follows the PIN
    english = texts.render("en", "complaint.filed_anonymous", number=case.number, pin=case.pin)
    assert _pin_stands_apart(english, f"🔑 PIN: {case.pin}")


def test_a_direction_control_in_the_name_cannot_turn_the_phone_number_around(
    zh: ChatDriver, services: FakeServices
) -> None:
    # Reviewer, 2026-12-01: "张三\u202e" showed "（张三（87654321831，" in the summary, and
    # the console showed the reporter's number backwards to whoever would call them.
    reach(zh, "name")
    zh.say("张三\u202e\u2067")
    assert "身份：实名（张三，13812345678）" in zh.text
    zh.tap("✅ 确认提交")
    assert services.complaints[0].name == "张三"


def test_a_direction_control_in_the_text_is_dropped_before_the_summary_shows_it(
    zh: ChatDriver, services: FakeServices
) -> None:
    # Verifier, 2026-12-03: the stored text was clean, but the summary the reporter confirms
    # still read the number behind U+202E backwards.
    reach(zh, "name", text=f"{ELDERLY_TEXT}联系电话\u202e13812345678\u202c")
    zh.say("张三")
    assert "联系电话13812345678" in zh.text and "\u202e" not in zh.text
    zh.tap("✅ 确认提交")
    assert services.complaints[0].text == f"{ELDERLY_TEXT}联系电话13812345678"


@pytest.mark.parametrize(
    "typed", ["我不知道", "不清楚", "不确定。", "说不清", "not sure", "I don't know"]
)
def test_a_typed_i_dont_know_at_the_street_step_is_taken_as_not_sure(
    services: FakeServices, typed: str
) -> None:
    driver = ChatDriver(services, ChatRef("web", "w-3003"), language_hint="zh-hans")
    reach(driver, "street")
    driver.say(typed)
    assert driver.step == ("complaint", "when")
    assert driver.saved()["data"]["street"] is None
    assert "location_text" not in driver.saved()["data"]
