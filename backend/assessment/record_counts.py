"""The record measures of the assessment, per unit: 按时报送, 按期整改, 异议成立.

- report_on_time: a record's report clock (7 working days, owed by the filing unit) met on
  time in the period, over the report clocks met on time then or due then and not met on
  time (met late, or still open past due); the way `backend.stats` counts signing.
- rectify_on_time: the same for a record's rectification clocks, owed by the unit named.
- objections_upheld: objections decided in the period and upheld, over all decided then,
  against the unit named in the record (fewer is better).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from backend.assessment.measures import Assessed, Tally
from backend.cases.models import Case, CaseKind
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.periods import Period
from backend.records.models import DishonestyRecord, ObjectionState, RecordObjection

RECORD_MEASURES = (Assessed.report_on_time, Assessed.rectify_on_time, Assessed.objections_upheld)
_CLOCKS = {
    Assessed.report_on_time: ClockKind.report.value,
    Assessed.rectify_on_time: ClockKind.rectify.value,
}


def record_tallies(*, session: Session, window: Period, now: datetime) -> dict[Assessed, Tally]:
    """Count the record measures of every unit over the period."""
    found = {
        name: _clock_tally(session=session, kind=kind, window=window, now=now)
        for name, kind in _CLOCKS.items()
    }
    found[Assessed.objections_upheld] = _objection_tally(session=session, window=window)
    return found


def _clock_tally(*, session: Session, kind: str, window: Period, now: datetime) -> Tally:
    # Two reads, each through its own range index (kind, state, met_at) and (state, due_at),
    # so that only the period's clocks are read, never every clock of the kind ever stored.
    met_on_time = (
        col(Deadline.state) == ClockState.met.value,
        col(Deadline.met_at) >= window.since,
        col(Deadline.met_at) < window.until,
    )
    # A due moment is a day's end: the day it ends on is the one counted.
    due_unmet = (
        col(Deadline.state).in_((ClockState.met_late.value, ClockState.open.value)),
        col(Deadline.due_at) > window.since,
        col(Deadline.due_at) <= window.until,
        col(Deadline.due_at) < now,
    )
    on_time, due = Counter[str](), Counter[str]()
    for part, numerator in ((met_on_time, True), (due_unmet, False)):
        statement: Any = (
            select(col(Deadline.department_code), func.count())
            .select_from(Deadline)
            .join(Case, col(Case.id) == col(Deadline.case_id))
            .where(
                col(Case.kind) == CaseKind.dishonesty_record.value,
                col(Deadline.kind) == kind,
                col(Deadline.department_code).is_not(None),
                *part,
            )
            .group_by(col(Deadline.department_code))
        )
        for unit, n in session.execute(statement).all():
            due[unit] += n
            if numerator:
                on_time[unit] += n
    return Tally(on_time, due)


def _objection_tally(*, session: Session, window: Period) -> Tally:
    decided = (ObjectionState.upheld.value, ObjectionState.dismissed.value)
    statement: Any = (
        select(col(DishonestyRecord.department_code), col(RecordObjection.state), func.count())
        .select_from(RecordObjection)
        .join(DishonestyRecord, col(DishonestyRecord.case_id) == col(RecordObjection.case_id))
        .where(
            col(RecordObjection.state).in_(decided),
            col(RecordObjection.decided_at) >= window.since,
            col(RecordObjection.decided_at) < window.until,
        )
        .group_by(col(DishonestyRecord.department_code), col(RecordObjection.state))
    )
    upheld, total = Counter[str](), Counter[str]()
    for unit, state, n in session.execute(statement).all():
        total[unit] += n
        if state == ObjectionState.upheld.value:
            upheld[unit] += n
    return Tally(upheld, total)
