"""Ports the backend calls out through; adapters (bot/, tests) implement them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session

from backend.cases.models import Case, CaseEvent


@dataclass(frozen=True)
class OutboundMessage:
    """A message for someone in a chat: the chat route and the text."""

    channel: str
    chat_id: str
    text: str
    buttons: tuple[tuple[tuple[str, str], ...], ...] = field(
        default=()
    )  # rows of (label, payload)


class Notifier(Protocol):
    """Deliver a message to a chat (Telegram, web chat, console)."""

    def send(self, message: OutboundMessage) -> None: ...


class CaseListener(Protocol):
    """Hear of cases created and changed, inside the same transaction (deadlines, updates)."""

    def case_created(self, *, session: Session, case: Case) -> None: ...

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None: ...


class CaseGuard(Protocol):
    """A rule outside the workflow table that can refuse an action now (a case's clocks)."""

    def refusal(self, *, session: Session, case: Case, action: str) -> str | None:
        """Return why the action cannot be taken on the case now, or None when it can."""
        ...


class NullNotifier:
    """A notifier that drops messages, for processes without a chat channel."""

    def send(self, message: OutboundMessage) -> None:
        """Drop the message."""


class DeliveryFailed(Exception):
    """A notifier could not deliver; the sender retries unless `permanent`."""

    def __init__(
        self, reason: str, *, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.permanent = permanent
