"""Prometheus metrics: this process's requests, and the business figures of the shared DB.

Each app has a registry of its own (no process-wide state: tests build many apps). Request
metrics are labelled by the route's template (`/api/v1/cases/{number}`), never the raw path,
so that a label's values stay few; an address no route serves is `unmatched`, a request the
admission gate refused before routing is `shed`.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine

from backend.bootstrap import Container
from backend.db import session_scope
from backend.deadlines.office import in_office_hours
from backend.observability.figures import BusinessFigures, business_figures

log = logging.getLogger(__name__)

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Seconds: the API answers in milliseconds; the gate refuses after INTAKE_QUEUE_WAIT_SECONDS.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
SCRAPE_LOCK_SECONDS = 10.0  # a scrape waits this long for another one's figures, at most


class RequestMetrics:
    """Counters and latencies of the requests this process answered."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "intake_http_requests",
            "HTTP requests answered, by method, route template and status code.",
            ["method", "route", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "intake_http_request_duration_seconds",
            "Time from a request's arrival to its answer's headers, by route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.shed = Counter(
            "intake_http_requests_shed",
            "Requests refused 503 by the admission gate (overload) before any work.",
            registry=registry,
        )

    def observe(self, *, method: str, route: str, status: int, seconds: float, shed: bool) -> None:
        """Count one answered request."""
        method = method if method in METHODS else "other"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)
        if shed:
            self.shed.inc()


class BusinessCollector(Collector):
    """Compute the business figures at each scrape, through one read-only connection."""

    def __init__(self, container: Container, reader: Callable[[], Engine]) -> None:
        self.container = container
        self.reader = reader
        self._lock = threading.Lock()  # one scrape computes at a time

    def collect(self) -> Iterator[Metric]:
        """Yield the figures, and intake_business_metrics_up (0 when the DB did not answer)."""
        up = GaugeMetricFamily(
            "intake_business_metrics_up",
            "1 when the business figures below were read from the database at this scrape.",
        )
        figures = None
        if self._lock.acquire(timeout=SCRAPE_LOCK_SECONDS):
            try:
                figures = self._read(self.container.clock.now())
            except Exception:  # noqa: BLE001 - a scrape reports the failure, never a 500
                log.warning("metrics: the business figures could not be read", exc_info=True)
            finally:
                self._lock.release()
        up.add_metric([], 1.0 if figures is not None else 0.0)
        yield up
        if figures is not None:
            yield from families(figures)

    def _read(self, now: datetime) -> BusinessFigures:
        with session_scope(self.reader()) as session:
            env = self.container.keeper.env(session)
            office_open = in_office_hours(
                now, policy=env.policy, calendar=env.calendar, zone=env.zone
            )
            return business_figures(session=session, now=now, office_open=office_open)


def families(figures: BusinessFigures) -> Iterator[Metric]:
    """Yield the Prometheus metric families of a set of business figures."""
    received = CounterMetricFamily(
        "intake_cases_received",
        "Cases received since the start, by channel and kind (from the database).",
        labels=["channel", "kind"],
    )
    for (channel, kind), count in sorted(figures.received.items()):
        received.add_metric([channel, kind], count)
    yield received
    open_cases = GaugeMetricFamily(
        "intake_cases_open",
        "Cases not yet resolved, closed or rejected, by unit and state.",
        labels=["unit", "state"],
    )
    for (unit, state), count in sorted(figures.open_cases.items()):
        open_cases.add_metric([unit, state], count)
    yield open_cases
    overdue = GaugeMetricFamily(
        "intake_clocks_overdue",
        "Open case clocks past their due moment, by clock kind and the unit that owes it.",
        labels=["kind", "unit"],
    )
    for (kind, unit), count in sorted(figures.overdue_clocks.items()):
        overdue.add_metric([kind, unit], count)
    yield overdue
    failing = GaugeMetricFamily(
        "intake_channels_failing",
        "Notice channels marked failing (deliveries failed in a row), by kind and unit served.",
        labels=["kind", "unit"],
    )
    for (kind, unit), count in sorted(figures.failing_channels.items()):
        failing.add_metric([kind, unit], count)
    yield failing
    yield GaugeMetricFamily(
        "intake_outbox_waiting",
        "Notifications waiting in the outbox (pending or being sent).",
        value=figures.outbox_waiting,
    )
    yield GaugeMetricFamily(
        "intake_outbox_oldest_age_seconds",
        "Age of the oldest notification the sender should deliver now; 0 when none waits.",
        value=figures.outbox_oldest_age,
    )
    yield GaugeMetricFamily(
        "intake_outbox_retrying",
        "Notifications waiting for another attempt after a failed one.",
        value=figures.outbox_retrying,
    )
    yield CounterMetricFamily(
        "intake_outbox_failed",
        "Notifications given up after their last attempt (delivery failures).",
        value=figures.outbox_failed,
    )
    age = figures.last_sweep_age
    yield GaugeMetricFamily(
        "intake_scheduler_last_sweep_age_seconds",
        "Seconds since any scheduler last swept the deadlines; +Inf when none ever did.",
        value=math.inf if age is None else age,
    )
