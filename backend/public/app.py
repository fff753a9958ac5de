"""The public pages' own small app, mounted at /public: no sign-in, no script, strict headers.

A sub-application (like the console) so that its headers cover everything under /public and
nothing else. It shares the process's container: the same engine, clock and services.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend.api.deps import ContainerDep, ReadSessionDep, refuse_undecodable_query
from backend.assets import StaticAssets
from backend.bootstrap import Container
from backend.console import cookies
from backend.public import texts
from backend.public.email_pages import add_email_pages
from backend.public.headers import PublicHeaders
from backend.public.records import MAX_PAGE, published_records
from backend.query_strings import reads_no_query
from backend.records.env import record_env
from backend.templating import template_environment

PREFIX = "/public"
HERE = Path(__file__).resolve().parent


def language_of(request: Request, chosen: str) -> str:
    """Return the page's language: the link's `lang`, else the console's cookie, else Chinese."""
    if chosen in texts.LANGUAGES:
        return chosen
    remembered = cookies.read_cookie(request, cookies.LANGUAGE)
    return remembered if remembered in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def page_number(raw: str) -> int:
    """Return the page asked for; anything that is not a page number is the first page."""
    digits = raw.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_PAGE)):
        return 1
    return int(digits) if 0 < int(digits) <= MAX_PAGE else 1


def create_public(container: Container) -> FastAPI:
    """Return the public app under strict headers: the records page (公示), the page of a
    reporter's email confirmation link, and their style sheet."""
    public = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(refuse_undecodable_query)],  # a query is UTF-8 (400 page)
    )
    public.state.container = container  # what backend.api.deps.SessionDep looks for
    templates = template_environment(HERE / "templates")
    assets = StaticAssets(HERE / "static", f"{PREFIX}/static")
    public.add_middleware(PublicHeaders, static_prefix=f"{PREFIX}/static")
    public.mount("/static", assets.files(), name="static")

    @public.get("/records", response_class=HTMLResponse, name="public_records")
    def records_page(
        request: Request,
        session: ReadSessionDep,
        app_container: ContainerDep,
        lang: str = "",
        page: str = "1",
    ) -> HTMLResponse:
        """List the records published today, one page at a time (公示)."""
        language = language_of(request, lang)
        env = record_env(container=app_container, session=session)
        shown = published_records(session=session, today=env.today(), page=page_number(page))
        html = templates.get_template("records.html").render(
            t=partial(texts.render, language),
            lang=language,
            other=next(code for code in texts.LANGUAGES if code != language),
            view=shown,
            static=assets.url,
            path=f"{PREFIX}/records",
            switch_page=shown.page,  # the language switch stays on this page
            chat="/chat" if app_container.settings.webchat else None,  # where to object
        )
        return HTMLResponse(html)

    add_email_pages(public, templates, assets.url, language_of)

    @public.exception_handler(StarletteHTTPException)
    async def refused(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        """Answer an unknown address (or method), or one that cannot be read, with a page in
        both languages, not JSON: 404, else 400."""
        missing = exc.status_code in (404, 405)
        language = language_of(request, request.query_params.get("lang", ""))
        kind = "not_found" if missing else "bad_request"
        html = templates.get_template("error.html").render(
            t=partial(texts.render, language),
            lang=language,
            other=next(code for code in texts.LANGUAGES if code != language),
            static=assets.url,
            path=f"{PREFIX}/records",
            title=f"error.{kind}_title",
            message=f"error.{kind}",
        )
        return HTMLResponse(html, status_code=404 if missing else 400)

    @public.get("/", include_in_schema=False)
    @reads_no_query
    def public_root() -> RedirectResponse:
        """Send /public/ to the records page."""
        return RedirectResponse(f"{PREFIX}/records", status_code=308)

    return public


def mount_public(app: FastAPI, container: Container) -> None:
    """Serve the public pages at /public on the app."""
    app.mount(PREFIX, create_public(container))
