"""Email: the `email` channel of the outbox, through SMTP (the standard library's smtplib).

A staff member's email carries the notice and the link to the case in the console; a
reporter's carries the update, and the rating question a signed link to rate by (no
console link, and nothing of the reporter goes to a unit). Each message is plain text with
an HTML alternative.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape

from sqlalchemy import Engine

from backend.cases.models import Case
from backend.clock import Clock
from backend.db import read_scope
from backend.notifications.channels import record_outcome, reference, staff_email
from backend.notifications.email_confirmation import KIND as CONFIRM_KIND
from backend.notifications.email_confirmation import confirmation_link, still_meant_for
from backend.notifications.models import ChannelState
from backend.notifications.rating_links import rating_link
from backend.people.models import Reporter
from backend.ports import DeliveryFailed, OutboundMessage, PartsSent
from backend.settings import Settings


@dataclass(frozen=True)
class Letter:
    """One email: to whom, the subject, the plain text and the HTML."""

    to: str
    subject: str
    text: str
    link: str | None = None


def compose(letter: Letter, *, sender: str, sent_at: datetime | None = None) -> EmailMessage:
    """Return the email of a letter, plain text with an HTML alternative.

    Its `Date:` (RFC 5322 requires one) is `sent_at`, by the system's clock (now when None).
    """
    message = EmailMessage()
    message["From"] = sender
    message["To"] = letter.to
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(sent_at or datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    plain = letter.text + (f"\n\n{letter.link}\n" if letter.link else "\n")
    message.set_content(plain)
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in letter.text.split("\n") if line)
    if letter.link:
        url = escape(letter.link, quote=True)
        paragraphs += f'<p><a href="{url}">{url}</a></p>'
    message.add_alternative(
        f'<!doctype html><html><body lang="zh-CN">{paragraphs}</body></html>', subtype="html"
    )
    return message


def smtp_send(settings: Settings, message: EmailMessage) -> None:
    """Hand one email to the SMTP server of the settings (STARTTLS, TLS or plain; login)."""
    if not settings.smtp_host:
        raise DeliveryFailed("no SMTP server is set (INTAKE_SMTP_HOST)", permanent=True)
    timeout = settings.smtp_timeout_seconds
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_security == "tls":
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with smtp:
        if settings.smtp_security == "starttls":
            smtp.starttls(context=context)
        if settings.smtp_user and settings.smtp_password is not None:
            smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


class EmailNotifier:
    """Send the outbox's `email` rows; count each staff address's failures in a row."""

    def __init__(self, *, engine: Engine, settings: Settings, clock: Clock, secret: str) -> None:
        self.engine, self.settings, self.clock, self.secret = engine, settings, clock, secret

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Send one notice by email; a refused address or a failing one is not retried."""
        letter, channel_id, failures = self._letter(message)
        try:
            sender, sent_at = self.settings.smtp_from or "", self.clock.now()
            smtp_send(self.settings, compose(letter, sender=sender, sent_at=sent_at))
        except DeliveryFailed:
            raise
        except (smtplib.SMTPException, OSError) as exc:
            refused = isinstance(exc, smtplib.SMTPRecipientsRefused)
            failing = channel_id is not None and record_outcome(
                self.engine,
                channel_id,
                now=self.clock.now(),
                error=f"{type(exc).__name__}: {exc}",
                failing_after=self.settings.channel_failing_after,
            )
            raise DeliveryFailed(f"email: {exc}", permanent=refused or failing) from exc
        if channel_id is not None and failures:  # a success ends a run of failures
            record_outcome(
                self.engine, channel_id, now=self.clock.now(), error=None, failing_after=1
            )
        if progress is not None:
            progress(1)

    def _letter(self, message: OutboundMessage) -> tuple[Letter, int | None, int]:
        kind, ref = reference(message.chat_id)
        base = self.settings.public_url.rstrip("/")
        with read_scope(self.engine) as session:
            case = session.get(Case, message.case_id) if message.case_id else None
            link: str | None = None
            channel_id: int | None = None
            failures = 0
            if kind == "staff":
                channel = staff_email(session, ref)
                if channel is None or channel.state == ChannelState.unverified:
                    raise DeliveryFailed(
                        "the staff account has no verified address", permanent=True
                    )
                if channel.state == ChannelState.failing:
                    raise DeliveryFailed("the address is marked failing", permanent=True)
                to, channel_id, failures = channel.address, channel.id, channel.failures
                if case is not None:
                    link = f"{base}/console/cases/{case.number}"
            else:
                reporter = session.get(Reporter, ref)
                if reporter is None or not reporter.email:
                    raise DeliveryFailed("the reporter has no email address", permanent=True)
                to = reporter.email
                if message.kind == CONFIRM_KIND:
                    if not still_meant_for(message.key, reporter.email):
                        raise DeliveryFailed("the reporter's address changed", permanent=True)
                    link = confirmation_link(base, self.secret, reporter, now=self.clock.now())
                elif reporter.email_confirmed_at is None:  # changed since the row was written
                    raise DeliveryFailed("the reporter's address is not confirmed", permanent=True)
                elif message.kind == "follow_up" and case is not None and case.id is not None:
                    expires = self.clock.now().timestamp() + self.settings.rating_link_days * 86400
                    token = rating_link(self.secret, case.id, ref, int(expires))
                    link = f"{base}/console/rate/{token}"
        first = message.text.split("\n", 1)[0]
        subject = first if len(first) <= 120 else first[:119] + "…"
        return Letter(to=to, subject=subject, text=message.text, link=link), channel_id, failures
