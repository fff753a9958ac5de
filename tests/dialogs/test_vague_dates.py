"""The "when" of a complaint said the way people say it (2024年底, 上个月中旬), kept with its
words; a record's date, which starts a clock, asked again until it is one day."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs import texts
from dialogs.model import ChatRef
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def _file_from_when(driver: ChatDriver) -> None:
    driver.tap("跳过 ➡️")  # evidence
    driver.tap("🕶 匿名")


def test_end_of_2024_is_kept_as_its_first_day_with_the_words_typed(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "when")
    zh.say("2024年底")
    assert zh.step == ("complaint", "evidence")
    _file_from_when(zh)
    assert "发生日期：2024年底（2024-12-01 至 2024-12-31）" in zh.text
    zh.tap("✅ 确认提交")
    [draft] = services.complaints
    assert (draft.occurred_on, draft.occurred_until, draft.occurred_as) == (
        date(2024, 12, 1),
        date(2024, 12, 31),
        "2024年底",
    )


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("上个月中旬", "2026-10-11", "2026-10-20"),
        ("3月初", "2026-03-01", "2026-03-10"),
        ("上周", "2026-11-16", "2026-11-22"),
        ("这个月", "2026-11-01", "2026-11-27"),  # cut at today
    ],
)
def test_a_span_is_kept_from_its_first_to_its_last_day_up_to_today(
    zh: ChatDriver, typed: str, first: str, last: str
) -> None:
    reach(zh, "when")
    zh.say(typed)
    data = zh.saved()["data"]
    assert (data["occurred_on"], data["occurred_on_span"]) == (
        first,
        {"last": last, "words": typed},
    )


@pytest.mark.parametrize(("typed", "day"), [("前天", "2026-11-25"), ("上周三", "2026-11-18")])
def test_a_relative_day_is_kept_as_that_day(zh: ChatDriver, typed: str, day: str) -> None:
    reach(zh, "when")
    zh.say(typed)
    data = zh.saved()["data"]
    assert (data["occurred_on"], "occurred_on_span" in data) == (day, False)


def test_an_english_span_is_shown_in_english(services: FakeServices) -> None:
    en = ChatDriver(services, ChatRef("web", "w-1"), language_hint="en")
    en.command("report")
    en.say("The agency never paid the contract fee of the procurement project")
    en.tap(en.labels[0])
    en.say("end of 2024")
    en.tap("Skip ➡️")  # evidence
    en.tap(en.labels[0])  # anonymous
    assert en.step == ("complaint", "summary")
    assert "end of 2024 (2024-12-01 to 2024-12-31)" in en.text


def test_a_new_answer_replaces_the_span_of_an_earlier_one(zh: ChatDriver) -> None:
    reach(zh, "when")
    zh.say("上个月")
    zh.tap("⬅️ 返回")
    zh.tap("昨天")
    data = zh.saved()["data"]
    assert (data["occurred_on"], "occurred_on_span" in data) == ("2026-11-26", False)


@pytest.mark.parametrize("typed", ["下个月", "明天", "今年年底"])
def test_a_time_ahead_is_refused_as_future(zh: ChatDriver, typed: str) -> None:
    reach(zh, "when")
    before = zh.saved()
    zh.say(typed)
    assert zh.saved() == before
    assert zh.text.startswith(texts.render("zh", "date.future"))


def test_what_cannot_be_read_gets_a_question_with_examples_and_skip(zh: ChatDriver) -> None:
    reach(zh, "when")
    zh.say("记不清了")
    assert zh.text.startswith(texts.render("zh", "date.invalid_optional"))
    assert "上个月中旬" in zh.text and "跳过 ➡️" in zh.labels
    assert "记不清了" not in zh.text


def test_a_record_asks_for_the_exact_day_when_given_a_span(services: FakeServices) -> None:
    clerk = ChatDriver(services, ChatRef("telegram", "clerk-7"))
    clerk.command("bind", "INVITE42")
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")  # no post given
    clerk.say("区商务局")
    clerk.tap("行政处罚")
    clerk.say("区市场监管局")  # the deciding authority
    clerk.tap("轻微")
    clerk.say("津红商罚〔2026〕3号")
    before = clerk.saved()
    clerk.say("上周")
    assert clerk.saved() == before
    asked = texts.render("zh", "date.exact_needed", first="2026-11-16", last="2026-11-22")
    assert clerk.text.startswith(asked)
    clerk.say("上周三")
    assert clerk.step == ("record", "facts")
    assert clerk.saved()["data"]["arose_on"] == "2026-11-18"
