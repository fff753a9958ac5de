"""The on-duty roster (值班表): which coordinator is on duty on which day (issue 12)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class DutyShift(SQLModel, table=True):
    """One coordinator on duty for one duty day (Tianjin date; the night after it included).

    A duty day runs from `urgent.duty_day_starts` (policy.yaml, 08:30) to the same hour of
    the next date: an urgent case at 02:00 on Tuesday goes to Monday's coordinator.
    """

    __tablename__ = "duty_shifts"
    __table_args__ = (UniqueConstraint("day", "staff_id"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date  # indexed by the unique (day, staff_id)
    staff_id: int = Field(foreign_key="staff_accounts.id", index=True)
    added_by: int | None = Field(default=None, foreign_key="staff_accounts.id")  # None: CLI
    created_at: datetime = Field(sa_type=UTCDateTime)
