"""Turn domain errors and malformed requests into HTTP answers with a readable message.

Every refusal has the same body, `ErrorBody`, documented for each status an endpoint can
answer (`refusals(...)` in the routes' `responses=`).
"""

from __future__ import annotations

import functools
import logging
import re
from functools import partial
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from backend.api.admission import OPEN311_PREFIX, open311_format
from backend.api.bodies import MAX_BODY_BYTES, BodyRefused
from backend.api.deps import get_language
from backend.api.validation_texts import field_message
from backend.errors import (
    ActionForbidden,
    DomainError,
    Forbidden,
    InvalidTransition,
    NotFound,
    RuleRefused,
    StaleVersion,
    ValidationFailed,
)
from backend.exports.labels import unit_name
from backend.languages import preferred_language
from backend.messages import MESSAGES, render
from backend.open311.errors import error_response as open311_error
from backend.storable import printable
from backend.unit_scope import OtherUnit

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[DomainError], int, str]] = [
    (NotFound, 404, "not_found"),
    (Forbidden, 403, "forbidden"),
    (StaleVersion, 409, "stale_version"),
    (InvalidTransition, 409, "invalid_transition"),
]
# Pydantic's own error types that one of our rules explains better.
_OWN_CODES = {"string_unicode": "unstorable_text"}
_DESCRIPTIONS = {
    400: "The body is not JSON that can be read (`bad_json`, `json_too_deep`), or a query "
    "parameter is not UTF-8 (`bad_query_encoding`, naming it).",
    401: "No valid Bearer token (`unauthorized`).",
    403: "The caller's role may not do this (`forbidden`), or a clerk asked about another "
    "unit than the own (`other_unit`).",
    404: "No such thing, or one the caller may not see (`not_found`).",
    409: "The case changed since the caller read it (`stale_version`), the same action with "
    "the same words was just taken by the caller (`already_sent`), or its state or a "
    "hand-off rule does not allow the action (`invalid_transition`, `return_window_closed`, "
    "`complex_window_closed`, `complex_already_declared`, `dispatch_final`, `returns_used_up`, "
    "`extension_limit_reached`, `pause_overdue`, `clock_already_paused`, `clock_not_paused`), "
    "or an account may not be deactivated (`cannot_deactivate_self`, "
    "`cannot_deactivate_last_coordinator`).",
    413: "The body is larger than the limit (`body_too_large`).",
    422: "The request is refused; `code` names the rule and `detail` explains it.",
    503: "Too busy to take the request now (`overloaded`): nothing was done; send it again "
    "after `Retry-After` seconds.",
}


class FieldProblem(BaseModel):
    """One refused field of a request."""

    field: str = Field(description="Where: `text`, `reporter.phone`, `query.limit`, ...")
    message: str = Field(description="What is wrong with it, in the caller's language")


class ErrorBody(BaseModel):
    """A refused request: a message in the caller's language (Accept-Language) and a code."""

    detail: str = Field(description="Readable, in Chinese or English after Accept-Language")
    code: str = Field(description="Stable: `not_found`, `bad_request`, `text_too_short`, ...")
    field: str | None = Field(default=None, description="The field the rule is about")
    errors: list[FieldProblem] | None = Field(
        default=None, description="Each refused field, for a malformed request (422)"
    )


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return the `responses=` entries documenting these refusal statuses with ErrorBody."""
    return {s: {"model": ErrorBody, "description": _DESCRIPTIONS[s]} for s in statuses}


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on an app."""

    @app.exception_handler(ValidationFailed)
    async def _validation_failed(request: Request, exc: ValidationFailed) -> JSONResponse:
        body = {"detail": exc.message(get_language(request)), "code": exc.code, "field": exc.field}
        return JSONResponse(status_code=422, content=body)

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError) -> JSONResponse:
        language = get_language(request)
        if isinstance(exc, RuleRefused):  # a hand-off rule: its own code and words (409)
            body = {"detail": exc.message(language), "code": exc.code}
            return JSONResponse(status_code=409, content=body)
        if isinstance(exc, OtherUnit):  # a clerk asked about another unit: why, in words (403)
            taxonomy = request.app.state.container.taxonomy
            name = partial(unit_name, taxonomy, language=language)
            body = {"detail": exc.message(language, name), "code": exc.code}
            return JSONResponse(status_code=403, content=body)
        if isinstance(exc, ActionForbidden):  # the role and the action, in the caller's words
            body = {"detail": exc.message(language), "code": "forbidden"}
            return JSONResponse(status_code=403, content=body)
        named = getattr(exc, "code", None)  # a refusal with a message of its own (deactivation)
        for kind, status_code, code in _STATUS:
            if isinstance(exc, kind) and isinstance(named, str) and named in MESSAGES:
                body = {"detail": render(named, language), "code": named}
                return JSONResponse(status_code=status_code, content=body)
            if isinstance(exc, kind):
                # The services' own words are English; a Chinese caller gets the rule's text.
                own = str(exc) if language == "en" and code != "not_found" else ""
                detail = own or render(exc.words or code, language)
                return JSONResponse(
                    status_code=status_code, content={"detail": detail, "code": code}
                )
        return JSONResponse(status_code=400, content={"detail": str(exc), "code": "bad_request"})

    async def _database_busy(request: Request, exc: Exception) -> JSONResponse:
        # The pool is sized so that it cannot run dry (backend.capacity); a timeout or a
        # lost connection means the database itself stalls. Nothing was committed: 503.
        log.warning("database busy or unreachable: %s", type(exc).__name__)
        retry_after = request.app.state.container.capacity.retry_after
        return JSONResponse(
            status_code=503,
            content={"detail": render("overloaded", get_language(request)), "code": "overloaded"},
            headers={"Retry-After": str(retry_after)},
        )

    app.add_exception_handler(PoolTimeout, _database_busy)
    app.add_exception_handler(OperationalError, _database_busy)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            status_code=422, content=_validation_body(exc.errors(), get_language(request))
        )

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        open311 = request.url.path.startswith(OPEN311_PREFIX)
        # Open311 clients read the error list in the address's format, Chinese by default.
        language = (
            preferred_language(request.headers.get("accept-language"), default="zh")
            if open311
            else get_language(request)
        )
        code, detail = _http_refusal(request, exc, language)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
        if open311:
            answer = open311_error(exc.status_code, detail, open311_format(request.scope))
            answer.headers.update(headers)
            return answer
        return JSONResponse(
            status_code=exc.status_code, content={"detail": detail, "code": code}, headers=headers
        )


