"""Case numbers typed any way, and PINs."""

from __future__ import annotations

import pytest

from backend.cases.numbers import SCRYPT_N, canonical_number, hash_pin, new_pin, verify_pin
from tests.pin_helpers import ScryptCounter


@pytest.mark.parametrize(
    "typed",
    [
        "HQ-261127-0042",
        "hq2611270042",
        " HQ 261127 0042 ",
        "hq-261127-0042",
        "ＨＱ－２６１１２７－００４２",
    ],
)
def test_a_number_typed_loosely_finds_its_stored_form(typed: str) -> None:
    assert canonical_number(typed) == "HQ-261127-0042"


@pytest.mark.parametrize("typed", ["", "42", "HQ-2611-0042", "'; DROP TABLE cases; --", "汉字"])
def test_what_is_not_a_number_is_none(typed: str) -> None:
    assert canonical_number(typed) is None


def test_a_pin_verifies_against_its_hash_and_nothing_else() -> None:
    pin = new_pin()
    stored = hash_pin(pin)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    assert (verify_pin(pin, stored), verify_pin(wrong, stored), verify_pin(pin, None)) == (
        True,
        False,
        False,
    )
    assert pin not in stored


def test_verifying_a_pin_takes_one_scrypt_of_the_same_cost_whatever_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin = new_pin()
    stored = hash_pin(pin)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    given = [
        (pin, stored),
        (wrong, stored),
        ("", stored),
        (pin, None),
        (pin, ""),
        (pin, "not$a$hash"),
        (pin, "scrypt$99$00$00"),
        (pin, stored.replace("scrypt", "bcrypt")),
    ]
    scrypt = ScryptCounter().install(monkeypatch)
    costs = []
    for typed, hashed in given:
        scrypt.calls.clear()
        verify_pin(typed, hashed)
        costs.append([n for _, n in scrypt.calls])
    assert costs == [[SCRYPT_N]] * len(given)
