"""`/status NUMBER PIN` from other chats: counted exactly under bursts, the same work for
every answer that finds nothing, and the reporter's own chat never locked out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import ChatPinWindow
from backend.cases.numbers import SCRYPT_N
from backend.cases.pins import ADDRESS_ATTEMPTS
from backend.conversations.service import ConversationService
from backend.db import session_scope
from dialogs import texts
from dialogs.model import ChatRef
from tests.conversations.driver import Chat
from tests.fakes import FakeClock
from tests.pin_helpers import (
    REPORTER_CHAT,
    PinCheckRecorder,
    ScryptCounter,
    burst,
    case_row,
    file_case,
    recording,
    wrong_pin,
)

NOT_FOUND = texts.render("zh", "status.not_found")
MALFORMED = texts.render("zh", "status.malformed")
UNKNOWN = "HQ-261127-9999"


def ask(service: ConversationService, chat_id: str, *args: str) -> str:
    """Send `/status ARGS` from a web chat and return the answer."""
    chat = Chat(service, chat=ChatRef("web", chat_id))
    chat.command("status", *args)
    return chat.text


def pause(service: ConversationService, number: str, pin: str | None) -> None:
    """Send five wrong PINs for the case from one chat (the pause engages)."""
    for _ in range(5):
        ask(service, "pauser", number, wrong_pin(pin))


def test_a_burst_of_twenty_wrong_pins_checks_five_and_then_refuses_the_right_pin(
    service: ConversationService,
    container: Container,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, pin = file_case(container)
    checks = PinCheckRecorder().install(monkeypatch)
    answers = burst(container, number, [wrong_pin(pin)] * 20)
    right_after = ask(service, "right-after", number, pin or "")
    case = case_row(container, number)
    assert checks.checked == [True] * 5 + [False] * 16  # the right PIN after the burst too
    assert set(answers) == {NOT_FOUND} and right_after == NOT_FOUND
    assert (case.pin_failures, case.pin_locked_until) == (0, clock.now() + timedelta(hours=1))
    clock.advance(hours=1, minutes=1)
    assert number in ask(service, "an-hour-later", number, pin or "")


def test_wrong_pins_sent_at_once_are_each_counted(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    number, pin = file_case(container)
    burst(container, number, [wrong_pin(pin)] * 4)
    counted = case_row(container, number)
    ask(service, "fifth", number, wrong_pin(pin))
    paused = case_row(container, number)
    assert (counted.pin_failures, counted.pin_locked_until) == (4, None)
    assert (paused.pin_failures, paused.pin_locked_until) == (0, clock.now() + timedelta(hours=1))


def test_every_pin_lookup_that_finds_nothing_does_the_same_work(
    service: ConversationService, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    anonymous, pin = file_case(container)
    named, _ = file_case(container, anonymous=False, chat_id="named-reporter")
    paused, paused_pin = file_case(container, chat_id="other-reporter")
    pause(service, paused, paused_pin)
    scrypt = ScryptCounter().install(monkeypatch)
    asked = {
        "unknown number": (UNKNOWN, pin or ""),
        "named case": (named, pin or ""),
        "wrong pin": (anonymous, wrong_pin(pin)),
        "paused case, right pin": (paused, paused_pin or ""),
    }
    work = {}
    for path, args in asked.items():
        scrypt.calls.clear()
        with recording(container.engine) as log:
            answer = ask(service, f"probe {path}", *args)
        work[path] = (answer, log.statements, [n for _, n in scrypt.calls])
    expected = (NOT_FOUND, work["wrong pin"][1], [SCRYPT_N])
    assert work == dict.fromkeys(asked, expected)


def test_a_stranger_asking_without_a_pin_does_the_same_work_for_any_number(
    service: ConversationService, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    anonymous, _ = file_case(container)
    named, _ = file_case(container, anonymous=False, chat_id="named-reporter")
    scrypt = ScryptCounter().install(monkeypatch)
    work = {}
    for number in (UNKNOWN, anonymous, named):
        with recording(container.engine) as log:
            answer = ask(service, f"stranger {number}", number)
        work[number] = (answer, log.statements)
    # The answer names the number sent and asks for its PIN: nothing tells the three apart.
    asked = [texts.render("zh", "status.pin_needed", number=number) for number in work]
    assert [answer for answer, _ in work.values()] == asked
    assert [statements for _, statements in work.values()] == [work[UNKNOWN][1]] * 3
    assert scrypt.calls == []


def test_the_reporters_own_chat_sees_its_case_while_lookups_by_pin_are_paused(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    pause(service, number, pin)
    before = case_row(container, number)
    reporter = Chat(service, chat=REPORTER_CHAT)
    answers = []
    for args in ((number,), (number, pin or ""), (number, wrong_pin(pin))):
        reporter.command("status", *args)
        answers.append(reporter.text)
    reporter.command("mycases")
    after = case_row(container, number)
    assert all(number in answer and answer != NOT_FOUND for answer in answers)
    assert number in reporter.text
    assert (after.pin_failures, after.pin_locked_until) == (0, before.pin_locked_until)
    assert ask(service, "stranger", number, pin or "") == NOT_FOUND  # others still wait


def test_a_chat_that_sends_twenty_wrong_pins_across_cases_is_paused_for_a_day(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    for index in range(5):  # four wrong PINs on each of five cases: no case pauses
        number, pin = file_case(container, chat_id=f"reporter-{index}")
        for _ in range(4):
            ask(service, "guesser", number, wrong_pin(pin))
    target, target_pin = file_case(container, chat_id="target-reporter")
    paused_answer = ask(service, "guesser", target, target_pin or "")
    other_answer = ask(service, "someone-else", target, target_pin or "")
    clock.advance(days=1, minutes=1)
    next_day = ask(service, "guesser", target, target_pin or "")
    assert paused_answer == NOT_FOUND
    assert target in other_answer and target in next_day


def test_right_pins_never_use_up_a_chats_allowance(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    found = [number in ask(service, "owner-elsewhere", number, pin or "") for _ in range(25)]
    for index in range(19):
        ask(service, "owner-elsewhere", f"HQ-261127-{9000 + index}", pin or "")
    assert all(found) and number in ask(service, "owner-elsewhere", number, pin or "")


def test_a_paused_chat_uses_up_none_of_a_cases_attempts(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    for index in range(20):
        ask(service, "guesser", f"HQ-261127-{9000 + index}", wrong_pin(pin))
    for _ in range(3):
        ask(service, "guesser", number, wrong_pin(pin))
    case = case_row(container, number)
    assert (case.pin_failures, case.pin_locked_until) == (0, None)


def test_a_pin_after_a_chinese_comma_finds_the_case_from_another_chat(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    typed = Chat(service, chat=ChatRef("web", "elsewhere"))
    typed.say(f"/status {number}，{pin}")
    split = Chat(service, chat=ChatRef("telegram", "elsewhere"))
    split.command("status", f"{number}，{pin}")  # Telegram: one word, comma inside
    assert f"案件 {number}" in typed.text and f"案件 {number}" in split.text


MALFORMED_LOOKUPS = [
    ("{number}，4941",),  # a PIN of four digits
    ("{number}{pin}",),  # number and PIN run together
    ("{number}", "{pin}", "{pin}"),
    ("HQ26112", "70001", "{pin}"),  # the number cut in the wrong place
    ("nonsense", "{pin}"),
    ("{number}", "提取码是多少"),
]


def test_a_malformed_lookup_counts_as_no_wrong_pin_for_the_case_or_the_chat(
    service: ConversationService, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    number, pin = file_case(container)
    scrypt = ScryptCounter().install(monkeypatch)
    answers = set()
    for _ in range(5):  # 30 malformed lookups: more than a case's and a chat's allowance
        for args in MALFORMED_LOOKUPS:
            answers.add(ask(service, "typo", *(a.format(number=number, pin=pin) for a in args)))
    with session_scope(container.engine) as session:
        windows = session.exec(select(ChatPinWindow)).all()
    case = case_row(container, number)
    assert answers == {MALFORMED}
    assert (case.pin_failures, case.pin_locked_until, windows, scrypt.calls) == (0, None, [], [])
    assert number in ask(service, "typo", number, pin or "")  # neither is paused


def ask_from(service: ConversationService, address: str, chat_id: str, *args: str) -> str:
    """Send `/status ARGS` from a web chat opened at this client address."""
    chat = Chat(service, chat=ChatRef("web", chat_id, origin=address))
    chat.command("status", *args)
    return chat.text


def use_up_address(service: ConversationService, address: str) -> None:
    """Send an address's day of wrong PINs from chats that each stay within their own 20."""
    for index in range(ADDRESS_ATTEMPTS):
        chat_id = f"{address}-chat-{index // 10}"
        ask_from(service, address, chat_id, f"HQ-261127-{9000 + index}", "123456")


