"""Where a page sends the visitor next: 303 redirects within the console, the main links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from fastapi.responses import RedirectResponse

from backend.actors import Actor

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
    segments = unquote(parts.path).split("/")
    if "." in segments or ".." in segments:  # /console/../api: out of the console
        return default
    return raw


@dataclass(frozen=True)
class NavLink:
    """A link of the header's navigation: the console route's name and its text's key."""

    route: str
    text: str
    coordinators_only: bool = False


# The header's links, in order; each page adds its own here.
NAV_LINKS: list[NavLink] = [
    NavLink("home", "nav.queues"),  # the queues are the landing page
    NavLink("cases", "nav.search"),
    NavLink("dashboard", "nav.dashboard"),
    NavLink("admin", "nav.admin", coordinators_only=True),
    NavLink("ledger", "nav.ledger"),
    NavLink("assessment", "nav.assessment"),
    NavLink("records", "nav.records"),
]


def nav_links(actor: Actor | None) -> list[NavLink]:
    """Return the header's links this staff member may follow (none before sign-in)."""
    if actor is None:
        return []
    return [link for link in NAV_LINKS if actor.is_coordinator or not link.coordinators_only]
