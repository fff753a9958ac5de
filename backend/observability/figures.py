"""The business figures of /metrics, read from the database at scrape time.

Every figure is a count or an age over rows that all instances share, so any instance gives
the same answer (request counts, by contrast, are each process's own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from backend.cases.duplicates import OPEN_STATUSES
from backend.cases.models import Case
from backend.deadlines.models import ClockState, Deadline
from backend.notifications.models import (
    ChannelState,
    ContactChannel,
    DeliveryState,
    Notification,
)
from backend.people.models import StaffAccount
from backend.scheduler.runs import last_sweep_at

NO_UNIT = "none"  # a case or clock that names no unit


@dataclass
class BusinessFigures:
    """What a coordinator's dashboard and an alert read, at one moment."""

    received: dict[tuple[str, str], int] = field(default_factory=dict)  # (channel, kind)
    open_cases: dict[tuple[str, str], int] = field(default_factory=dict)  # (unit, state)
    overdue_clocks: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, unit)
    failing_channels: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, unit)
    outbox_waiting: int = 0
    outbox_oldest_age: float = 0.0  # seconds; 0 when nothing deliverable waits
    outbox_retrying: int = 0
    outbox_failed: int = 0
    last_sweep_age: float | None = None  # seconds; None: no sweep ever recorded


def business_figures(*, session: Session, now: datetime, office_open: bool) -> BusinessFigures:
    """Return the figures as of `now`; `office_open` tells which staff messages may go now.

    Open cases: every state but resolved, closed and rejected (`OPEN_STATUSES`), repeats
    merged into another case left out. Overdue clocks: open clocks past their due moment
    (paused ones do not run). Outbox: waiting = pending or being sent; the oldest age counts
    only what the sender would take now (its next attempt due; a staff message held for
    office hours waits by design, `backend.notifications.sender`).
    """
    figures = BusinessFigures()
    received = select(Case.channel, Case.kind, func.count()).group_by(
        col(Case.channel), col(Case.kind)
    )
    for channel, kind, count in session.exec(received).all():
        figures.received[(channel, kind)] = count
    open_cases = (
        select(Case.department_code, Case.status, func.count())
        .where(col(Case.status).in_(OPEN_STATUSES), col(Case.merged_into_id).is_(None))
        .group_by(col(Case.department_code), col(Case.status))
    )
    for unit, state, count in session.exec(open_cases).all():
        figures.open_cases[(unit or NO_UNIT, state)] = count
    overdue = (
        select(Deadline.kind, Deadline.department_code, func.count())
        .where(col(Deadline.state) == ClockState.open.value, col(Deadline.due_at) < now)
        .group_by(col(Deadline.kind), col(Deadline.department_code))
    )
    for kind, unit, count in session.exec(overdue).all():
        figures.overdue_clocks[(kind, unit or NO_UNIT)] = count
    _failing_channels(session, figures)
    _outbox(session, now, office_open, figures)
    swept = last_sweep_at(session=session)
    figures.last_sweep_age = None if swept is None else max((now - swept).total_seconds(), 0.0)
    return figures


def _failing_channels(session: Session, figures: BusinessFigures) -> None:
    """Count the channels marked failing (backend.notifications.channels.record_outcome), by
    kind and the unit they serve: a robot's own unit, an email address's staff member's."""
    unit = func.coalesce(ContactChannel.department_code, StaffAccount.department_code)
    failing = (
        select(ContactChannel.kind, unit, func.count())
        .select_from(ContactChannel)
        .outerjoin(StaffAccount, col(StaffAccount.id) == col(ContactChannel.staff_id))
        .where(col(ContactChannel.state) == ChannelState.failing.value)
        .group_by(col(ContactChannel.kind), unit)
    )
    for kind, owner, count in session.exec(failing).all():
        figures.failing_channels[(kind, owner or NO_UNIT)] = count


def _outbox(session: Session, now: datetime, office_open: bool, figures: BusinessFigures) -> None:
    state = col(Notification.state)
    waiting = state.in_([DeliveryState.pending.value, DeliveryState.sending.value])
    figures.outbox_waiting = session.exec(select(func.count()).where(waiting)).one()
    figures.outbox_retrying = session.exec(
        select(func.count()).where(
            state == DeliveryState.pending.value, col(Notification.attempts) > 0
        )
    ).one()
    figures.outbox_failed = session.exec(
        select(func.count()).where(state == DeliveryState.failed.value)
    ).one()
    due = or_(
        state == DeliveryState.pending.value,
        (state == DeliveryState.sending.value) & (col(Notification.lease_until) < now),
    )
    oldest = select(func.min(Notification.created_at)).where(
        due, col(Notification.next_attempt_at) <= now
    )
    if not office_open:
        oldest = oldest.where(col(Notification.office_hours_only).is_(False))
    created = session.exec(oldest).one()
    if created is not None:
        figures.outbox_oldest_age = max((now - created).total_seconds(), 0.0)
