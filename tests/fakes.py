"""Fakes for the ports: a clock that tests move, a notifier that remembers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.ports import OutboundMessage, PartsSent


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # 10:00 in Tianjin

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class RecordingNotifier:
    """A notifier that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent: list[OutboundMessage] = []

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        self.sent.append(message)
