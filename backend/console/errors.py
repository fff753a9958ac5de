"""Refusals in the console: readable pages (403, 404, 409, 400, 503), never JSON or a trace.

Services raise domain errors (`NotFound`, `Forbidden`, ...) exactly as for the API; here they
become pages in the visitor's language. A page that wants to show a refusal inside its own
form (a wrong reason, a stale version) catches the error itself and renders the form again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import partial
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import PlainTextResponse

from backend.api.bodies import BodyRefused
from backend.api.validation_texts import field_message
from backend.console import cookies, texts
from backend.console.case_gone import CaseGone
from backend.console.over_long import field_label, reshow_form, typed_text
from backend.console.rendering import render_error
from backend.console.visit import known_visit
from backend.errors import (
    ActionForbidden,
    DomainError,
    Forbidden,
    InvalidTransition,
    NotFound,
    StaleVersion,
    ValidationFailed,
)
from backend.exports.labels import coded, unit_name
from backend.messages import MESSAGES, render
from backend.storable import printable
from backend.unit_scope import OtherUnit

log = logging.getLogger(__name__)

SIGN_IN_PATH = "/console/sign-in"


class SignInRequired(Exception):
    """The page needs a signed-in staff member; the visitor goes to the sign-in page."""

    def __init__(self, *, next_path: str, ended: bool) -> None:
        super().__init__("sign-in required")
        self.next_path = next_path
        self.ended = ended  # a session cookie came, but its session is over


class CsrfRefused(Exception):
    """A form came without the token of this visitor's forms (403)."""


class FormTooLarge(Exception):
    """A form larger than any console form can be (413)."""


def address_mistakes(exc: RequestValidationError) -> Callable[[str], str] | None:
    """Return the words naming each bad parameter of a page's address (a period's `from`
    that is no date, say) by its label, with the rule it breaks; None unless every mistake
    is in the query. The API's own words for its rules (backend.messages), else pydantic's
    in the language (backend.api.validation_texts)."""
    errors = exc.errors()
    if not errors or any(len(e.get("loc", ())) != 2 or e["loc"][0] != "query" for e in errors):
        return None

    def words(language: str) -> str:
        said = []
        for error in errors:
            name = str(error["loc"][1])
            key = f"param.{name}"
            label = texts.render(language, key) if texts.has(key) else printable(name, 40)
            code, context = error.get("type", ""), dict(error.get("ctx") or {})
            if code in MESSAGES:
                said.append(render(code, language, **{**context, "field": label}))
            else:
                named = _named_choices(name, error, language)
                said.append(f"{label}: {named or field_message(error, language)}")
        return " ".join(said)

    return words


# Parameters whose values the catalogue names (`case_status_routed`: 已派单, sent to the unit).
_NAMED_VALUES = {"status": "case_status", "kind": "case_kind"}


def _named_choices(name: str, error: dict[str, object], language: str) -> str | None:
    """Return the values a parameter takes (an enum's) by their names with their codes, or
    None when it is not such a parameter."""
    prefix = _NAMED_VALUES.get(name)
    context = error.get("ctx")
    if prefix is None or error.get("type") != "enum" or not isinstance(context, dict):
        return None
    values = re.findall(r"'([^']+)'", str(context.get("expected", "")))
    if not values:
        return None
    named = [(coded(prefix, value, language), value) for value in values]
    if language == "zh":
        choices = "、".join(f"{label}（{value}）" for label, value in named)
    else:
        choices = ", ".join(
            value if label == value else f"{label} ({value})" for label, value in named
        )
    return texts.render(language, "param.one_of", choices=choices)


