"""The page of a reporter's email confirmation link: `/public/email/<token>` (no sign-in).

GET shows which address the link confirms and a button; only the button's POST confirms
(`backend.notifications.email_confirmation.confirm`), so a mail program or a scanner that
opens links on its own confirms nothing. A link altered, malformed (of any length), expired,
or for an address the chat has changed or removed since answers 404 with a page that says
so. Both languages, the same look as the records page; never kept in a cache (`no-store`,
backend.public.headers), so Back after confirming does not show the button again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from backend.api.deps import ContainerDep, ReadSessionDep, SessionDep
from backend.notifications.email_confirmation import PATH, BadConfirmationLink, awaiting, confirm
from backend.public import texts


def add_email_pages(
    public: FastAPI,
    templates: Environment,
    static: Callable[[str], str],
    language_of: Callable[[Request, str], str],
) -> None:
    """Add the confirmation link's page (GET) and its button (POST) to the public app."""

    def page(request: Request, token: str, lang: str, state: str, address: str = "") -> str:
        language = language_of(request, lang)
        return templates.get_template("email_confirm.html").render(
            t=partial(texts.render, language),
            lang=language,
            other=next(code for code in texts.LANGUAGES if code != language),
            static=static,
            path=f"{PATH}/{token[:200]}",
            state=state,
            address=address,
        )

    @public.get("/email/{token}", response_class=HTMLResponse, name="email_confirmation")
    def confirmation_page(
        request: Request,
        token: str,
        session: ReadSessionDep,
        container: ContainerDep,
        lang: str = "",
    ) -> HTMLResponse:
        """Show the address the link confirms, and the button that confirms it."""
        secret = container.secret_key.get_secret_value()
        try:
            reporter = awaiting(secret, token, session=session, now=container.clock.now())
        except BadConfirmationLink:
            return HTMLResponse(page(request, token, lang, "invalid"), status_code=404)
        state = "done" if reporter.email_confirmed_at is not None else "ask"
        return HTMLResponse(page(request, token, lang, state, reporter.email or ""))

    @public.post("/email/{token}", response_class=HTMLResponse)
    def confirm_address(
        request: Request,
        token: str,
        session: SessionDep,
        container: ContainerDep,
        lang: str = "",
    ) -> HTMLResponse:
        """Confirm the address: its reporter's updates go there from now on."""
        secret = container.secret_key.get_secret_value()
        try:
            address = confirm(secret, token, session=session, now=container.clock.now())
        except BadConfirmationLink:
            return HTMLResponse(page(request, token, lang, "invalid"), status_code=404)
        return HTMLResponse(page(request, token, lang, "done", address))
