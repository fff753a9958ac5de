"""The public pages' headers: a stricter policy than the console's, no script at all.

The public page carries no JavaScript (the language switch and the paging are links), so the
policy allows only this site's style sheet and nothing else: no script, no connection, no
form, no frame, no other origin. Pages may be cached briefly by the browser only (they
change when a record is taken down).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "script-src 'none'",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
PAGE_CACHE = (b"cache-control", b"private, max-age=60")
STATIC_CACHE = (b"cache-control", b"public, max-age=86400")
_REPLACED = frozenset(name for name, _ in [*HEADERS, PAGE_CACHE])


class PublicHeaders:
    """ASGI middleware: add the public pages' security and cache headers to every response."""

    def __init__(self, app: ASGIApp, *, static_prefix: str) -> None:
        self.app = app
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(self.static_prefix + "/")
        cache = STATIC_CACHE if static else PAGE_CACHE

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = message.get("headers", [])
                kept = [(name, value) for name, value in own if name.lower() not in _REPLACED]
                message = {**message, "headers": [*kept, *HEADERS, cache]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
