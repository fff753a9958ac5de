"""Query strings are read as UTF-8, however they were sent; bytes that are no UTF-8 are refused.

Starlette reads a query string's bytes as Latin-1 and its %-escapes as UTF-8 with U+FFFD for
what does not decode. So `curl 'http://…/api/v1/cases?q=拖欠'` (curl sends the characters'
UTF-8 bytes as they are; so do some HTTP libraries and hand-written clients) searched for
mojibake and found nothing, and `?q=%ff` searched for U+FFFD as if it had been typed.

`Utf8QueryStrings`, the app's outermost middleware but one (installed by
`backend.api.app.create_app`), %-escapes every byte outside ASCII before anything reads the
query, as a browser would have sent it, so both spellings of a query mean the same; and it notes
in the request's scope the first parameter whose name or value still decodes to no UTF-8. Each
surface refuses such a request in its own form: the API with 400 `bad_query_encoding` (its
error body), Open311 with its error list, the console and the public pages with their 400
page. The same rule for form-encoded bodies: `backend.open311.api` (Open311's form fields).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.storable import printable

UNDECODABLE = "intake.undecodable_query"  # scope key: the first such parameter's name
_RAW = re.compile(rb"[\x80-\xff]")
_NAME_SHOWN = 40  # characters of a refused parameter's name said back


def escape_raw_bytes(query: bytes) -> bytes:
    """Return the query with each byte outside ASCII %-escaped (`q=拖欠`: `q=%E6%8B%96%E6%AC%A0`).

    Bytes that are no UTF-8 are escaped too; `undecodable_parameter` then names them.
    """
    if query.isascii():
        return query
    return _RAW.sub(lambda match: b"%%%02X" % match.group()[0], query)


def undecodable_parameter(query: bytes) -> str | None:
    """Return the name of the first field (`name=value&…`) whose name or value, unescaped
    (`+` as a space), is no UTF-8; None when every field decodes.

    The name comes back decoded with U+FFFD in place of what does not decode, at most 40
    characters, to be said back to the caller.
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
            return printable(raw_name.decode("utf-8", "replace"), _NAME_SHOWN)
    return None


def undecodable_in(scope: Scope | dict[str, Any]) -> str | None:
    """Return the parameter `Utf8QueryStrings` found undecodable in this request, if any."""
    return scope.get(UNDECODABLE)


class Utf8QueryStrings:
    """ASGI middleware: a query's raw bytes read as UTF-8; an undecodable field noted.

    HTTP and WebSocket scopes alike; the request goes on either way (each surface refuses it
    in its own form, see the module's text). Costs nothing for a query of ASCII without `%`.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with its query string escaped and checked."""
        query = scope.get("query_string", b"") if scope["type"] in ("http", "websocket") else b""
        if query and (not query.isascii() or b"%" in query):
            scope = {**scope, "query_string": escape_raw_bytes(query)}
            name = undecodable_parameter(scope["query_string"])
            if name is not None:
                scope[UNDECODABLE] = name
        await self.app(scope, receive, send)
