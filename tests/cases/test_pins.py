"""The PIN check itself: reserved before it is checked, the same work on every path."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case, ChatPinWindow
from backend.cases.numbers import SCRYPT_N
from backend.cases.pins import CHAT_ATTEMPTS, PinCheck, case_by_pin
from backend.db import is_postgres, session_scope
from tests.conftest import open_engine
from tests.pin_helpers import (
    ScryptCounter,
    case_row,
    file_case,
    recording,
    wrong_pin,
)


def check(
    container: Container, number: str | None, pin: str, chat_id: str = "guesser"
) -> str | None:
    """Check a PIN from a web chat in a transaction of its own; return the number found."""
    with session_scope(container.engine) as session:
        found = case_by_pin(
            session=session,
            number=number,
            pin=pin,
            channel="web",
            chat_id=chat_id,
            now=container.clock.now(),
            key=container.pin_key,
        ).case
        return found.number if found else None


def test_every_pin_check_runs_the_same_statements_and_one_scrypt(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    anonymous, pin = file_case(container)
    named, _ = file_case(container, anonymous=False, chat_id="named-reporter")
    paused, paused_pin = file_case(container, chat_id="other-reporter")
    for _ in range(5):
        check(container, paused, wrong_pin(paused_pin), chat_id="pauser")
    scrypt = ScryptCounter().install(monkeypatch)
    asked = {
        "unknown number": ("HQ-261127-9999", pin or ""),
        "named case": (named, pin or ""),
        "wrong pin": (anonymous, wrong_pin(pin)),
        "paused case": (paused, paused_pin or ""),
        "right pin": (anonymous, pin or ""),
    }
    work = {}
    for path, (number, guess) in asked.items():
        scrypt.calls.clear()
        with session_scope(container.engine) as session, recording(container.engine) as log:
            case_by_pin(
                session=session,
                number=number,
                pin=guess,
                channel="web",
                chat_id=f"probe {path}",
                now=container.clock.now(),
                key=container.pin_key,
            )
        checked = [s for s in log.statements if not s.startswith("BEGIN")]
        if path == "right pin":
            checked = checked[:-1]  # then it loads the case it found, to show it
        work[path] = (checked, [n for _, n in scrypt.calls])
    assert work == dict.fromkeys(asked, (work["wrong pin"][0], [SCRYPT_N]))
    assert len(work["wrong pin"][0]) == 5  # the chat's attempt (2), the case's, settle both


@pytest.mark.parametrize(
    ("number", "guess"),
    [
        (None, "494193"),
        ("hq2611270001", "494193"),  # not the stored form: the caller reads numbers first
        ("HQ-261127-0001", "4941"),
        ("HQ-261127-0001", "４９４１９３"),
        ("HQ-261127-0001", ""),
    ],
)
def test_a_malformed_number_or_pin_is_refused_unchecked_and_uncounted(
    container: Container, monkeypatch: pytest.MonkeyPatch, number: str | None, guess: str
) -> None:
    filed, _ = file_case(container)
    assert filed == "HQ-261127-0001"
    scrypt = ScryptCounter().install(monkeypatch)
    with session_scope(container.engine) as session, recording(container.engine) as log:
        found = case_by_pin(
            session=session,
            number=number,
            pin=guess,
            channel="web",
            chat_id="typo",
            now=container.clock.now(),
            key=container.pin_key,
        )
    assert found == PinCheck(None, checked=False)
    assert ([s for s in log.statements if not s.startswith("BEGIN")], scrypt.calls) == ([], [])


def test_a_right_pin_starts_the_cases_count_again(container: Container) -> None:
    number, pin = file_case(container)
    for _ in range(4):
        check(container, number, wrong_pin(pin))
    found = check(container, number, pin or "")
    for _ in range(4):
        check(container, number, wrong_pin(pin))
    case = case_row(container, number)
    assert (found, case.pin_failures, case.pin_locked_until) == (number, 4, None)


def test_wrong_pins_from_separate_engines_at_once_get_five_checked(container: Container) -> None:
    number, pin = file_case(container)
    checks = burst_of_checks(container, [number] * 20, wrong_pin(pin), chat_ids=range(20))
    right_after = check(container, number, pin or "", chat_id="right-after")
    case = case_row(container, number)
    assert ([c.checked for c in checks].count(True), right_after) == (5, None)
    assert all(c.case is None for c in checks)
    assert (case.pin_failures, case.pin_locked_until) == (
        0,
        container.clock.now() + timedelta(hours=1),
    )


def test_one_chat_guessing_from_separate_engines_at_once_gets_its_twenty_attempts(
    container: Container,
) -> None:
    number, pin = file_case(container)
    unknown = [f"HQ-261127-{9000 + index}" for index in range(30)]
    burst_of_checks(container, unknown, pin or "", chat_ids=[0] * 30)
    right_then = check(container, number, pin or "", chat_id="g0")
    with session_scope(container.engine) as session:
        window = session.exec(select(ChatPinWindow)).one()
    assert (window.failures, right_then) == (CHAT_ATTEMPTS, None)


def burst_of_checks(
    container: Container, numbers: list[str], pin: str, *, chat_ids: Iterable[int]
) -> list[PinCheck]:
    """Check the PIN against each number at once, from engines of their own (no chat lock)."""
    chats = [f"g{index}" for index in chat_ids]
    engines = [open_engine(container.settings.database_url) for _ in range(10)]
    barrier = threading.Barrier(len(numbers))

    def one(index: int) -> PinCheck:
        with session_scope(engines[index % len(engines)]) as session:
            barrier.wait(timeout=60)
            return case_by_pin(
                session=session,
                number=numbers[index],
                pin=pin,
                channel="web",
                chat_id=chats[index],
                now=container.clock.now(),
                key=container.pin_key,
            )

    try:
        with ThreadPoolExecutor(max_workers=len(numbers)) as pool:
            return list(pool.map(one, range(len(numbers))))
    finally:
        for engine in engines:
            engine.dispose()


def test_no_case_is_touched_by_a_check_that_finds_nothing(container: Container) -> None:
    number, pin = file_case(container)
    named, _ = file_case(container, anonymous=False, chat_id="named-reporter")
    check(container, named, pin or "")
    check(container, "HQ-261127-9999", pin or "")
    with session_scope(container.engine) as session:
        counts = [(c.number, c.pin_failures) for c in session.exec(select(Case)).all()]
    assert sorted(counts) == sorted([(number, 0), (named, 0)])


def test_no_row_of_the_case_is_locked_while_the_pin_is_hashed(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not is_postgres(container.engine):
        pytest.skip("SQLite has no row locks: one writer at a time")
    number, pin = file_case(container)
    other = open_engine(container.settings.database_url)
    seen: list[str] = []
    real = hashlib.scrypt

    def scrypt_probing_the_lock(password: bytes, **options: Any) -> bytes:
        with other.connect() as connection:
            try:
                connection.execute(
                    text("SELECT id FROM cases WHERE number = :n FOR UPDATE NOWAIT"), {"n": number}
                )
                seen.append("free")
            except OperationalError:
                seen.append("locked")
            connection.rollback()
        return real(password, **options)

    monkeypatch.setattr(hashlib, "scrypt", scrypt_probing_the_lock)
    with session_scope(container.engine) as session:
        for guess in (wrong_pin(pin), pin or ""):
            case_by_pin(
                session=session,
                number=number,
                pin=guess,
                channel="web",
                chat_id="guesser",
                now=container.clock.now(),
                key=container.pin_key,
            )
    other.dispose()
    # The second lookup in the same transaction finds the lock the first one's count took:
    # the probe does see locks.
    assert seen == ["free", "locked"]
