"""What a log line says about the request it belongs to: its id, the actor, the case.

One mutable `RequestContext` per request, held in a context variable set by the request
middleware (`backend.observability.http`). Code deeper down fills it in (`bind_actor`,
`bind_case`) from wherever it learns the fact, also from a worker thread: a thread runs in a
copy of the context, so it sees the same object and its changes are seen by the middleware
and by the access log line written when the answer goes out.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from backend.actors import Actor

# An incoming X-Request-ID is kept when it is short and plain (letters, digits, - _ . : /);
# anything else is replaced, so a client cannot write into our log lines.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/-]{1,64}")


@dataclass
class RequestContext:
    """The facts of one request (or job) that every log line of it carries."""

    request_id: str
    actor: str | None = None  # "staff#12 clerk" ("staff#<id> <role>"), never a name
    case: str | None = None  # the case number the request is about, when there is one
    route: str | None = None  # the template of the route serving it
    duration_ms: float | None = None  # set when the answer's headers go out

    def fields(self) -> dict[str, str | float]:
        """Return the facts known so far, for a log line."""
        found = {
            "request_id": self.request_id,
            "actor": self.actor,
            "case": self.case,
            "route": self.route,
            "duration_ms": self.duration_ms,
        }
        return {key: value for key, value in found.items() if value is not None}


_current: ContextVar[RequestContext | None] = ContextVar("intake_request", default=None)


def new_request_id() -> str:
    """Return a fresh request id: 32 hex digits."""
    return secrets.token_hex(16)


def accepted_request_id(sent: str | None) -> str:
    """Return the client's X-Request-ID when it is sane, else a new one."""
    if sent is not None and _SANE_REQUEST_ID.fullmatch(sent):
        return sent
    return new_request_id()


def current() -> RequestContext | None:
    """Return the context of the request being served, if any."""
    return _current.get()


@contextmanager
def request_context(request_id: str) -> Iterator[RequestContext]:
    """Make a new context current for the duration of the block."""
    context = RequestContext(request_id=request_id)
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def describe(actor: Actor) -> str:
    """Return how a log line names an actor: kind, id and role, never a name."""
    if actor.kind == "staff":
        role = actor.role.value if actor.role is not None else "staff"
        return f"staff#{actor.id} {role}"
    return actor.kind


def bind_actor(actor: Actor) -> None:
    """Note who acts in the current request (no effect outside a request)."""
    context = _current.get()
    if context is not None:
        context.actor = describe(actor)


def bind_case(number: str) -> None:
    """Note the case the current request is about (no effect outside a request)."""
    context = _current.get()
    if context is not None:
        context.case = number
