"""A reporter's email address is used only once its owner confirmed it by a link sent to it.

As FixMyStreet confirms an alert's address (and a report made without signing in) before it
sends anything: an address typed into a chat (`/email ADDRESS`) or given by an Open311 request
(`email`) would otherwise receive the case's updates, the complaint's words among them,
however mistyped or whoever's it is.

- Giving an address queues one message to it (outbox kind `email_confirm`, both languages,
  nothing of the complaint). Its link (`/public/email/<token>`) shows a page whose button,
  a POST, confirms the address for every reporter row of that chat holding it (a chat keeps
  its address on each of its rows); opening the link confirms nothing. Each Open311 request is
  a reporter of its own and is confirmed on its own, as FixMyStreet confirms each report.
- Limits, so that nobody can flood a mailbox with them: at most MAX_PER_ADDRESS messages a day
  to one address (its `+tag` and letter case aside) and MAX_PER_CHAT a day from one chat,
  however often and from however many chats or requests it is given. Past a limit, nothing
  is queued and the chat says so.
- A message goes to the address it was written for: one whose reporter has changed or removed
  that address since is not sent; and when a chat changes its address, the email rows still
  waiting for its reporters are withdrawn (an update written for the old address never reaches
  the new one).

The token is `<reporter>.<expires>.<signature>`: HMAC-SHA256 under the app's secret key of
the reporter, the expiry and the address (in lower case), so it names that address only and
fails once the address is changed or removed (given back later, the address's own old link
works again: it was sent to that mailbox) and after CONFIRM_DAYS.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from backend.notifications import outbox
from backend.notifications.channels import EMAIL
from backend.notifications.models import DeliveryState, Notification
from backend.notifications.texts import TEXTS
from backend.people.models import Reporter

KIND = "email_confirm"  # the outbox kind of the confirmation message
CONFIRM_DAYS = 7  # how long a confirmation link works
PATH = "/public/email"  # where its page is (backend.public.email_pages)
MAX_PER_ADDRESS = 3  # confirmation messages a day to one address (+tags and case aside)
MAX_PER_CHAT = 5  # confirmation messages a day asked by one chat
WINDOW = timedelta(days=1)
SUBJECT = "请确认您的电子邮箱 / Please confirm your email address"


class Asked(StrEnum):
    """What giving an address did."""

    confirmed = "confirmed"  # the same address, confirmed already: nothing to send
    sent = "sent"  # a confirmation message is queued
    limited = "limited"  # a limit is reached: nothing queued
    removed = "removed"  # no address


class BadConfirmationLink(ValueError):
    """A confirmation link that was altered, is malformed, has expired, or names an address
    the reporter no longer has."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def mailbox_of(address: str) -> str:
    """Return the mailbox an address reaches, for the limits: lower case, `+tag` left out."""
    local, _, domain = address.lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def _signature(secret: str, body: str, address: str) -> str:
    key = hashlib.sha256(b"email-confirmation:" + secret.encode()).digest()  # its own key
    message = f"{body}.{address.lower()}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def confirmation_token(secret: str, reporter: Reporter, *, now: datetime) -> str:
    """Return the token of the confirmation link of the reporter's current address.

    Raises ValueError for a reporter without an id or an address.
    """
    if reporter.id is None or not reporter.email:
        raise ValueError("a written reporter with an email address")
    expires = int((now + timedelta(days=CONFIRM_DAYS)).timestamp())
    body = f"{reporter.id}.{expires}"
    return f"{body}.{_signature(secret, body, reporter.email)}"


def confirmation_link(base_url: str, secret: str, reporter: Reporter, *, now: datetime) -> str:
    """Return the whole link of the reporter's confirmation message (base: INTAKE_PUBLIC_URL)."""
    return f"{base_url.rstrip('/')}{PATH}/{confirmation_token(secret, reporter, now=now)}"


def ask_confirmation(*, session: Session, reporter: Reporter, now: datetime) -> Asked:
    """Queue the confirmation message of the reporter's address, within the day's limits.

    The reporter must be written (an id). Returns `sent`, `limited`, or `removed` for a
    reporter without an address.
    """
    if reporter.id is None or not reporter.email:
        return Asked.removed
    mailbox = _digest(mailbox_of(reporter.email))
    since = now - WINDOW
    if _sent_to(session, mailbox, since) >= MAX_PER_ADDRESS or (
        reporter.chat_id is not None and _asked_by(session, reporter, since) >= MAX_PER_CHAT
    ):
        return Asked.limited
    exact = _digest(reporter.email.lower())
    outbox.write(
        session=session,
        # The mailbox first (the limit counts by it), then the exact address (the sender
        # checks it is still the reporter's), then the moment (each message its own row).
        key=f"{KIND}:{mailbox}:{exact}:{now.timestamp():.6f}",
        kind=KIND,
        recipients=[
            outbox.Recipient("reporter", reporter.id, EMAIL, f"reporter:{reporter.id}", "zh")
        ],
        render=lambda _language: confirmation_text(),
        now=now,
        office_hours_only=False,  # its owner is waiting for it
        record_nobody=False,
    )
    return Asked.sent


