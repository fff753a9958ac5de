"""The rating page of a signed link (/console/rate/<token>): a reporter told by email rates here.

The link names the case and its reporter under the app's key and expires
(backend/notifications/rating_links.py). The rating goes through the chat's own service:
`rate_case` while the case waits for it, else kept as a note (`note_late_rating`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse

from backend.api.deps import ContainerDep, SessionDep
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.cases.rating import (
    MAX_COMMENT,
    RATINGS,
    note_late_rating,
    rate_case,
    waits_for_rating,
)
from backend.console.deps import VisitDep
from backend.console.rendering import render_page
from backend.db import all_or_nothing
from backend.errors import DomainError, ValidationFailed
from backend.notifications.rating_links import BadRatingLink, read_rating_link

router = APIRouter()

# Any length reaches the page, which says the link does not work (a cut link is no bad request).
Token = Annotated[str, Path(max_length=4096)]
TOKEN_LENGTHS = range(8, 201)


def _case(container: Container, session: SessionDep, token: str) -> Case | None:
    if len(token) not in TOKEN_LENGTHS:
        return None
    secret = container.secret_key.get_secret_value()
    try:
        claim = read_rating_link(secret, token, now=container.clock.now().timestamp())
    except BadRatingLink:
        return None
    case = session.get(Case, claim.case_id)
    if case is None or case.reporter_id != claim.reporter_id:
        return None
    return case


@router.get("/rate/{token}", response_class=HTMLResponse, name="rate_link")
def rating_page(
    request: Request, token: Token, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """Show the case's reply and the three ratings, or why the link does not work."""
    case = _case(container, session, token)
    if case is None:
        return render_page(request, "rate.html", case=None, state="bad", status_code=404)
    state = "open" if waits_for_rating(case) else "closed"
    return render_page(
        request,
        "rate.html",
        case=case,
        state=state,
        ratings=RATINGS,
        request_token=token,
        max_comment=MAX_COMMENT,
        rating=None,
        comment="",
    )


@router.post("/rate/{token}", response_class=HTMLResponse, name="rate_link_post")
def rate(
    request: Request,
    token: Token,
    session: SessionDep,
    container: ContainerDep,
    visit: VisitDep,
    rating: Annotated[str, Form()] = "",
    comment: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Record the rating (a case that stopped waiting keeps it as a note).

    What cannot be taken (no rating chosen, a comment too long or with a character that
    cannot be stored: `backend.cases.rating.rating_comment`) is said on the form, 422, with
    what was typed kept; a case that no longer waits says so, 409. Nothing is written then.
    """
    case = _case(container, session, token)
    if case is None:
        return render_page(request, "rate.html", case=None, state="bad", status_code=404)
    session.refresh(case, with_for_update=True)
    waiting = waits_for_rating(case)
    env = container.case_env
    try:
        if rating not in RATINGS:
            raise ValidationFailed("rating_required", field="rating")
        with all_or_nothing(session):  # a refusal midway is not committed with its page
            if waiting:
                rate_case(session=session, case=case, rating=rating, comment=comment, env=env)
            else:
                note_late_rating(
                    session=session, case=case, rating=rating, comment=comment, env=env
                )
    except ValidationFailed as refused:
        if not waiting:
            return render_page(request, "rate.html", case=case, state="closed", status_code=409)
        return render_page(
            request,
            "rate.html",
            case=case,
            state="open",
            ratings=RATINGS,
            request_token=token,
            error=refused.message(visit.language),
            rating=rating,
            comment=comment,
            max_comment=MAX_COMMENT,
            status_code=422,
        )
    except DomainError:
        return render_page(request, "rate.html", case=case, state="closed", status_code=409)
    return render_page(request, "rate.html", case=case, state="thanks")
