"""Ports the backend calls out through; adapters (bot/, tests) implement them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session

from backend.cases.models import Case, CaseEvent
from backend.errors import DomainError


@dataclass(frozen=True)
class OutboundMessage:
    """A message for someone in a chat: the chat route and the text.

    A channel may send a long text in parts; `parts_sent` says how many of them went out
    already (the rest is sent), and `resend_when_unsure` what to do with a part that may
    have been delivered (Telegram timed out after the request went out): send it again, or
    count it as delivered and say so (`DeliveryUnconfirmed`). `key` names the message for
    good (the outbox row's key), so a channel that stores messages keeps each once.
    """

    channel: str
    chat_id: str
    text: str
    buttons: tuple[tuple[tuple[str, str], ...], ...] = field(
        default=()
    )  # rows of (label, payload)
    key: str = ""
    parts_sent: int = 0
    resend_when_unsure: bool = False
    case_id: int | None = None  # the notice's case: email and robots link to it
    kind: str = ""  # the outbox row's kind (reminder, escalation, update, follow_up, ...)


PartsSent = Callable[[int], None]  # told after each part: how many parts went out in all


class Notifier(Protocol):
    """Deliver a message to a chat (Telegram, web chat, console)."""

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None: ...


class CaseListener(Protocol):
    """Hear of cases created and changed, inside the same transaction (deadlines, updates)."""

    def case_created(self, *, session: Session, case: Case) -> None: ...

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None: ...


class CaseGuard(Protocol):
    """A rule outside the workflow table that can refuse an action now (a case's clocks)."""

    def refusal(self, *, session: Session, case: Case, action: str) -> str | DomainError | None:
        """Return why the action cannot be taken on the case now, or None when it can (a
        refusal with words of its own in both languages is a DomainError: a RuleRefused)."""
        ...


class NullNotifier:
    """A notifier that drops messages, for processes without a chat channel."""

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Drop the message."""


class DeliveryFailed(Exception):
    """A notifier could not deliver; the sender retries unless `permanent`."""

    def __init__(
        self, reason: str, *, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.permanent = permanent


class DeliveryUnconfirmed(Exception):
    """The message went out, but a part of it may not have arrived: the channel timed out
    after the request was sent, and the message's kind is not sent twice."""


class CaseRule(Protocol):
    """A rule that can refuse an action now with its own code and words (the hand-off caps)."""

    def refusal(self, *, session: Session, case: Case, action: str) -> DomainError | None:
        """Return the refusal of the action on the case now, or None when it may be taken."""
        ...
