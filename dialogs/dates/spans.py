"""Days and spans of the calendar that the readers of `dialogs.dates` build answers from."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

EARLIEST_YEAR = 1900
_YEAR_PARTS = {
    "": (1, 12),
    "初": (1, 1),
    "中": (6, 7),
    "底": (12, 12),
    "末": (12, 12),
    "上半年": (1, 6),
    "下半年": (7, 12),
}


@dataclass(frozen=True)
class DaySpan:
    """The days a typed date can mean: one day, or a span from `first` to `last`."""

    first: date
    last: date

    @property
    def exact(self) -> bool:
        """Return whether the span is a single day."""
        return self.first == self.last

    def until(self, today: date) -> DaySpan:
        """Return the span cut at today (a span that began before today ends there)."""
        return DaySpan(self.first, max(self.first, min(self.last, today)))


Maker = Callable[[int, int], DaySpan | None]


def day(year: int, month: int, number: int) -> DaySpan | None:
    """Return one day, or None when the calendar has no such day (2026-02-30)."""
    try:
        found = date(year, month, number)
    except ValueError:
        return None
    return DaySpan(found, found)


def days_ago(today: date, count: int) -> DaySpan:
    """Return the day `count` days before today (after it when negative)."""
    found = today - timedelta(days=count)
    return DaySpan(found, found)


def month(year: int, number: int) -> DaySpan | None:
    """Return a whole month, or None for a month or year out of range."""
    if not 1 <= number <= 12 or not EARLIEST_YEAR <= year <= 9999:
        return None
    last = calendar.monthrange(year, number)[1]
    return DaySpan(date(year, number, 1), date(year, number, last))


def within_month(year: int, number: int, on: str | None, part: str | None) -> DaySpan | None:
    """Return a day of a month (`on`), a part of it (初, 中, 底, 上旬, ...) or all of it."""
    if on is not None:
        return day(year, number, int(on))
    span = month(year, number)
    if span is None or part is None:
        return span
    if part in ("初", "上旬"):
        return DaySpan(span.first, span.first.replace(day=10))
    if part in ("中", "中旬"):
        return DaySpan(span.first.replace(day=11), span.first.replace(day=20))
    return DaySpan(span.first.replace(day=21), span.last)


def year(number: int, part: str = "") -> DaySpan | None:
    """Return a year, or a part of it (初, 中, 底, 末, 上半年, 下半年); None for other words."""
    months = _YEAR_PARTS.get(part)
    if months is None:
        return None
    first, last = month(number, months[0]), month(number, months[1])
    return DaySpan(first.first, last.last) if first and last else None


def latest(today: date, make: Maker, *, by_month: bool = False) -> DaySpan | None:
    """Return the latest span `make(year, month)` gives that has begun by today.

    By year (3月初, 12月25日, 2月29日: up to eight years back), or by month (15号).
    """
    if by_month:
        steps = [months_back(today, back) for back in range(12)]
    else:
        steps = [(today.year - back, 0) for back in range(9)]
    for year_number, month_number in steps:
        span = make(year_number, month_number)
        if span is not None and span.first <= today:
            return span
    return None


def months_back(today: date, count: int) -> tuple[int, int]:
    """Return (year, month) `count` months before today's (after it when negative)."""
    index = today.year * 12 + today.month - 1 - count
    return index // 12, index % 12 + 1


def week(today: date, back: int, weekday: int | None = None) -> DaySpan:
    """Return the week (Monday-Sunday) `back` weeks before today's, or one day of it (1-7).

    Weekday 0 is its weekend (Saturday and Sunday).
    """
    monday = today - timedelta(days=today.weekday(), weeks=back)
    if weekday is None:
        return DaySpan(monday, monday + timedelta(days=6))
    if weekday == 0:
        return DaySpan(monday + timedelta(days=5), monday + timedelta(days=6))
    return days_ago(monday, 1 - weekday)


def latest_weekend(today: date) -> DaySpan:
    """Return the weekend that began last: this one on a Saturday or Sunday, else last week's."""
    return week(today, 0 if today.weekday() >= 5 else 1, 0)


def latest_weekday(today: date, weekday: int, *, before: bool) -> DaySpan:
    """Return the latest Monday (1) ... Sunday (7) up to today, or before today."""
    back = (today.weekday() - (weekday - 1)) % 7
    if back == 0 and before:
        back = 7
    return days_ago(today, back)
