"""Updates whose handler failed: counted for Prometheus as `intake_updates_failed_total`.

The webhook still answers 200 for such an update: Telegram re-sends a non-2xx answer again and
again, so one update that always fails (a poison update) would block the chat's queue. It is
not lost instead: the error handler logs it with its update id and trace, counts it here, and
tells the user in their language to try again (bot.telegram.handlers.DialogHandlers.on_error).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector, CollectorRegistry

METRIC = "intake_updates_failed"  # exposed with the counter's suffix: ..._total


class FailedUpdates(Collector):
    """The number of Telegram updates whose handler raised, since this process started."""

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    @property
    def count(self) -> int:
        """Return how many updates failed so far."""
        return self._count

    def add(self) -> None:
        """Count one failed update."""
        with self._lock:
            self._count += 1

    def collect(self) -> Iterator[Metric]:
        """Yield the counter (a scrape of /metrics)."""
        yield CounterMetricFamily(
            METRIC,
            "Telegram updates whose handler failed (logged with the update id; the user was "
            "asked to try again; the webhook still answered 200 so Telegram does not loop).",
            value=self._count,
        )

    def register(self, registry: CollectorRegistry | None) -> None:
        """Show the counter on an app's /metrics (nothing when the app has no registry)."""
        if registry is not None:
            registry.register(self)
