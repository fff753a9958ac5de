"""Case numbers typed any way, and PINs."""

from __future__ import annotations

import pytest

from backend.cases.numbers import (
    SCRYPT_N,
    canonical_number,
    hash_pin,
    new_pin,
    pin_key,
    verify_pin,
)
from tests.pin_helpers import ScryptCounter, scrypt_hash

KEY = pin_key("a signing secret of the tests, long enough to be one")


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
    stored = hash_pin(pin, KEY)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    assert (
        verify_pin(pin, stored, KEY),
        verify_pin(wrong, stored, KEY),
        verify_pin(pin, None, KEY),
    ) == (True, False, False)
    assert pin not in stored
    assert stored.startswith("hmac-sha256$")


def test_a_pin_hash_is_keyed_by_a_secret_not_in_the_database() -> None:
    pin = new_pin()
    stored = hash_pin(pin, KEY)
    other_key = pin_key("another signing secret, as another installation has")
    assert (verify_pin(pin, stored, KEY), verify_pin(pin, stored, other_key)) == (True, False)
    assert hash_pin(pin, KEY) != stored  # salted: the same PIN twice is two hashes


def test_a_scrypt_hash_from_before_the_hmac_still_verifies() -> None:
    pin = new_pin()
    stored = scrypt_hash(pin)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    assert (verify_pin(pin, stored, KEY), verify_pin(wrong, stored, KEY)) == (True, False)


def test_hashing_a_pin_without_a_key_is_refused() -> None:
    with pytest.raises(ValueError, match="key"):
        hash_pin("123456", b"")


def test_verifying_a_pin_takes_one_scrypt_of_the_same_cost_whatever_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin = new_pin()
    stored = scrypt_hash(pin)
    keyed = hash_pin(pin, KEY)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    given = [
        (pin, stored),
        (wrong, stored),
        (pin, keyed),
        (wrong, keyed),
        (pin, keyed.replace("hmac-sha256", "hmac-md5")),
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
        verify_pin(typed, hashed, KEY)
        costs.append([n for _, n in scrypt.calls])
    assert costs == [[SCRYPT_N]] * len(given)
