"""The public pages' headers: a stricter policy than the console's, no script at all.

The public pages carry no JavaScript (the language switch and the paging are links), so the
policy allows only this site's style sheet and one form posting to this site (the email
confirmation's button) and nothing else: no script, no connection, no frame, no other origin.
Pages may be cached briefly by the browser only (they change when a record is taken down);
an email confirmation page never (`no-store`: after its button, Back must not offer it again).
"""

from __future__ import annotations

from starlette.types import ASGIApp

from backend.console.headers import StrictHeaders
from backend.notifications.email_confirmation import PATH as CONFIRMATION_PATH

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


class PublicHeaders(StrictHeaders):
    """The public pages' security and cache headers on every response."""

    def __init__(self, app: ASGIApp, *, static_prefix: str) -> None:
        super().__init__(
            app,
            static_prefix=static_prefix,
            headers=HEADERS,
            page_cache=PAGE_CACHE,
            uncached_prefix=f"{CONFIRMATION_PATH}/",
        )
