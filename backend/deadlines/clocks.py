"""Due dates and reminder stages of a clock, computed from the policy and the calendar."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import cast
from zoneinfo import ZoneInfo

from backend.deadlines.models import ClockKind, Deadline
from backend.deadlines.policy import Policy
from backend.workdays.calendar import DueDate, WorkingCalendar


@dataclass(frozen=True)
class Stage:
    """One moment at which the sweep acts on a clock."""

    name: str  # before_2, before_1, due_today, overdue, escalate, ask, close_unrated
    at: datetime
    group: str  # remind (only the latest of a catch-up is sent) | escalate | ask | close


STAFF_CLOCKS = {
    ClockKind.sign,
    ClockKind.resolve,
    ClockKind.rectify,
    # A record's clocks: a draft's report, and the lead office's objection and repair ones.
    ClockKind.report,
    ClockKind.objection,
    ClockKind.repair_accept,
    ClockKind.repair_decide,
    ClockKind.supervise,  # 督办
}


def due_of(*, started_on: date, days: int, unit: str, calendar: WorkingCalendar) -> DueDate:
    """Return the last day of a clock of `days` working or natural days after `started_on`."""
    if unit == "natural":
        return calendar.add_natural_days(started_on, days)
    return calendar.add_working_days(started_on, days)


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """Return the moment a day ends in the zone (the period runs to the end of its last day)."""
    return datetime.combine(day + timedelta(days=1), time(0), zone)


def apply_due(deadline: Deadline, calendar: WorkingCalendar, zone: ZoneInfo) -> None:
    """Recompute a clock's due date from its start, length, extensions and pauses."""
    if deadline.unit == "minutes":  # an urgent case's sign-for limit runs day and night
        deadline.due_at = deadline.created_at + timedelta(minutes=deadline.days)
        deadline.due_date, deadline.provisional = deadline.due_at.astimezone(zone).date(), False
        deadline.calendar_revision = calendar.revision
        return
    total = deadline.days + deadline.extension_days + deadline.paused_days
    due = due_of(started_on=deadline.started_on, days=total, unit=deadline.unit, calendar=calendar)
    deadline.due_date, deadline.provisional = due.day, due.provisional
    deadline.due_at = end_of_day(due.day, zone)
    deadline.calendar_revision = calendar.revision


def plan(
    deadline: Deadline, policy: Policy, calendar: WorkingCalendar, zone: ZoneInfo
) -> list[Stage]:
    """Return the stages of a clock in time order."""

    def opening(day: date) -> datetime:
        return datetime.combine(day, policy.office_hours.start, zone)

    due = deadline.due_date
    last_working = due if calendar.is_working_day(due) else calendar.subtract_working_days(due, 1)
    if deadline.kind == ClockKind.follow_up:
        return [
            Stage("ask", opening(last_working), "ask"),
            Stage(
                "close_unrated",
                opening(calendar.add_working_days(due, policy.follow_up.close_unrated_after).day),
                "close",
            ),
        ]
    if deadline.kind == ClockKind.urgent_sign:
        return [Stage("urgent_unsigned", deadline.due_at, "escalate")]
    if deadline.kind == ClockKind.dispatch:
        reminder = datetime.combine(due, policy.handoff.dispatch_reminder, zone)
        overdue = opening(calendar.next_working_day(due))
        return [Stage("dispatch_today", reminder, "remind"), Stage("overdue", overdue, "remind")]
    if deadline.kind not in STAFF_CLOCKS:
        return []
    reminders = policy.reminders
    stages = [
        Stage(f"before_{n}", opening(calendar.subtract_working_days(last_working, n)), "remind")
        for n in sorted(set(reminders.before_due), reverse=True)
        if n > 0
    ]
    if reminders.on_due_day:
        stages.append(Stage("due_today", opening(last_working), "remind"))
    if reminders.overdue_notice:
        stages.append(Stage("overdue", opening(calendar.next_working_day(due)), "remind"))
    escalate_on = calendar.add_working_days(due, reminders.escalate_after).day
    stages.append(Stage("escalate", opening(escalate_on), "escalate"))
    return sorted(stages, key=lambda s: s.at)


def schedule_from(deadline: Deadline, stages: list[Stage], now: datetime) -> None:
    """Point a clock at its first stage still to come after `now` (None when none is left)."""
    upcoming = [i for i, s in enumerate(stages) if s.at > now]
    deadline.next_stage = upcoming[0] if upcoming else len(stages)
    deadline.next_action_at = stages[upcoming[0]].at if upcoming else None


def due_stages(deadline: Deadline, stages: list[Stage], now: datetime) -> list[Stage]:
    """Return the stages a sweep at `now` acts on: a catch-up sends only the latest reminder."""
    reached = [s for s in stages[deadline.next_stage :] if s.at <= now]
    reminders = [s for s in reached if s.group == "remind"]
    latest_reminder = reminders[-1:] if reminders else []
    return latest_reminder + [s for s in reached if s.group != "remind"]


@dataclass(frozen=True)
class Schedule:
    """What a clock's kind, start and length give on one calendar: its due day and stages."""

    due: DueDate
    due_at: datetime  # the end of the due day in the district's zone
    stages: tuple[Stage, ...]


class Schedules:
    """The schedules worked out on one calendar, kept for the next clock of the same shape.

    Every new case starts a sign and a resolve clock today with the policy's lengths: the
    same due day and stages, worked out afresh each time cost about 50 us a clock (issue 13,
    item 3). Kept per calendar object (a changed calendar is a new object, whose schedules
    start empty: `DeadlineKeeper.env_with`), for the policy and zone given, at most
    `MAX_KEPT` (all forgotten at once beyond that). A clock counted in minutes runs from its
    creation, not from a day: it is never kept (`apply_due` works it out).
    """

    MAX_KEPT = 512

    def __init__(self, calendar: WorkingCalendar, policy: Policy, zone: ZoneInfo) -> None:
        self.calendar, self.policy, self.zone = calendar, policy, zone
        self._kept: dict[tuple[str, str, int, date], Schedule] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def of(self, *, kind: str, unit: str, days: int, started_on: date) -> Schedule:
        """Return the schedule of a clock of `days` (working or natural: `unit`) from a day.

        Raises ValueError for a clock in minutes, and as `WorkingCalendar` does for a span
        beyond the calendar's reach.
        """
        if unit == "minutes":
            raise ValueError("a clock in minutes runs from its creation: it has no kept schedule")
        key = (str(kind), unit, days, started_on)
        kept = self._kept.get(key)
        if kept is not None:
            return kept
        due = due_of(started_on=started_on, days=days, unit=unit, calendar=self.calendar)
        due_at = end_of_day(due.day, self.zone)
        shape = SimpleNamespace(kind=str(kind), due_date=due.day, due_at=due_at)
        stages = plan(cast(Deadline, shape), self.policy, self.calendar, self.zone)
        schedule = Schedule(due, due_at, tuple(stages))
        with self._lock:
            if len(self._kept) >= self.MAX_KEPT:
                self._kept.clear()
            self._kept[key] = schedule
        return schedule
