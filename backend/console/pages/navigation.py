"""Where a page sends the visitor next: 303 redirects, and only ever within the console."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi.responses import RedirectResponse

HOME = "/console/"


def see_other(path: str) -> RedirectResponse:
    """Return a redirect after a form (303: the browser follows it with GET)."""
    return RedirectResponse(path, status_code=303)


def local_path(raw: str | None, default: str = HOME) -> str:
    """Return `raw` if it is a path inside the console, else `default` (no open redirect)."""
    if not raw or len(raw) > 2000 or "\\" in raw or any(ord(c) < 32 for c in raw):
        return default
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or raw.startswith("//"):
        return default
    if parts.path != "/console" and not parts.path.startswith("/console/"):
        return default
    return raw
