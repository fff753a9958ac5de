"""APScheduler wiring: a few fixed jobs; the sweep is safe to run in several processes."""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from backend.bootstrap import Container
from backend.scheduler import jobs

SWEEP_SECONDS = 60
SEND_SECONDS = 15
UPLOAD_CLEANUP_MINUTES = 60


def configure(scheduler: BaseScheduler, container: Container) -> BaseScheduler:
    """Add the fixed jobs to a scheduler."""
    zone = container.settings.zone
    policy = container.policy
    common = {
        "args": [container],
        "max_instances": 1,
        "coalesce": True,
        "misfire_grace_time": None,
        "replace_existing": True,
    }
    scheduler.add_job(jobs.sweep_job, IntervalTrigger(seconds=SWEEP_SECONDS), id="sweep", **common)
    scheduler.add_job(jobs.send_job, IntervalTrigger(seconds=SEND_SECONDS), id="send", **common)
    scheduler.add_job(
        jobs.digest_job,
        CronTrigger(hour=policy.digest_time.hour, minute=policy.digest_time.minute, timezone=zone),
        id="digest",
        **common,
    )
    scheduler.add_job(
        jobs.calendar_alarm_job,
        CronTrigger(hour=9, minute=0, timezone=zone),
        id="calendar_alarm",
        **common,
    )
    scheduler.add_job(
        jobs.upload_cleanup_job,
        IntervalTrigger(minutes=UPLOAD_CLEANUP_MINUTES),
        id="upload_cleanup",
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
