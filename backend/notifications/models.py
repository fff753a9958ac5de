"""The notifications outbox: written once under a unique key, delivered by the sender."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class DeliveryState(StrEnum):
    """Where a notification is."""

    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"
    no_recipient = "no_recipient"
    withdrawn = "withdrawn"  # not sent: its staff recipient was deactivated, unbound or moved
    unconfirmed = "unconfirmed"  # sent, but a part may not have arrived; not sent again


class Notification(SQLModel, table=True):
    """One message for one chat; the key makes writing it twice impossible."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_state_next_attempt", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    kind: str = Field(
        max_length=24
    )  # reminder | escalation | digest | calendar | deadline_moved | follow_up | update
    case_id: int | None = Field(default=None, foreign_key="cases.id", index=True)
    deadline_id: int | None = Field(default=None, foreign_key="deadlines.id")
    stage: str | None = Field(default=None, max_length=24)
    recipient_kind: str = Field(max_length=16)  # staff | reporter
    recipient_id: int | None = None
    channel: str | None = Field(default=None, max_length=16)
    chat_id: str | None = Field(default=None, max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    buttons: list[Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    office_hours_only: bool = True
    state: str = Field(default=DeliveryState.pending, max_length=16)
    attempts: int = 0
    parts_sent: int = 0  # parts of a long text delivered so far: a retry sends only the rest
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
