"""Chinese working days: weekends, public holidays and make-up working days (调休)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from backend.workdays.estimate import estimated_days_off

MAX_SPAN = 3660  # days: no period of the system is longer than ten years


@dataclass(frozen=True)
class WorkingDay:
    """The answer for one day: working or not, and whether that is a provisional guess."""

    working: bool
    provisional: bool


@dataclass(frozen=True)
class DueDate:
    """The last day of a period and whether it was counted over days not yet announced."""

    day: date
    provisional: bool


@dataclass(frozen=True)
class WorkingCalendar:
    """The calendar: days that differ from Monday-to-Friday, and the years fully known.

    `exceptions` maps a day to True (a make-up working day or a working day added by a
    coordinator) or False (a holiday or an emergency closure). In a known year every other
    weekday works. In a year not known yet a day listed in `exceptions` is as listed (a
    coordinator said so); every other day is estimated from the statutory holidays
    (`backend.workdays.estimate`) and the answer is provisional. `revision` names the
    database's calendar this was loaded from (0: not from the database).
    """

    exceptions: Mapping[date, bool] = field(default_factory=dict)
    known_years: frozenset[int] = frozenset()
    revision: int = 0

    def day(self, day: date) -> WorkingDay:
        """Tell whether a day is a working day, and whether the answer is provisional."""
        override = self.exceptions.get(day)
        if override is not None:
            return WorkingDay(override, False)
        if day.year in self.known_years:
            return WorkingDay(day.weekday() < 5, False)
        return WorkingDay(day.weekday() < 5 and day not in estimated_days_off(day.year), True)

    def is_working_day(self, day: date) -> bool:
        """Return whether the day is a working day (provisionally so beyond the known years)."""
        return self.day(day).working

    def add_working_days(self, start: date, count: int) -> DueDate:
        """Return the end of `count` working days after `start` (the start day does not count)."""
        if count < 0:
            raise ValueError("count must not be negative")
        # Zero days ends on `start` itself: a clock due the day it starts (triage's dispatch)
        # names a day that is a working day only provisionally beyond the known years.
        current, provisional, left = start, count == 0 and self.day(start).provisional, count
        for _ in range(MAX_SPAN):
            if left == 0:
                return DueDate(current, provisional)
            current += timedelta(days=1)
            answer = self.day(current)
            provisional = provisional or answer.provisional
            if answer.working:
                left -= 1
        raise ValueError(f"{count} working days after {start} is beyond the calendar's reach")

    def add_natural_days(self, start: date, count: int) -> DueDate:
        """Return the end of `count` calendar days after `start` (natural days, 自然日)."""
        return DueDate(start + timedelta(days=count), False)

    def working_days_between(self, first: date, last: date) -> int:
        """Count the working days after `first` up to and including `last`."""
        count, current = 0, first
        while current < last:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count

    def next_working_day(self, day: date) -> date:
        """Return the first working day after `day`."""
        return self.add_working_days(day, 1).day

    def working_day_on_or_after(self, day: date) -> date:
        """Return `day` itself when it is a working day, else the next one."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def subtract_working_days(self, end: date, count: int) -> date:
        """Return the working day that lies `count` working days before `end`."""
        current, left = end, count
        for _ in range(MAX_SPAN):
            if left == 0:
                return current
            current -= timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        raise ValueError(f"{count} working days before {end} is beyond the calendar's reach")
