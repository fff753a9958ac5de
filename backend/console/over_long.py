"""A console form field posted past its server-side limit: the form again, what was typed kept.

A browser's `maxlength` stops most over-long input, but not a client without it, nor a paste in
a browser that ignores it. FastAPI refuses such a post before the page's route runs (the
limits are the routes' `Form(max_length=...)`); instead of a bare 400 page, which would lose
the typed text, the console answers for every form alike:

1. the page the form lives on is rendered again as the visitor would GET it: the posted
   address itself when it has a page (sign-in, a password link), else its nearest parent
   that has one (`/cases/X/actions` -> `/cases/X`, `/admin/calendar/overrides` ->
   `/admin/calendar`);
2. the form posting to that address gets every posted value back (never a password) and,
   beside each over-long field, a message in the visitor's language naming the field (its
   label on the page) and its limit (backend.console.refill);
3. the answer is 400. Where the page shows no such form any more (someone acted on the case
   meanwhile), nothing was done: the error page names each over-long field by its label and
   limit, gives every typed text back in a read-only box to copy, and links to the page.

A post with any other mistake (a missing field, a number that is none) keeps the bare page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from backend.console import texts
from backend.console.refill import Refused, refill
from backend.console.rendering import render_error
from backend.console.visit import console_state, known_visit

log = logging.getLogger(__name__)
TOO_LONG = "string_too_long"
# Posted fields that are choices or the form's own bookkeeping, never typed text.
_NOT_TYPED = {"action", "version", "seen", "csrf_token", "next", "department", "category"}


def over_long_fields(exc: RequestValidationError) -> list[tuple[str, int]] | None:
    """Return (field name, limit) of each over-long body field; None if anything else is wrong."""
    found = []
    for error in exc.errors():
        loc = error.get("loc", ())
        if error.get("type") != TOO_LONG or len(loc) != 2 or loc[0] != "body":
            return None
        found.append((str(loc[1]), int(error.get("ctx", {}).get("max_length", 0))))
    return found or None


async def reshow_form(request: Request, exc: RequestValidationError) -> HTMLResponse | None:
    """Return the form's page again with the typed values and the fields' messages (400).

    None when the post has another mistake too (the caller shows the bare 400 page).
    """
    fields = over_long_fields(exc)
    if fields is None or request.method != "POST":
        return None
    posted = _posted(exc.body)
    language = known_visit(request).language
    lengths = {name: len(value) for name, value in posted}
    refused = [
        Refused(name, _words(language, limit, lengths.get(name, 0))) for name, limit in fields
    ]
    page = await _form_page(request)
    if page is not None:
        html, cookies, _ = page
        filled = refill(
            html,
            action=request.url.path,
            posted=posted,
            refused=refused,
            error_html=lambda ident, words: _error_html(request, ident, words),
        )
        if filled is not None:
            response = HTMLResponse(filled, status_code=400)
            for cookie in cookies:
                response.headers.append("set-cookie", cookie)
            return response
    gone = " ".join(
        texts.render(
            language,
            "form.too_long_gone",
            field=field_label(language, name),
            max=limit,
            length=lengths.get(name, 0),
        )
        for name, limit in fields
    )
    kept = [
        (field_label(language, name), value) for name, value in posted if typed_text(name, value)
    ]
    back = page[2] if page is not None else None
    return await render_error(
        request, 400, "error.bad_request_title", message=lambda _: gone, kept=kept, back=back
    )


def field_label(language: str, name: str) -> str:
    """Return a posted field's label as the console's forms name it (the name if none)."""
    for prefix in ("case.field", "records.field", "form.field"):
        if texts.has(f"{prefix}.{name}"):
            return texts.render(language, f"{prefix}.{name}")
    return name


def typed_text(name: str, value: str) -> bool:
    """Tell whether a posted value is text someone typed (not a choice, a number or a token)."""
    return (
        name not in _NOT_TYPED
        and "password" not in name
        and len(value.strip()) > 0
        and (not value.strip().isdigit())
    )


def _words(language: str, limit: int, length: int) -> Callable[[str], str]:
    def words(label: str) -> str:
        return texts.render(language, "form.too_long", field=label, max=limit, length=length)

    return words


def _posted(body: Any) -> list[tuple[str, str]]:
    """Return the posted text fields as (name, value) pairs, in order, without the token."""
    if not isinstance(body, FormData):
        return []
    return [
        (name, value)
        for name, value in body.multi_items()
        if isinstance(value, str) and name != "csrf_token"
    ]


def _error_html(request: Request, ident: str, words: str) -> str:
    template = console_state(request).templates.get_template("partials/field_error.html")
    return template.render(ident=ident, words=words)


def _candidate_paths(request: Request) -> list[str]:
    """Return the posted address and its parents, nearest first (console-relative)."""
    root = request.scope.get("root_path", "")
    path = request.url.path.removeprefix(root).rstrip("/") or "/"
    found = [path]
    while path != "/":
        path = path.rsplit("/", 1)[0] or "/"
        found.append(path)
    return found


async def _form_page(request: Request) -> tuple[str, list[str], str] | None:
    """GET the form's page as this visitor (same cookies); return its HTML, its cookies and
    its address.

    The first of the posted address and its parents that answers 200 is the page.
    """
    root = request.scope.get("root_path", "")
    for path in _candidate_paths(request):
        page = await _get(request, path)
        if page is not None:
            return (*page, root + path)
    return None


async def _get(request: Request, path: str) -> tuple[str, list[str]] | None:
    """Return the HTML and cookies of a console page GET as this visitor, None unless 200."""
    root = request.scope.get("root_path", "")
    skip = {b"content-type", b"content-length"}
    scope = {
        **request.scope,
        "method": "GET",
        "path": root + path,
        "raw_path": (root + path).encode(),
        "query_string": b"",
        "headers": [(k, v) for k, v in request.scope["headers"] if k not in skip],
        "state": {},
    }
    status, headers, body = 0, [], bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await request.app(scope, receive, send)
    if status != 200:
        return None
    cookies = [v.decode("latin-1") for k, v in headers if k.lower() == b"set-cookie"]
    return body.decode("utf-8"), cookies
