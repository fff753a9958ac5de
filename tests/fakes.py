"""Fakes for the ports: a clock that tests move, a notifier that remembers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from backend.ports import OutboundMessage, PartsSent
from backend.workdays.seed import package_exceptions


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


class PublishedCalendar:
    """A published calendar the test controls: the package's years up to `last_year` (2026
    by default, whatever the installed release knows beyond), plus the days of `extra` years.
    """

    def __init__(
        self, last_year: int = 2026, extra: Mapping[date, tuple[bool, str]] | None = None
    ) -> None:
        self.last_year = last_year
        self.extra = dict(extra or {})

    def exceptions(self) -> dict[date, tuple[bool, str]]:
        days = {d: v for d, v in package_exceptions().items() if d.year <= self.last_year}
        return days | self.extra

    def years(self) -> frozenset[int]:
        return frozenset(range(2004, self.last_year + 1)) | {d.year for d in self.extra}
