"""Render console pages from templates, with what every page needs already in the context.

Every template gets: `t(key, **params)` (the zh/en catalogue in the visitor's language),
`lang`; `user` (the `Actor`, or None); `error` and `notice` (None unless the page gives
them); `csrf_token` (for `partials/csrf.html`; None on error pages, which show no forms);
`static(name)` (a versioned asset address); `url(name, **params)` (a console route's
address by its name); and `current_path`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse

from backend.cases.system_reasons import reason_shown
from backend.console import cookies, texts
from backend.console.visit import (
    Visit,
    console_state,
    known_visit,
    resolve_visit,
    template_globals,
)


def console_path(request: Request, name: str, **params: Any) -> str:
    """Return the address of the console route with this name (e.g. `sign_in`)."""
    root = request.scope.get("root_path", "")
    return f"{root}{request.app.url_path_for(name, **params)}"


def current_path(request: Request) -> str:
    """Return the path and query of this request (for `next=` after sign-in)."""
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def form_page(request: Request) -> str:
    """Return the console page a form was posted from (its same-site Referer: the console
    sends `Referrer-Policy: same-origin`), for `next=` after signing in again; "" if unknown.

    A session that ended while a form was typed leads back to that form's page, where the
    console's script puts back what was typed (static/console.js, `data-draft`)."""
    parts = urlsplit(request.headers.get("referer", ""))
    if parts.netloc != request.url.netloc or not parts.path.startswith("/console/"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def render_page(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render a console template for this request's visitor (call it from a sync route)."""
    return _render(request, resolve_visit(request), template, status_code, context)


async def render_error(
    request: Request,
    status_code: int,
    title_key: str,
    message_key: str | None = None,
    *,
    message: Callable[[str], str] | None = None,
    kept: list[tuple[str, str]] | None = None,
    back: str | None = None,
) -> HTMLResponse:
    """Render the error page: a heading and a message (a text key, or a function of language).

    `kept`: (label, text) pairs given back read-only, to copy, when nothing was saved; `back`:
    the page to return to (else the console's home). Uses no database: the visitor is the one
    this request already resolved, if any.
    """
    visit = known_visit(request)
    text = message(visit.language) if message else texts.render(visit.language, message_key or "")
    context = {
        "title_key": title_key,
        "message": text,
        "status": status_code,
        "kept": kept or [],
        "back": back,
    }
    return _render(request, visit, "error.html", status_code, context)


def _render(
    request: Request, visit: Visit, template: str, status_code: int, context: dict[str, Any]
) -> HTMLResponse:
    # Here, not at the top: the pages package imports this module.
    from backend.console.inbox_badge import inbox_unread
    from backend.console.pages.navigation import nav_links

    console = console_state(request)
    values = {
        **template_globals(visit),
        "t": partial(texts.render, visit.language),
        "reason": partial(reason_shown, language=visit.language),  # the system's own, in words
        "static": console.assets.url,
        "url": partial(console_path, request),
        "current_path": current_path(request),
        "nav_links": nav_links(visit.actor),
        "inbox_unread": partial(inbox_unread, request, visit),  # the header's count (issue 15)
        "error": None,
        "notice": None,
        **context,
    }
    html = console.templates.get_template(template).render(values)
    response = HTMLResponse(html, status_code=status_code)
    if visit.new_form_key and visit.csrf is not None:
        cookies.set_cookie(response, request, cookies.FORM_KEY, visit.form_key)
    return response
