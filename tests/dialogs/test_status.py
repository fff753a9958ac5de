"""`/status NUMBER [PIN]` and `/mycases`: no probing, a wrong PIN reads like an unknown number."""

from __future__ import annotations

import pytest

from dialogs import texts
from dialogs.model import ChatRef
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


def _file_anonymous(driver: ChatDriver) -> tuple[str, str]:
    reach(driver, "identity")
    driver.tap("🕶 匿名")
    driver.tap("✅ 确认提交")
    case = next(iter(driver.services.cases.values()))
    assert case.pin is not None
    return case.number, case.pin


def test_status_with_number_and_pin_shows_the_case(services: FakeServices) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    services.cases[number].status = "in_progress"
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.command("status", number.lower(), pin)
    assert f"案件 {number}：办理中" in other.text and "承办单位：区财政局" in other.text


def test_a_merged_case_says_which_case_to_ask_about_instead(services: FakeServices) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    services.cases[number].status = "closed"
    services.cases[number].merged_into = "HQ-261126-0007"
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.command("status", number, pin)
    assert texts.render("zh", "status.merged", number="HQ-261126-0007") in other.text
    assert "/status HQ-261126-0007" in other.text


def test_wrong_number_and_wrong_pin_answer_the_same_text(services: FakeServices) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.command("status", number, "000000")
    wrong_pin = other.text
    other.command("status", "HQ-261127-9999", pin)
    wrong_number = other.text
    assert wrong_pin == wrong_number == texts.render("zh", "status.not_found")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_number_without_a_pin_from_another_chat_asks_for_the_pin_whether_or_not_it_exists(
    services: FakeServices, language: str
) -> None:
    # A reviewer sent a case number alone and was told of wrong PINs and a pause, though no
    # PIN was sent and none was counted.
    number, _ = _file_anonymous(ChatDriver(services))
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.language_hint = language
    other.command("status", number)
    known = other.text
    other.say(number)  # the number alone, outside any dialog
    typed = other.text
    other.command("status", "HQ-261127-9999")
    unknown = other.text

    assert known == texts.render(language, "status.pin_needed", number=number)
    assert typed == known  # the same answer, typed or by command
    assert unknown == texts.render(language, "status.pin_needed", number="HQ-261127-9999")


def test_status_typed_as_text_works_like_the_command(services: FakeServices) -> None:
    driver = ChatDriver(services)
    number, pin = _file_anonymous(driver)
    driver.say(f"/status {number} {pin}")
    assert f"案件 {number}" in driver.text


def test_status_without_a_number_explains_the_command(zh: ChatDriver) -> None:
    zh.command("status")
    assert zh.text == texts.render("zh", "status.usage")


def test_resolved_case_shows_the_reply(services: FakeServices) -> None:
    driver = ChatDriver(services)
    number, pin = _file_anonymous(driver)
    services.cases[number].status = "resolved"
    services.cases[number].reply = "已督促采购人重新发布公告。"
    driver.command("status", number, pin)
    assert "答复：已督促采购人重新发布公告。" in driver.text


def test_my_cases_lists_what_this_chat_filed(services: FakeServices) -> None:
    driver = ChatDriver(services)
    number, _ = _file_anonymous(driver)
    driver.command("mycases")
    assert f"{number} · 已受理 · 2026-11-27" in driver.text


def test_my_cases_when_there_are_none(en: ChatDriver) -> None:
    en.command("mycases")
    assert en.text == texts.render("en", "status.none_mine")


def test_status_in_the_middle_of_a_complaint_answers_and_keeps_the_dialog(
    services: FakeServices,
) -> None:
    driver = ChatDriver(services)
    reach(driver, "when")
    before, buttons = driver.saved(), driver.buttons
    driver.command("mycases")
    assert driver.saved() == before and driver.buttons == buttons


def test_status_with_a_chinese_comma_between_number_and_pin_finds_the_case(
    services: FakeServices,
) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.say(f"/status {number}，{pin}")
    assert f"案件 {number}：已受理" in other.text


def test_status_typed_in_full_width_forms_with_labels_finds_the_case(
    services: FakeServices,
) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    full_width = number.translate({ord(c): ord(c) + 0xFEE0 for c in "HQ-0123456789"})
    other = ChatDriver(services, ChatRef("telegram", "someone-else"))
    other.command("status", f"案件编号：{full_width}", f"提取码：{pin}")
    assert f"案件 {number}：已受理" in other.text


@pytest.mark.parametrize(
    "args",
    [("HQ-2611270001494193",), ("HQ-261127-0001，4941",), ("nonsense", "494193"), ("HQ", "1")],
)
def test_what_is_no_number_and_pin_is_explained_and_never_looked_up(
    services: FakeServices, args: tuple[str, ...]
) -> None:
    lookups: list[tuple[str, str | None]] = []
    real = services.case_status
    services.case_status = lambda n, p, c: lookups.append((n, p)) or real(n, p, c)  # type: ignore[method-assign]
    driver = ChatDriver(services)
    driver.command("status", *args)
    assert driver.text == texts.render("zh", "status.malformed")
    assert lookups == []


def test_a_number_and_pin_sent_without_the_command_are_answered_like_status(
    services: FakeServices,
) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.say(f"{number}，{pin}")
    assert f"案件 {number}：已受理" in other.text
    other.say("你好")
    assert number not in other.text  # other text outside a dialog still shows the menu


def test_a_number_typed_during_a_complaint_is_the_answer_to_its_question(
    services: FakeServices,
) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    driver = ChatDriver(services, ChatRef("web", "someone-else"))
    driver.command("report")
    driver.say(f"{number}，{pin}")
    assert driver.step[0] == "complaint"


@pytest.mark.parametrize(
    "pasted",
    [
        "\ufeff{number} {pin}",
        "{number} {pin}\u200b",
        "/status {number} {pin}\u200f",
        "{number}\u200b{pin}",
    ],
)
def test_a_number_and_pin_pasted_with_invisible_marks_are_found(
    services: FakeServices, pasted: str
) -> None:
    number, pin = _file_anonymous(ChatDriver(services))
    other = ChatDriver(services, ChatRef("web", "someone-else"))
    other.say(pasted.format(number=number, pin=pin))
    assert f"案件 {number}：已受理" in other.text
