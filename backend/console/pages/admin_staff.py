"""Administration of staff accounts (coordinators only): the list, a new account, one account.

The rules live in backend/people (service, roster, deactivation, password_links, invites),
the same functions `intake users ...` calls; the actions on one account are in
admin_staff_actions.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from backend.actors import Actor
from backend.api.deps import ContainerDep, SessionDep
from backend.bootstrap import Container
from backend.bounds import MAX_ROW_ID
from backend.console.deps import CoordinatorUser, VisitDep
from backend.console.flash import Flash, redirect_with_flash, render_with_flash
from backend.console.rendering import console_path
from backend.db import all_or_nothing
from backend.errors import NotFound, ValidationFailed
from backend.people.models import Role, StaffAccount
from backend.people.password_links import issue_password_link, password_link_path
from backend.people.roster import bound_chats, staff_roster
from backend.people.service import create_staff
from backend.taxonomy.tables import list_units

router = APIRouter(prefix="/admin")
StaffId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


def local_time(container: Container, moment: datetime | None) -> str:
    """Return a moment as Tianjin wall time (YYYY-MM-DD HH:MM), or an empty string."""
    if moment is None:
        return ""
    return moment.astimezone(container.settings.zone).strftime("%Y-%m-%d %H:%M")


def absolute_link(request: Request, path: str) -> str:
    """Return the full address of a console path on the host this page was asked on."""
    return f"{request.url.scheme}://{request.url.netloc}{path}"


def issue_link(
    request: Request, *, session: Session, container: Container, staff: StaffAccount, by: Actor
) -> str:
    """Issue a one-time set-password link for the account and return its full address."""
    token = issue_password_link(
        session=session,
        staff=staff,
        clock=container.clock,
        valid_for=timedelta(hours=container.settings.password_link_hours),
        issued_by=by,
    )
    return absolute_link(request, password_link_path(token))


@router.get("/staff", response_class=HTMLResponse, name="admin_staff")
def staff_page(
    request: Request, user: CoordinatorUser, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """List the staff accounts: login, name, role, unit, state, last sign-in, bound chats."""
    rows = staff_roster(session=session)
    units = {unit.code: unit for unit in list_units(session=session, include_retired=True)}
    return render_with_flash(
        request,
        "admin/staff.html",
        rows=rows,
        units=units,
        last_sign_in=lambda row: local_time(container, row.account.last_sign_in_at),
    )


@router.get("/staff/new", response_class=HTMLResponse, name="admin_staff_new")
def new_staff_page(request: Request, user: CoordinatorUser, session: SessionDep) -> HTMLResponse:
    """Show the form for a new account."""
    return _new_form(request, session, values={"role": Role.clerk.value})


@router.post("/staff/new", response_class=HTMLResponse)
def new_staff_form(
    request: Request,
    user: CoordinatorUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    login: Annotated[str, Form(max_length=1000)] = "",
    name: Annotated[str, Form(max_length=1000)] = "",
    role: Annotated[str, Form(max_length=100)] = "",
    department: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Create the account and issue its set-password link, shown once on the account's page."""
    values = {"login": login, "name": name, "role": role, "department": department}
    try:
        with all_or_nothing(session):
            account, _ = create_staff(
                session=session,
                name=name,
                role=role,
                department=department,
                clock=container.clock,
                login=login,
                lead_office=container.taxonomy.lead_office,
            )
    except ValidationFailed as refused:
        return _new_form(
            request, session, values=values, error=refused.message(visit.language), status=400
        )
    link = issue_link(request, session=session, container=container, staff=account, by=user)
    path = console_path(request, "admin_staff_account", staff_id=account.id)
    hours = str(container.settings.password_link_hours)
    done = Flash("admin.staff_created", {"name": account.name, "hours": hours}, secret=link)
    return redirect_with_flash(request, path, done)


@router.get("/staff/{staff_id}", response_class=HTMLResponse, name="admin_staff_account")
def account_page(
    request: Request,
    staff_id: StaffId,
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
) -> HTMLResponse:
    """Show one account, its bound chats and the actions on it."""
    account = session.get(StaffAccount, staff_id)
    if account is None:
        raise NotFound(str(staff_id))
    unit = {u.code: u for u in list_units(session=session, include_retired=True)}.get(
        account.department_code
    )
    return render_with_flash(
        request,
        "admin/staff_account.html",
        account=account,
        unit=unit,
        chats=bound_chats(session=session, staff_id=staff_id),
        when=lambda moment: local_time(container, moment),
        is_self=account.id == user.id,
    )


def _new_form(
    request: Request,
    session: Session,
    *,
    values: dict[str, str],
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return render_with_flash(
        request,
        "admin/staff_new.html",
        status_code=status,
        units=list_units(session=session),
        roles=[role.value for role in Role],
        values=values,
        error=error,
    )
