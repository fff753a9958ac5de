"""The console's pages, one module per page or small group; `console_router` gathers them."""

from __future__ import annotations

from fastapi import APIRouter

from backend.console.pages import (
    admin_calendar,
    admin_channels,
    admin_duty,
    admin_routing,
    admin_staff,
    admin_staff_actions,
    books,
    case,
    dashboard,
    exports,
    home,
    inbox,
    language,
    password,
    rating_link,
    record_new,
    records,
    search,
    sign_in,
)


def console_router() -> APIRouter:
    """Return every console page (the console app puts the CSRF check before each)."""
    router = APIRouter()
    for page in (home, sign_in, password, language, search, dashboard, exports, case):
        router.include_router(page.router)
    administration = (admin_routing, admin_staff, admin_staff_actions, admin_calendar)
    for page in administration:
        router.include_router(page.router)
    router.include_router(books.router)  # the ledger and the assessment (issue 11)
    for page in (inbox, admin_channels, rating_link):  # reaching staff (issue 15)
        router.include_router(page.router)
    router.include_router(record_new.router)  # before records: /records/new is no number
    router.include_router(records.router)
    router.include_router(admin_duty.router)  # the on-duty roster (issue 12)
    return router
