"""Cases, their append-only events, attachments and the case-number counter."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class CaseKind(StrEnum):
    """What a case is."""

    complaint = "complaint"  # 投诉举报 from a citizen or a company
    dishonesty_record = "dishonesty_record"  # 政务失信记录 filed by a unit's clerk


class CaseStatus(StrEnum):
    """Where a case is in its life (after the 12345 hotline practice)."""

    received = "received"  # 受理
    triage = "triage"  # waiting for the lead office to place it
    routed = "routed"  # 派单: sent to a unit
    signed = "signed"  # 签收: the unit's clerk took it
    in_progress = "in_progress"  # 办理
    resolved = "resolved"  # 办结: replied to the reporter
    closed = "closed"  # 归档
    rejected = "rejected"  # 不予受理


# Where cases come from (Case.channel): staff through the API, the three chat channels (the
# terminal's is "console"), other systems through Open311, and staff through the web console's
# forms (a dishonesty record filed there). Statistics, exports and the console's filters name
# these.
STAFF_CONSOLE = "staff_console"
CASE_CHANNELS = ("api", "telegram", "web", "console", "open311", STAFF_CONSOLE)


class Case(SQLModel, table=True):
    """The current state of one case; its history is in CaseEvent."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_department_status_id", "department_code", "status", "id"),
        Index("ix_cases_department_id", "department_code", "id"),
        Index("ix_cases_status_id", "status", "id"),
        Index("ix_cases_category_id_id", "category_id", "id"),
        # The list by channel: a rare one is read by its index, not by a walk of every case.
        Index("ix_cases_channel_id", "channel", "id"),
        # Satisfaction by the rating's date, for the district and for one unit.
        Index("ix_cases_rated_at", "rated_at"),
        Index("ix_cases_department_rated_at", "department_code", "rated_at"),
        # Open311's GET requests: newest first within a window of requested_datetime.
        Index("ix_cases_created_at_id", "created_at", "id"),
        # A chat's own cases ("my cases") and its complaints of today (the daily limit).
        Index("ix_cases_reporter_id_created_at", "reporter_id", "created_at"),
        # Similar-case search: the recent cases of one unit and category.
        Index(
            "ix_cases_department_category_created_at",
            "department_code",
            "category_id",
            "created_at",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=24, unique=True)
    kind: str = Field(default=CaseKind.complaint, max_length=24)
    status: str = Field(default=CaseStatus.received, max_length=16)
    category_id: str | None = Field(default=None, foreign_key="categories.id", max_length=40)
    department_code: str | None = Field(
        default=None, foreign_key="departments.code", max_length=32
    )
    street_code: str | None = Field(default=None, foreign_key="departments.code", max_length=32)
    text: str = Field(sa_column=Column(Text, nullable=False))
    occurred_on: date | None = None
    location_text: str | None = Field(default=None, max_length=200)
    latitude: float | None = None
    longitude: float | None = None
    anonymous: bool = True
    pin_hash: str | None = Field(default=None, max_length=200)
    pin_failures: int = 0  # wrong PINs in a row; at the limit lookups by PIN pause
    pin_locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reporter_id: int | None = Field(default=None, foreign_key="reporters.id")
    channel: str = Field(default="api", max_length=16)
    route_confidence: float | None = None
    street_needed: bool = False
    return_count: int = 0
    reply: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    rating: str | None = Field(
        default=None, max_length=24
    )  # 回访: satisfied | basic | dissatisfied
    rating_comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    rated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    merged_into_id: int | None = Field(default=None, foreign_key="cases.id")
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    version: int = 1
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    # Immediate danger to life, health or property: told at once, day or night (issue 12).
    urgent: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # 诉求类型 (backend/request_types): inquiry, help, complaint, report, suggestion; its time
    # limit sets the resolve clock. None for a dishonesty record.
    request_type: str | None = Field(default=None, max_length=16)
    # The text cut into jieba words at intake, for full-text search and the similar-case
    # search (backend.cases.search); the database's full-text index reads it.
    words: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # The dictionary words inside its longer words (执行 of 强制执行), searched beside them.
    subwords: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class CaseEvent(SQLModel, table=True):
    """One change of a case: who, when, what and why. Rows are only ever added."""

    __tablename__ = "case_events"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    at: datetime = Field(sa_type=UTCDateTime)
    actor_kind: str = Field(max_length=16)  # staff | reporter | system
    actor_id: int | None = None
    actor_name: str = Field(default="", max_length=100)
    action: str = Field(max_length=24)
    from_status: str | None = Field(default=None, max_length=16)
    to_status: str | None = Field(default=None, max_length=16)
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Attachment(SQLModel, table=True):
    """Evidence attached to a case; the bytes live in a store addressed by content hash."""

    __tablename__ = "attachments"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64, index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)


class CaseCounter(SQLModel, table=True):
    """The last case number handed out on a day (case numbers restart daily)."""

    __tablename__ = "case_counters"

    day: str = Field(primary_key=True, max_length=8)
    last: int = 0


class CaseFollower(SQLModel, table=True):
    """A chat that chose to follow an open case like its own instead of filing a new one."""

    __tablename__ = "case_followers"
    __table_args__ = (
        UniqueConstraint("case_id", "channel", "chat_id"),
        Index("ix_case_followers_channel_chat_id", "channel", "chat_id"),  # a chat's cases
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    language: str = Field(default="zh", max_length=8)
    created_at: datetime = Field(sa_type=UTCDateTime)


class ChatPinWindow(SQLModel, table=True):
    """The wrong PINs one chat sent (to any cases) in its current window of lookups by PIN."""

    __tablename__ = "chat_pin_windows"

    channel: str = Field(primary_key=True, max_length=16)
    chat_id: str = Field(primary_key=True, max_length=64)
    failures: int = 0
    window_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CaseAssist(SQLModel, table=True):
    """An assisting unit (协办) of a case: its clerks see the case, add notes and report.

    The case's department is the lead unit (主办), the only one that signs for and resolves it.
    """

    __tablename__ = "case_assists"
    __table_args__ = (
        UniqueConstraint("case_id", "department_code"),
        Index("ix_case_assists_department_code_case_id", "department_code", "case_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id")
    department_code: str = Field(foreign_key="departments.code", max_length=32)
    created_at: datetime = Field(sa_type=UTCDateTime)
