"""The admission gate: at most `in_flight` requests at work, the rest refused quickly (503).

Decision 10. A request waits at most `queue_wait` seconds for a turn; one that gets none is
answered `503 Service Unavailable` with `Retry-After` before any of its work starts, so a
refused request never writes anything. An admitted request runs to its end, holding at most
one database connection and one worker thread at a time, which the pool and the thread
limiter (sized together in `backend.capacity`) always have for it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.capacity import Capacity
from backend.languages import preferred_language
from backend.messages import render
from backend.open311.errors import errors
from backend.open311.render import MEDIA_TYPES, format_of, serialise

log = logging.getLogger(__name__)

# A refused request's body is read and dropped up to this size so that its connection can
# serve the client's retry; a larger one is not read, and the connection is closed.
DRAIN_LIMIT = 64 * 1024
# Addresses that never touch the database: documentation and static pages.
UNGATED_PREFIXES = (
    "/docs",
    "/redoc",
    "/openapi.json",
    "/static/",
    "/console/static/",
    "/chat/static/",
)
# Open311 (GeoReport v2) files cases: gated like the API, refused in its own error list.
OPEN311_PREFIX = "/open311/"
# Liveness and readiness answer a load balancer even when every turn is taken, and /metrics
# answers under overload, when it matters most (backend/observability/endpoint.py).
UNGATED_PATHS = frozenset(
    {"/", "/chat", "/favicon.ico", "/api/v1/health", "/api/v1/ready", "/metrics"}
)
# Marks a refused request in its scope, for the request metrics (backend/observability/http.py).
SHED_KEY = "intake.shed"


def is_gated(path: str) -> bool:
    """Return whether a request to this path must wait for a turn."""
    return path not in UNGATED_PATHS and not path.startswith(UNGATED_PREFIXES)


class AdmissionGate:
    """ASGI middleware: admit `capacity.in_flight` requests at once, refuse late ones with 503."""

    def __init__(self, app: ASGIApp, *, capacity: Capacity) -> None:
        self.app = app
        self.capacity = capacity
        self.refused = 0  # requests answered 503 since start (read by tests and metrics)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._turns = asyncio.Semaphore(capacity.in_flight)

    def _semaphore(self) -> asyncio.Semaphore:
        # A semaphore belongs to one event loop; a test client may start a new one.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._turns = loop, asyncio.Semaphore(self.capacity.in_flight)
        return self._turns

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_gated(scope["path"]):
            await self.app(scope, receive, send)
            return
        arrived = time.monotonic()
        turns = self._semaphore()
        try:
            async with asyncio.timeout(self.capacity.queue_wait):
                await turns.acquire()
        except TimeoutError:
            self.refused += 1
            scope[SHED_KEY] = True
            await self._refuse(scope, receive, send)
            return
        admitted = time.monotonic()

        async def send_timed(message: Message) -> None:
            # Server-Timing: how long the request waited for its turn and then worked, in ms.
            if message["type"] == "http.response.start":
                queue_ms = (admitted - arrived) * 1000
                work_ms = (time.monotonic() - admitted) * 1000
                timing = f"queue;dur={queue_ms:.1f}, app;dur={work_ms:.1f}".encode()
                message = {**message, "headers": [*message["headers"], (b"server-timing", timing)]}
            await send(message)

        try:
            await self.app(scope, receive, send_timed)
        finally:
            turns.release()

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        language = _language(scope)
        body = json.dumps(
            {"detail": render("overloaded", language), "code": "overloaded"}, ensure_ascii=False
        ).encode()
        content_type = b"application/json"
        if scope["path"].startswith(OPEN311_PREFIX):  # Open311 clients read the error list
            fmt = open311_format(scope)
            refused = errors(503, render("overloaded", language))
            body = serialise(refused, root="errors", fmt=fmt)
            content_type = MEDIA_TYPES[fmt].encode()
        if self.refused % 100 == 1:
            log.warning("overloaded: %d request(s) refused with 503 so far", self.refused)
        response_headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(self.capacity.retry_after).encode()),
        ]
        if not await _drained(receive):
            response_headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": 503, "headers": response_headers})
        await send({"type": "http.response.body", "body": body})


def _language(scope: Scope) -> str:
    """Return zh or en from Accept-Language; the web chat speaks Chinese unless told otherwise."""
    header = dict(scope.get("headers") or []).get(b"accept-language")
    default = "zh" if scope["path"].startswith(("/chat", OPEN311_PREFIX)) else "en"
    return preferred_language(header, default=default)


def open311_format(scope: Scope) -> str:
    """Return the format an Open311 address's suffix names (xml, the required one, if none)."""
    path: str = scope["path"]
    return (format_of(path.rsplit(".", 1)[-1]) if "." in path else None) or "xml"


async def _drained(receive: Receive) -> bool:
    """Read and drop a small request body; return False when it is too large to drain."""
    read = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return False
        read += len(message.get("body", b""))
        if read > DRAIN_LIMIT:
            return False
        if not message.get("more_body", False):
            return True
