"""Messages the scheduler pushed to web chats (status updates, 回访), kept until fetched."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class WebchatMessage(SQLModel, table=True):
    """One pushed message for one web chat; the page asks for those after the last id it saw."""

    __tablename__ = "webchat_messages"
    __table_args__ = (Index("ix_webchat_messages_chat_id_id", "chat_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: str = Field(max_length=64)
    key: str | None = Field(default=None, max_length=200, unique=True)  # the outbox row's key
    text: str = Field(sa_column=Column(Text, nullable=False))
    # Rows of [label, payload], as the outbox keeps them.
    buttons: list[Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = Field(sa_type=UTCDateTime)
