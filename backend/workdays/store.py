"""The calendar in the database: seed it, correct it, load it (cached briefly per process)."""

from __future__ import annotations

import threading
import time
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from backend.clock import Clock
from backend.workdays.calendar import WorkingCalendar
from backend.workdays.models import CalendarDay, CalendarOverride, CalendarYear
from backend.workdays.seed import package_exceptions, package_years


def seed_calendar(*, session: Session, clock: Clock) -> int:
    """Add what the chinesecalendar package knows and the database lacks; return the days added."""
    have_years = set(session.exec(select(col(CalendarYear.year))).all())
    new_years = sorted(package_years() - have_years)
    if not new_years:
        return 0
    wanted = set(new_years)
    have_days = set(session.exec(select(col(CalendarDay.day))).all())
    added = 0
    for day, (working, name) in sorted(package_exceptions().items()):
        if day.year in wanted and day not in have_days:
            session.add(CalendarDay(day=day, working=working, name=name[:100]))
            added += 1
    for year in new_years:
        session.add(CalendarYear(year=year, source="package", added_at=clock.now()))
    session.flush()
    return added


def load_calendar(*, session: Session) -> WorkingCalendar:
    """Return the calendar as the database has it: package days overlaid with overrides."""
    exceptions = {row.day: row.working for row in session.exec(select(CalendarDay)).all()}
    exceptions |= {row.day: row.working for row in session.exec(select(CalendarOverride)).all()}
    years = frozenset(session.exec(select(col(CalendarYear.year))).all())
    return WorkingCalendar(exceptions, years)


def set_override(
    *, session: Session, day: date, working: bool, reason: str, actor_name: str, clock: Clock
) -> CalendarOverride:
    """Record a coordinator's correction of one day, replacing an earlier one for that day."""
    row = session.get(CalendarOverride, day)
    if row is None:
        row = CalendarOverride(
            day=day, working=working, reason=reason, actor_name=actor_name, created_at=clock.now()
        )
    else:
        row.working, row.reason, row.actor_name = working, reason, actor_name
        row.created_at = clock.now()
    session.add(row)
    session.flush()
    return row


def remove_override(*, session: Session, day: date) -> bool:
    """Drop the correction of a day; return whether there was one."""
    result = session.execute(delete(CalendarOverride).where(CalendarOverride.day == day))  # type: ignore[arg-type]
    return bool(result.rowcount)  # type: ignore[attr-defined]


def confirm_year(*, session: Session, year: int, clock: Clock) -> None:
    """Mark a year as fully known once its holidays have been entered as overrides."""
    if session.get(CalendarYear, year) is None:
        session.add(CalendarYear(year=year, source="coordinator", added_at=clock.now()))
        session.flush()


class CalendarCache:
    """The calendar of this process, reloaded after a short time or when told it changed."""

    def __init__(self, ttl_seconds: float = 60.0) -> None:
        self._ttl = ttl_seconds
        self._lock = threading.Lock()
        self._calendar: WorkingCalendar | None = None
        self._loaded_at = 0.0

    def get(self, session: Session) -> WorkingCalendar:
        """Return the calendar, loading it when stale."""
        with self._lock:
            fresh = time.monotonic() - self._loaded_at < self._ttl
            if self._calendar is not None and fresh:
                return self._calendar
        calendar = load_calendar(session=session)
        with self._lock:
            self._calendar, self._loaded_at = calendar, time.monotonic()
        return calendar

    def invalidate(self) -> None:
        """Forget the calendar so the next use loads it again."""
        with self._lock:
            self._calendar = None
