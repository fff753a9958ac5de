"""Turn domain errors and malformed requests into HTTP answers with a readable message."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from backend.api.deps import get_language
from backend.errors import (
    DomainError,
    Forbidden,
    InvalidTransition,
    NotFound,
    StaleVersion,
    ValidationFailed,
)
from backend.messages import render

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[DomainError], int, str]] = [
    (NotFound, 404, "not_found"),
    (Forbidden, 403, "forbidden"),
    (StaleVersion, 409, "stale_version"),
    (InvalidTransition, 409, "invalid_transition"),
]


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on an app."""

    @app.exception_handler(ValidationFailed)
    async def _validation_failed(request: Request, exc: ValidationFailed) -> JSONResponse:
        body = {"detail": exc.message(get_language(request)), "code": exc.code, "field": exc.field}
        return JSONResponse(status_code=422, content=body)

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError) -> JSONResponse:
        for kind, status_code, code in _STATUS:
            if isinstance(exc, kind):
                detail = "not found" if code == "not_found" else str(exc)
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
        # Never echo the input back: a 100,000-character text would come back whole.
        problems = [
            {"field": ".".join(str(p) for p in err["loc"] if p != "body"), "message": err["msg"]}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems)
        detail = render("bad_request", get_language(request), value=summary)
        return JSONResponse(
            status_code=422, content={"detail": detail, "code": "bad_request", "errors": problems}
        )
