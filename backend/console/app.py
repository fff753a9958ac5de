"""The console's own small app, mounted at /console on the main one.

A sub-application so that its refusals are pages (the API's stay JSON), and so that its
headers and CSRF check cover everything under /console and nothing else. It shares the
process's container: the same engine, clock, settings and services as the API.
"""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.responses import RedirectResponse

from backend.api.deps import refuse_undecodable_query
from backend.bootstrap import Container
from backend.console.deps import check_csrf
from backend.console.errors import install_console_errors
from backend.console.headers import ConsoleHeaders
from backend.console.line_breaks import FoldLineBreaks
from backend.console.pages import console_router
from backend.console.state import ConsoleState
from backend.people.passwords import prepare_dummy_hash
from backend.query_strings import reads_no_query

PREFIX = "/console"


def create_console(container: Container) -> FastAPI:
    """Return the console app (pages, static files, refusal pages, strict headers)."""
    state = ConsoleState.build(container)
    # The CSRF check is the app's own dependency: it runs before every route, also one that
    # a later page adds straight to the app, and lets GET and HEAD through.
    console = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(refuse_undecodable_query), Depends(check_csrf)],
    )
    console.state.container = container  # what backend.api.deps.SessionDep looks for
    console.state.console = state
    console.add_middleware(ConsoleHeaders, static_prefix=f"{PREFIX}/static")
    console.add_middleware(FoldLineBreaks)  # a limit counts a line break as the browser did
    install_console_errors(console)
    console.mount("/static", state.assets.files(), name="static")
    console.include_router(console_router())
    prepare_dummy_hash()  # the first refused sign-in must not be slower than the next ones
    return console


def mount_console(app: FastAPI, container: Container) -> None:
    """Serve the console at /console on the app."""

    @app.get(PREFIX, include_in_schema=False)
    @reads_no_query
    def console_root() -> RedirectResponse:
        """Send /console to the console's home page, /console/."""
        return RedirectResponse(f"{PREFIX}/", status_code=308)

    app.mount(PREFIX, create_console(container))
