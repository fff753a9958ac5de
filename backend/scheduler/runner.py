"""APScheduler wiring: a few fixed jobs, each safe to run in several processes at once.

Every job also runs when the scheduler starts and then at least once a minute: the sweep and
the sender act on whatever is due by then, and the daily jobs (digest, calendar alarm) run
at their time or, when the process was down then, at the first round after it, once a day
(`backend.scheduler.runs`). Nothing is lost to a restart or to APScheduler's misfire rules.
"""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from backend.bootstrap import Container
from backend.deadlines.digest import ALARM_TIME
from backend.scheduler import jobs

UPLOAD_CLEANUP_MINUTES = 60
CATCH_UP_SECONDS = 60  # how late a daily job may start after a restart, at most
PUBLICITY_MINUTES = 10  # the page itself hides a record past its period at once


def configure(scheduler: BaseScheduler, container: Container) -> BaseScheduler:
    """Add the fixed jobs to a scheduler; each first runs as soon as the scheduler starts."""
    zone = container.settings.zone
    policy = container.policy
    common = {
        "args": [container],
        "max_instances": 1,
        "coalesce": True,
        "misfire_grace_time": None,
        "replace_existing": True,
        "next_run_time": container.clock.now(),
    }

    def daily(hour: int, minute: int) -> OrTrigger:
        return OrTrigger(
            [
                CronTrigger(hour=hour, minute=minute, timezone=zone),
                IntervalTrigger(seconds=CATCH_UP_SECONDS, timezone=zone),
            ]
        )

    settings = container.settings
    sweep_every = IntervalTrigger(seconds=settings.sweep_seconds)
    send_every = IntervalTrigger(seconds=settings.send_seconds)
    scheduler.add_job(jobs.sweep_job, sweep_every, id="sweep", **common)
    scheduler.add_job(jobs.send_job, send_every, id="send", **common)
    scheduler.add_job(
        jobs.digest_job,
        daily(policy.digest_time.hour, policy.digest_time.minute),
        id="digest",
        **common,
    )
    scheduler.add_job(
        jobs.calendar_alarm_job,
        daily(ALARM_TIME.hour, ALARM_TIME.minute),
        id="calendar_alarm",
        **common,
    )
    scheduler.add_job(
        jobs.upload_cleanup_job,
        IntervalTrigger(minutes=UPLOAD_CLEANUP_MINUTES),
        id="upload_cleanup",
        **common,
    )
    scheduler.add_job(
        jobs.publicity_job,
        IntervalTrigger(minutes=PUBLICITY_MINUTES),
        id="publicity",
        **common,
    )
    return scheduler


def background(container: Container) -> BackgroundScheduler:
    """Return a scheduler that runs in threads beside the web server (intake run)."""
    scheduler = BackgroundScheduler(timezone=container.settings.zone)
    configure(scheduler, container)
    return scheduler


def blocking(container: Container) -> BlockingScheduler:
    """Return a scheduler that is the whole process (intake scheduler)."""
    scheduler = BlockingScheduler(timezone=container.settings.zone)
    configure(scheduler, container)
    return scheduler
