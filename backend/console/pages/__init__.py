"""The console's pages, one module per page or small group; `console_router` gathers them."""

from __future__ import annotations

from fastapi import APIRouter

from backend.console.pages import (
    case,
    dashboard,
    exports,
    home,
    language,
    password,
    search,
    sign_in,
)


def console_router() -> APIRouter:
    """Return every console page (the console app puts the CSRF check before each)."""
    router = APIRouter()
    for page in (home, sign_in, password, language, search, dashboard, exports, case):
        router.include_router(page.router)
    return router
