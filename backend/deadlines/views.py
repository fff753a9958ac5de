"""Deadlines as the API shows them, and the conditions on clocks that case lists filter by.

"Overdue", "due soon", "an extension request waits" and "the nearest due date" are defined
here once; the API's list, the console's queues and the exports all ask these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseKind
from backend.deadlines.clocks import end_of_day
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.deadlines.service import RUNNING, ClockEnv

# The clocks a unit's handling runs against: overdue, due soon and the nearest due date of
# a case (a supervision order, 督办, is one: its deadline is the unit's to keep).
STAFF_KINDS = (
    ClockKind.sign.value,
    ClockKind.resolve.value,
    ClockKind.rectify.value,
    ClockKind.supervise.value,
)
# What a list's row names as a case's nearest due moment: the unit's handling clocks, and the
# hand-offs' (backend/handoff): triage's dispatch clock (派单时限) and an urgent case's sign
# clock, counted in minutes.
LIST_KINDS = (*STAFF_KINDS, ClockKind.dispatch.value, ClockKind.urgent_sign.value)


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
    return _shown(rows, now)


def held_deadlines(*, session: Session, case: Case, now: datetime) -> list[DeadlinePublic]:
    """Return the clocks of a case that this session wrote or read, without a query.

    For the answer to filing: every clock of a new case was written in the same session.
    """
    rows = sorted(
        (d for d in session.identity_map.values() if isinstance(d, Deadline)),
        key=lambda d: d.id or 0,
    )
    return _shown([d for d in rows if d.case_id == case.id], now)


def _shown(rows: Iterable[Deadline], now: datetime) -> list[DeadlinePublic]:
    return [
        DeadlinePublic(
            kind=d.kind,
            state="overdue" if d.state == ClockState.open and d.due_at < now else d.state,
            started_on=d.started_on,
            days=d.days,
            unit=d.unit,
            due_date=d.due_date,
            due_at=d.due_at.astimezone(UTC),  # as read back, whether just written or not
            provisional=d.provisional,
            extension_days=d.extension_days,
            paused_days=d.paused_days,
            pending_extension_days=d.pending_extension_days,
        )
        for d in rows
    ]


def overdue_condition(now: datetime) -> Any:
    """Return a WHERE clause for cases with an open handling clock past its due moment.

    The ids of the open clocks past due, read once by (state, due_at): the open backlog's,
    never a search per case listed (correlated, SQLite read every open clock past due for
    each case it walked: 3.5 s for a page at 10,000 cases, measured).
    """
    return col(Case.id).in_(_open_handling_clock_ids(col(Deadline.due_at) < now))


def _open_handling_clock() -> tuple[Any, ...]:
    """Return the conditions of an open handling clock of the outer query's case."""
    return (
        col(Deadline.case_id) == col(Case.id),
        col(Deadline.state) == ClockState.open.value,
        col(Deadline.kind).in_(STAFF_KINDS),
    )


def due_soon_until(env: ClockEnv) -> datetime:
    """Return the end of the "due soon" window: the end of the working day on which the
    earliest reminder before a due date would go out for a clock due then.

    Source: the policy's `reminders.before_due` (2 and 1 working days by default), so a case
    is "due soon" exactly while its unit is being reminded of it; with no reminder before
    the due day, only what is due today is due soon.
    """
    ahead = max((n for n in env.policy.reminders.before_due if n > 0), default=0)
    last = env.calendar.add_working_days(env.today(), ahead).day
    return end_of_day(last, env.zone)


def due_soon_condition(now: datetime, until: datetime) -> Any:
    """Return a WHERE clause for cases with an open handling clock due in [now, until)."""
    return col(Case.id).in_(
        _open_handling_clock_ids(col(Deadline.due_at) >= now, col(Deadline.due_at) < until)
    )


def _open_handling_clock_ids(*within: Any) -> Any:
    """Return the case ids of the open handling clocks due within a range (an IN subquery)."""
    return select(col(Deadline.case_id)).where(
        col(Deadline.state) == ClockState.open.value,
        col(Deadline.kind).in_(STAFF_KINDS),
        *within,
    )


def extension_requested_condition() -> Any:
    """Return a WHERE clause for cases whose running handling clock has a request for more
    time (延期申请) waiting for a coordinator's decision."""
    return exists().where(
        col(Deadline.case_id) == col(Case.id),
        col(Deadline.state).in_(RUNNING),
        col(Deadline.kind).in_(STAFF_KINDS),
        col(Deadline.pending_extension_days).is_not(None),
    )


def nearest_due_at() -> Any:
    """Return the nearest due moment of the case's open handling clocks (NULL without one),
    as a scalar subquery on the outer query's case (for sorting a list by due date)."""
    return select(func.min(Deadline.due_at)).where(*_open_handling_clock()).scalar_subquery()


def nearest_clocks(
    *, session: Session, case_ids: Iterable[int], kinds: Iterable[str] | None = STAFF_KINDS
) -> dict[int, Deadline]:
    """Return, per case, its open clock of `kinds` due first (None: of any kind); cases
    without one are left out. One query for a page of a list."""
    ids = list(case_ids)
    if not ids:
        return {}
    statement = select(Deadline).where(
        col(Deadline.case_id).in_(ids), col(Deadline.state) == ClockState.open.value
    )
    if kinds is not None:
        statement = statement.where(col(Deadline.kind).in_(list(kinds)))
    rows = session.exec(statement.order_by(col(Deadline.due_at), col(Deadline.id))).all()
    nearest: dict[int, Deadline] = {}
    for deadline in rows:
        nearest.setdefault(deadline.case_id, deadline)
    return nearest


def overdue_by_kind(
    *, session: Session, now: datetime, department: str | None = None
) -> dict[str, int]:
    """Return, per kind of handling clock, the complaints with such a clock overdue now.

    Scoped as the `overdue_now` figure (backend.stats): the unit that owes the clock, all
    units when `department` is None. A case late on two kinds counts under each.
    """
    statement = (
        select(col(Deadline.kind), func.count(func.distinct(col(Deadline.case_id))))
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .where(
            col(Case.kind) == CaseKind.complaint.value,
            col(Deadline.state) == ClockState.open.value,
            col(Deadline.kind).in_(STAFF_KINDS),
            col(Deadline.due_at) < now,
            col(Deadline.department_code).is_not(None),
        )
        .group_by(col(Deadline.kind))
    )
    if department is not None:
        statement = statement.where(col(Deadline.department_code) == department)
    counts = dict(session.exec(statement).all())
    return {kind: counts[kind] for kind in STAFF_KINDS if counts.get(kind)}
