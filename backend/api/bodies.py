"""Request bodies: a size limit counted while they stream in, a nesting limit on their JSON.

One middleware (`LimitBodies`, installed by create_app) bounds every request of the process:
the API, the web chat and Telegram's webhook. A body declared larger than its limit is refused
before a byte is read, one sent in chunks at the first chunk past it; the refusal is raised
from `receive`, so the endpoint that reads answers 413 with the usual error body. Python's JSON
parser recurses once per level (100,000 `[` end in a RecursionError), so a body is scanned
first, strings skipped, and refused past MAX_JSON_DEPTH levels (400).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_JSON_DEPTH = 32  # the deepest body of the API or the web chat has 3 levels, Telegram's ~8
MAX_BODY_BYTES = 1024 * 1024  # any request, Telegram's updates included; uploads get their own
# A string (its closing quote optional, so an unfinished one ends the scan in one step) or a
# bracket; everything else is skipped.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class BodyRefused(HTTPException):
    """A request refused before validation (its body, or its query: `bad_query_encoding`);
    `code` names a message in backend.messages."""

    def __init__(self, status_code: int, code: str, **params: object) -> None:
        super().__init__(status_code=status_code, detail=code)
        self.code = code
        self.params = params


class BodyTooLarge(BodyRefused):
    """A request body past its limit (413), raised by `receive` as the body streams in."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "body_too_large", max=limit)
        self.limit = limit


class JsonTooDeep(ValueError):
    """A JSON text nested more deeply than the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"JSON nested more than {limit} levels deep")
        self.limit = limit


def nesting_exceeds(text: str, limit: int) -> bool:
    """Return whether brackets outside strings nest more than `limit` levels deep."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return True
        elif token in ("]", "}"):
            depth -= 1
    return False


def load_json(body: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse a JSON body (UTF-8, -16 or -32 as json.loads reads them).

    Raises JsonTooDeep past `max_depth` levels and ValueError for text that is no JSON.
    """
    text = body.decode(json.detect_encoding(body)) if isinstance(body, bytes) else body
    if nesting_exceeds(text, max_depth):
        raise JsonTooDeep(max_depth)
    return json.loads(text)


class LimitBodies:
    """ASGI middleware: refuse a request body past its path's limit while it streams in."""

    def __init__(self, app: ASGIApp, *, limits: dict[str, int], default: int) -> None:
        self.app = app
        self.limits = limits  # exact path -> bytes, for routes that take more (uploads)
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a `receive` that counts the body's bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        declared = (Headers(scope=scope).get("content-length") or "").strip()
        too_long = declared.isascii() and declared.isdigit() and int(declared) > limit
        received = 0

        async def counted() -> Message:
            nonlocal received
            if too_long:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


def allow_larger_body(app: FastAPI, path: str, limit: int) -> None:
    """Let requests to one path carry up to `limit` bytes (before the app starts)."""
    app.state.body_limits[path] = limit


def install_body_limits(app: FastAPI) -> None:
    """Bound every request body of the app to MAX_BODY_BYTES, or its path's own limit."""
    app.state.body_limits = {}
    app.add_middleware(LimitBodies, limits=app.state.body_limits, default=MAX_BODY_BYTES)


class _DepthLimitedRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = load_json(await self.body())
            except JsonTooDeep as exc:
                raise BodyRefused(400, "json_too_deep", max=exc.limit) from None
        return self._json


class JsonLimitedRoute(APIRoute):
    """An API route whose JSON body is parsed within MAX_JSON_DEPTH (400 past it)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Return FastAPI's handler, given a request that parses JSON within the limit."""
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            return await handler(_DepthLimitedRequest(request.scope, request.receive))

        return limited
