"""HEAD answered wherever GET is: the GET's status and headers, without its body.

FastAPI's routes accept only the methods they name, so `HEAD` on a GET route was 405 while the
README promises GET/HEAD/OPTIONS (RFC 9110 §9.3.2: a server that answers GET should answer
HEAD alike). This ASGI middleware asks the app for a GET and sends back everything but the
body; the request's scope keeps `intake.head` so logs can tell. Routes without GET still
answer 405, as for GET itself.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEAD_KEY = "intake.head"


class HeadAsGet:
    """ASGI middleware: serve HEAD as GET and drop the response body (headers kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass anything but an HTTP HEAD through; answer a HEAD from its GET."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET", HEAD_KEY: True}, receive, headers_only)
