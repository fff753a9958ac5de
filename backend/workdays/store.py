"""The calendar in the database: published days, corrections, known years, its revision."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from backend.bulk import table_of
from backend.clock import Clock
from backend.driver import fetch_all
from backend.workdays.calendar import WorkingCalendar
from backend.workdays.models import CalendarDay, CalendarOverride, CalendarState, CalendarYear
from backend.workdays.seed import PublishedCalendar


@dataclass(frozen=True)
class PublishedChange:
    """What syncing with the published calendar changed: days, and years newly known."""

    days: frozenset[date]
    new_years: frozenset[int]


def lock_state(*, session: Session) -> CalendarState:
    """Return the calendar's state row, locked to this transaction: calendar changes queue.

    On SQLite every write transaction holds the database's lock from its start already.
    """
    statement = select(CalendarState).where(CalendarState.id == 1)
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        statement = statement.with_for_update()
    row = session.exec(statement).first()
    if row is None:  # a database whose row was removed by hand: put it back
        insert = pg_insert if postgres else sqlite_insert
        session.connection().execute(
            insert(CalendarState)
            .values(id=1, revision=0, settled=0, estimate="")
            .on_conflict_do_nothing()
        )
        row = session.exec(statement).one()
    return row


def bump_revision(*, session: Session, state: CalendarState, clock: Clock) -> int:
    """Mark the calendar changed; return its new revision."""
    state.revision += 1
    state.changed_at = clock.now()
    session.add(state)
    session.flush()
    return state.revision


def unsettled(*, session: Session) -> bool:
    """Tell whether clocks set during a recent change may still need catching up."""
    row = session.exec(
        select(col(CalendarState.revision), col(CalendarState.settled)).where(
            CalendarState.id == 1
        )
    ).first()
    return row is not None and row[1] < row[0]


# Built once: every clock opened reads it (CalendarCache.get); a plain row through the
# session's connection, without the ORM's statement handling (a third of the cost).
_STATE = table_of(CalendarState)
_REVISION = select(_STATE.c.revision).where(_STATE.c.id == bindparam("id"))


def current_revision(*, session: Session) -> int:
    """Return the calendar's revision as committed (0 before the first change)."""
    rows = fetch_all(session.connection(), _REVISION, {"id": 1})  # by the driver
    return (rows[0][0] if rows else 0) or 0


def sync_published(
    *, session: Session, source: PublishedCalendar, clock: Clock
) -> PublishedChange:
    """Make the stored published days match the source for every year it covers.

    Adds what a newer release knows (a new year, a corrected day) and removes what it no
    longer marks; returns the days whose answer changed and the years newly known.
    """
    years = source.years()
    wanted = {day: v for day, v in source.exceptions().items() if day.year in years}
    have = {row.day: row for row in session.exec(select(CalendarDay)).all()}
    changed: set[date] = set()
    for day, (working, name) in sorted(wanted.items()):
        row = have.get(day)
        if row is None:
            session.add(CalendarDay(day=day, working=working, name=name[:100]))
            changed.add(day)
        elif row.working != working or row.name != name[:100]:
            if row.working != working:
                changed.add(day)
            row.working, row.name = working, name[:100]
            session.add(row)
    for day, row in have.items():
        if day.year in years and day not in wanted:
            session.delete(row)
            changed.add(day)
    have_years = set(session.exec(select(col(CalendarYear.year))).all())
    new_years = frozenset(years - have_years)
    for year in sorted(new_years):
        session.add(CalendarYear(year=year, source="package", added_at=clock.now()))
    session.flush()
    return PublishedChange(frozenset(changed), new_years)


def load_calendar(*, session: Session) -> WorkingCalendar:
    """Return the calendar as the database has it: published days overlaid with corrections."""
    revision = current_revision(session=session)  # first: rows read later are never older
    exceptions = {row.day: row.working for row in session.exec(select(CalendarDay)).all()}
    exceptions |= {row.day: row.working for row in session.exec(select(CalendarOverride)).all()}
    years = frozenset(session.exec(select(col(CalendarYear.year))).all())
    return WorkingCalendar(exceptions, years, revision)


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


def overrides_in(*, session: Session, year: int) -> dict[date, bool]:
    """Return the coordinators' corrections of one year."""
    rows = session.exec(
        select(CalendarOverride).where(
            col(CalendarOverride.day) >= date(year, 1, 1),
            col(CalendarOverride.day) <= date(year, 12, 31),
        )
    ).all()
    return {row.day: row.working for row in rows}


def add_known_year(*, session: Session, year: int, clock: Clock) -> bool:
    """Mark a year as fully known (confirmed by a coordinator); return whether it was new."""
    if session.get(CalendarYear, year) is not None:
        return False
    session.add(CalendarYear(year=year, source="coordinator", added_at=clock.now()))
    session.flush()
    return True


class CalendarCache:
    """The calendar of this process, reloaded whenever the database's revision moved."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calendar: WorkingCalendar | None = None

    def get(self, session: Session) -> WorkingCalendar:
        """Return the calendar, loading it when another process (or this one) changed it."""
        revision = current_revision(session=session)
        with self._lock:
            if self._calendar is not None and self._calendar.revision == revision:
                return self._calendar
        calendar = load_calendar(session=session)
        with self._lock:
            self._calendar = calendar
        return calendar

    def invalidate(self) -> None:
        """Forget the calendar so the next use loads it again."""
        with self._lock:
            self._calendar = None
