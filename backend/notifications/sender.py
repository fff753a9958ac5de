"""The sender: deliver the outbox through the Notifier port, retrying failures, never twice."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, or_
from sqlmodel import col, select

from backend.db import session_scope
from backend.notifications.models import DeliveryState, Notification
from backend.ports import DeliveryFailed, Notifier, OutboundMessage

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 8


@dataclass
class DeliveryReport:
    """What one delivery round did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int) -> timedelta:
    """Return the wait before the next attempt: 30 s, 1, 2, 4 ... minutes, at most an hour."""
    return min(timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), timedelta(hours=1))


def deliver(
    *,
    engine: Engine,
    notifier: Notifier,
    now: datetime,
    office_open: bool,
    batch: int = 50,
    channels: frozenset[str] | None = None,
) -> DeliveryReport:
    """Send what is due; staff messages wait for office hours.

    `channels` limits this sender to the channels its process can reach (None: all), so a
    process without Telegram leaves Telegram messages to one that has it.
    """
    report = DeliveryReport()
    for claimed in _claim(engine, now, office_open, batch, channels):
        message = OutboundMessage(
            channel=claimed.channel or "",
            chat_id=claimed.chat_id or "",
            text=claimed.text,
            buttons=tuple(
                tuple((str(label), str(data)) for label, data in row)
                for row in (claimed.buttons or [])
            ),
        )
        try:
            notifier.send(message)
        except DeliveryFailed as exc:
            _failed(engine, claimed, now, exc.retry_after, exc.permanent, str(exc), report)
        except Exception as exc:  # noqa: BLE001 - any notifier error is retried
            log.exception("sender: notification %s failed", claimed.id)
            _failed(engine, claimed, now, None, False, repr(exc), report)
        else:
            _mark(engine, claimed.id, state=DeliveryState.sent.value, sent_at=now)
            report.sent += 1
    return report


def _claim(
    engine: Engine,
    now: datetime,
    office_open: bool,
    batch: int,
    channels: frozenset[str] | None,
) -> list[Notification]:
    """Take due rows for this sender alone: they become `sending` under a lease, committed."""
    with session_scope(engine) as session:
        due = or_(
            col(Notification.state) == DeliveryState.pending.value,
            (col(Notification.state) == DeliveryState.sending.value)
            & (col(Notification.lease_until) < now),
        )
        statement = select(Notification).where(due, col(Notification.next_attempt_at) <= now)
        if not office_open:
            statement = statement.where(col(Notification.office_hours_only).is_(False))
        if channels is not None:
            statement = statement.where(col(Notification.channel).in_(sorted(channels)))
        statement = statement.order_by(col(Notification.id)).limit(batch)
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = list(session.exec(statement).all())
        for row in rows:
            row.state, row.lease_until, row.attempts = "sending", now + LEASE, row.attempts + 1
            session.add(row)
        return rows


def _failed(
    engine: Engine,
    row: Notification,
    now: datetime,
    retry_after: float | None,
    permanent: bool,
    error: str,
    report: DeliveryReport,
) -> None:
    if permanent or row.attempts >= MAX_ATTEMPTS:
        _mark(engine, row.id, state=DeliveryState.failed.value, last_error=error[:500])
        report.failed += 1
        return
    wait = timedelta(seconds=retry_after) if retry_after else backoff(row.attempts)
    _mark(
        engine,
        row.id,
        state=DeliveryState.pending.value,
        next_attempt_at=now + wait,
        last_error=error[:500],
        lease_until=None,
    )
    report.retried += 1


def _mark(engine: Engine, notification_id: int | None, **values: object) -> None:
    with session_scope(engine) as session:
        row = session.get(Notification, notification_id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
