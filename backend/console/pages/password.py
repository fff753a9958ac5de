"""The page behind a one-time set-password link (issued by a coordinator or the CLI)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from backend.console import texts
from backend.console.deps import VisitDep
from backend.console.pages.navigation import see_other
from backend.console.rendering import render_page
from backend.console.visit import Visit, console_state
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.people.password_links import account_of_link, use_password_link
from backend.people.passwords import MIN_LENGTH, hash_password

router = APIRouter()


@router.get("/password/{token}", response_class=HTMLResponse, name="password")
def password_page(request: Request, token: str, visit: VisitDep) -> HTMLResponse:
    """Show the form to set a password, or say that the link no longer works."""
    console = console_state(request)
    with session_scope(console.container.engine) as session:
        account = account_of_link(session=session, token=token, clock=console.container.clock)
    if account is None:
        return _link_gone(request, visit)
    return render_page(request, "password.html", account=account, min_length=MIN_LENGTH)


@router.post("/password/{token}", response_class=HTMLResponse)
def password_form(
    request: Request,
    token: str,
    visit: VisitDep,
    password: Annotated[str, Form(max_length=1000)] = "",
    password_repeat: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Set the password and use the link up; show the form again with what is wrong."""
    console = console_state(request)
    clock = console.container.clock
    with session_scope(console.container.engine) as session:
        account = account_of_link(session=session, token=token, clock=clock)
    if account is None:
        return _link_gone(request, visit)
    try:
        if password != password_repeat:
            raise ValidationFailed("password_mismatch", field="password_repeat")
        new_hash = hash_password(password)  # slow on purpose: before the transaction
    except ValidationFailed as refused:
        return render_page(
            request,
            "password.html",
            status_code=400,
            account=account,
            min_length=MIN_LENGTH,
            error=refused.message(visit.language),
        )
    with session_scope(console.container.engine) as session:
        used = use_password_link(session=session, token=token, password_hash=new_hash, clock=clock)
    if used is None:
        return _link_gone(request, visit)
    return see_other("/console/sign-in?password=1")


def _link_gone(request: Request, visit: Visit) -> HTMLResponse:
    message = texts.render(visit.language, "password.link_invalid")
    context = {"title_key": "password.link_invalid_title", "message": message, "status": 404}
    return render_page(request, "error.html", status_code=404, **context)
