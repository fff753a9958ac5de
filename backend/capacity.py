"""How much work one process takes on at once, set in one place (decision 10).

Three limits must agree or the process collapses under load: the requests admitted at once
(the admission gate), the worker threads that run them, and the database connections they
hold. Measured on the first version, 45-50 concurrent `POST /api/v1/cases` exhausted a
5 + 10 connection pool while the threads that would have returned connections waited for
threads, and both databases fell to 1.6 requests/s with half the answers `500` after 30 s.
Here every admitted request holds at most one connection at a time, so a pool of
`in_flight` connections plus those of the work outside requests (scheduler jobs, Telegram
dialog turns) never runs dry, and what is not admitted within `queue_wait` seconds is
answered `503` with `Retry-After` before any work starts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from backend.settings import Settings

# Jobs the in-process scheduler may run at once: sweep, send, digest, calendar alarm (and the
# upload clean-up), each with max_instances=1; one connection each.
SCHEDULER_JOBS = 6
# Telegram dialog turns run on a thread pool of their own. SQLite writes one transaction at a
# time and the conversation service queues SQLite turns on a process lock, so more threads
# would only wait there (5 ms a turn alone, 40-200 ms with 16 threads contending);
# PostgreSQL locks per chat, so turns of different chats run in parallel.
CHAT_TURN_THREADS = {"sqlite": 2, "postgresql": 8}
# Threads beyond the admitted requests, for the event loop's own short calls.
SPARE_THREADS = 4
# The longest a request may wait for a connection once admitted; only reached when the
# database itself stalls (the pool is sized so that it cannot run dry).
POOL_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Capacity:
    """The process's limits: admitted requests, threads and connections, sized together."""

    in_flight: int  # requests admitted at once (HTTP: admin API, web chat, webhook)
    queue_wait: float  # seconds a request may wait for admission before its 503
    chat_turn_threads: int  # threads (and connections) for Telegram dialog turns
    scheduler_jobs: int = SCHEDULER_JOBS

    @classmethod
    def of(cls, settings: Settings, *, dialect: str) -> Capacity:
        """Return the limits for a process on a database of this dialect (sqlite, postgresql)."""
        return cls(
            in_flight=settings.max_in_flight,
            queue_wait=settings.queue_wait_seconds,
            chat_turn_threads=CHAT_TURN_THREADS.get(dialect, 4),
        )

    @property
    def threads(self) -> int:
        """Return the worker threads of the web server (anyio's default limiter)."""
        return self.in_flight + SPARE_THREADS

    @property
    def pool_size(self) -> int:
        """Return the connections: one per admitted request, chat turn and scheduler job."""
        return self.in_flight + self.chat_turn_threads + self.scheduler_jobs

    @property
    def retry_after(self) -> int:
        """Return the seconds a refused client is asked to wait (`Retry-After`), at least 1."""
        return max(1, math.ceil(self.queue_wait))

    def pool_options(self) -> dict[str, Any]:
        """Return SQLAlchemy's pool arguments: a fixed pool, no overflow, a bounded wait."""
        return {
            "pool_size": self.pool_size,
            "max_overflow": 0,
            "pool_timeout": POOL_TIMEOUT_SECONDS,
        }
