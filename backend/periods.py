"""Days, periods and buckets in the district's time zone, as UTC ranges on stored timestamps.

Times are stored in UTC; every day, week, month and period is a Tianjin one. A period of
local dates becomes a half-open UTC range [since, until) compared with indexed timestamp
columns, never `date(column)`: 07:10 on 1 December in Tianjin is 23:10 on 30 November in UTC
and belongs to December.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Grouping(StrEnum):
    """How a period is cut into buckets: Tianjin days, ISO weeks (Monday first) or months."""

    day = "day"
    week = "week"
    month = "month"


@dataclass(frozen=True)
class Period:
    """The local dates `start` to `end` (both included) and the UTC range [since, until)."""

    start: date
    end: date
    since: datetime
    until: datetime
    label: str = ""

    def contains(self, moment: datetime) -> bool:
        """Return whether a moment falls in the period."""
        return self.since <= moment < self.until


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """Return the date in the zone of an aware moment (its Tianjin day)."""
    return moment.astimezone(zone).date()


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """Return the aware moment a local day begins (midnight in the zone)."""
    return datetime.combine(day, time(0), zone)


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Return [since, until) of one local day."""
    return day_start(day, zone), day_start(day + timedelta(days=1), zone)


def period(start: date, end: date, zone: ZoneInfo, label: str = "") -> Period:
    """Return the period of local dates `start` to `end`, both included."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return Period(
        start, end, day_start(start, zone), day_start(end + timedelta(days=1), zone), label
    )


def bucket_start(day: date, grouping: Grouping) -> date:
    """Return the first day of the bucket a local date is in (the day, its Monday, the 1st)."""
    if grouping is Grouping.week:
        return day - timedelta(days=day.weekday())
    if grouping is Grouping.month:
        return day.replace(day=1)
    return day


def bucket_of(moment: datetime, grouping: Grouping, zone: ZoneInfo) -> date:
    """Return the first day of the Tianjin day, week or month a moment falls in."""
    return bucket_start(local_day(moment, zone), grouping)


def buckets(whole: Period, grouping: Grouping, zone: ZoneInfo) -> list[Period]:
    """Cut a period into its days, ISO weeks or months, the first and last clipped to it."""
    found = []
    first = bucket_start(whole.start, grouping)
    while first <= whole.end:
        following = _next_start(first, grouping)
        start, end = max(first, whole.start), min(following - timedelta(days=1), whole.end)
        found.append(period(start, end, zone, _label(first, grouping)))
        first = following
    return found


def _next_start(first: date, grouping: Grouping) -> date:
    if grouping is Grouping.week:
        return first + timedelta(days=7)
    if grouping is Grouping.month:
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first + timedelta(days=1)


def _label(first: date, grouping: Grouping) -> str:
    if grouping is Grouping.week:
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if grouping is Grouping.month:
        return f"{first:%Y-%m}"
    return first.isoformat()
