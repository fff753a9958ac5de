"""Console sign-in: a login and a password open a session; ten wrong ones in a row pause it.

Every refusal looks the same from outside: an unknown login, an account without a password,
a deactivated one, a wrong password and a paused login each cost one argon2 check and one
short write transaction, and each gets the same answer (None). The pause cannot be raced:
the counter moves by a conditional UPDATE in the database, never by read-modify-write, so
twenty wrong passwords sent at once still pause the login after ten.

This service opens its own short transactions instead of taking the caller's session: the
password check (about 50 ms of CPU) runs between them, outside any transaction, so it never
holds a connection's write lock (on SQLite every transaction takes it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, literal, or_, update
from sqlmodel import Session, col

from backend.clock import Clock
from backend.db import UTCDateTime, session_scope
from backend.people.models import StaffAccount
from backend.people.passwords import HASHER, needs_rehash, verify_password
from backend.people.service import find_by_login
from backend.people.sessions import SessionLimits, open_session, purge_expired_sessions

log = logging.getLogger(__name__)

MAX_WRONG_PASSWORDS = 10
PAUSE = timedelta(minutes=15)
MAX_LOGIN_LENGTH = 64
NOBODY = 0  # no account has this id: the refusals of unknown logins update nothing


@dataclass(frozen=True)
class SignedIn:
    """A new session: the account (as it was read) and the token for the cookie."""

    staff: StaffAccount
    token: str


def sign_in(
    *, engine: Engine, login: str, password: str, clock: Clock, limits: SessionLimits
) -> SignedIn | None:
    """Open a session when the login and password match an active, unpaused account.

    Return None for every refusal alike (see the module's docstring); the counter of wrong
    passwords in a row is reset by a good one and, at `MAX_WRONG_PASSWORDS`, turns into a
    pause of `PAUSE` during which even the right password is refused.
    """
    account: StaffAccount | None = None
    if len(login or "") <= MAX_LOGIN_LENGTH:
        with session_scope(engine) as session:
            account = find_by_login(session=session, login=login)
    usable = account is not None and account.active and account.password_hash is not None
    stored = account.password_hash if usable and account is not None else None
    matches = verify_password(password, stored)  # the slow part, outside any transaction
    rehashed = HASHER.hash(password) if matches and stored and needs_rehash(stored) else None
    target = account.id if usable and account is not None and account.id else NOBODY
    with session_scope(engine) as session:
        now = clock.now()
        if matches and stored is not None and account is not None:
            if _accept(session, target, stored, rehashed, now):
                purge_expired_sessions(session=session, clock=clock, limits=limits)
                token = open_session(session=session, staff=account, clock=clock)
                log.info("sign-in: staff #%s signed in", target)
                return SignedIn(staff=account, token=token)
            log.info("sign-in refused for staff #%s: paused", target)
            return None
        _count_wrong(session, target, now)
    if target == NOBODY:
        log.info("sign-in refused: unknown login, or an account without a password")
    else:
        log.info("sign-in refused for staff #%s: wrong password, or paused", target)
    return None


def _accept(
    session: Session, staff_id: int, stored: str, rehashed: str | None, now: datetime
) -> bool:
    """Record a good sign-in unless paused (or the password changed meanwhile)."""
    values: dict[str, Any] = {
        "failed_sign_ins": 0,
        "sign_in_paused_until": None,
        "last_sign_in_at": now,
    }
    if rehashed is not None:
        values["password_hash"] = rehashed
    statement = (
        update(StaffAccount)
        .where(
            col(StaffAccount.id) == staff_id,
            col(StaffAccount.active).is_(True),
            col(StaffAccount.password_hash) == stored,
            _not_paused(now),
        )
        .values(**values)
    )
    return session.connection().execute(statement).rowcount == 1


def _count_wrong(session: Session, staff_id: int, now: datetime) -> None:
    """Count a wrong password in one conditional UPDATE; the tenth in a row starts the pause."""
    failures = col(StaffAccount.failed_sign_ins)
    reaches_limit = failures + 1 >= MAX_WRONG_PASSWORDS
    statement = (
        update(StaffAccount)
        .where(col(StaffAccount.id) == staff_id, _not_paused(now))
        .values(
            failed_sign_ins=case((reaches_limit, 0), else_=failures + 1),
            sign_in_paused_until=case(
                (reaches_limit, literal(now + PAUSE, UTCDateTime())), else_=None
            ),
        )
    )
    session.connection().execute(statement)
    paused = session.get(StaffAccount, staff_id)  # for NOBODY too: the same work
    if paused is not None and paused.sign_in_paused_until == now + PAUSE:
        log.warning(
            "sign-in paused for staff #%s until %s after %s wrong passwords in a row",
            staff_id,
            paused.sign_in_paused_until.isoformat(),
            MAX_WRONG_PASSWORDS,
        )


def _not_paused(now: datetime) -> Any:
    paused_until = col(StaffAccount.sign_in_paused_until)
    return or_(paused_until.is_(None), paused_until <= now)
