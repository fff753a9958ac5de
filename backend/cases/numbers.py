"""Case numbers (readable on a phone, unique under concurrency) and PINs (提取码)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from backend.driver import fetch_all
from dialogs.parsing import PIN_DIGITS, parse_case_number, parse_pin

# PINs filed before issue 13 were hashed with scrypt (about 11 ms a hash); they still open
# their cases. New ones are an HMAC-SHA256 keyed by a secret that is not in the database
# (derived from the app's signing secret): a copy of the database alone gives no way to test
# a PIN, and the attempt limits (backend.cases.pins) are what protect a six-digit PIN online.
SCRYPT_N = 2**12
KEYED = "hmac-sha256"
PIN_KEY_CONTEXT = b"intake: case PIN hashes (issue 13)"


# The same upsert on SQLite (3.35 or later) and PostgreSQL, written once as text: the
# dialects' insert constructs cost more to build on every call than the statement itself.
_NEXT_NUMBER = text(
    "INSERT INTO case_counters (day, last) VALUES (:day, 1) "
    "ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last"
)


def next_case_number(*, session: Session, prefix: str, day: date) -> str:
    """Hand out the next number of the day, e.g. HQ-261127-0042, inside the caller's transaction.

    The day's counter row is created or incremented by one upsert (INSERT ... ON CONFLICT DO
    UPDATE ... RETURNING), so concurrent transactions queue on its row lock and never see the
    same value.
    """
    key = day.strftime("%Y%m%d")
    # Sent by the driver (backend.driver): SQLAlchemy's statement handling is no use here.
    (sequence,) = fetch_all(session.connection(), _NEXT_NUMBER, {"day": key})[0]
    return f"{prefix}-{day:%y%m%d}-{sequence:04d}"


def canonical_number(raw: str | None) -> str | None:
    """Return the stored form of a case number typed any way (hq2611270042), or None.

    The rule is `dialogs.parsing.parse_case_number`, the one the chat uses.
    """
    return parse_case_number(raw or "")


def well_formed_pin(pin: str | None) -> bool:
    """Return whether a PIN is exactly what `new_pin` hands out (six ASCII digits)."""
    return pin is not None and parse_pin(pin) == pin


def new_pin() -> str:
    """Return a random six-digit PIN."""
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def pin_key(secret: str) -> bytes:
    """Return the key of PIN hashes, derived from the app's signing secret (never stored)."""
    return hmac.new(secret.encode(), PIN_KEY_CONTEXT, hashlib.sha256).digest()


def hash_pin(pin: str, key: bytes) -> str:
    """Hash a PIN with HMAC-SHA256 under `key` and a random salt: `hmac-sha256$salt$digest`."""
    if not key:
        raise ValueError("a PIN hash needs the key (backend.cases.numbers.pin_key)")
    salt = secrets.token_bytes(16)
    return f"{KEYED}${salt.hex()}${_keyed(key, salt, pin).hex()}"


def verify_pin(pin: str, stored: str | None, key: bytes) -> bool:
    """Return whether the PIN matches the stored hash, at the same cost whatever it is given.

    A hash of either scheme is accepted: an HMAC made by `hash_pin`, or a scrypt hash from
    before issue 13. Every check computes one HMAC and one scrypt, each against the stored
    hash when it is of that scheme and against a dummy otherwise, so the time an answer takes
    tells nothing of the scheme, nor whether there was a hash at all (unknown number, named
    case, malformed hash, empty PIN).
    """
    typed = (pin or "").strip()
    legacy, keyed = _parse_scrypt(stored), _parse_keyed(stored)
    cost, salt, digest = legacy if legacy is not None else _NO_SCRYPT
    computed = hashlib.scrypt(typed.encode(), salt=salt, n=cost, r=8, p=1, dklen=32)
    scrypt_match = hmac.compare_digest(computed, digest) and legacy is not None
    keyed_salt, keyed_digest = keyed if keyed is not None else _NO_KEYED
    keyed_match = hmac.compare_digest(_keyed(key, keyed_salt, typed), keyed_digest)
    return bool(typed) and (scrypt_match or (keyed_match and keyed is not None))


def _keyed(key: bytes, salt: bytes, pin: str) -> bytes:
    return hmac.new(key, salt + pin.encode(), hashlib.sha256).digest()


def _parse_keyed(stored: str | None) -> tuple[bytes, bytes] | None:
    """Return salt and digest of an HMAC hash, or None when the stored value is not one."""
    try:
        scheme, salt_hex, digest_hex = (stored or "").split("$")
        salt, digest = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return None
    if scheme != KEYED or len(salt) != 16 or len(digest) != 32:
        return None
    return salt, digest


def _parse_scrypt(stored: str | None) -> tuple[int, bytes, bytes] | None:
    """Return cost, salt and digest of a scrypt hash (before issue 13), or None."""
    try:
        scheme, cost, salt_hex, digest_hex = (stored or "").split("$")
        n, salt, digest = int(cost), bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return None
    if scheme != "scrypt" or n not in _COSTS or len(digest) != 32:
        return None
    return n, salt, digest


_COSTS = (2**12, 2**13, 2**14)
# Checked against when there is nothing of a scheme to check: the same work, never a match.
_NO_SCRYPT = (SCRYPT_N, bytes(16), bytes(32))
_NO_KEYED = (bytes(16), bytes(32))
