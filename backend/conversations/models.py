"""Dialog state per chat (decision 1), inbound events seen (decision 3), clerk invites."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class Conversation(SQLModel, table=True):
    """The saved dialog of one chat on one channel."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    state: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    version: int = 0
    # The last text when its client may have cut a longer one there (Telegram splits a paste
    # at 4,096 characters): the text, when it was sent, the state before it; the next text
    # within the window continues it (backend/conversations/joining.py).
    pending_part: dict[str, Any] | None = Field(
        default=None, sa_column=Column(JSON, nullable=True)
    )
    group_notice_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # "use a DM"
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class InboundEvent(SQLModel, table=True):
    """An event already handled (Telegram update_id, web-chat message id): never twice."""

    __tablename__ = "inbound_events"
    __table_args__ = (UniqueConstraint("channel", "event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    event_id: str = Field(max_length=100)
    conversation_id: int = Field(foreign_key="conversations.id")
    received_at: datetime = Field(sa_type=UTCDateTime)
    # The replies that must arrive (a receipt with its one-time PIN), given again when the
    # same event comes again: the first answer may never have reached the user.
    replies: list[Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class ClerkInvite(SQLModel, table=True):
    """A one-time code a coordinator issues so a clerk can bind a chat (/bind CODE)."""

    __tablename__ = "clerk_invites"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff_accounts.id")
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)
