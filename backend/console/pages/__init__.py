"""The console's pages, one module per page or small group; `console_router` gathers them."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from backend.console.deps import check_csrf
from backend.console.pages import home, language, password, sign_in


def console_router() -> APIRouter:
    """Return every console page behind the CSRF check (which lets GET and HEAD through)."""
    router = APIRouter(dependencies=[Depends(check_csrf)])
    for page in (home, sign_in, password, language):
        router.include_router(page.router)
    return router
