"""The scheduler's jobs: thin, named, idempotent; each does one round and logs it."""

from __future__ import annotations

import logging
from datetime import timedelta

from backend.actors import SYSTEM
from backend.attachments.cleanup import CleanupReport, remove_abandoned_uploads
from backend.attachments.store import ContentStore
from backend.attachments.uploads import UploadQuota
from backend.bootstrap import Container
from backend.db import session_scope
from backend.deadlines.digest import (
    DigestNames,
    calendar_alarm,
    calendar_alarm_due,
    digest_due,
    morning_digest,
)
from backend.deadlines.moves import catch_up_stale_clocks
from backend.deadlines.office import in_office_hours
from backend.deadlines.sweep import sweep
from backend.notifications.sender import DeliveryReport, deliver
from backend.public.takedown import take_down_ended
from backend.records.env import record_env
from backend.scheduler.runs import claim_daily_run, record_daily_run, record_sweep

log = logging.getLogger(__name__)


def sweep_job(container: Container) -> None:
    """Bring clocks set against an older calendar up to date, act on due clocks, deliver."""
    now = container.clock.now()
    with session_scope(container.engine) as session:
        moved = catch_up_stale_clocks(session=session, keeper=container.keeper, actor=SYSTEM)
    if moved:
        log.info("sweep: %s clock(s) moved to the current calendar", moved)
    with session_scope(container.engine) as session:
        report = sweep(
            session=session, keeper=container.keeper, case_env=container.case_env, now=now
        )
        day = now.astimezone(container.settings.zone).date()
        record_sweep(session=session, day=day, now=now, written=report.written)
    if report.claimed:
        log.info(
            "sweep: %s clocks, %s notifications, %s closed, %s failed",
            report.claimed,
            report.written,
            report.closed,
            report.failed,
        )
    send_job(container)


def send_job(container: Container) -> DeliveryReport:
    """Deliver the outbox (staff messages only in office hours)."""
    now = container.clock.now()
    with session_scope(container.engine) as session:
        env = container.keeper.env(session)
        office_open = in_office_hours(now, policy=env.policy, calendar=env.calendar, zone=env.zone)
    channels = getattr(container.notifier, "channels", None)
    report = deliver(
        engine=container.engine,
        notifier=container.notifier,
        now=now,
        office_open=office_open,
        channels=frozenset(channels) if channels is not None else None,
        lease=timedelta(seconds=container.settings.outbox_lease_seconds),
        idempotent_channels=getattr(container.notifier, "idempotent_channels", frozenset()),
        lead_office=container.taxonomy.lead_office,
    )
    if report.sent or report.retried or report.failed or report.withdrawn:
        log.info(
            "sender: %s sent, %s to retry, %s failed, %s withdrawn",
            report.sent,
            report.retried,
            report.failed,
            report.withdrawn,
        )
    return report


def digest_job(container: Container) -> None:
    """Write the morning digest once a working day: at its time, or first thing after it."""
    now = container.clock.now()
    with session_scope(container.engine) as session:
        env = container.keeper.env(session)
        today = env.today()
        if not digest_due(env=env, now=now):
            return
        if not claim_daily_run(session=session, job="digest", day=today, now=now):
            return
        names = DigestNames(request_types=container.request_types, taxonomy=container.taxonomy)
        written = morning_digest(session=session, env=env, now=now, names=names)
        record_daily_run(session=session, job="digest", day=today, written=written)
    log.info("digest: %s messages", written)
    send_job(container)


def calendar_alarm_job(container: Container) -> None:
    """Warn coordinators once a day, from 09:00, while next year's holidays are unknown."""
    now = container.clock.now()
    months = container.policy.calendar_alarm_months
    with session_scope(container.engine) as session:
        env = container.keeper.env(session)
        today = env.today()
        if not calendar_alarm_due(env=env, now=now, months=months):
            return
        if not claim_daily_run(session=session, job="calendar_alarm", day=today, now=now):
            return
        written = calendar_alarm(session=session, env=env, now=now, months=months)
        record_daily_run(session=session, job="calendar_alarm", day=today, written=written)
    log.info("calendar alarm: %s messages", written)
    send_job(container)


def upload_cleanup_job(container: Container) -> CleanupReport:
    """Remove the uploads of dialogs idle for INTAKE_UPLOAD_ABANDONED_DAYS (never a filed one)."""
    settings = container.settings
    now = container.clock.now()
    report = remove_abandoned_uploads(
        engine=container.engine,
        store=ContentStore.under(settings.data_dir),
        idle_since=now - timedelta(days=settings.upload_abandoned_days),
        today=UploadQuota.of(settings).day(now),
    )
    if report.uploads or report.failed:
        log.info(
            "upload cleanup: %s chats, %s uploads, %s bytes freed, %s failed",
            report.chats,
            report.uploads,
            report.freed,
            report.failed,
        )
    return report


def publicity_job(container: Container) -> list[str]:
    """Take records whose publicity period is over off the public page (公示期届满)."""
    with session_scope(container.engine) as session:
        ended = take_down_ended(
            session=session, env=record_env(container=container, session=session)
        )
    if ended:
        log.info("publicity: %s record(s) taken down: %s", len(ended), ", ".join(ended))
    return ended