def install_console_errors(app: FastAPI) -> None:
    """Register the console's refusal pages on the console's app."""

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        params = {"next": exc.next_path} if exc.next_path else {}
        if exc.ended:
            params["ended"] = "1"
        query = f"?{urlencode(params)}" if params else ""
        response = RedirectResponse(SIGN_IN_PATH + query, status_code=303)
        if exc.ended:
            cookies.clear_cookie(response, request, cookies.SESSION)
        return response

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused) -> HTMLResponse:
        return await render_error(request, 403, "error.csrf_title", "error.csrf")

    @app.exception_handler(FormTooLarge)
    async def _too_large(request: Request, exc: FormTooLarge) -> HTMLResponse:
        return await render_error(request, 413, "error.bad_request_title", "error.too_large")

    @app.exception_handler(RequestValidationError)
    async def _bad_form(request: Request, exc: RequestValidationError) -> HTMLResponse:
        # A field past its limit: the form again, typed text kept (over_long.py); else a page
        # that echoes nothing back.
        reshown = await reshow_form(request, exc)
        if reshown is not None:
            return reshown
        said = address_mistakes(exc)
        if said is not None:  # a page's address: name each parameter and what is wrong
            return await render_error(request, 400, "error.bad_request_title", message=said)
        return await render_error(request, 400, "error.bad_request_title", "error.bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc, BodyRefused) and exc.status_code == 400:  # names what to correct
            said = partial(_said, exc)
            return await render_error(request, 400, "error.bad_request_title", message=said)
        if exc.status_code in (404, 405):
            return await render_error(request, 404, "error.not_found_title", "error.not_found")
        if exc.status_code == 413:  # a body past the process's limit (backend.api.bodies)
            return await render_error(request, 413, "error.bad_request_title", "error.too_large")
        if 400 <= exc.status_code < 500:
            return await render_error(
                request, exc.status_code, "error.bad_request_title", "error.bad_request"
            )
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code)

    @app.exception_handler(CaseGone)
    async def _case_gone(request: Request, exc: CaseGone) -> HTMLResponse:
        language = known_visit(request).language
        kept = [
            (field_label(language, name), value)
            for name, value in exc.typed.items()
            if typed_text(name, value)
        ]
        gone = texts.render(language, "error.case_gone", number=exc.number)
        return await render_error(
            request, 404, "error.case_gone_title", message=lambda _: gone, kept=kept
        )

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> HTMLResponse:
        if isinstance(exc, NotFound):
            return await render_error(request, 404, "error.not_found_title", "error.not_found")
        if isinstance(exc, OtherUnit):  # a clerk asked about another unit: say why, by name
            taxonomy = request.app.state.container.taxonomy

            def named(language: str) -> str:
                return exc.message(language, partial(unit_name, taxonomy, language=language))

            return await render_error(request, 403, "error.forbidden_title", message=named)
        if isinstance(exc, ActionForbidden):  # which action this role may not take
            return await render_error(request, 403, "error.forbidden_title", message=exc.message)
        if isinstance(exc, Forbidden):
            return await render_error(request, 403, "error.forbidden_title", "error.forbidden")
        if isinstance(exc, ValidationFailed):
            return await render_error(request, 400, "error.bad_request_title", message=exc.message)
        if isinstance(exc, StaleVersion | InvalidTransition):
            words = exc.words  # a record's conflict is worded as the record's, not a case's
            message = partial(render, words) if words else None
            return await render_error(
                request, 409, "error.conflict_title", "error.conflict", message=message
            )
        return await render_error(request, 400, "error.bad_request_title", "error.bad_request")

    async def _busy(request: Request, exc: Exception) -> HTMLResponse:
        log.warning("console: database busy or unreachable: %s", type(exc).__name__)
        retry_after = request.app.state.container.capacity.retry_after
        page = await render_error(request, 503, "error.busy_title", "error.busy")
        page.headers["Retry-After"] = str(retry_after)
        return page

    app.add_exception_handler(PoolTimeout, _busy)
    app.add_exception_handler(OperationalError, _busy)

    async def _internal(request: Request, exc: Exception) -> HTMLResponse:
        # Logged with its trace by the server; the visitor gets a page, not the trace.
        return await render_error(request, 500, "error.title", "error.internal")

    app.add_exception_handler(Exception, _internal)


def _said(refused: BodyRefused, language: str) -> str:
    """Return a refusal before validation in the visitor's words (backend.messages)."""
    return render(refused.code, language, **refused.params)
