"""Channels beside the chats: a staff account's email and inbox, a unit's robots.

Each is a recipient of the outbox with a channel of its own (README, "Reaching staff"):
`email` and `inbox` rows name a staff account (`staff:<id>`) or a reporter (`reporter:<id>`),
`robot` rows a unit's robot (`robot:<id>`). The address is looked up when the row is sent,
so a changed address is used at once and the key stays the same.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from backend.db import session_scope
from backend.notifications.models import (
    ROBOT_KINDS,
    ChannelKind,
    ChannelState,
    ContactChannel,
)
from backend.people.models import StaffAccount

if TYPE_CHECKING:
    from backend.notifications.outbox import Recipient

log = logging.getLogger(__name__)

EMAIL = "email"
ROBOT = "robot"
INBOX = "inbox"  # the console's list of notices: written as sent, read there
CHANNELS = frozenset({EMAIL, ROBOT})  # delivered by backend.notifications.email / robots


def staff_channels(session: Session, *conditions: Any) -> list[Recipient]:
    """Return the verified email addresses and the inboxes of the matching active accounts."""
    from backend.notifications.outbox import Recipient

    accounts = session.exec(
        select(StaffAccount)
        .where(col(StaffAccount.active), *conditions)
        .order_by(col(StaffAccount.id))
    ).all()
    if not accounts:
        return []
    ids = [a.id for a in accounts]
    emails = session.exec(
        select(ContactChannel)
        .where(
            col(ContactChannel.staff_id).in_(ids),
            col(ContactChannel.kind) == ChannelKind.email.value,
            col(ContactChannel.state) == ChannelState.active.value,
        )
        .order_by(col(ContactChannel.id))
    ).all()
    found = [
        Recipient("staff", e.staff_id, EMAIL, f"staff:{e.staff_id}", e.language) for e in emails
    ]
    found += [Recipient("staff", a.id, INBOX, f"staff:{a.id}", "zh") for a in accounts]
    return found


def unit_robots(*, session: Session, department: str) -> list[Recipient]:
    """Return the verified robots of a unit that are not failing."""
    from backend.notifications.outbox import Recipient

    robots = session.exec(
        select(ContactChannel)
        .where(
            col(ContactChannel.department_code) == department,
            col(ContactChannel.kind).in_(sorted(ROBOT_KINDS)),
            col(ContactChannel.state) == ChannelState.active.value,
        )
        .order_by(col(ContactChannel.id))
    ).all()
    return [Recipient("unit", r.id, ROBOT, f"robot:{r.id}", r.language) for r in robots]


def reference(chat_id: str) -> tuple[str, int]:
    """Return what a channel row's chat id names: ("staff" | "reporter" | "robot", id)."""
    kind, _, number = chat_id.partition(":")
    if kind not in ("staff", "reporter", "robot") or not (number.isascii() and number.isdigit()):
        raise ValueError(f"not a channel reference: {chat_id!r}")
    return kind, int(number)


def staff_email(session: Session, staff_id: int) -> ContactChannel | None:
    """Return the email channel of a staff account, if it has one."""
    return session.exec(
        select(ContactChannel).where(
            col(ContactChannel.staff_id) == staff_id,
            col(ContactChannel.kind) == ChannelKind.email.value,
        )
    ).first()


def record_outcome(
    engine: Engine, channel_id: int, *, now: datetime, error: str | None, failing_after: int
) -> bool:
    """Count a delivery of a channel; return whether it is now failing (too many in a row)."""
    with session_scope(engine) as session:
        channel = session.get(ContactChannel, channel_id)
        if channel is None:
            return False
        if error is None:
            channel.failures, channel.last_error = 0, None
        else:
            channel.failures += 1
            channel.last_error = error[:500]
            if channel.failures >= failing_after and channel.state == ChannelState.active:
                channel.state, channel.failing_since = ChannelState.failing.value, now
                log.warning("channel %s (%s) is failing: %s", channel.id, channel.kind, error)
        session.add(channel)
        return channel.state == ChannelState.failing


def failing_channels(session: Session) -> list[ContactChannel]:
    """Return the channels marked failing, for the coordinators' dashboard."""
    return list(
        session.exec(
            select(ContactChannel)
            .where(col(ContactChannel.state) == ChannelState.failing.value)
            .order_by(col(ContactChannel.id))
        ).all()
    )
