"""Staff passwords: the length rule, argon2id hashes, and equal work for every refusal.

Parameters: argon2id with 19 MiB of memory, 2 passes, 1 lane (OWASP's minimum for argon2id,
RFC 9106's second recommended option scaled down). One hash or check takes about 50 ms of one
core on the development machine (2 shared cores), and at most `INTAKE_MAX_IN_FLIGHT` of them
run at once, so 8 at once need 152 MiB. argon2-cffi's default (64 MiB, 3 passes, 4 lanes)
took 540 ms there: too slow for a sign-in page on a small server. The parameters are stored
in each hash (`$argon2id$v=19$m=19456,t=2,p=1$...`); a hash made with other ones is still
checked, and replaced at the next good sign-in (`needs_rehash`).

A check is CPU-heavy: callers run it outside any database transaction (see sign_in.py).
"""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from backend.errors import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 256  # a bound on the work a single sign-in may ask for
HASHER = PasswordHasher(
    time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID
)


def check_password_rule(password: str) -> str:
    """Return the password if it may be used; refuse an empty, too short or too long one."""
    if not password or not password.strip():
        raise ValidationFailed("password_empty", field="password")
    if len(password) < MIN_LENGTH:
        raise ValidationFailed("password_too_short", field="password", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise ValidationFailed("password_too_long", field="password", max=MAX_LENGTH)
    return password


def hash_password(password: str) -> str:
    """Return the argon2id hash of a password that passed the rule (slow on purpose)."""
    return HASHER.hash(check_password_rule(password))


@cache
def _dummy_hash() -> str:
    return HASHER.hash(secrets.token_urlsafe(24))


def prepare_dummy_hash() -> None:
    """Make the hash that refusals check against now, not during the first refusal."""
    _dummy_hash()


def verify_password(password: str, stored: str | None) -> bool:
    """Return whether the password matches the stored hash; with no hash, do the same work.

    An unknown login, an account without a password and a wrong password all cost one argon2
    check, so the time of the answer tells nothing about which it was.
    """
    candidate = password[:MAX_LENGTH]
    try:
        if stored is None:
            HASHER.verify(_dummy_hash(), candidate)
            return False
        return HASHER.verify(stored, candidate) and len(password) <= MAX_LENGTH
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Return whether a hash was made with other parameters than today's."""
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True
