"""Measures units are rated on: received, signed and resolved on time, overdue, satisfaction."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.deadlines.views import STAFF_KINDS

SATISFIED = ("satisfied", "basically_satisfied")


class UnitStats(BaseModel):
    """The measures of one unit over a period."""

    department: str
    received: int = 0
    signed_on_time: int = 0
    signed_late: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    overdue_now: int = 0
    rated: int = 0
    satisfied: int = 0
    sign_on_time_rate: float | None = None  # 签收及时率
    resolve_on_time_rate: float | None = None
    satisfaction_rate: float | None = None  # 满意率


def unit_stats(
    *, session: Session, start: date, end: date, now: datetime, department: str | None = None
) -> list[UnitStats]:
    """Return the measures per unit for clocks started from `start` to `end` (inclusive)."""
    stats: dict[str | None, UnitStats] = defaultdict(lambda: UnitStats(department=""))
    dept = col(Deadline.department_code)
    in_period = (col(Deadline.started_on) >= start) & (col(Deadline.started_on) <= end)
    counted = select(dept, Deadline.kind, Deadline.state, func.count()).where(
        in_period, col(Deadline.kind).in_([ClockKind.sign.value, ClockKind.resolve.value])
    )
    for unit, kind, state, count in session.exec(
        counted.group_by(dept, Deadline.kind, Deadline.state)
    ).all():
        row = stats[unit]
        if kind == ClockKind.sign:
            row.received += count
            row.signed_on_time += count if state == ClockState.met else 0
            row.signed_late += count if state == ClockState.met_late else 0
        else:
            row.resolved_on_time += count if state == ClockState.met else 0
            row.resolved_late += count if state == ClockState.met_late else 0
    overdue = select(dept, func.count()).where(
        Deadline.state == ClockState.open.value,
        col(Deadline.kind).in_(STAFF_KINDS),
        col(Deadline.due_at) < now,
    )
    for unit, count in session.exec(overdue.group_by(dept)).all():
        stats[unit].overdue_now = count
    ratings = select(col(Case.department_code), col(Case.rating), func.count()).where(
        col(Case.rating).is_not(None),
        func.date(Case.rated_at) >= start,
        func.date(Case.rated_at) <= end,
    )
    for unit, rating, count in session.exec(
        ratings.group_by(col(Case.department_code), col(Case.rating))
    ).all():
        stats[unit].rated += count
        stats[unit].satisfied += count if rating in SATISFIED else 0
    result = []
    for unit, row in sorted(stats.items(), key=lambda item: item[0] or ""):
        if unit is None or (department and unit != department):
            continue
        row.department = unit
        row.sign_on_time_rate = _rate(row.signed_on_time, row.received)
        row.resolve_on_time_rate = _rate(
            row.resolved_on_time, row.resolved_on_time + row.resolved_late
        )
        row.satisfaction_rate = _rate(row.satisfied, row.rated)
        result.append(row)
    return result


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
