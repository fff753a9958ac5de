"""GET /chat: one self-contained page; a strict policy lets only its own script and style run."""

from __future__ import annotations

import base64
import hashlib

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from bot.webchat.page_markup import BODY, STYLE
from bot.webchat.page_script import SCRIPT

PAGE = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>政务诚信投诉举报</title>
<style>{STYLE}</style>
</head>
<body>{BODY}<script>{SCRIPT}</script>
</body>
</html>
"""


def _digest(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


# Nothing from other sites, no inline code but this page's own (by hash), no framing.
POLICY = "; ".join(
    [
        "default-src 'none'",
        f"script-src {_digest(SCRIPT)}",
        f"style-src {_digest(STYLE)}",
        "connect-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
    "Cache-Control": "no-cache",
}


def page_router() -> APIRouter:
    """Return the router that serves the page at /chat (and /chat/)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/chat", response_class=HTMLResponse)
    @router.get("/chat/", response_class=HTMLResponse)
    def chat_page() -> HTMLResponse:
        """Serve the chat page."""
        return HTMLResponse(PAGE, headers=HEADERS)

    return router
