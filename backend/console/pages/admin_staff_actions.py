"""What a coordinator does to one staff account: each a form, a service call and a 303.

Reset the password (a one-time link), rotate the API token, issue a chat bind code, and
deactivate. A secret the action makes is carried to the account's page by the flash cookie
and shown there once; it is stored nowhere but as a hash.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from backend.api.deps import ContainerDep, SessionDep
from backend.console.deps import CoordinatorUser
from backend.console.flash import Flash, redirect_with_flash, refusal
from backend.console.pages.admin_staff import StaffId, issue_link
from backend.console.rendering import console_path
from backend.db import all_or_nothing
from backend.errors import ValidationFailed
from backend.people.deactivation import DeactivationRefused, deactivate_staff
from backend.people.invites import VALID_FOR, issue_invite
from backend.people.service import active_staff, rotate_token

router = APIRouter(prefix="/admin/staff/{staff_id}")


def _back(request: Request, staff_id: int, message: Flash) -> RedirectResponse:
    path = console_path(request, "admin_staff_account", staff_id=staff_id)
    return redirect_with_flash(request, path, message)


@router.post("/password-link", name="admin_staff_password_link")
def reset_password(
    request: Request,
    staff_id: StaffId,
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Issue a one-time set-password link (earlier unused links stop working)."""
    try:
        staff = active_staff(session=session, staff_id=staff_id)
        if not staff.login:
            raise ValidationFailed("login_missing", field="login", value=staff.name)
    except ValidationFailed as refused:
        return _back(request, staff_id, refusal(refused.code, refused.params))
    link = issue_link(request, session=session, container=container, staff=staff, by=user)
    hours = str(container.settings.password_link_hours)
    return _back(request, staff_id, Flash("admin.link_issued", {"hours": hours}, secret=link))


@router.post("/token", name="admin_staff_token")
def new_token(
    request: Request, staff_id: StaffId, user: CoordinatorUser, session: SessionDep
) -> RedirectResponse:
    """Give the account a new API token; the old one stops at once."""
    try:
        staff = active_staff(session=session, staff_id=staff_id)
        with all_or_nothing(session):
            token = rotate_token(session=session, staff=staff)
    except ValidationFailed as refused:
        return _back(request, staff_id, refusal(refused.code, refused.params))
    return _back(request, staff_id, Flash("admin.token_rotated", secret=token))


@router.post("/bind-code", name="admin_staff_bind_code")
def bind_code(
    request: Request,
    staff_id: StaffId,
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Issue a one-time code to send as `/bind CODE` from the person's chat."""
    try:
        staff = active_staff(session=session, staff_id=staff_id)
    except ValidationFailed as refused:
        return _back(request, staff_id, refusal(refused.code, refused.params))
    code = issue_invite(session=session, staff=staff, clock=container.clock)
    days = str(VALID_FOR.days)
    return _back(request, staff_id, Flash("admin.bind_code_issued", {"days": days}, secret=code))


@router.post("/deactivate", name="admin_staff_deactivate")
def deactivate(
    request: Request,
    staff_id: StaffId,
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> RedirectResponse:
    """Deactivate the account once the box is ticked: sessions, token, chats and codes end."""
    if confirm != "yes":
        return _back(request, staff_id, Flash("admin.deactivate_unconfirmed", error=True))
    try:
        with all_or_nothing(session):
            staff = deactivate_staff(
                session=session, staff_id=staff_id, clock=container.clock, by_staff_id=user.id
            )
    except DeactivationRefused as refused:
        return _back(request, staff_id, refusal(refused.code))
    return _back(request, staff_id, Flash("admin.deactivated", {"name": staff.name}))
