"""The on-duty roster (值班表): add and remove coordinators for days, and say who is on duty.

Rule (policy.yaml `urgent.duty_day_starts`, 08:30 by default): a duty day is a Tianjin date
and the night after it, from that hour to the same hour of the next date; an urgent case at
02:00 on Tuesday goes to Monday's coordinator. Only active coordinators are rostered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlmodel import Session, col, select

from backend.clock import Clock
from backend.deadlines.policy import Urgent
from backend.duty.models import DutyShift
from backend.errors import ValidationFailed
from backend.people.models import Role, StaffAccount

MAX_DAYS = 92  # days one change may cover (a quarter)


@dataclass(frozen=True)
class DutyRow:
    """One coordinator on duty for one day, as lists show it."""

    day: date
    login: str
    name: str
    staff_id: int


def duty_day(moment: datetime, *, zone: ZoneInfo, starts: time) -> date:
    """Return the duty day a moment belongs to: its Tianjin date, the day before it before
    `starts` (a night shift belongs to the day it starts)."""
    local = moment.astimezone(zone)
    return local.date() - timedelta(days=1) if local.time() < starts else local.date()


def days_of(first: date, last: date | None) -> list[date]:
    """Return the days from `first` to `last` (both included; `first` alone when None).

    Refuses (ValidationFailed) a range that ends before it starts or is longer than MAX_DAYS.
    """
    last = first if last is None else last
    if last < first:
        raise ValidationFailed(
            "duty_range_reversed", field="to", first=first.isoformat(), last=last.isoformat()
        )
    count = (last - first).days + 1
    if count > MAX_DAYS:
        raise ValidationFailed("duty_range_too_long", field="to", max=MAX_DAYS)
    return [first + timedelta(days=n) for n in range(count)]


def rosterable(*, session: Session, login: str) -> StaffAccount:
    """Return the active coordinator with this login (typed in any case), or refuse it."""
    wanted = (login or "").strip().lower()
    if not wanted:
        raise ValidationFailed("duty_login_required", field="login")
    account = session.exec(select(StaffAccount).where(StaffAccount.login == wanted)).first()
    if account is None or not account.active or account.role != Role.coordinator.value:
        raise ValidationFailed("duty_unknown_login", field="login", value=wanted[:64])
    return account


def rosterable_accounts(*, session: Session) -> list[StaffAccount]:
    """Return the active coordinators who have a login, by login (whom a roster may name)."""
    return list(
        session.exec(
            select(StaffAccount)
            .where(
                StaffAccount.role == Role.coordinator.value,
                col(StaffAccount.active).is_(True),
                col(StaffAccount.login).is_not(None),
            )
            .order_by(col(StaffAccount.login))
        ).all()
    )


def add_duty(
    *,
    session: Session,
    login: str,
    first: date,
    last: date | None = None,
    clock: Clock,
    by_staff_id: int | None = None,
) -> list[date]:
    """Put a coordinator on duty for each day from `first` to `last`; return the days added
    (days already rostered stay as they were). Refuses an unknown login or a bad range."""
    days = days_of(first, last)
    account = rosterable(session=session, login=login)
    taken = set(
        session.exec(
            select(col(DutyShift.day)).where(
                DutyShift.staff_id == account.id, col(DutyShift.day).in_(days)
            )
        ).all()
    )
    added = [day for day in days if day not in taken]
    now = clock.now()
    for day in added:
        assert account.id is not None
        session.add(DutyShift(day=day, staff_id=account.id, added_by=by_staff_id, created_at=now))
    session.flush()
    return added


def remove_duty(*, session: Session, login: str, first: date, last: date | None = None) -> int:
    """Take a coordinator off duty for each day from `first` to `last`; return the shifts
    removed. Refuses a login no account has, or a bad range."""
    days = days_of(first, last)
    wanted = (login or "").strip().lower()
    if not wanted:
        raise ValidationFailed("duty_login_required", field="login")
    account = session.exec(select(StaffAccount).where(StaffAccount.login == wanted)).first()
    if account is None:
        raise ValidationFailed("duty_unknown_login", field="login", value=wanted[:64])
    removed = session.exec(
        delete(DutyShift).where(
            col(DutyShift.staff_id) == account.id, col(DutyShift.day).in_(days)
        )
    )
    session.flush()
    return int(removed.rowcount or 0)


def list_duty(*, session: Session, first: date, last: date) -> list[DutyRow]:
    """Return the active coordinators on duty from `first` to `last`, by day then login."""
    rows = session.exec(
        select(
            col(DutyShift.day),
            col(StaffAccount.login),
            col(StaffAccount.name),
            col(StaffAccount.id),
        )
        .join(StaffAccount, col(StaffAccount.id) == col(DutyShift.staff_id))
        .where(
            col(DutyShift.day) >= first,
            col(DutyShift.day) <= last,
            col(StaffAccount.active).is_(True),
            StaffAccount.role == Role.coordinator.value,
        )
        .order_by(col(DutyShift.day), col(StaffAccount.login))
    ).all()
    return [DutyRow(day, login or "", name, staff_id or 0) for day, login, name, staff_id in rows]


def rostered_ids(*, session: Session, day: date) -> list[int]:
    """Return the ids of the active coordinators on duty on a duty day."""
    return [row.staff_id for row in list_duty(session=session, first=day, last=day)]


def uncovered(rows: Sequence[DutyRow], first: date, last: date) -> list[date]:
    """Return the days from `first` to `last` that nobody is on duty for."""
    covered = {row.day for row in rows}
    count = (last - first).days + 1
    return [d for d in (first + timedelta(days=n) for n in range(count)) if d not in covered]


@dataclass(frozen=True)
class DutyGap:
    """A duty day nobody is rostered for, and who is told of urgent cases instead."""

    day: date
    fallback: str  # "policy": the policy's urgent.on_duty logins; "everyone": every coordinator


def duty_gap(*, session: Session, now: datetime, zone: ZoneInfo, urgent: Urgent) -> DutyGap | None:
    """Return the current duty day (tonight) when nobody is rostered for it, else None."""
    day = duty_day(now, zone=zone, starts=urgent.duty_day_starts)
    if rostered_ids(session=session, day=day):
        return None
    return DutyGap(day, "policy" if urgent.on_duty else "everyone")
