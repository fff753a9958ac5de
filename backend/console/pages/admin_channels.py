"""Channels (/console/admin/channels): staff email addresses and units' robots, for coordinators.

Each form is one service call and a 303 with a flash message; a new address or robot gets
its test message at once (an address is used once its link is opened, a robot once it took
the message). The forms write in sessions of their own, committed before the test goes out.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import col, select

from backend.api.deps import ContainerDep, SessionDep
from backend.bounds import MAX_ROW_ID
from backend.console.deps import CoordinatorUser
from backend.console.flash import Flash, redirect_with_flash, render_with_flash
from backend.console.pages.admin_staff import local_time
from backend.console.rendering import console_path
from backend.console.visit import resolve_visit
from backend.db import session_scope
from backend.notifications.models import ROBOT_KINDS
from backend.notifications.setup import (
    ChannelRefused,
    add_robot,
    channels_of,
    remove_channel,
    send_verification,
    set_staff_email,
    try_robot,
)
from backend.people.models import StaffAccount
from backend.ports import DeliveryFailed
from backend.taxonomy.tables import list_units

router = APIRouter(prefix="/admin/channels")

ChannelId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


def _back(request: Request, message: Flash) -> RedirectResponse:
    return redirect_with_flash(request, console_path(request, "admin_channels"), message)


def _refused(request: Request, refused: ChannelRefused, language: str) -> RedirectResponse:
    message = Flash("channels.refused", {"message": refused.message(language)}, error=True)
    return _back(request, message)


def _language(request: Request) -> str:
    return resolve_visit(request).language


@router.get("", response_class=HTMLResponse, name="admin_channels")
def channels_page(
    request: Request, user: CoordinatorUser, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """List every address and robot with its state; the forms to add and test them."""
    channels = channels_of(session=session)
    accounts = session.exec(
        select(StaffAccount).where(col(StaffAccount.active)).order_by(col(StaffAccount.name))
    ).all()
    names = {a.id: a.name for a in accounts}
    return render_with_flash(
        request,
        "admin/channels.html",
        section="admin_channels",
        emails=[(names.get(c.staff_id, "?"), c) for c in channels if c.staff_id is not None],
        robots=[
            (c, urlsplit(c.address).netloc) for c in channels if c.department_code is not None
        ],
        accounts=accounts,
        units=list_units(session=session),
        kinds=sorted(ROBOT_KINDS),
        when=lambda moment: local_time(container, moment),
    )


@router.post("/email", name="admin_channels_email")
def set_email(
    request: Request,
    user: CoordinatorUser,
    container: ContainerDep,
    staff_id: Annotated[int, Form(ge=1, le=MAX_ROW_ID)],
    address: Annotated[str, Form(max_length=300)],
) -> RedirectResponse:
    """Give a staff account an address and send its test message."""
    with session_scope(container.engine) as session:
        account = session.get(StaffAccount, staff_id)
        if account is None or not account.active:
            return _refused(request, ChannelRefused("unknown_staff", staff_id), _language(request))
        try:
            channel, token = set_staff_email(
                session=session, staff=account, address=address, now=container.clock.now()
            )
        except ChannelRefused as refused:
            return _refused(request, refused, _language(request))
    try:
        send_verification(settings=container.settings, address=channel.address, token=token)
    except DeliveryFailed as exc:
        return _back(request, Flash("channels.email_failed", {"error": str(exc)}, error=True))
    return _back(request, Flash("channels.email_sent", {"address": channel.address}))


@router.post("/robots", name="admin_channels_robot_add")
def new_robot(
    request: Request,
    user: CoordinatorUser,
    container: ContainerDep,
    unit: Annotated[str, Form(max_length=32)],
    kind: Annotated[str, Form(max_length=16)],
    url: Annotated[str, Form(max_length=1000)],
    secret: Annotated[str, Form(max_length=200)] = "",
) -> RedirectResponse:
    """Add a robot to a unit and send its test message."""
    try:
        with session_scope(container.engine) as session:
            robot = add_robot(
                session=session,
                department=unit,
                kind=kind,
                url=url,
                secret=secret or None,
                now=container.clock.now(),
            )
    except ChannelRefused as refused:
        return _refused(request, refused, _language(request))
    assert robot.id is not None
    return _tested(request, container, robot.id)


@router.post("/{channel_id}/test", name="admin_channels_test")
def test_again(
    request: Request, channel_id: ChannelId, user: CoordinatorUser, container: ContainerDep
) -> RedirectResponse:
    """Send a robot its test message again (a failing one that takes it is used again)."""
    try:
        return _tested(request, container, channel_id)
    except ChannelRefused as refused:
        return _refused(request, refused, _language(request))


@router.post("/{channel_id}/remove", name="admin_channels_remove")
def remove(
    request: Request, channel_id: ChannelId, user: CoordinatorUser, container: ContainerDep
) -> RedirectResponse:
    """Remove an address or a robot."""
    try:
        with session_scope(container.engine) as session:
            remove_channel(session=session, channel_id=channel_id)
    except ChannelRefused as refused:
        return _refused(request, refused, _language(request))
    return _back(request, Flash("channels.removed"))


def _tested(request: Request, container: ContainerDep, channel_id: int) -> RedirectResponse:
    error = try_robot(
        engine=container.engine,
        channel_id=channel_id,
        settings=container.settings,
        clock=container.clock,
    )
    if error is not None:
        return _back(request, Flash("channels.robot_failed", {"error": error}, error=True))
    return _back(request, Flash("channels.robot_ok"))
