"""A form's line breaks as the browser counted them: CR LF sent, LF read.

HTML forms send every line break of a textarea as CR LF (`%0D%0A`), while the textarea's
`maxlength` counted it as one character: a note of 1,990 characters on ten lines arrives as
2,000 + 10 and would be refused by a limit the page promised it met. The console's forms are
read with line breaks folded to LF, so a limit counts what the visitor saw, and what is
stored reads the same on every system. Only form-encoded bodies (what the console's forms
send); a multipart body is passed on as it is.
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_CRLF = re.compile(rb"%0D%0A", re.IGNORECASE)
_FORM = "application/x-www-form-urlencoded"


def fold(body: bytes) -> bytes:
    """Return a form-encoded body with each %-escaped CR LF written as LF."""
    return _CRLF.sub(b"%0A", body)


class FoldLineBreaks:
    """ASGI middleware: read a form-encoded request body with its CR LF folded to LF."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass a form-encoded request on with a `receive` that gives its body folded."""
        kind = Headers(scope=scope).get("content-type", "") if scope["type"] == "http" else ""
        if not kind.lower().startswith(_FORM):
            await self.app(scope, receive, send)
            return
        await self.app(scope, _folding(receive), send)


def _folding(receive: Receive) -> Receive:
    """Return a receive that gives the whole body at once, folded, when the app reads it.

    The body is read when the route reads it, not before: a body past the app's limit is
    refused there (`BodyTooLarge`), where the console turns it into its page.
    """
    done = False

    async def folded() -> Message:
        nonlocal done
        if done:
            return await receive()
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: say so
                done = True
                return message
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        done = True
        return {"type": "http.request", "body": fold(b"".join(chunks)), "more_body": False}

    return folded
