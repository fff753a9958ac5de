"""GET /chat: the page (a template), its script and style (static files at /chat/static/).

The policy lets only this site's own files run: no inline script or style, nothing from
another origin, no framing. The page is rendered once at start-up (it has nothing per
visitor); the script asks the JSON API for everything else.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

from backend.assets import StaticAssets
from backend.query_strings import reads_no_query
from backend.templating import template_environment

HERE = Path(__file__).resolve().parent
STATIC_PREFIX = "/chat/static"
POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
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
ASSETS = StaticAssets(HERE / "static", STATIC_PREFIX)


def render_page(name: str = "chat.html") -> str:
    """Return a page's HTML (the chat, or `not_found.html`), its assets named with their
    versions."""
    template = template_environment(HERE / "templates").get_template(name)
    return template.render(static=ASSETS.url)


NOT_FOUND_PAGE = render_page("not_found.html")  # at a browser's mistyped address under /chat


def not_found_page() -> HTMLResponse:
    """Answer a browser's mistyped address under /chat: a page leading back to the chat."""
    return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers=HEADERS)


def mount_page(app: FastAPI) -> None:
    """Serve the page at /chat (and /chat/) and its files at /chat/static/ on the app."""
    page = render_page()
    router = APIRouter(include_in_schema=False)

    @router.get("/chat", response_class=HTMLResponse)
    @router.get("/chat/", response_class=HTMLResponse)
    @reads_no_query
    def chat_page() -> HTMLResponse:
        """Serve the chat page."""
        return HTMLResponse(page, headers=HEADERS)

    app.include_router(router)
    app.mount(STATIC_PREFIX, ASSETS.files(), name="chat-static")
