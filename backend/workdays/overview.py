"""What a coordinator sees of the calendar: the corrections, the years known and not yet.

The console's calendar page and `intake calendar` read the same rows through these; changes
go through `backend.workdays.changes` (which recomputes the open due dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from backend.bounds import FIRST_DAY, LAST_DAY
from backend.errors import ValidationFailed
from backend.workdays.estimate import statutory_days
from backend.workdays.models import CalendarOverride, CalendarYear
from backend.workdays.store import overrides_in

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
AHEAD = 1  # years after the current one shown as provisional (the notice comes in autumn)


@dataclass(frozen=True)
class ProvisionalYear:
    """A year whose holidays are not confirmed: due dates in it are estimates (provisional).

    `missing` lists the statutory holidays on weekdays not yet entered as days off; the year
    can be confirmed once it is empty (`changes.confirm_year`).
    """

    year: int
    missing: tuple[date, ...]


def read_day(raw: str) -> date:
    """Parse a day typed as YYYY-MM-DD within the counted days; refuse anything else clearly."""
    text = (raw or "").strip()
    if not text:  # an empty field: asked for, not called a malformed date "-"
        raise ValidationFailed("day_required", field="day")
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed("date_invalid", field="day", value=text[:40]) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        first, last = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
        raise ValidationFailed("day_out_of_range", field="day", first=first, last=last)
    return day


def list_overrides(*, session: Session) -> list[CalendarOverride]:
    """Return the coordinators' corrections of single days, by date."""
    return list(session.exec(select(CalendarOverride).order_by(col(CalendarOverride.day))).all())


def known_years(*, session: Session) -> list[CalendarYear]:
    """Return the years whose days are fully known (from the package or confirmed), by year."""
    return list(session.exec(select(CalendarYear).order_by(col(CalendarYear.year))).all())


def provisional_years(*, session: Session, today: date) -> list[ProvisionalYear]:
    """Return this year and the next one when not known yet, each with what it still lacks."""
    known = {row.year for row in known_years(session=session)}
    found = []
    for year in range(today.year, today.year + AHEAD + 1):
        if year in known:
            continue
        found.append(ProvisionalYear(year, missing_holidays(session=session, year=year)))
    return found


def missing_holidays(*, session: Session, year: int) -> tuple[date, ...]:
    """Return the statutory holidays of a year on weekdays not entered as days off, by date."""
    entered = overrides_in(session=session, year=year)
    statutory = {d for d in statutory_days(year) if d.weekday() < 5}
    return tuple(sorted(d for d in statutory if entered.get(d) is not False))
