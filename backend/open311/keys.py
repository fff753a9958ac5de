"""Open311 API keys: issued per client application by a coordinator, revocable.

A key is shown once when created and stored only as its SHA-256 hash (keys are long and
random, so a fast hash fits, as for staff tokens).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from backend.cases.text import visible_length
from backend.errors import NotFound, ValidationFailed
from backend.open311.models import Open311Key

KEY_PREFIX = "o311_"
MAX_NAME = 100
USE_NOTED_EVERY = timedelta(hours=1)


def hash_key(key: str) -> str:
    """Return the stored hash of an API key."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(*, session: Session, name: str, now: datetime) -> tuple[Open311Key, str]:
    """Issue a key for a client application; return the row and the key (shown only now).

    Raises ValidationFailed (`open311_key_name`) for an empty or too long name and
    (`open311_key_exists`) when the application already has a key, revoked or not.
    """
    name = (name or "").strip()
    if not visible_length(name) or len(name) > MAX_NAME:
        raise ValidationFailed("open311_key_name", field="name", max=MAX_NAME)
    if session.exec(select(Open311Key).where(Open311Key.name == name)).first() is not None:
        raise ValidationFailed("open311_key_exists", field="name", name=name)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = Open311Key(name=name, key_hash=hash_key(key), created_at=now)
    session.add(row)
    session.flush()
    return row, key


def list_keys(*, session: Session) -> list[Open311Key]:
    """Return every client application's key row, oldest first."""
    return list(session.exec(select(Open311Key).order_by(col(Open311Key.id))).all())


def revoke_key(*, session: Session, name: str, now: datetime) -> Open311Key:
    """Revoke a client application's key; NotFound when there is no such application."""
    row = session.exec(select(Open311Key).where(Open311Key.name == name.strip())).first()
    if row is None:
        raise NotFound(f"no Open311 client application named {name!r}")
    if row.revoked_at is None:
        row.revoked_at = now
        session.add(row)
    return row


def client_of(*, session: Session, key: str, now: datetime) -> Open311Key | None:
    """Return the application a valid, unrevoked key belongs to, else None."""
    if not key:
        return None
    row = session.exec(select(Open311Key).where(Open311Key.key_hash == hash_key(key))).first()
    if row is None or row.revoked_at is not None:
        return None
    # Noted at most hourly: one client's requests would otherwise queue on this row's lock.
    if row.last_used_at is None or now - row.last_used_at >= USE_NOTED_EVERY:
        row.last_used_at = now
        session.add(row)
    return row
