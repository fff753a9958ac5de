"""A question answered with buttons also takes the button's words typed (the console, typists).

Reviewer, 2026-12-01: at "看起来这属于「养老」。对吗？" typing 对 or the category's name got
"请点击下面的按钮选择。", while other steps read typed answers. A typed answer that names one
offered button (its words, emoji and punctuation aside, or a part only that button has) is
that button's tap; anything else is still asked for a tap.
"""

from __future__ import annotations

import pytest

from dialogs import texts
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


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
