"""Every change of the calendar, each followed by the recomputation of the open due dates.

A coordinator's correction of a day, a coordinator confirming a year, and the start-up sync
(a newer `chinesecalendar` release, a new version of the estimate) all take the calendar's
lock, change the rows, bump the revision and hand the change to `move_clocks`.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from backend.actors import SYSTEM, Actor
from backend.cases.text import visible_text
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.moves import CalendarChange, move_clocks
from backend.errors import ValidationFailed
from backend.storable import is_storable
from backend.workdays.estimate import estimate_label
from backend.workdays.models import MAX_REASON
from backend.workdays.overview import missing_holidays
from backend.workdays.seed import PublishedCalendar
from backend.workdays.store import (
    add_known_year,
    bump_revision,
    load_calendar,
    lock_state,
    remove_override,
    set_override,
    sync_published,
)


def change_day(
    *,
    session: Session,
    keeper: DeadlineKeeper,
    day: date,
    working: bool | None,
    reason: str,
    actor: Actor,
) -> int:
    """Make a day a working day (True), a day off (False) or as published (None).

    Open due dates whose period covers the day are recomputed; each move is a case event.
    Returns how many due dates moved. Raises ValidationFailed for a correction without a
    reason, a reason longer than MAX_REASON characters or one the database cannot store.
    """
    reason = reason.strip()
    if working is not None and not visible_text(reason):
        raise ValidationFailed("reason_required", field="reason")
    if len(reason) > MAX_REASON:  # the API, the console and `intake calendar set` alike
        raise ValidationFailed("reason_too_long", field="reason", max=MAX_REASON)
    if not is_storable(reason):  # PostgreSQL cannot keep a NUL: refused on every database
        raise ValidationFailed("unstorable_form_text", field="reason")
    state = lock_state(session=session)
    if working is None:
        remove_override(session=session, day=day)
        cause = f"{day} as published"
    else:
        set_override(
            session=session,
            day=day,
            working=working,
            reason=reason,
            actor_name=actor.name,
            clock=keeper.clock,
        )
        cause = f"{day} {'a working day' if working else 'a day off'}: {reason}"
    bump_revision(session=session, state=state, clock=keeper.clock)
    return move_clocks(
        session=session,
        keeper=keeper,
        calendar=load_calendar(session=session),
        change=CalendarChange(day, day, cause),
        actor=actor,
    )


def confirm_year(*, session: Session, keeper: DeadlineKeeper, year: int, actor: Actor) -> int:
    """Declare a year's days complete once its notice is entered; return the clocks moved.

    Refused while a statutory holiday of the year on a weekday is not entered as a day off
    (the year would otherwise lose the estimate and gain nothing). A year already known
    changes nothing.
    """
    state = lock_state(session=session)
    if year in load_calendar(session=session).known_years:
        return 0
    missing = missing_holidays(session=session, year=year)
    if missing:
        days = ", ".join(d.isoformat() for d in missing)
        raise ValidationFailed("year_incomplete", field="year", year=year, days=days)
    add_known_year(session=session, year=year, clock=keeper.clock)
    bump_revision(session=session, state=state, clock=keeper.clock)
    return move_clocks(
        session=session,
        keeper=keeper,
        calendar=load_calendar(session=session),
        change=CalendarChange(date(year, 1, 1), date(year, 12, 31), f"{year} confirmed"),
        actor=actor,
    )


def sync_calendar(*, session: Session, keeper: DeadlineKeeper, source: PublishedCalendar) -> int:
    """Take in what the published calendar and the estimate say now (at start-up).

    A newer `chinesecalendar` release adds a year or corrects days; a new estimate changes
    the days of unpublished years. Either moves the open clocks it reaches; returns how many.
    """
    state = lock_state(session=session)
    published = sync_published(session=session, source=source, clock=keeper.clock)
    spans: list[tuple[date, date]] = []
    causes: list[str] = []
    if published.new_years:
        spans += [(date(y, 1, 1), date(y, 12, 31)) for y in published.new_years]
        causes.append(f"published calendar now covers {_years(published.new_years)}")
    if published.days:
        spans.append((min(published.days), max(published.days)))
        causes.append(f"published calendar corrected {len(published.days)} day(s)")
    label = estimate_label()
    if state.estimate != label:
        spans.append((date.min, date.max))
        causes.append(f"estimate of unpublished years is now {label}")
        state.estimate = label
    if not spans:
        return 0
    bump_revision(session=session, state=state, clock=keeper.clock)
    change = CalendarChange(
        min(first for first, _ in spans), max(last for _, last in spans), "; ".join(causes)
    )
    return move_clocks(
        session=session,
        keeper=keeper,
        calendar=load_calendar(session=session),
        change=change,
        actor=SYSTEM,
    )


def _years(years: frozenset[int]) -> str:
    ordered = sorted(years)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)
