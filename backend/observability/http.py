"""The request middleware: a request id, the log context, and the request metrics.

It sits outside every other middleware of the app (the admission gate included), so a
request shed under overload is counted and carries its `X-Request-ID` too.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.api.admission import SHED_KEY
from backend.observability.context import accepted_request_id, request_context
from backend.observability.metrics import RequestMetrics

REQUEST_ID_HEADER = "X-Request-ID"
UNMATCHED = "unmatched"  # the route label of a request no route took (404s of any path)
SHED = "shed"  # ... and of one the admission gate refused before routing


def route_template(scope: Scope, base: str = "") -> tuple[str, dict[str, Any]]:
    """Return the template of the route that served a request, and its path parameters.

    Read from the scope after routing: the router records the route it chose (relative to
    the router or mount that holds it) and the path parameters it took. The template is the
    part of the path before the route's own, then the route's format:
    `/api/v1/cases/{number}`, `/open311/v2/requests/{service_request_id}.{fmt}`,
    `/console/static/{path}` (a mount's files, or an address under a mount that no route of
    it serves). `base` is the app's own root path, which the server's path starts with. A
    request no route took is `unmatched`.
    """
    route = scope.get("route")
    params = dict(scope.get("path_params") or {})
    mounted = str(scope.get("root_path", "")).removeprefix(base)  # the mounts passed
    if route is None or isinstance(route, Mount):
        # A mount that routes no further (static files), or where no route matched.
        return (mounted + "/{path}" if mounted else UNMATCHED), params
    path = str(scope["path"]).removeprefix(base)
    pattern, template = getattr(route, "path_regex", None), getattr(route, "path_format", None)
    if pattern is not None and isinstance(template, str):
        for at in (i for i, char in enumerate(path) if char == "/"):
            if pattern.match(path[at:]):  # anchored at both ends: the route's whole path
                return path[:at] + template, params
    return UNMATCHED, params


class RequestObserver:
    """ASGI middleware: request id in and out, log context, request count and latency."""

    def __init__(self, app: ASGIApp, *, metrics: RequestMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent_id = _header(scope, b"x-request-id")
        base = str(scope.get("root_path", ""))
        started = time.perf_counter()
        status = 500  # what the server answers when the app raises before its answer
        with request_context(accepted_request_id(sent_id)) as context:
            header = (b"x-request-id", context.request_id.encode())

            def routed() -> str:
                if scope.get(SHED_KEY):
                    return SHED
                route, params = route_template(scope, base)
                if context.case is None and isinstance(params.get("number"), str):
                    context.case = params["number"]
                return route

            async def send_observed(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    # Before the server's access line, which is written as the headers go.
                    status = message["status"]
                    context.route = routed()
                    context.duration_ms = round((time.perf_counter() - started) * 1000, 1)
                    message = {**message, "headers": [*message.get("headers", []), header]}
                await send(message)

            try:
                await self.app(scope, receive, send_observed)
            finally:
                self.metrics.observe(
                    method=scope["method"],
                    route=context.route or routed(),
                    status=status,
                    seconds=time.perf_counter() - started,
                    shed=bool(scope.get(SHED_KEY)),
                )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or []:
        if key == name:
            return bytes(value).decode("latin-1")
    return None
