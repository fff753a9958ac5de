"""Office hours: staff are disturbed only on working days between the opening times."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from backend.deadlines.policy import Policy
from backend.workdays.calendar import WorkingCalendar


def in_office_hours(
    now: datetime, *, policy: Policy, calendar: WorkingCalendar, zone: ZoneInfo
) -> bool:
    """Return whether `now` falls within office hours on a working day in the zone."""
    local = now.astimezone(zone)
    hours = policy.office_hours
    return calendar.is_working_day(local.date()) and hours.start <= local.time() < hours.end
