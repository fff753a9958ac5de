"""What the chinesecalendar package knows: holidays and make-up working days per year."""

from __future__ import annotations

from datetime import date
from typing import Protocol

import chinese_calendar

from backend.workdays.calendar import WorkingCalendar


class PublishedCalendar(Protocol):
    """A source of published years: the days unlike Monday-to-Friday, and the years covered."""

    def exceptions(self) -> dict[date, tuple[bool, str]]:
        """Return each day that differs from Monday-to-Friday: (working, name)."""
        ...

    def years(self) -> frozenset[int]:
        """Return the years covered completely."""
        ...


class ChineseCalendarPackage:
    """The installed `chinesecalendar` package (its releases add the years as announced)."""

    def exceptions(self) -> dict[date, tuple[bool, str]]:
        """Return the days the package marks differently from Monday-to-Friday, with names."""
        return package_exceptions()

    def years(self) -> frozenset[int]:
        """Return the years the package covers completely."""
        return package_years()


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
