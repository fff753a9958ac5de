"""The morning digest for clerks and the November alarm about next year's calendar."""

from __future__ import annotations

from backend.scheduler import jobs
from tests.deadlines.conftest import World, tianjin


def test_each_bound_clerk_gets_a_digest_on_a_working_day_morning(world: World) -> None:
    numbers = [world.file().case.number for _ in range(2)]
    world.clock.current = tianjin(2026, 11, 30, 8, 45)
    jobs.digest_job(world.container)
    jobs.digest_job(world.container)  # a second run the same day writes nothing new
    digests = world.texts("clerk-chat")
    assert len(digests) == 1
    assert all(n in digests[0] for n in numbers) and "待办 4 件" in digests[0]


def test_no_digest_on_a_weekend_or_holiday(world: World) -> None:
    world.file()
    for day in (tianjin(2026, 11, 28, 8, 45), tianjin(2026, 10, 1, 8, 45)):
        world.clock.current = day
        jobs.digest_job(world.container)
    assert world.notifier.sent == []


def test_coordinators_are_warned_weekly_in_november_while_next_year_is_unknown(
    world: World,
) -> None:
    for day in (27, 30):  # Friday, then the Monday of the next week
        world.clock.current = tianjin(2026, 11, day, 9)
        jobs.calendar_alarm_job(world.container)
        jobs.calendar_alarm_job(world.container)
    warnings = world.texts("boss-chat")
    assert len(warnings) == 2 and all("2027" in w for w in warnings)


def test_no_calendar_warning_outside_the_alarm_months(world: World) -> None:
    world.clock.current = tianjin(2026, 6, 1, 9)
    jobs.calendar_alarm_job(world.container)
    assert world.notifier.sent == []
