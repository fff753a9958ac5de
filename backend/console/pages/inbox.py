"""The inbox (/console/inbox): every notice to the signed-in staff member, and the link that
verifies an email address (/console/channels/verify/<token>, opened from its test message)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from backend.api.deps import ContainerDep, SessionDep
from backend.bounds import MAX_ROW_ID
from backend.cases.queries import get_case
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.flash import Flash, redirect_with_flash, render_with_flash
from backend.console.pages.admin_staff import local_time
from backend.console.pages.navigation import see_other
from backend.console.rendering import console_path, render_page
from backend.errors import NotFound
from backend.notifications.inbox import inbox_of, mark_all_read, mark_read
from backend.notifications.setup import ChannelRefused, confirm_email

router = APIRouter()

ItemId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
# Any length reaches the page, which says the link does not work (a cut link is no bad request).
Token = Annotated[str, Path(max_length=4096)]


@router.get("/inbox", response_class=HTMLResponse, name="inbox")
def inbox_page(
    request: Request, user: ConsoleUser, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """List the staff member's notices, newest first, the unread ones marked."""
    assert user.id is not None
    entries = inbox_of(session=session, staff_id=user.id)
    return render_with_flash(
        request,
        "inbox.html",
        entries=entries,
        when=lambda moment: local_time(container, moment),
    )


@router.post("/inbox/{item_id}/open", name="inbox_open")
def open_item(
    request: Request,
    item_id: ItemId,
    user: ConsoleUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Mark a notice read and go to its case (or back to the inbox when it has none).

    A case no longer the user's (reassigned, returned since the notice) brings them back to
    the inbox, which says so: its page would only answer "not found".
    """
    assert user.id is not None
    entry = mark_read(
        session=session, staff_id=user.id, item_id=item_id, now=container.clock.now()
    )
    inbox = console_path(request, "inbox")
    if entry.case_number is None:
        return see_other(inbox)
    try:
        get_case(session=session, number=entry.case_number, actor=user)
    except NotFound:
        gone = Flash("inbox.case_gone", {"number": entry.case_number}, error=True)
        return redirect_with_flash(request, inbox, gone)
    return see_other(console_path(request, "case", number=entry.case_number))


@router.post("/inbox/{item_id}/read", name="inbox_read")
def read_item(
    request: Request,
    item_id: ItemId,
    user: ConsoleUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Mark a notice read and stay in the inbox."""
    assert user.id is not None
    mark_read(session=session, staff_id=user.id, item_id=item_id, now=container.clock.now())
    return see_other(console_path(request, "inbox"))


@router.post("/inbox/read-all", name="inbox_read_all")
def read_all(
    request: Request, user: ConsoleUser, session: SessionDep, container: ContainerDep
) -> RedirectResponse:
    """Mark every notice read."""
    assert user.id is not None
    mark_all_read(session=session, staff_id=user.id, now=container.clock.now())
    return see_other(console_path(request, "inbox"))


@router.get("/channels/verify/{token}", response_class=HTMLResponse, name="channel_verify")
def verify_email(
    request: Request, token: Token, visit: VisitDep, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """Verify the email address whose test message carried this link (no sign-in needed).

    The visit is resolved first, before the page's unit of work begins: a signed-in visit is
    looked up in a write transaction of its own, which on SQLite would wait for that unit's
    lock (a signed-in coordinator opening the link got 503 after the busy timeout).
    """
    try:
        channel = confirm_email(session=session, token=token, now=container.clock.now())
    except ChannelRefused:
        return render_page(request, "channel_verified.html", address=None, status_code=404)
    return render_page(request, "channel_verified.html", address=channel.address)
