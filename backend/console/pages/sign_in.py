"""Sign-in and sign-out. The rules (password check, pause, sessions) live in backend/people."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from backend.console import cookies
from backend.console.deps import VisitDep
from backend.console.pages.navigation import local_path, see_other
from backend.console.rendering import render_page
from backend.console.visit import console_state
from backend.db import session_scope
from backend.people.sessions import end_session
from backend.people.sign_in import MAX_LOGIN_LENGTH, sign_in

router = APIRouter()
NOTICES = {"ended": "signin.ended", "bye": "signin.signed_out", "password": "signin.password_set"}


@router.get("/sign-in", response_class=HTMLResponse, name="sign_in")
def sign_in_page(
    request: Request,
    visit: VisitDep,
    next_path: Annotated[str, Query(alias="next", max_length=2000)] = "",
    ended: bool = False,
    bye: bool = False,
    password: bool = False,
) -> Response:
    """Show the sign-in form (a signed-in visitor goes straight on)."""
    if visit.staff is not None:
        return see_other(local_path(next_path))
    flags = {"ended": ended, "bye": bye, "password": password}
    notice = next((NOTICES[name] for name, on in flags.items() if on), None)
    return render_page(
        request, "sign_in.html", next_path=local_path(next_path), notice=notice, login=""
    )


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in_form(
    request: Request,
    login: Annotated[str, Form(max_length=1000)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next_path: Annotated[str, Form(alias="next", max_length=2000)] = "",
) -> Response:
    """Check the login and password; open a session, or show the one refusal message."""
    console = console_state(request)
    signed_in = sign_in(
        engine=console.container.engine,
        login=login,
        password=password,
        clock=console.container.clock,
        limits=console.limits,
    )
    if signed_in is None:
        typed = login.strip() if len(login.strip()) <= MAX_LOGIN_LENGTH else ""
        return render_page(
            request,
            "sign_in.html",
            status_code=400,
            next_path=local_path(next_path),
            error="signin.failed",
            login=typed,
        )
    response = see_other(local_path(next_path))
    cookies.set_cookie(response, request, cookies.SESSION, signed_in.token)
    cookies.clear_cookie(response, request, cookies.FORM_KEY)
    return response


@router.post("/sign-out", name="sign_out")
def sign_out(request: Request, visit: VisitDep) -> Response:
    """End the session (the CSRF check has run: no other site can sign anyone out)."""
    if visit.session_token:
        with session_scope(console_state(request).container.engine) as session:
            end_session(session=session, token=visit.session_token)
    response = see_other("/console/sign-in?bye=1")
    cookies.clear_cookie(response, request, cookies.SESSION)
    return response
