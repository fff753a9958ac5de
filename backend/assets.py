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

    def files(self) -> StaticFiles:
        """Return the ASGI app that serves the folder (mounted at the prefix)."""
        return StaticFiles(directory=self.directory)
