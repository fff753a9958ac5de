"""Open311 refusals: the specification's error list, `[{code, description}]`."""

from __future__ import annotations

from starlette.responses import Response

from backend.messages import render as message
from backend.open311.render import render
from backend.storable import printable


class Open311Error(Exception):
    """A refused Open311 request: an HTTP status and a message code of backend.messages."""

    def __init__(self, status: int, code: str, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params


def error_response(status: int, description: str, fmt: str) -> Response:
    """Return the error list with one error (code = the HTTP status) in the format."""
    return render(errors(status, description), root="errors", fmt=fmt, status=status)


def errors(status: int, description: str) -> list[dict[str, object]]:
    """Return the specification's error list with one error."""
    return [{"code": status, "description": description}]


def refusal(exc: Open311Error, *, fmt: str, language: str) -> Response:
    """Return the answer to a refused request, described in the caller's language.

    A value quoted back (an unknown code, say) is cut short and cleaned of what could not be
    sent (a lone surrogate), as the API does (backend.storable.printable).
    """
    params = {k: printable(v) if isinstance(v, str) else v for k, v in exc.params.items()}
    return error_response(exc.status, message(exc.code, language, **params), fmt)
