"""The working-day calendar as rows: the package's seed, coordinator overrides, known years."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime

MAX_REASON = 500  # characters of a calendar correction's reason (API, console, CLI)


class CalendarDay(SQLModel, table=True):
    """A day the chinesecalendar package marks unlike Monday-to-Friday (holiday or 调休)."""

    __tablename__ = "calendar_days"

    day: date = Field(primary_key=True)
    working: bool
    name: str = Field(default="", max_length=100)


class CalendarOverride(SQLModel, table=True):
    """A coordinator's correction of one day (an emergency closure, an extra working day)."""

    __tablename__ = "calendar_overrides"

    day: date = Field(primary_key=True)
    working: bool
    reason: str = Field(max_length=MAX_REASON)
    actor_name: str = Field(default="", max_length=100)
    created_at: datetime = Field(sa_type=UTCDateTime)


class CalendarYear(SQLModel, table=True):
    """A year whose holidays are fully known (from the package or confirmed by a coordinator)."""

    __tablename__ = "calendar_years"

    year: int = Field(primary_key=True)
    source: str = Field(max_length=16)  # package | coordinator
    added_at: datetime = Field(sa_type=UTCDateTime)


class CalendarState(SQLModel, table=True):
    """One row: the calendar's revision, bumped by every change, and the estimate's version.

    Processes reload their cached calendar when the revision moves; clocks remember the
    revision they were computed with, so one computed against an older calendar is found.
    The row is locked while the calendar changes, so changes never interleave.
    """

    __tablename__ = "calendar_state"

    id: int = Field(default=1, primary_key=True)
    revision: int = 0
    settled: int = 0  # the last revision whose late-set clocks were all caught up
    estimate: str = Field(default="", max_length=64)  # estimate_label() the clocks reflect
    changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
