"""GET /favicon.ico: the site's small icon (a red disc with a white tick), for every page.

Browsers ask for it on their own; the admission gate lets it through ungated.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response

from backend.query_strings import reads_no_query

ICON = Path(__file__).resolve().parent / "static" / "favicon.ico"
MEDIA_TYPE = "image/vnd.microsoft.icon"  # the IANA name of the ICO format
HEADERS = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}


def mount_favicon(app: FastAPI) -> None:
    """Serve the icon file at /favicon.ico (read once, at start-up)."""
    icon = ICON.read_bytes()

    @app.get("/favicon.ico", include_in_schema=False)
    @reads_no_query
    def favicon() -> Response:
        """Serve the site's icon."""
        return Response(icon, media_type=MEDIA_TYPE, headers=HEADERS)
