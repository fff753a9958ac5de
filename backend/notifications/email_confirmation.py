"""A reporter's email address is used only once its owner confirmed it by a link sent to it.

As FixMyStreet confirms an alert's address before it sends one: an address typed into a chat
(`/email ADDRESS`) or given by an Open311 request (`email`) would otherwise receive the case's
updates, the complaint's words among them, however mistyped or whoever's it is. Giving an
address queues one message to it (kind `email_confirm`, at most one an hour for the same
address of the same reporter, so `/email` cannot be used to flood somebody's mailbox); its
link (`/public/email/<token>`) shows a page whose button confirms the address, for every
reporter row of that chat holding it (a chat's address is kept on each of its rows). Until
then the outbox writes no `email` row for the reporter, and one written before the address
changed is not sent.

The token is `<reporter>.<expires>.<signature>`: HMAC-SHA256 under the app's secret key of
the reporter, the expiry and the address itself, so a link stops working when the address is
changed or removed, and after CONFIRM_DAYS.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from backend.notifications import outbox
from backend.notifications.channels import EMAIL
from backend.notifications.texts import TEXTS
from backend.people.models import Reporter

KIND = "email_confirm"  # the outbox kind of the confirmation message
CONFIRM_DAYS = 7  # how long a confirmation link works
PATH = "/public/email"  # where its page is (backend.public.app)


class BadConfirmationLink(ValueError):
    """A confirmation link that was altered, is malformed, has expired, or names an address
    the reporter no longer has."""


@dataclass(frozen=True)
class Confirmed:
    """What confirming did: the address, and how many reporter rows now hold it confirmed."""

    address: str
    rows: int


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


def ask_confirmation(*, session: Session, reporter: Reporter, now: datetime) -> bool:
    """Queue the confirmation message of the reporter's address; False if one went out to it
    for this reporter within the hour (the outbox's key skips it), or there is no address."""
    if reporter.id is None or not reporter.email:
        return False
    address = hashlib.sha256(reporter.email.lower().encode()).hexdigest()[:16]
    written = outbox.write(
        session=session,
        key=f"{KIND}:{reporter.id}:{address}:{now:%Y%m%d%H}",
        kind=KIND,
        recipients=[
            outbox.Recipient("reporter", reporter.id, EMAIL, f"reporter:{reporter.id}", "zh")
        ],
        render=lambda _language: confirmation_text(),
        now=now,
        office_hours_only=False,  # the owner is waiting for it
        record_nobody=False,
    )
    return written > 0


SUBJECT = "请确认您的电子邮箱 / Please confirm your email address"


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


def confirm(secret: str, token: str, *, session: Session, now: datetime) -> Confirmed:
    """Confirm the address a valid link names, on every row of the reporter's chat holding it
    (the row alone for a reporter without a chat, as Open311's); confirming again changes
    nothing. Raises BadConfirmationLink as `awaiting` does."""
    reporter = awaiting(secret, token, session=session, now=now)
    address = reporter.email or ""
    rows = [reporter]
    if reporter.chat_id is not None:
        rows = list(
            session.exec(
                select(Reporter).where(
                    col(Reporter.channel) == reporter.channel,
                    col(Reporter.chat_id) == reporter.chat_id,
                    col(Reporter.email) == address,
                )
            )
        )
    for row in rows:
        if row.email_confirmed_at is None:
            row.email_confirmed_at = now
            session.add(row)
    session.flush()
    return Confirmed(address, len(rows))