def _sent_to(session: Session, mailbox: str, since: datetime) -> int:
    prefix = f"{KIND}:{mailbox}:"
    statement = select(func.count()).where(
        col(Notification.key) >= prefix,
        col(Notification.key) < prefix[:-1] + ";",  # ';' follows ':': the key's range
        col(Notification.created_at) >= since,
    )
    return int(session.exec(statement).one())


def _asked_by(session: Session, reporter: Reporter, since: datetime) -> int:
    chat_rows = select(Reporter.id).where(
        col(Reporter.channel) == reporter.channel, col(Reporter.chat_id) == reporter.chat_id
    )
    statement = select(func.count()).where(
        col(Notification.kind) == KIND,
        col(Notification.recipient_kind) == "reporter",
        col(Notification.recipient_id).in_(chat_rows),
        col(Notification.created_at) >= since,
    )
    return int(session.exec(statement).one())


def still_meant_for(key: str, address: str | None) -> bool:
    """Tell whether a confirmation row (its outbox key) was written for this address."""
    parts = key.split(":")
    return address is not None and len(parts) > 2 and parts[2] == _digest(address.lower())


def withdraw_waiting(session: Session, reporter_ids: list[int]) -> None:
    """Withdraw the email rows still waiting for these reporters (their address changed)."""
    if not reporter_ids:
        return
    session.execute(
        update(Notification)
        .where(
            col(Notification.channel) == EMAIL,
            col(Notification.chat_id).in_([f"reporter:{i}" for i in reporter_ids]),
            col(Notification.state) == DeliveryState.pending.value,
        )
        .values(state=DeliveryState.withdrawn.value, last_error="the reporter's address changed")
    )


def confirmation_text() -> str:
    """Return the confirmation message's text: its subject line, then both languages (the
    reporter's may be unknown)."""
    return f"{SUBJECT}\n{TEXTS[KIND]['zh']}\n\n{TEXTS[KIND]['en']}"


def awaiting(secret: str, token: str, *, session: Session, now: datetime) -> Reporter:
    """Return the reporter whose address a valid link names (nothing is changed).

    Raises BadConfirmationLink: malformed, altered, expired, or the address changed since.
    """
    parts = token.split(".")
    if not token.isascii() or len(token) > 200:  # compare_digest takes ASCII text only
        raise BadConfirmationLink("malformed")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 18 for p in parts[:2]):
        raise BadConfirmationLink("malformed")
    reporter = session.get(Reporter, int(parts[0]))
    if reporter is None or not reporter.email:
        raise BadConfirmationLink("no address")
    body = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(_signature(secret, body, reporter.email), parts[2]):
        raise BadConfirmationLink("altered, or the address changed")
    if int(parts[1]) < now.timestamp():
        raise BadConfirmationLink("expired")
    return reporter


def confirm(secret: str, token: str, *, session: Session, now: datetime) -> str:
    """Confirm the address a valid link names, on every row of the reporter's chat holding it
    (the row alone for a reporter without a chat, as Open311's); return the address.

    One UPDATE that names the address, so a chat that changes its address meanwhile keeps
    the new one unconfirmed (PostgreSQL re-reads a row changed under the statement);
    confirming again changes nothing. Raises BadConfirmationLink as `awaiting` does.
    """
    reporter = awaiting(secret, token, session=session, now=now)
    address = reporter.email or ""
    same_reporter = col(Reporter.id) == reporter.id
    if reporter.chat_id is not None:
        same_reporter = same_reporter | (
            (col(Reporter.channel) == reporter.channel)
            & (col(Reporter.chat_id) == reporter.chat_id)
        )
    session.execute(
        update(Reporter)
        .where(
            same_reporter,
            col(Reporter.email) == address,
            col(Reporter.email_confirmed_at).is_(None),
        )
        .values(email_confirmed_at=now)
        .execution_options(synchronize_session=False)
    )
    session.expire(reporter)
    return address
