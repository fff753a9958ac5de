"""Who is at the console in this request: the staff member (if signed in), the language, the
key that binds the forms. Resolved once per request and kept on `request.state`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from backend.actors import Actor
from backend.console import cookies
from backend.console.csrf import csrf_token
from backend.console.state import ConsoleState
from backend.console.texts import DEFAULT_LANGUAGE, LANGUAGES
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.sessions import resume_session

FORM_KEY_BYTES = 24
_MAX_KEY = 64


@dataclass(frozen=True)
class Visit:
    """This request's visitor, as the pages and templates see them."""

    language: str
    staff: StaffAccount | None = None  # signed in: the active account of a live session
    session_token: str = ""  # the live session's token, from the cookie
    ended: bool = False  # a session cookie came, but its session is over
    form_key: str = ""  # not signed in: the key in the form cookie (maybe new)
    new_form_key: bool = False  # the response must set the form cookie
    csrf: str | None = None  # the token every form of the page carries (None: no forms)

    @property
    def actor(self) -> Actor | None:
        """Return the actor the services see, or None when not signed in."""
        return Actor.staff(self.staff) if self.staff is not None else None


def console_state(request: Request) -> ConsoleState:
    """Return what the console was built with (set on its app at start-up)."""
    state: ConsoleState = request.app.state.console
    return state


def language_of(request: Request) -> str:
    """Return the language the switch chose (its cookie), Chinese by default."""
    chosen = cookies.read_cookie(request, cookies.LANGUAGE)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def resolve_visit(request: Request) -> Visit:
    """Return this request's visit; the session is looked up in a short transaction of its own.

    Checked on every request: an expired session, or one whose account was deactivated,
    is over at once (its row is deleted, and the visitor counts as not signed in).
    """
    known: Visit | None = getattr(request.state, "visit", None)
    if known is not None:
        return known
    console = console_state(request)
    language = language_of(request)
    token = cookies.read_cookie(request, cookies.SESSION)
    staff = None
    if token:
        with session_scope(console.container.engine) as session:
            staff = resume_session(
                session=session, token=token, clock=console.container.clock, limits=console.limits
            )
    if staff is not None:
        visit = Visit(
            language=language,
            staff=staff,
            session_token=token,
            csrf=csrf_token(console.secret, token),
        )
    else:
        form_key = cookies.read_cookie(request, cookies.FORM_KEY)
        new = not form_key or len(form_key) > _MAX_KEY
        if new:
            form_key = secrets.token_urlsafe(FORM_KEY_BYTES)
        visit = Visit(
            language=language,
            ended=bool(token),
            form_key=form_key,
            new_form_key=new,
            csrf=csrf_token(console.secret, form_key),
        )
    request.state.visit = visit
    return visit


def known_visit(request: Request) -> Visit:
    """Return the visit if this request resolved it, else one that needs no database.

    For error pages: a failing database must not fail the page that says so. Without a
    resolved visit the page shows no user and no forms.
    """
    known: Visit | None = getattr(request.state, "visit", None)
    return known if known is not None else Visit(language=language_of(request))


def template_globals(visit: Visit) -> dict[str, Any]:
    """Return what every template may use about the visitor."""
    return {
        "lang": visit.language,
        "user": visit.actor,
        "csrf_token": visit.csrf,
    }
