"""Open311 client applications and their API keys (stored only as hashes)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class Open311Key(SQLModel, table=True):
    """One client application allowed to POST requests; its key is kept as a SHA-256 hash."""

    __tablename__ = "open311_keys"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    key_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
