"""The morning digest for clerks and the November alarm about next year's calendar."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlmodel import select

from backend.bootstrap import Container, build
from backend.db import session_scope
from backend.scheduler import jobs
from backend.scheduler.models import JobRun
from backend.scheduler.runner import configure
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


def digests(world: World) -> list[str]:
    return [t for t in world.texts("clerk-chat") if t.startswith("早安")]


def restarted(world: World) -> Container:
    """Another scheduler process on the same database (a restart, or a second instance)."""
    return build(world.container.settings, clock=world.clock, notifier=world.notifier)


def test_a_scheduler_started_after_the_digest_time_still_sends_the_days_digest(
    world: World,
) -> None:
    world.file()
    world.clock.current = tianjin(2026, 11, 30, 8, 50)  # Monday; the cron fired at 08:45
    jobs.digest_job(world.container)  # what the scheduler runs as it starts
    assert len(digests(world)) == 1


def test_a_restart_after_the_digest_was_sent_sends_no_second_one(world: World) -> None:
    world.file()
    world.clock.current = tianjin(2026, 11, 30, 8, 50)
    jobs.digest_job(world.container)
    world.clock.current = tianjin(2026, 11, 30, 10, 30)
    jobs.digest_job(restarted(world))
    assert len(digests(world)) == 1


def test_two_schedulers_starting_together_send_one_digest(world: World) -> None:
    world.file()
    world.clock.current = tianjin(2026, 11, 30, 8, 50)
    schedulers = [restarted(world), restarted(world)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(jobs.digest_job, schedulers))
    with session_scope(world.container.engine) as session:
        runs = session.exec(select(JobRun).where(JobRun.job == "digest")).all()
    assert len(digests(world)) == 1
    assert [(r.run_on, r.written) for r in runs] == [(date(2026, 11, 30), 1)]


def test_no_late_digest_after_office_hours_or_on_a_day_off(world: World) -> None:
    world.file()
    for moment in (
        tianjin(2026, 11, 30, 17, 40),
        tianjin(2026, 11, 28, 9),
        tianjin(2026, 12, 1, 8),
    ):
        world.clock.current = moment
        jobs.digest_job(world.container)
    assert digests(world) == []


def test_a_digest_run_that_failed_leaves_the_day_to_the_next_round(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.file()
    world.clock.current = tianjin(2026, 11, 30, 8, 45)

    def database_gone(**_: object) -> int:
        raise ConnectionError("server closed the connection")

    with monkeypatch.context() as patched:
        patched.setattr(jobs, "morning_digest", database_gone)
        with pytest.raises(ConnectionError):
            jobs.digest_job(world.container)
    world.clock.current = tianjin(2026, 11, 30, 8, 46)
    jobs.digest_job(world.container)
    assert len(digests(world)) == 1


def test_a_missed_calendar_alarm_is_sent_later_that_day_once(world: World) -> None:
    world.clock.current = tianjin(2026, 11, 27, 9, 30)  # started after the 09:00 run
    jobs.calendar_alarm_job(world.container)
    jobs.calendar_alarm_job(restarted(world))
    assert len(world.texts("boss-chat")) == 1


def test_every_job_runs_as_soon_as_the_scheduler_starts(world: World) -> None:
    scheduler = configure(
        BackgroundScheduler(timezone=world.container.settings.zone), world.container
    )
    scheduler.start(paused=True)
    try:
        first_runs = {job.id: job.next_run_time for job in scheduler.get_jobs()}
    finally:
        scheduler.shutdown(wait=False)
    assert first_runs == dict.fromkeys(
        ("sweep", "send", "digest", "calendar_alarm", "upload_cleanup", "publicity"),
        world.clock.now(),
    )


def test_the_digest_names_each_cases_request_type_and_assisting_units(world: World) -> None:
    from backend.cases.workflow import Action

    joint = world.file().case.number
    world.act(joint, Action.assist, world.coordinator, department="swj")
    world.act(joint, Action.assist, world.coordinator, department="sfj")
    alone = world.file(request_type="report").case.number
    world.clock.current = tianjin(2026, 11, 30, 8, 45)
    jobs.digest_job(world.container)
    lines = digests(world)[0].splitlines()
    joint_lines = [line for line in lines if joint in line]
    alone_lines = [line for line in lines if alone in line]
    assert joint_lines and all(
        line.endswith("〔投诉｜协办：区商务局、区司法局〕") for line in joint_lines
    )
    assert alone_lines and all(line.endswith("〔举报〕") for line in alone_lines)


def test_a_digest_names_a_street_office_by_its_name() -> None:
    from backend.deadlines.digest import DigestNames
    from backend.settings import DEFAULT_TAXONOMY
    from backend.taxonomy.loader import load_taxonomy

    taxonomy = load_taxonomy(DEFAULT_TAXONOMY)
    street, department = taxonomy.streets[0], taxonomy.departments[0]
    names = DigestNames(taxonomy=taxonomy)

    assert names.unit(street.code, "zh") == street.zh
    assert names.unit(department.code, "zh") == department.zh
    assert names.unit("nowhere", "en") == "nowhere"