_SAID_LENGTH = 1000  # characters of one field's problem: the rule's words, never the value


def _validation_body(errors: Any, language: str) -> dict[str, Any]:
    """Return the 422 body of a malformed request; never echo the input back."""
    # A 100,000-character text would come back whole, and a key holding a lone surrogate
    # could not even be encoded: fields are shown cut and cleaned, values never.
    problems = [
        {
            "field": _field_of(err),
            # Whole: a list of allowed choices (24 actions) cut at 200 ended mid-word.
            "said": printable(field_message(err, language), _SAID_LENGTH),
            "code": _OWN_CODES.get(err["type"], err["type"]),
            "context": err.get("ctx") or {},
        }
        for err in errors
    ]
    shown = [{"field": p["field"], "message": p["said"]} for p in problems]
    own = [p for p in problems if p["code"] in MESSAGES]
    if len(own) == 1:  # a rule of ours (an unstorable character, a cursor, a date): its text
        name = own[0]["field"].rsplit(".", 1)[-1]
        code = own[0]["code"]
        detail = render(code, language, field=name, **own[0]["context"])
        return {"detail": detail, "code": code, "field": name, "errors": shown}
    summary = "; ".join(f"{p['field'] or 'body'}: {p['said']}" for p in problems)
    detail = render("bad_request", language, value=summary)
    return {"detail": detail, "code": "bad_request", "field": None, "errors": shown}


def _field_of(error: dict[str, Any]) -> str:
    """Return where an error is, cut and cleaned; a JSON syntax error is the body's own."""
    if error["type"] == "json_invalid":  # its location holds the character's position
        return ""
    return printable(".".join(str(p) for p in error["loc"] if p != "body"), 80)


def _http_refusal(request: Request, exc: HTTPException, language: str) -> tuple[str, str]:
    """Return the code and readable message of a refusal raised as an HTTPException."""
    if isinstance(exc, BodyRefused):
        return exc.code, render(exc.code, language, **exc.params)
    status = exc.status_code
    if status == 413:
        return "body_too_large", render("body_too_large", language, max=MAX_BODY_BYTES)
    if status == 400:  # FastAPI could not read the body (not UTF-8, say)
        return "bad_json", render("bad_json", language)
    if status == 405:
        return "method_not_allowed", render("method_not_allowed", language, method=request.method)
    named = {401: "unauthorized", 403: "forbidden", 404: "not_found"}.get(status)
    if named is not None:
        return named, render(named, language)
    return "http_error", str(exc.detail)


def _allowed_methods(request: Request) -> str | None:
    """Return every method the document lists for the request's path (the router names one)."""
    paths: dict[str, dict[str, Any]] = request.app.openapi().get("paths", {})
    for template, operations in paths.items():
        if _path_pattern(template).fullmatch(request.url.path):
            return ", ".join(sorted(method.upper() for method in operations))
    return None


@functools.cache
def _path_pattern(template: str) -> re.Pattern[str]:
    """Return the regex of a path template: each {name} stands for one segment."""
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))
