"""Case numbers (readable on a phone, unique under concurrency) and PINs (提取码)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from backend.cases.models import CaseCounter
from dialogs.parsing import PIN_DIGITS, parse_case_number, parse_pin

# scrypt cost: about 11 ms a hash here, so guessing all 10^6 PINs of one stolen hash costs
# hours of CPU, while filing a case stays cheap. Online guessing is limited elsewhere.
SCRYPT_N = 2**12


def next_case_number(*, session: Session, prefix: str, day: date) -> str:
    """Hand out the next number of the day, e.g. HQ-261127-0042, inside the caller's transaction.

    The counter row is incremented with one UPDATE, so concurrent transactions queue on its
    row lock and never see the same value.
    """
    key = day.strftime("%Y%m%d")
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(CaseCounter).values(day=key, last=0).on_conflict_do_nothing())
    last = col(CaseCounter.last)
    statement = (
        update(CaseCounter)
        .where(col(CaseCounter.day) == key)
        .values(last=last + 1)
        .returning(last)
    )
    sequence = session.execute(statement).scalar_one()
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


def hash_pin(pin: str) -> str:
    """Hash a PIN with scrypt and a random salt (slow on purpose: PINs are short)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=8, p=1, dklen=32)
    return f"scrypt${SCRYPT_N}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """Return whether the PIN matches the stored hash, always at the cost of one scrypt.

    No stored hash, a malformed one or an empty PIN is checked against a dummy hash of the
    same cost, so the time an answer takes tells nothing about which of them it was.
    """
    parsed = _parse(stored)
    usable = parsed is not None and bool(pin)
    cost, salt, digest = parsed if parsed is not None and usable else _NO_HASH
    computed = hashlib.scrypt((pin or "").strip().encode(), salt=salt, n=cost, r=8, p=1, dklen=32)
    return hmac.compare_digest(computed, digest) and usable


def _parse(stored: str | None) -> tuple[int, bytes, bytes] | None:
    """Return cost, salt and digest of a stored hash, or None when it is not one of ours."""
    try:
        scheme, cost, salt_hex, digest_hex = (stored or "").split("$")
        n, salt, digest = int(cost), bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return None
    if scheme != "scrypt" or n not in _COSTS or len(digest) != 32:
        return None
    return n, salt, digest


_COSTS = (2**12, 2**13, 2**14)
# Checked against when there is nothing to check: the same work, and never a match.
_NO_HASH = (SCRYPT_N, bytes(16), bytes(32))
