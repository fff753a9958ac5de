"""Static files served by the app (CSS, JavaScript), at addresses that change with the file.

Pages name an asset as `assets.url("console.css")`, which gives
`/console/static/console.css?v=1a2b3c4d` (the first hex digits of the file's SHA-256), so a
browser may keep a file as long as it likes and still picks up a new version at once.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Static files are code and style: never sniffed as something else, kept for a day (their
# addresses change with their content).
STATIC_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"public, max-age=86400"),
)


class StaticAssets:
    """A folder of static files served under a URL prefix (e.g. /console/static)."""

    def __init__(self, directory: Path, prefix: str) -> None:
        self.directory = directory
        self.prefix = prefix.rstrip("/")

    @cached_property
    def _versions(self) -> dict[str, str]:
        return {
            path.relative_to(self.directory).as_posix(): hashlib.sha256(
                path.read_bytes()
            ).hexdigest()[:8]
            for path in sorted(self.directory.rglob("*"))
            if path.is_file()
        }

    def url(self, name: str) -> str:
        """Return the address of a file in the folder, with its version; KeyError if absent."""
        return f"{self.prefix}/{name}?v={self._versions[name]}"

    def files(self) -> ASGIApp:
        """Return the ASGI app that serves the folder (mounted at the prefix)."""
        return _WithHeaders(StaticFiles(directory=self.directory), STATIC_HEADERS)


class _WithHeaders:
    """ASGI wrapper: set these headers on every response of the wrapped app."""

    def __init__(self, app: ASGIApp, headers: tuple[tuple[bytes, bytes], ...]) -> None:
        self.app = app
        self.headers = headers
        self.names = {name for name, _ in headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", []) if h[0].lower() not in self.names]
                message = {**message, "headers": [*kept, *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
