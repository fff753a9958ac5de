"""What the chinesecalendar package knows: holidays and make-up working days per year."""

from __future__ import annotations

from datetime import date

import chinese_calendar

from backend.workdays.calendar import WorkingCalendar


def package_exceptions() -> dict[date, tuple[bool, str]]:
    """Return the days the package marks differently from Monday-to-Friday, with their names."""
    days: dict[date, tuple[bool, str]] = {}
    for day, name in chinese_calendar.holidays.items():
        if day.weekday() < 5:
            days[day] = (False, str(name or "holiday"))
    for day, name in chinese_calendar.workdays.items():
        if day.weekday() >= 5:
            days[day] = (True, f"make-up working day ({name})" if name else "make-up working day")
    return days


def package_years() -> frozenset[int]:
    """Return the years the package covers completely."""
    known = {d.year for d in chinese_calendar.holidays}
    return frozenset(range(min(known), max(known) + 1))


def package_calendar() -> WorkingCalendar:
    """Return a calendar built from the package alone (no coordinator overrides)."""
    exceptions = {day: working for day, (working, _) in package_exceptions().items()}
    return WorkingCalendar(exceptions, package_years())
