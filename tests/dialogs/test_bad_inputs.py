"""Every bad input gets a short helpful answer and leaves the dialog exactly where it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dialogs import texts
from dialogs.dates import earliest_day
from dialogs.model import Button
from tests.dialogs.driver import COMPLAINT_STEPS, ChatDriver, reach
from tests.dialogs.fakes import FakeServices

BadInput = Callable[[ChatDriver], object]

BAD_INPUTS: dict[str, tuple[BadInput, str]] = {
    "sticker": (lambda d: d.send("sticker"), "input.media"),
    "voice": (lambda d: d.send("voice"), "input.media"),
    "video": (lambda d: d.send("video"), "input.media"),
    "unsupported": (lambda d: d.send("unsupported"), "input.media"),
    "edited message": (lambda d: d.send("edited", text="改过的文字"), "input.edited"),
    "group chat": (lambda d: d.send("text", text="你好", chat_kind="group"), "input.group"),
    "text over the limit": (lambda d: d.say("长" * 2001), "input.too_long"),
    "caption over the limit": (lambda d: d.photo(caption="长" * 2001), "input.too_long"),
    "empty text": (lambda d: d.say("   "), "input.empty"),
    "a command that starts something else": (lambda d: d.command("report"), "command.busy"),
    "a typed command that starts something else": (lambda d: d.say("/record"), "command.busy"),
    "unknown command": (lambda d: d.command("frobnicate"), "command.unknown"),
    "button from another dialog": (lambda d: d.send("button", payload="zz9|ok|"), "input.stale"),
    "button that is not ours": (lambda d: d.send("button", payload="hello"), "input.stale"),
}


@pytest.mark.parametrize("step", COMPLAINT_STEPS)
@pytest.mark.parametrize("bad", list(BAD_INPUTS))
def test_bad_input_at_any_step_leaves_the_state_and_repeats_the_question(
    step: str, bad: str
) -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, step)
    before, buttons = driver.saved(), driver.buttons
    send, key = BAD_INPUTS[bad]
    send(driver)
    assert driver.saved() == before
    expected = texts.render("zh", key, length=2001, max=2000, flow="投诉举报")
    assert driver.text.startswith(expected)
    assert driver.buttons == buttons, "the same question with the same live buttons"


@pytest.mark.parametrize("bad", [b for b, (_, key) in BAD_INPUTS.items() if key != "command.busy"])
def test_bad_input_while_idle_answers_without_changing_anything(bad: str) -> None:
    driver = ChatDriver(FakeServices())
    driver.command("start")
    before = driver.saved()
    send, key = BAD_INPUTS[bad]
    send(driver)
    assert driver.saved() == before
    assert driver.text == texts.render("zh", key, length=2001, max=2000)


@pytest.mark.parametrize(
    "share",
    [lambda d: d.location(39.165, 117.159), lambda d: d.contact("13812345678")],
    ids=["location", "contact"],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_place_or_phone_shared_while_idle_is_asked_for_a_complaint_first_not_evidence(
    share: BadInput, language: str
) -> None:
    # A reviewer shared a location with no complaint open and was told how to send evidence.
    driver = ChatDriver(FakeServices())
    driver.language_hint = language
    driver.command("start")
    before = driver.saved()
    share(driver)
    assert driver.saved() == before
    assert driver.text == texts.render(language, "input.idle_share")


def test_a_stale_button_from_an_earlier_step_is_recognised() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "when")
    driver.tap("今天")
    before = driver.saved()
    driver.tap("今天")  # the same button again, from the message above
    assert driver.saved() == before
    assert driver.text.startswith(texts.render("zh", "input.stale"))


def test_a_button_from_a_cancelled_dialog_is_stale_in_the_next_one() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "category")
    old = driver.button("✅ 对")
    driver.command("cancel")
    reach(driver, "category")
    before = driver.saved()
    driver.send("button", payload=old.payload)
    assert driver.saved() == before
    assert texts.render("zh", "input.stale") in driver.text


@pytest.mark.parametrize(
    ("step", "send", "key"),
    [
        ("category", lambda d: d.say("我再补充一下"), "step.use_buttons"),
        ("identity", lambda d: d.say("匿名吧"), "step.use_buttons"),
        ("summary", lambda d: d.say("好的"), "summary.use_buttons"),
        ("when", lambda d: d.say("记不清了"), "date.invalid_optional"),
        ("when", lambda d: d.say("2026-12-01"), "date.future"),
        ("when", lambda d: d.say("1900-01-01"), "date.too_old"),  # 2019 mistyped
        ("when", lambda d: d.location(39.16, 117.13), "step.no_location"),
        ("evidence", lambda d: d.say("没有照片"), "files.use_files"),
        ("evidence", lambda d: d.photo(size=11 * 1024 * 1024), "files.too_big"),
        ("street", lambda d: d.say("就在我家附近"), "street.not_found"),
        ("street", lambda d: d.location(31.23, 121.47), "street.outside"),
        ("street", lambda d: d.contact("13812345678"), "step.no_contact"),
        ("contact", lambda d: d.say("12345"), "contact.invalid"),
        ("contact", lambda d: d.contact("+44 20 7946 0018", "Bob"), "contact.shared_invalid"),
        ("what", lambda d: d.say("太差"), "complaint.too_short"),
        ("name", lambda d: d.say("名" * 51), "step.too_long"),
    ],
)
def test_an_answer_that_does_not_fit_the_step_is_explained(
    step: str, send: Callable[[ChatDriver], object], key: str
) -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, step)
    before = driver.saved()
    send(driver)
    assert driver.saved() == before
    oldest = earliest_day(FakeServices().today()).isoformat()
    expected = texts.render("zh", key, min=5, max=50, mb="10", earliest=oldest, years=20)
    assert driver.text.startswith(expected)


def test_a_sixth_attachment_is_refused() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "evidence")
    for _ in range(5):
        driver.photo()
    before = driver.saved()
    driver.photo()
    assert driver.saved() == before
    assert driver.text.startswith(texts.render("zh", "files.full", max=5))


def test_a_button_payload_never_exceeds_64_bytes() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "summary")
    payloads = [b.payload for buttons in driver.shown for b in buttons]
    assert payloads and max(len(p.encode()) for p in payloads) <= 64


def test_a_tap_on_a_forged_button_of_the_current_step_is_stale() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "category")
    token = driver.button("✅ 对").payload.split("|")[0]
    before = driver.saved()
    driver.send("button", payload=Button("x", f"{token}|cat|99").payload)
    assert driver.saved() == before
    assert texts.render("zh", "input.stale") in driver.text


def test_a_forged_category_button_with_a_superscript_digit_is_stale_not_a_crash() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "category")
    token = driver.button("✅ 对").payload.rsplit("|", 2)[0]  # this dialog's own prefix
    before = driver.saved()
    for arg in ("²", "¹0", "٣٣"):  # digits to str.isdigit(), not all to int()
        driver.send("button", payload=f"{token}|cat|{arg}")
        assert driver.saved() == before
        assert texts.render("zh", "input.stale") in driver.text


@pytest.mark.parametrize("text", ["😀😀😀😀😀", "1234567", "!!!???…", "😡😡😡 12"])
def test_a_description_without_words_is_refused_and_the_question_stays(
    zh: ChatDriver, en: ChatDriver, text: str
) -> None:
    # Reviewer, 2026-12-01: five emoji passed the five-character minimum into triage.
    zh.command("report")
    zh.say(text)
    assert zh.text.startswith(texts.render("zh", "complaint.no_words"))
    assert zh.step == ("complaint", "what")
    en.command("report")
    en.say(text)
    assert en.text.startswith("Please say what happened in words")
