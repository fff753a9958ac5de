"""Join the parts of a long text that the user's app cut into several messages.

Telegram's apps send a text longer than 4,096 characters as consecutive messages: 4,096
characters each (or a little less, cut at a space or line break), the rest last, all within
about a second. Taken one by one, the first part would be the whole description and the rest
an answer to the next question. A channel marks a text that may be such a part
(`Inbound.split_part`); the chat keeps it with the dialog state from before it, and a text
that follows within `INTAKE_SPLIT_TEXT_WINDOW_SECONDS` is joined to it and answered from that
state, as if the whole text had come in one message (the reply says it was joined). The window
is measured between the times the channel gives for the messages, or the clock's time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from dialogs.model import DialogState, Inbound


@dataclass(frozen=True)
class PendingPart:
    """A text that may go on in the next message, and the state from before its first part."""

    text: str
    sent_at: datetime
    before: dict[str, Any] | None
    parts: int

    def to_dict(self) -> dict[str, Any]:
        """Return the part as JSON-ready data."""
        return {
            "text": self.text,
            "sent_at": self.sent_at.isoformat(),
            "before": self.before,
            "parts": self.parts,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> PendingPart | None:
        """Read a part written by `to_dict` (None stays None)."""
        if not raw:
            return None
        return cls(
            text=str(raw["text"]),
            sent_at=datetime.fromisoformat(raw["sent_at"]),
            before=raw.get("before"),
            parts=int(raw.get("parts", 1)),
        )


@dataclass(frozen=True)
class Joined:
    """An event read together with the parts before it."""

    inbound: Inbound
    state: DialogState | None  # the state to answer from: the one before the first part
    parts: int


def join(
    pending: PendingPart | None,
    inbound: Inbound,
    state: DialogState | None,
    *,
    sent_at: datetime,
    window: timedelta,
) -> Joined | None:
    """Return the event joined to the pending text when it continues it, else None.

    A text continues the pending one when it was sent within `window` after it. The state
    answered from is the one before the first part, its step counter moved past the current
    one, so buttons shown for a part alone are stale.
    """
    if pending is None or inbound.kind != "text" or window <= timedelta(0):
        return None
    if not timedelta(0) <= sent_at - pending.sent_at <= window:
        return None
    before = DialogState.from_dict(pending.before) if pending.before else None
    if before is not None and state is not None:
        before.serial = max(before.serial, state.serial) + 1
    joined = replace(inbound, text=pending.text + inbound.text)
    return Joined(joined, before, pending.parts + 1)


def pending_after(
    inbound: Inbound,
    joined: Joined | None,
    state: DialogState | None,
    *,
    sent_at: datetime,
) -> PendingPart | None:
    """Return what to keep after this event: the text when it may go on, else nothing."""
    if inbound.kind != "text" or not inbound.split_part:
        return None
    if joined is not None:
        before = joined.state.to_dict() if joined.state is not None else None
        return PendingPart(joined.inbound.text, sent_at, before, joined.parts)
    return PendingPart(inbound.text, sent_at, state.to_dict() if state else None, 1)
