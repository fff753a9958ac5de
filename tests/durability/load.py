"""Many concurrent clients filing cases for a while; every answer kept with its latency."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx


@dataclass
class Answer:
    """One request's outcome: status (0 when no answer came), seconds, case number if any."""

    status: int
    seconds: float
    number: str | None = None
    retry_after: str | None = None
    error: str | None = None  # the client's exception when no answer came
    server_seconds: float | None = None  # the server's own queue + work (Server-Timing)


@dataclass
class LoadResult:
    """All answers of a load run."""

    answers: list[Answer] = field(default_factory=list)
    duration: float = 0.0

    @property
    def statuses(self) -> Counter[int]:
        """Return how many answers had each status."""
        return Counter(a.status for a in self.answers)

    @property
    def worst(self) -> float:
        """Return the slowest answer's seconds."""
        return max((a.seconds for a in self.answers), default=0.0)

    @property
    def worst_on_server(self) -> float:
        """Return the slowest answer's seconds as the server measured them (queue + work)."""
        return max((a.server_seconds or 0.0 for a in self.answers), default=0.0)

    @property
    def created(self) -> list[str]:
        """Return the numbers of the cases acknowledged with 201."""
        return [a.number for a in self.answers if a.status == 201 and a.number]

    def rate(self, status: int) -> float:
        """Return answers of this status per second of the run."""
        return self.statuses[status] / self.duration if self.duration else 0.0


def server_seconds(header: str | None) -> float | None:
    """Return the seconds a `Server-Timing: queue;dur=MS, app;dur=MS` header adds up to."""
    if not header:
        return None
    total = 0.0
    for part in header.split(","):
        _, _, duration = part.partition("dur=")
        total += float(duration or 0) / 1000
    return total


async def _client(
    http: httpx.AsyncClient, url: str, headers: dict[str, str], text: str, until: float
) -> list[Answer]:
    answers: list[Answer] = []
    n = 0
    while time.monotonic() < until:
        n += 1
        started = time.monotonic()
        try:
            response = await http.post(url, json={"text": f"{text} #{n}"}, headers=headers)
        except httpx.HTTPError as exc:
            answers.append(Answer(0, time.monotonic() - started, error=type(exc).__name__))
            continue
        seconds = time.monotonic() - started
        number = response.json().get("number") if response.status_code == 201 else None
        answers.append(
            Answer(
                response.status_code,
                seconds,
                number,
                response.headers.get("retry-after"),
                server_seconds=server_seconds(response.headers.get("server-timing")),
            )
        )
    return answers


def file_cases_concurrently(
    base_url: str, headers: dict[str, str], *, clients: int, seconds: float, text: str
) -> LoadResult:
    """Run `clients` clients that each file cases back to back for `seconds`; keep every answer."""

    async def run() -> LoadResult:
        # A connection per request: a client starved of CPU for longer than the server's
        # keep-alive (5 s) would otherwise send into a connection the server is closing, and
        # count as lost a request that never arrived.
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=0)
        timeout = httpx.Timeout(60.0)  # far above any answer the gate allows; a hang shows
        async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
            started = time.monotonic()
            until = started + seconds
            url = base_url + "/api/v1/cases"
            batches = await asyncio.gather(
                *(_client(http, url, headers, text, until) for _ in range(clients))
            )
            result = LoadResult(duration=time.monotonic() - started)
        for batch in batches:
            result.answers.extend(batch)
        return result

    return asyncio.run(run())
