"""Where a page sends the visitor next: 303 redirects within the console, the main links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi.responses import RedirectResponse

from backend.actors import Actor

HOME = "/console/"
ADMIN = "/console/admin/"


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


@dataclass(frozen=True)
class NavLink:
    """A link of the main navigation: its address and the text key of its words."""

    path: str
    text_key: str


def main_links(user: Actor | None) -> list[NavLink]:
    """Return the main navigation's links this user may follow (pages add theirs here)."""
    if user is None:
        return []
    links = [NavLink(HOME, "nav.home")]
    if user.is_coordinator:
        links.append(NavLink(ADMIN, "nav.admin"))
    return links
