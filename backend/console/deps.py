"""Dependencies of console pages, declared once as Annotated aliases.

- `ConsoleUser`: the signed-in staff member as the same `Actor` the API's `CurrentActor`
  gives, so a page calls the same services with the same permissions. Without a live
  session the visitor is sent to the sign-in page (and back here afterwards).
- `CoordinatorUser`: the same, for pages of coordinators only (administration); anyone
  else signed in gets the not-found page.
- `VisitDep`: the visit (language, user or not, CSRF token), for pages open to everyone.
- `SessionDep` and `ContainerDep` come from `backend.api.deps` unchanged: a console request
  has one unit of work, committed before the answer, like an API request (decision 10).
- `check_csrf` runs before every console route (the console app declares it): a POST, PUT,
  PATCH or DELETE without this visitor's token is refused with a 403 page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from backend.actors import Actor
from backend.api.bodies import BodyRefused
from backend.console.csrf import FIELD, csrf_matches
from backend.console.errors import CsrfRefused, FormTooLarge, SignInRequired
from backend.console.rendering import current_path, form_page
from backend.console.visit import Visit, resolve_visit
from backend.errors import NotFound
from backend.observability.context import bind_actor
from backend.storable import printable

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_LIMIT = 256 * 1024  # bytes; the largest console form is a reply of a few thousand chars


def get_visit(request: Request) -> Visit:
    """Return this request's visit (resolved once per request)."""
    visit = resolve_visit(request)
    if visit.actor is not None:
        bind_actor(visit.actor)  # the request's log lines name who acts
    return visit


VisitDep = Annotated[Visit, Depends(get_visit)]


def require_console_user(request: Request, visit: VisitDep) -> Actor:
    """Return the signed-in staff member as an Actor; send anyone else to the sign-in page."""
    actor = visit.actor
    if actor is None:
        back = current_path(request) if request.method in SAFE_METHODS else form_page(request)
        raise SignInRequired(next_path=back, ended=visit.ended)
    return actor


ConsoleUser = Annotated[Actor, Depends(require_console_user)]


def require_coordinator(user: ConsoleUser) -> Actor:
    """Return the signed-in coordinator; anyone else gets the not-found page (404).

    A clerk learns nothing about pages that are not theirs, as with another unit's case.
    """
    if not user.is_coordinator:
        raise NotFound("coordinators only")
    return user


CoordinatorUser = Annotated[Actor, Depends(require_coordinator)]


def _refuse_undecodable(form: FormData | None) -> None:
    """Refuse a form with a field that was no UTF-8 (400 `bad_form_encoding`, naming it).

    Starlette reads what does not decode as U+FFFD, and a page would save that as if it had
    been typed; the form's bytes are gone by then (FastAPI parsed them for the route), so a
    U+FFFD is what tells. No one types one: pasted, it is a text already broken elsewhere.
    """
    for name, value in form.multi_items() if form is not None else ():
        if isinstance(value, str) and "\ufffd" in value:
            raise BodyRefused(400, "bad_form_encoding", field=printable(name, 40))


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose form lacks this visitor's CSRF token (403).

    A form from a session that has since ended leads to the sign-in page instead: the
    visitor's mistake was to wait, not to be forged. A genuine form with a field that is no
    UTF-8 is refused naming the field (400 `bad_form_encoding`, as a query's are,
    backend.query_strings), so nothing of it is saved.
    """
    if request.method in SAFE_METHODS:
        return
    length = request.headers.get("content-length", "")
    if length.isascii() and length.isdigit() and int(length) > FORM_LIMIT:
        raise FormTooLarge()
    # Without a length the body is not read at all (browsers always send one with a form).
    form = await request.form() if length.isascii() and length.isdigit() else None
    sent = form.get(FIELD) if form is not None else None
    visit = await run_in_threadpool(resolve_visit, request)
    if visit.csrf is not None and csrf_matches(sent, visit.csrf):
        _refuse_undecodable(form)
        return
    if visit.ended:
        raise SignInRequired(next_path=form_page(request), ended=True)
    raise CsrfRefused()