def test_web_chats_opened_at_one_address_share_its_fifty_wrong_pins_a_day(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    number, pin = file_case(container)
    use_up_address(service, "203.0.113.5")
    same_address = ask_from(service, "203.0.113.5", "a-new-chat", number, pin or "")
    other_address = ask_from(service, "198.51.100.7", "elsewhere", number, pin or "")
    clock.advance(days=1, minutes=1)
    next_day = ask_from(service, "203.0.113.5", "a-new-chat", number, pin or "")
    assert same_address == NOT_FOUND
    assert f"案件 {number}" in other_address and f"案件 {number}" in next_day


def test_a_used_up_address_takes_none_of_a_chats_or_a_cases_attempts(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    use_up_address(service, "203.0.113.5")
    for _ in range(3):
        ask_from(service, "203.0.113.5", "fresh-chat", number, wrong_pin(pin))
    with session_scope(container.engine) as session:
        fresh = session.get(ChatPinWindow, ("web", "fresh-chat"))
    case = case_row(container, number)
    assert fresh is None or fresh.failures == 0
    assert (case.pin_failures, case.pin_locked_until) == (0, None)


def test_right_pins_give_an_address_its_attempts_back(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    address = "203.0.113.5"
    found = [
        number in ask_from(service, address, f"tab-{i}", number, pin or "") for i in range(60)
    ]
    for index in range(ADDRESS_ATTEMPTS - 1):
        chat_id = f"guesses-{index // 10}"
        ask_from(service, "203.0.113.5", chat_id, f"HQ-261127-{9000 + index}", "123456")
    assert all(found) and number in ask_from(service, "203.0.113.5", "last", number, pin or "")


def test_telegram_and_console_chats_count_by_chat_alone(
    service: ConversationService, container: Container
) -> None:
    number, pin = file_case(container)
    for index in range(ADDRESS_ATTEMPTS + 5):  # no address: the chats' own windows only
        chat = Chat(service, chat=ChatRef("telegram", f"tg-{index // 10}"))
        chat.command("status", f"HQ-261127-{9000 + index}", "123456")
    with session_scope(container.engine) as session:
        channels = set(session.exec(select(ChatPinWindow.channel)).all())
    assert channels == {"telegram"}
    assert number in ask(service, "after", number, pin or "")
