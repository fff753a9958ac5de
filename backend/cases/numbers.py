"""Case numbers (readable on a phone, unique under concurrency) and PINs (提取码)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import date

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from backend.cases.models import CaseCounter

_NUMBER = re.compile(r"^([A-Z]{1,4})(\d{6})(\d{4,6})$")
PIN_DIGITS = 6
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


def canonical_number(raw: str) -> str | None:
    """Return the stored form of a case number typed any way (hq2611270042), or None."""
    compact = re.sub(r"[^0-9A-Za-z]", "", raw or "").upper()
    match = _NUMBER.match(compact)
    if not match:
        return None
    prefix, day, sequence = match.groups()
    return f"{prefix}-{day}-{sequence}"


def new_pin() -> str:
    """Return a random six-digit PIN."""
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def hash_pin(pin: str) -> str:
    """Hash a PIN with scrypt and a random salt (slow on purpose: PINs are short)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=8, p=1, dklen=32)
    return f"scrypt${SCRYPT_N}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """Return whether the PIN matches the stored hash."""
    if not stored or not pin:
        return False
    try:
        scheme, cost, salt_hex, digest_hex = stored.split("$")
        n = int(cost)
    except ValueError:
        return False
    if scheme != "scrypt" or n not in (2**12, 2**13, 2**14):
        return False
    digest = hashlib.scrypt(
        pin.strip().encode(), salt=bytes.fromhex(salt_hex), n=n, r=8, p=1, dklen=32
    )
    return hmac.compare_digest(digest.hex(), digest_hex)
