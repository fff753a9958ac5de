"""Deadlines as the API shows them, and the overdue condition for case lists."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import exists
from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.deadlines.models import ClockKind, ClockState, Deadline

STAFF_KINDS = (ClockKind.sign.value, ClockKind.resolve.value, ClockKind.rectify.value)


class DeadlinePublic(BaseModel):
    """One clock of a case."""

    kind: str
    state: str  # open | overdue | paused | met | met_late | cancelled
    started_on: date
    days: int
    unit: str
    due_date: date
    due_at: datetime
    provisional: bool
    extension_days: int
    paused_days: int
    pending_extension_days: int | None


def deadlines_of(*, session: Session, case: Case, now: datetime) -> list[DeadlinePublic]:
    """Return the clocks of a case, oldest first, with `overdue` for open ones past due."""
    rows = session.exec(
        select(Deadline).where(Deadline.case_id == case.id).order_by(col(Deadline.id))
    ).all()
    return [
        DeadlinePublic(
            kind=d.kind,
            state="overdue" if d.state == ClockState.open and d.due_at < now else d.state,
            started_on=d.started_on,
            days=d.days,
            unit=d.unit,
            due_date=d.due_date,
            due_at=d.due_at,
            provisional=d.provisional,
            extension_days=d.extension_days,
            paused_days=d.paused_days,
            pending_extension_days=d.pending_extension_days,
        )
        for d in rows
    ]


def overdue_condition(now: datetime) -> Any:
    """Return a WHERE clause for cases with an open handling clock past its due moment."""
    return exists().where(
        col(Deadline.case_id) == col(Case.id),
        col(Deadline.state) == ClockState.open.value,
        col(Deadline.kind).in_(STAFF_KINDS),
        col(Deadline.due_at) < now,
    )
