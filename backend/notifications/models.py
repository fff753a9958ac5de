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


class ChannelKind(StrEnum):
    """How a staff account or a unit is reached outside the chats (README, "Reaching staff")."""

    email = "email"  # a staff account's address
    wecom = "wecom"  # 企业微信 group robot
    dingtalk = "dingtalk"  # 钉钉 group robot (optionally signed with its secret)
    feishu = "feishu"  # 飞书 group robot (optionally signed with its secret)
    json = "json"  # any service taking {"text": ..., "case": ..., "link": ...}


ROBOT_KINDS = frozenset({ChannelKind.wecom, ChannelKind.dingtalk, ChannelKind.feishu, "json"})


class ChannelState(StrEnum):
    """Whether a channel is used: only once verified, and not while it keeps failing."""

    unverified = "unverified"  # the test message is not confirmed yet
    active = "active"
    failing = "failing"  # failed too often in a row; its messages fail at once until fixed


class ContactChannel(SQLModel, table=True):
    """An email address of a staff account, or a robot webhook of a unit."""

    __tablename__ = "contact_channels"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id", index=True)
    department_code: str | None = Field(
        default=None, foreign_key="departments.code", max_length=32, index=True
    )
    kind: str = Field(max_length=16)
    address: str = Field(max_length=1000)  # the email address, or the webhook's URL
    secret: str | None = Field(default=None, max_length=200)  # DingTalk's / Feishu's signing
    language: str = Field(default="zh", max_length=8)
    state: str = Field(default=ChannelState.unverified, max_length=16)
    verify_token_hash: str | None = Field(default=None, max_length=64)
    verified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failures: int = 0  # failed deliveries in a row
    last_error: str | None = Field(default=None, max_length=500)
    failing_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)


class InboxItem(SQLModel, table=True):
    """A notice to a staff member as the console lists it (the inbox), under the outbox's key."""

    __tablename__ = "inbox_items"
    __table_args__ = (Index("ix_inbox_items_staff_id_id", "staff_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    staff_id: int = Field(foreign_key="staff_accounts.id")
    kind: str = Field(max_length=24)
    case_id: int | None = Field(default=None, foreign_key="cases.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_type=UTCDateTime)
    read_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
