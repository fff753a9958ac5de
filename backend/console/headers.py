"""Strict headers on every console response: pages, redirects, refusals and static files.

The policy allows this site's own files only: no inline script or style (templates carry no
`<script>` body, no `style=` and no `on...=` attributes; a test checks), nothing from another
origin, no framing. A response that sets a policy of its own keeps it: an evidence file
carries a stricter one (`default-src 'none'; sandbox`). Pages are never cached (they show
cases and names); static files may be kept for a day, their addresses carry the file's
version (backend/assets.py).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
PAGE_CACHE = NO_STORE = (b"cache-control", b"no-store")
STATIC_CACHE = (b"cache-control", b"public, max-age=86400")
_POLICY = b"content-security-policy"


class StrictHeaders:
    """ASGI middleware: add security and cache headers to every response of a sub-app.

    `headers` replace any of the same name a response set, except a content security policy
    of the response's own, which is kept (an evidence file's is stricter); pages get
    `page_cache` (those under `uncached_prefix`, if given, `no-store`), files under
    `static_prefix` may be kept for a day.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        static_prefix: str,
        headers: list[tuple[bytes, bytes]],
        page_cache: tuple[bytes, bytes],
        uncached_prefix: str | None = None,
    ) -> None:
        self.app = app
        self.static_prefix = static_prefix
        self.uncached_prefix = uncached_prefix
        self.headers, self.page_cache = headers, page_cache
        self.replaced = frozenset(name for name, _ in [*headers, page_cache])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(self.static_prefix + "/")
        cache = STATIC_CACHE if static else self.page_cache
        if self.uncached_prefix is not None and scope["path"].startswith(self.uncached_prefix):
            cache = NO_STORE

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = message.get("headers", [])
                kept = [(n, v) for n, v in own if n.lower() not in self.replaced]
                own_policy = [(n, v) for n, v in own if n.lower() == _POLICY]
                added = [h for h in self.headers if not (own_policy and h[0] == _POLICY)]
                message = {**message, "headers": [*kept, *own_policy, *added, cache]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ConsoleHeaders(StrictHeaders):
    """The console's security and cache headers on every response."""

    def __init__(self, app: ASGIApp, *, static_prefix: str) -> None:
        super().__init__(app, static_prefix=static_prefix, headers=HEADERS, page_cache=PAGE_CACHE)
