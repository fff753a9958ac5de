"""One-time links to set a password: issued for an account, used once, before they expire.

The link is `/console/password/{token}`; only the token's SHA-256 is stored. Issuing a new
link voids the account's earlier unused ones. Using it is one conditional UPDATE (unused and
unexpired), so two tabs posting the same link cannot both set a password.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.clock import Clock
from backend.people.models import PasswordLink, StaffAccount
from backend.people.service import set_password

LINK_PATH = "/console/password/{token}"
TOKEN_BYTES = 32


def password_link_path(token: str) -> str:
    """Return the address (a path on the console's host) where a link's token is used."""
    return LINK_PATH.format(token=token)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_password_link(
    *,
    session: Session,
    staff: StaffAccount,
    clock: Clock,
    valid_for: timedelta,
    issued_by: Actor | None = None,
) -> str:
    """Return the token of a new one-time link for the account; earlier unused ones stop."""
    now = clock.now()
    session.execute(
        delete(PasswordLink).where(
            col(PasswordLink.staff_id) == staff.id, col(PasswordLink.used_at).is_(None)
        )
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        PasswordLink(
            token_hash=_hash(token),
            staff_id=staff.id or 0,
            issued_by=issued_by.id if issued_by is not None else None,
            created_at=now,
            expires_at=now + valid_for,
        )
    )
    session.flush()
    return token


def account_of_link(*, session: Session, token: str, clock: Clock) -> StaffAccount | None:
    """Return the active account an unused, unexpired link is for, or None."""
    if not token:
        return None
    statement = (
        select(StaffAccount)
        .join(PasswordLink, col(PasswordLink.staff_id) == StaffAccount.id)
        .where(
            PasswordLink.token_hash == _hash(token),
            col(PasswordLink.used_at).is_(None),
            col(PasswordLink.expires_at) > clock.now(),
            col(StaffAccount.active).is_(True),
        )
    )
    return session.exec(statement).first()


def use_password_link(
    *, session: Session, token: str, password_hash: str, clock: Clock
) -> StaffAccount | None:
    """Set the password through a link and use the link up; None when it is not valid.

    `password_hash` comes from `passwords.hash_password`, made before the transaction.
    """
    account = account_of_link(session=session, token=token, clock=clock)
    if account is None:
        return None
    now = clock.now()
    claimed = session.connection().execute(
        update(PasswordLink)
        .where(
            col(PasswordLink.token_hash) == _hash(token),
            col(PasswordLink.used_at).is_(None),
            col(PasswordLink.expires_at) > now,
        )
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        return None
    set_password(session=session, staff=account, password_hash=password_hash)
    return account
