"""A question answered with buttons also takes the button's words typed (the console, typists).

Reviewer, 2026-12-01: at "看起来这属于「养老」。对吗？" typing 对 or the category's name got
"请点击下面的按钮选择。", while other steps read typed answers. A typed answer that names one
offered button (its words, emoji and punctuation aside, or a part only that button has) is
that button's tap; anything else is still asked for a tap.
"""

from __future__ import annotations

import pytest

from dialogs import texts
from dialogs.model import ChatRef
from dialogs.ports import CategoryChoice, Limits, RouteProposal
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import PROPOSALS, FakeServices


@pytest.mark.parametrize("typed", ["对", "✅ 对", " 对！", "养老"])
def test_the_category_is_confirmed_by_typing_yes_or_its_name(zh: ChatDriver, typed: str) -> None:
    reach(zh, "category")
    zh.say(typed)
    assert zh.step == ("complaint", "street")
    assert zh.state.data["category"] == "elderly_care"


def test_typing_no_shows_the_other_choices_and_a_typed_name_picks_one(
    zh: ChatDriver,
) -> None:
    reach(zh, "category")
    zh.say("不对")
    assert zh.step == ("complaint", "category") and "住房" in " ".join(zh.labels)
    zh.say("住房")
    assert zh.state.data["category"] == "housing"


def test_english_typed_yes_confirms(en: ChatDriver) -> None:
    en.command("report")
    en.say("The elderly care meals promised by the community never came")
    assert en.step == ("complaint", "category")
    en.say("yes")
    assert en.step[1] != "category"


def test_typed_words_no_button_has_still_ask_for_a_tap(zh: ChatDriver) -> None:
    reach(zh, "category")
    zh.say("也许吧")
    assert zh.text.startswith(texts.render("zh", "step.use_buttons"))
    assert zh.step == ("complaint", "category")


def test_the_summary_is_submitted_by_typing_its_button(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "summary")
    zh.say("确认提交")
    assert len(services.complaints) == 1


# Reviewer, 2026-12-03: in the web chat the evidence step showed "完成（4 个）" and typing 完成
# was refused. A button's words are its label without the trailing annotation in brackets
# (a count, a state), typed in any width or case; one rule in the engine for every channel.


def _with_one_photo(driver: ChatDriver) -> None:
    reach(driver, "evidence")
    driver.photo()


@pytest.mark.parametrize("typed", ["完成", " 完成 ", "完成（1 个）", "完成(1个)"])
def test_typing_done_finishes_the_evidence_whose_button_shows_a_count(
    zh: ChatDriver, typed: str
) -> None:
    _with_one_photo(zh)
    assert "完成（1 个）" in zh.labels
    zh.say(typed)
    assert zh.step == ("complaint", "identity")
    assert len(zh.state.data["attachments"]) == 1


@pytest.mark.parametrize("typed", ["done", "Done", "DONE", "Ｄｏｎｅ", "done (1)"])
def test_typing_done_in_english_finishes_the_evidence_whose_button_shows_a_count(
    en: ChatDriver, typed: str
) -> None:
    en.command("report")
    en.say("The elderly care meals promised by the community never came")
    en.say("yes")  # the category
    en.tap("Jieyuan Street")
    en.tap("Today")
    en.photo()
    assert "Done (1)" in en.labels
    en.say(typed)
    assert en.step == ("complaint", "identity")


@pytest.mark.parametrize("typed", ["1", "个", "1 个"])
def test_the_count_of_a_button_alone_does_not_name_it(zh: ChatDriver, typed: str) -> None:
    _with_one_photo(zh)
    zh.say(typed)
    assert zh.text.startswith(texts.render("zh", "files.use_files"))
    assert zh.step == ("complaint", "evidence")


OTHER_DISTRICT = CategoryChoice("other_district", "其他（区级）", "Other (district)", False)
OTHER_STREET = CategoryChoice("other_street", "其他（街道）", "Other (street)", True)


@pytest.fixture
def two_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """The router proposes two categories whose names differ only in their brackets."""
    proposal = RouteProposal((OTHER_DISTRICT, OTHER_STREET), confident=False)
    monkeypatch.setitem(PROPOSALS, "噪音", proposal)
    monkeypatch.setitem(PROPOSALS, "noise", proposal)


@pytest.mark.usefixtures("two_others")
def test_words_two_buttons_share_pick_neither_and_ask_for_a_tap(zh: ChatDriver) -> None:
    zh.command("report")
    zh.say("小区旁边工地夜间噪音扰民很久了")
    assert {"其他（区级）", "其他（街道）"} <= set(zh.labels)
    zh.say("其他")
    assert zh.text.startswith(texts.render("zh", "step.use_buttons"))
    assert zh.step == ("complaint", "category") and "category" not in zh.state.data
    zh.say("其他（街道）")
    assert zh.state.data["category"] == "other_street"


@pytest.mark.usefixtures("two_others")
def test_english_words_two_buttons_share_pick_neither(en: ChatDriver) -> None:
    en.command("report")
    en.say("The building site next door makes noise every night")
    en.say("other")
    assert en.text.startswith(texts.render("en", "step.use_buttons"))
    assert en.step == ("complaint", "category") and "category" not in en.state.data


def test_a_complaint_that_says_only_done_is_kept_as_the_complaint(
    services: FakeServices,
) -> None:
    services.limits = Limits(min_text_length=2)
    driver = ChatDriver(services, ChatRef("web", "w-done"), language_hint="zh")
    driver.command("report")
    driver.say("完成")
    assert driver.state.data["text"] == "完成"
    assert driver.step[1] != "what"


def test_a_place_typed_at_the_street_step_is_read_as_a_place_not_as_a_street_button(
    zh: ChatDriver,
) -> None:
    reach(zh, "street")
    zh.say("丁字")  # a part of 丁字沽街道 only, which the street finder does not know
    assert zh.text.startswith(texts.render("zh", "street.not_found"))
    assert zh.step == ("complaint", "street") and "street" not in zh.state.data
