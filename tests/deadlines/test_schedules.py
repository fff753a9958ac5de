"""Kept schedules: a clock planned from a schedule worked out before is the clock planned
afresh, on the same calendar only (issue 13, item 3)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest

from backend.deadlines.clocks import Schedules, apply_due, plan
from backend.deadlines.models import ClockKind, Deadline
from backend.deadlines.policy import load_policy
from backend.deadlines.service import ClockEnv, _reschedule
from backend.settings import DEFAULT_POLICY
from backend.workdays.calendar import WorkingCalendar
from tests.fakes import FakeClock

TIANJIN = ZoneInfo("Asia/Shanghai")
POLICY = load_policy(DEFAULT_POLICY)
# 2026-12-31 and 2027-01-04 off (a New Year bridge), 2027-01-09 a make-up Saturday; 2027
# is not a known year, so its other days are estimated (provisional).
CALENDAR = WorkingCalendar(
    exceptions={date(2027, 1, 1): False, date(2027, 1, 4): False, date(2027, 1, 9): True},
    known_years=frozenset({2026}),
    revision=3,
)


def _clock(kind: str, unit: str, days: int, started_on: date, **extra: Any) -> Deadline:
    fields = {
        "kind": kind,
        "unit": unit,
        "days": days,
        "extension_days": 0,
        "paused_days": 0,
        "started_on": started_on,
        "created_at": datetime(2026, 12, 28, 2, 0, tzinfo=TIANJIN),
        "state": "open",
        "next_stage": 0,
    }
    return cast(Deadline, SimpleNamespace(**{**fields, **extra}))


def _env(schedules: Schedules | None, now: datetime) -> ClockEnv:
    return ClockEnv(POLICY, CALENDAR, TIANJIN, FakeClock(now), schedules)


def _planned(clock: Deadline) -> dict[str, Any]:
    return {k: v for k, v in vars(clock).items() if k != "updated_at"}


@pytest.mark.parametrize(
    ("kind", "unit", "days", "extension", "paused"),
    [
        ("sign", "working", 1, 0, 0),
        ("resolve", "working", 15, 0, 0),
        ("resolve", "working", 15, 5, 2),  # extended and paused: the total counts
        ("resolve", "natural", 30, 0, 0),
        ("follow_up", "working", 3, 0, 0),
        ("dispatch", "working", 0, 0, 0),
        ("urgent_sign", "minutes", 30, 0, 0),  # runs from its creation: never kept
        ("report", "working", 7, 0, 0),
    ],
)
def test_a_clock_planned_from_a_kept_schedule_is_the_clock_planned_afresh(
    kind: str, unit: str, days: int, extension: int, paused: int
) -> None:
    kept = Schedules(CALENDAR, POLICY, TIANJIN)
    for start in (date(2026, 12, 24) + timedelta(days=n) for n in range(14)):
        now = datetime.combine(start, datetime.min.time(), TIANJIN) + timedelta(hours=10)
        extra = {"extension_days": extension, "paused_days": paused}
        for _ in range(2):  # worked out, then taken from what was kept
            fresh, reused = (
                _clock(kind, unit, days, start, **extra),
                _clock(kind, unit, days, start, **extra),
            )
            _reschedule(fresh, _env(None, now))
            _reschedule(reused, _env(kept, now))
            assert _planned(reused) == _planned(fresh)


def test_a_kept_schedule_is_what_the_calendar_and_policy_give() -> None:
    kept = Schedules(CALENDAR, POLICY, TIANJIN)
    schedule = kept.of(kind="resolve", unit="working", days=3, started_on=date(2026, 12, 29))
    clock = _clock("resolve", "working", 3, date(2026, 12, 29))
    apply_due(clock, CALENDAR, TIANJIN)
    assert (schedule.due.day, schedule.due.provisional) == (clock.due_date, clock.provisional)
    assert schedule.due.day == date(2027, 1, 5)  # 30, 31 Dec, (1 Jan off) 2, (4 off) 5
    assert list(schedule.stages) == plan(clock, POLICY, CALENDAR, TIANJIN)


def test_the_keeper_keeps_schedules_per_calendar(world: Any) -> None:
    keeper = world.container.keeper
    first = keeper.env_with(CALENDAR)
    assert keeper.env_with(CALENDAR).schedules is first.schedules  # the same calendar
    changed = WorkingCalendar(exceptions={**CALENDAR.exceptions}, revision=4)
    assert keeper.env_with(changed).schedules is not first.schedules
    assert keeper.env_with(changed).schedules.calendar is changed


def test_kept_schedules_are_bounded() -> None:
    kept = Schedules(CALENDAR, POLICY, TIANJIN)
    for n in range(Schedules.MAX_KEPT + 10):
        started_on = date(2026, 1, 1) + timedelta(days=n // 40)
        kept.of(kind="sign", unit="working", days=1 + n % 40, started_on=started_on)
    assert len(kept) <= Schedules.MAX_KEPT


def test_a_kind_given_as_its_enum_or_its_text_is_one_schedule() -> None:
    kept = Schedules(CALENDAR, POLICY, TIANJIN)
    by_text = kept.of(kind="sign", unit="working", days=1, started_on=date(2026, 12, 30))
    by_enum = kept.of(kind=ClockKind.sign, unit="working", days=1, started_on=date(2026, 12, 30))
    assert by_enum is by_text and len(kept) == 1


def test_another_policy_or_zone_on_the_keeper_gets_schedules_of_its_own(world: Any) -> None:
    keeper = world.container.keeper
    first = keeper.env_with(CALENDAR).schedules
    keeper.policy = POLICY.model_copy(
        update={"reminders": POLICY.reminders.model_copy(update={"escalate_after": 10})}
    )
    assert keeper.env_with(CALENDAR).schedules is not first
    assert keeper.env_with(CALENDAR).schedules.policy is keeper.policy
    keeper.zone = ZoneInfo("UTC")
    assert keeper.env_with(CALENDAR).schedules.zone is keeper.zone
