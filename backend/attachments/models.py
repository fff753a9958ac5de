"""Uploads tracked until a case files them, and what each chat uploaded per day (the quota)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class Upload(SQLModel, table=True):
    """A file a chat stored as evidence; kept while its dialog lives or a case files it.

    One row per chat and content (the bytes are stored once per SHA-256, shared between chats);
    `filed_at` is set when the chat's complaint or record filed it.
    """

    __tablename__ = "uploads"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "digest"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    digest: str = Field(max_length=64, index=True)
    size: int
    stored_at: datetime = Field(sa_type=UTCDateTime, index=True)
    filed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class UploadDay(SQLModel, table=True):
    """What one chat uploaded on one day (in the district's time zone), against the quota."""

    __tablename__ = "upload_days"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    day: date = Field(index=True)
    files: int = 0
    total_bytes: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
