"""Console sessions: a row per signed-in browser, found by the hash of the cookie's token.

Rows, not process memory, so that every app instance behind a load balancer sees them
(decision 9). A session ends on sign-out, after `idle` without a request, after `lifetime` in
any case, and at once when its account is deactivated (checked on every request). The last
request is written at most once a minute (`TOUCH_EVERY`), so a session may outlive its idle
limit by up to that minute; in return a busy page costs no write per request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from backend.clock import Clock
from backend.people.models import StaffAccount, StaffSession

TOKEN_BYTES = 32
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SessionLimits:
    """How long a session lives: without a request (`idle`), and at most (`lifetime`)."""

    idle: timedelta
    lifetime: timedelta

    @classmethod
    def of(cls, *, idle_minutes: int, lifetime_hours: int) -> SessionLimits:
        """Return the limits from the settings' minutes and hours."""
        return cls(idle=timedelta(minutes=idle_minutes), lifetime=timedelta(hours=lifetime_hours))


def hash_session_token(token: str) -> str:
    """Return the stored form of a session token (long and random, so SHA-256 fits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(*, session: Session, staff: StaffAccount, clock: Clock) -> str:
    """Start a session for a staff member; return its token, which only the cookie keeps."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = clock.now()
    session.add(
        StaffSession(
            token_hash=hash_session_token(token),
            staff_id=staff.id or 0,
            created_at=now,
            last_seen_at=now,
        )
    )
    session.flush()
    return token


def resume_session(
    *, session: Session, token: str, clock: Clock, limits: SessionLimits
) -> StaffAccount | None:
    """Return the active account whose live session has this token, or None.

    An expired session, or one whose account was deactivated, is deleted on the way. The
    last request is recorded when the one before is a minute old or more (sliding expiry).
    """
    if not token:
        return None
    statement = (
        select(StaffSession, StaffAccount)
        .join(StaffAccount, col(StaffAccount.id) == StaffSession.staff_id)
        .where(StaffSession.token_hash == hash_session_token(token))
    )
    found = session.exec(statement).first()
    if found is None:
        return None
    row, account = found
    now = clock.now()
    if not account.active or _expired(row, now, limits):
        session.delete(row)
        session.flush()
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
        session.flush()
    return account


def end_session(*, session: Session, token: str) -> None:
    """End the session with this token (sign-out); an unknown token is already ended."""
    if token:
        target = hash_session_token(token)
        session.execute(delete(StaffSession).where(col(StaffSession.token_hash) == target))


def end_all_sessions(*, session: Session, staff_id: int) -> None:
    """End every session of a staff member (deactivated, or a new password)."""
    session.execute(delete(StaffSession).where(col(StaffSession.staff_id) == staff_id))


def purge_expired_sessions(*, session: Session, clock: Clock, limits: SessionLimits) -> None:
    """Delete every session past its limits (done at each sign-in: the table stays small)."""
    now = clock.now()
    session.execute(
        delete(StaffSession).where(
            or_(
                col(StaffSession.last_seen_at) <= now - limits.idle,
                col(StaffSession.created_at) <= now - limits.lifetime,
            )
        )
    )


def _expired(row: StaffSession, now: datetime, limits: SessionLimits) -> bool:
    return now - row.last_seen_at >= limits.idle or now - row.created_at >= limits.lifetime
