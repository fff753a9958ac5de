"""Staff endpoints for coordinators: list accounts, issue one-time bind codes for chats."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, status
from pydantic import BaseModel
from sqlmodel import col, select

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep, SessionDep
from backend.api.errors import refusals
from backend.api.shown import Answer
from backend.bounds import MAX_ROW_ID
from backend.errors import Forbidden, NotFound
from backend.people.deactivation import deactivate_staff
from backend.people.invites import VALID_FOR, issue_invite
from backend.people.models import StaffAccount

router = APIRouter(prefix="/staff", tags=["staff"], route_class=JsonLimitedRoute)


class StaffPublic(Answer):
    """A staff account (never its token)."""

    id: int
    name: str
    role: str
    department: str
    active: bool


class InvitePublic(BaseModel):
    """A one-time code to send `/bind CODE` from the clerk's chat."""

    code: str
    expires_at: datetime


def _public(account: StaffAccount) -> StaffPublic:
    return StaffPublic(
        id=account.id or 0,
        name=account.name,
        role=account.role,
        department=account.department_code,
        active=account.active,
    )


@router.get("", response_model=list[StaffPublic], responses=refusals(401, 403))
def read_staff(session: ReadSessionDep, actor: CurrentActor) -> list[StaffPublic]:
    """List the staff accounts (coordinators only)."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators see the staff list")
    rows = session.exec(select(StaffAccount).order_by(col(StaffAccount.id))).all()
    return [_public(r) for r in rows]


@router.post(
    "/{staff_id}/deactivate",
    response_model=StaffPublic,
    responses=refusals(401, 403, 404, 409, 422),
)
def deactivate(
    staff_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)],
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
) -> StaffPublic:
    """Deactivate an account: its token, bound chats and queued notices stop at once."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators deactivate staff accounts")
    account = deactivate_staff(
        session=session, staff_id=staff_id, clock=container.clock, by_staff_id=actor.id
    )
    return _public(account)


@router.post(
    "/{staff_id}/invites",
    response_model=InvitePublic,
    status_code=status.HTTP_201_CREATED,
    responses=refusals(401, 403, 404, 422),
)
def create_invite(
    staff_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)],
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
) -> InvitePublic:
    """Issue a one-time code (valid seven days) that binds a chat to this account."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators issue bind codes")
    staff = session.get(StaffAccount, staff_id)
    if staff is None or not staff.active:
        raise NotFound(str(staff_id))
    code = issue_invite(session=session, staff=staff, clock=container.clock)
    return InvitePublic(code=code, expires_at=container.clock.now() + VALID_FOR)
