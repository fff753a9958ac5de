"""Reporters (kept apart from cases) and staff accounts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class Role(StrEnum):
    """What a staff account may do."""

    coordinator = "coordinator"  # lead office: triage, reassign, reject, close, see all
    clerk = "clerk"  # 联络员 of one unit: sign for and handle that unit's cases
    evaluator = "evaluator"  # 第三方评估: reads measures, assessment, ledgers; acts on nothing


class Reporter(SQLModel, table=True):
    """Who filed a case and how to reach them; never shown to the unit handling it."""

    __tablename__ = "reporters"

    id: int | None = Field(default=None, primary_key=True)
    name: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    channel: str = Field(default="api", max_length=16)  # api | telegram | web | console | open311
    chat_id: str | None = Field(default=None, max_length=64, index=True)
    language: str = Field(default="zh", max_length=8)
    created_at: datetime = Field(sa_type=UTCDateTime)
    email: str | None = Field(default=None, max_length=254)  # an Open311 request may give one
    # When its owner confirmed it by the link sent to it (None: updates do not go there yet).
    email_confirmed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ReporterPublic(SQLModel):
    """The reporter's identity as a coordinator may see it for a named report."""

    name: str | None
    phone: str | None
    channel: str
    email: str | None = None  # given by Open311 requests


class StaffAccount(SQLModel, table=True):
    """A coordinator or a clerk; the API token and the password are stored only as hashes."""

    __tablename__ = "staff_accounts"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    department_code: str = Field(foreign_key="departments.code", max_length=32, index=True)
    token_hash: str = Field(max_length=64, unique=True)
    active: bool = True
    created_at: datetime = Field(sa_type=UTCDateTime)
    # Console sign-in (backend/people/sign_in.py): a login, an argon2id hash, and the pause.
    login: str | None = Field(default=None, max_length=64, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    failed_sign_ins: int = 0  # wrong passwords in a row; at the limit sign-in pauses
    sign_in_paused_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_sign_in_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class StaffSession(SQLModel, table=True):
    """A signed-in browser: the cookie's token is stored only as a hash (a row per session)."""

    __tablename__ = "staff_sessions"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff_accounts.id", index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime, index=True)  # written once a minute


class PasswordLink(SQLModel, table=True):
    """A one-time link to set a password (/console/password/{token}), stored as a hash."""

    __tablename__ = "password_links"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff_accounts.id", index=True)
    issued_by: int | None = Field(default=None, foreign_key="staff_accounts.id")  # None: CLI
    created_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class StaffChat(SQLModel, table=True):
    """A chat bound to a staff account (/bind), where reminders and digests go."""

    __tablename__ = "staff_chats"
    __table_args__ = (UniqueConstraint("channel", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_accounts.id", index=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    language: str = Field(default="zh", max_length=8)
    bound_at: datetime = Field(sa_type=UTCDateTime)
