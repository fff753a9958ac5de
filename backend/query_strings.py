"""A query string is UTF-8: a parameter whose name or value is not is refused, not guessed at.

Starlette reads a query's %-escapes as UTF-8 with U+FFFD for what does not decode, so
`?q=%ff` searched for U+FFFD as if it had been typed, and a filter compared a value nobody
sent. `backend.api.deps.refuse_undecodable_query`, a dependency of every route of the app,
the console and the public pages (but those marked `reads_no_query`), refuses such a request
with 400 `bad_query_encoding` naming the parameter, each surface in its own form (the API's
error body, Open311's error list, the console's and the public site's 400 page). Open311's
form-encoded bodies follow the same rule (`backend.open311.api`).

Bytes above 0x7F sent unescaped (`curl 'http://…/cases?q=拖欠'`) never reach the app under
`intake run`: uvicorn's HTTP parser (h11) refuses the request line with its own 400. An ASGI
server that passes them on gets them checked here like escaped ones (Starlette would then
read valid UTF-8 as Latin-1: send queries %-escaped, as browsers and `curl -G
--data-urlencode` do).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import unquote_to_bytes

_NAME_SHOWN = 40  # characters of a refused parameter's name said back
_READS_NO_QUERY = "_reads_no_query"
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def reads_no_query(endpoint: Endpoint) -> Endpoint:
    """Mark a route that reads no query parameter (a static page, a redirect, the icon): its
    query is not checked, as any static page ignores it, so a link that carries one in
    another encoding (a portal's `?from=` in GBK) still opens the page.

    Put it under the route's decorator (`@app.get(...)` above, `@reads_no_query` below)."""
    setattr(endpoint, _READS_NO_QUERY, True)
    return endpoint


def route_reads_query(route: object) -> bool:
    """Tell whether a matched route may read its query (every route not marked otherwise)."""
    return not getattr(getattr(route, "endpoint", None), _READS_NO_QUERY, False)


def undecodable_parameter(query: bytes) -> str | None:
    """Return the name of the first field (`name=value&…`) whose name or value, unescaped
    (`+` as a space), is no UTF-8; None when every field decodes.

    The name comes back at most 40 characters long, with U+FFFD in place of what does not
    decode and of anything not printable (controls, bidi overrides), to be said back.
    """
    if b"%" not in query and query.isascii():
        return None
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        raw_name = unquote_to_bytes(name.replace(b"+", b" "))
        try:
            raw_name.decode("utf-8")
            unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            shown = raw_name.decode("utf-8", "replace")[:_NAME_SHOWN]
            return "".join(c if c.isprintable() else "\ufffd" for c in shown)
    return None
