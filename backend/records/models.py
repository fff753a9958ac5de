"""Dishonesty records (政务失信记录): their fields and states, objections and repair applications.

A record is a Case of kind `dishonesty_record` (its number, events, attachments, notes and
clocks are the case machinery's) with one row of structured fields and states here, keyed by
the case. Each step's clock is a Deadline row naming the unit that owes it: the report clock
the filing unit, the rectify clock the unit named in the record, the objection and repair
clocks the lead office.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class FindingType(StrEnum):
    """The decision that found the dishonesty."""

    judgment = "judgment"  # 法院判决 court judgment
    penalty = "penalty"  # 行政处罚 administrative penalty
    sanction = "sanction"  # 纪律处分 disciplinary sanction
    accountability = "accountability"  # 问责决定 accountability decision


class Severity(StrEnum):
    """How grave the dishonesty is; it sets the publicity period (公示期)."""

    minor = "minor"  # 轻微
    general = "general"  # 一般
    serious = "serious"  # 严重


class RecordState(StrEnum):
    """Where a record is in its life as a whole."""

    draft = "draft"  # registered before the paperwork is complete; the report clock runs
    reported = "reported"  # 报送: reached the lead office
    withdrawn = "withdrawn"  # 撤销: an objection was upheld and the record withdrawn


class RectificationState(StrEnum):
    """书面说明原因并限期整改: the named unit explains in writing and rectifies by a deadline."""

    none = "none"
    ordered = "ordered"  # the lead office ordered it; the rectify clock runs
    submitted = "submitted"  # the unit sent its explanation and report
    sent_back = "sent_back"  # the lead office sent it back with a reason; the clock runs on
    accepted = "accepted"  # rectified


class ObjectionState(StrEnum):
    """异议: the latest objection's state on the record."""

    none = "none"
    pending = "pending"  # under objection: published records stay, marked (异议处理中)
    upheld = "upheld"  # corrected or withdrawn
    dismissed = "dismissed"


class ObjectionOutcome(StrEnum):
    """What an upheld objection did to the record."""

    corrected = "corrected"
    withdrawn = "withdrawn"


class RepairState(StrEnum):
    """信用修复: the latest repair application's state on the record."""

    none = "none"
    applied = "applied"  # waiting for the decision to accept (3 working days)
    accepted = "accepted"  # 受理: waiting for the result (10 working days)
    refused = "refused"  # 不予受理
    repaired = "repaired"  # 修复: no longer published, shown as repaired in the ledger
    denied = "denied"  # accepted, examined, not repaired


class Leniency(StrEnum):
    """自我纠错: the person made good the loss, removed the harm or stopped it."""

    none = "none"
    reduced = "reduced"  # the measures are reduced
    waived = "waived"  # the measures are waived


class PublicityState(StrEnum):
    """公示: whether the record is on the public page."""

    none = "none"  # not published (yet)
    published = "published"  # from publicity_from to publicity_until, unless paused/ended
    ended = "ended"  # its period ended
    taken_down = "taken_down"  # repaired or withdrawn


class ObjectorKind(StrEnum):
    """Who objects or applies for repair."""

    person = "person"  # the person named in the record
    unit = "unit"  # the unit named in the record
    representative = "representative"  # 代理人 of either


class DishonestyRecord(SQLModel, table=True):
    """The structured fields and the states of one record; the case is its number and history."""

    __tablename__ = "dishonesty_records"
    __table_args__ = (
        Index("ix_dishonesty_records_department_case", "department_code", "case_id"),
        Index("ix_dishonesty_records_filed_by_case", "filed_by_department", "case_id"),
        Index("ix_dishonesty_records_arisen_on", "arisen_on"),
        Index("ix_dishonesty_records_publicity", "publicity_state", "publicity_until"),
    )

    case_id: int = Field(primary_key=True, foreign_key="cases.id")
    person_name: str = Field(max_length=100)
    person_post: str = Field(default="", max_length=100)
    # The unit the person serves in (the unit named in the record; it rectifies).
    department_code: str = Field(foreign_key="departments.code", max_length=32)
    # The unit that filed the record, and its clerk; the report clock is theirs.
    filed_by_department: str = Field(foreign_key="departments.code", max_length=32)
    filed_by_staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id")
    finding_type: str = Field(max_length=16)  # FindingType
    authority: str = Field(default="", max_length=200)  # the deciding authority
    document_number: str | None = Field(default=None, max_length=100)  # None: a draft
    arisen_on: date  # the date the information arose: the report clock starts here
    severity: str | None = Field(default=None, max_length=16)  # Severity; None: migrated
    summary: str = Field(sa_column=Column(Text, nullable=False))
    source_case_id: int | None = Field(default=None, foreign_key="cases.id")
    state: str = Field(default=RecordState.draft, max_length=16)
    reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reported_on: date | None = None  # the district's day it reached the lead office
    report_days_late: int | None = None  # working days past the report clock's due day
    rectification_state: str = Field(default=RectificationState.none, max_length=16)
    rectification_explanation: str | None = Field(
        default=None, sa_column=Column(Text, nullable=True)
    )
    rectification_report: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    rectification_reason: str | None = Field(  # why it was sent back
        default=None, sa_column=Column(Text, nullable=True)
    )
    rectified_on: date | None = None
    objection_state: str = Field(default=ObjectionState.none, max_length=16)
    repair_state: str = Field(default=RepairState.none, max_length=16)
    repaired_on: date | None = None
    leniency: str = Field(default=Leniency.none, max_length=16)
    leniency_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    publicity_state: str = Field(default=PublicityState.none, max_length=16)
    publicity_months: int | None = None
    publicity_from: date | None = None
    publicity_until: date | None = None  # the last day on the public page
    withdrawn_on: date | None = None
    version: int = 1
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class RecordObjection(SQLModel, table=True):
    """One objection (异议) to a record, with its decision once made."""

    __tablename__ = "record_objections"
    # The assessment's objections decided in a period (异议成立).
    __table_args__ = (Index("ix_record_objections_state_decided_at", "state", "decided_at"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    objector_kind: str = Field(max_length=16)  # ObjectorKind
    objector_name: str = Field(max_length=100)
    reasons: str = Field(sa_column=Column(Text, nullable=False))
    # Where the decision is sent: a chat (channel + chat id) or staff (filed_by_staff_id).
    channel: str = Field(default="api", max_length=16)
    chat_id: str | None = Field(default=None, max_length=64)
    language: str = Field(default="zh", max_length=8)
    filed_by_staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id")
    filed_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default=ObjectionState.pending, max_length=16)
    outcome: str | None = Field(default=None, max_length=16)  # ObjectionOutcome when upheld
    decision_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by_staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id")


class RepairApplication(SQLModel, table=True):
    """One application for credit repair (信用修复), its acceptance and its result."""

    __tablename__ = "record_repairs"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    applicant_kind: str = Field(max_length=16)  # ObjectorKind
    applicant_name: str = Field(max_length=100)
    reasons: str = Field(sa_column=Column(Text, nullable=False))
    channel: str = Field(default="api", max_length=16)
    chat_id: str | None = Field(default=None, max_length=64)
    language: str = Field(default="zh", max_length=8)
    filed_by_staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id")
    filed_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default=RepairState.applied, max_length=16)
    accept_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decision_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by_staff_id: int | None = Field(default=None, foreign_key="staff_accounts.id")
