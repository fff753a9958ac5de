"""A record's next due step for lists (its earliest open clock) and the `overdue` filter.

Each step of a record owes its clock to one side (backend/records/models.py): the report
clock the filing unit (7 working days, 信息报送), the rectify clock the named unit, the
objection and repair clocks the lead office. A list row names the clock that falls due
first, so the lead office sees who owes what by when without opening each record (the
ledger's 台账 follows every record to its end).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, exists
from sqlmodel import Session, col

from backend.deadlines.models import ClockState, Deadline
from backend.deadlines.views import nearest_clocks
from backend.records.models import DishonestyRecord
from backend.records.schemas import RecordNextDue


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """The records with an open clock past its due moment (the end of its due day, Tianjin)."""
    return exists().where(
        col(Deadline.case_id) == col(DishonestyRecord.case_id),
        col(Deadline.state) == ClockState.open.value,
        col(Deadline.due_at) < now,
    )


def next_due(
    *, session: Session, case_ids: Iterable[int], now: datetime
) -> dict[int, RecordNextDue]:
    """Return each record's earliest open clock by its case id; a record owing nothing is absent.

    One query for a whole page of a list. A paused clock is not open, so it names no due day.
    """
    found = nearest_clocks(session=session, case_ids=case_ids, kinds=None)
    return {
        case_id: RecordNextDue(
            kind=clock.kind,
            department=clock.department_code,
            due_date=clock.due_date,
            unit=clock.unit,
            provisional=clock.provisional,
            overdue=clock.due_at < now,
        )
        for case_id, clock in found.items()
    }
