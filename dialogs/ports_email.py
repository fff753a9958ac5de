"""The services the `/email` command asks for: an email address for a chat's reporter rows."""

from __future__ import annotations

from typing import Protocol

from dialogs.model import ChatRef


class ReporterEmailServices(Protocol):
    """The part of DialogServices that keeps the email address a chat's reporter gave."""

    def sends_email(self) -> bool:
        """Tell whether this deployment sends email at all (an SMTP server is set: without
        one no confirmation link could reach an address, so none is asked for)."""
        ...

    def reporter_email(self, chat: ChatRef) -> str | None:
        """Return the email address this chat gave for its updates, if any."""
        ...

    def email_confirmed(self, chat: ChatRef) -> bool:
        """Tell whether the owner of this chat's address confirmed it (updates go there)."""
        ...

    def set_reporter_email(self, chat: ChatRef, address: str | None, language: str) -> str:
        """Keep the address (None: remove it) on every reporter row of this chat, and for the
        cases it files later, so their updates and the 回访 rating link also go by email once
        its owner confirmed it. Return `confirmed` (the same address, confirmed already),
        `sent` (a confirmation link is on its way), `limited` (too many asked today: none
        sent) or `removed`."""
        ...
