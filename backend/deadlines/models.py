"""Case clocks: one row per deadline, swept on a schedule."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class ClockKind(StrEnum):
    """Which clock of a case."""

    sign = "sign"  # 签收
    resolve = "resolve"  # 办结
    report = "report"  # a dishonesty record reaches the lead office (7 working days)
    follow_up = "follow_up"  # 回访
    rectify = "rectify"  # 整改, set by a coordinator
    objection = "objection"  # 异议: the lead office decides on a record's objection
    repair_accept = "repair_accept"  # 信用修复: decide whether to accept an application
    repair_decide = "repair_decide"  # 信用修复: give the result of an accepted application
    dispatch = "dispatch"  # 派单: triage places the case (backend/handoff)
    urgent_sign = "urgent_sign"  # 签收 of an urgent case, in minutes, day or night
    supervise = "supervise"  # 督办: a coordinator's order to the unit, with its deadline


class ClockState(StrEnum):
    """Where a clock is."""

    open = "open"
    paused = "paused"
    met = "met"
    met_late = "met_late"
    cancelled = "cancelled"


class Deadline(SQLModel, table=True):
    """One clock of one case: when it started, how long it runs, what was sent so far."""

    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_next_action_at", "next_action_at"),
        Index("ix_deadlines_case_kind_state", "case_id", "kind", "state"),
        Index("ix_deadlines_state_due_at", "state", "due_at"),
        # Measures (backend/stats): arrivals by when the sign clock opened, on time by when met.
        Index("ix_deadlines_kind_created_at", "kind", "created_at"),
        Index("ix_deadlines_kind_state_met_at", "kind", "state", "met_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id")
    kind: str = Field(max_length=16)
    department_code: str | None = Field(default=None, max_length=32)
    started_on: date
    unit: str = Field(default="working", max_length=8)  # working | natural | minutes
    days: int
    extension_days: int = 0
    paused_days: int = 0
    paused_since: date | None = None
    pending_extension_days: int | None = None
    pending_extension_reason: str | None = Field(default=None, max_length=1000)
    due_date: date
    due_at: datetime = Field(sa_type=UTCDateTime)  # the end of due_date, Asia/Shanghai
    provisional: bool = False
    calendar_revision: int = 0  # the calendar revision due_date was computed with
    state: str = Field(default=ClockState.open, max_length=16)
    met_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_stage: int = 0
    next_action_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    # The case's kind, category and channel, copied so that the figures (backend/stats) count
    # and group clocks without joining `cases` (issue 13: a year's figures stay flat). Written
    # with the clock and on every change of the case's category (keeper, `reassign`);
    # `intake stats rebuild` copies them again from the cases.
    case_kind: str | None = Field(default=None, max_length=24)
    case_category: str | None = Field(default=None, max_length=40)
    case_channel: str | None = Field(default=None, max_length=16)
