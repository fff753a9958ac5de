"""The on-duty roster (值班表, coordinators only): four weeks of duty days, add and remove.

The same services as `intake duty` and /api/v1/duty (backend/duty/roster.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from backend.api.deps import ContainerDep, SessionDep
from backend.api.params import Day
from backend.bootstrap import Container
from backend.console.deps import CoordinatorUser, VisitDep
from backend.console.flash import Flash, redirect_with_flash, render_with_flash
from backend.console.rendering import console_path
from backend.db import all_or_nothing
from backend.duty.api import current_duty_day
from backend.duty.roster import (
    MAX_DAYS,
    add_duty,
    days_of,
    duty_gap,
    list_duty,
    remove_duty,
    rosterable_accounts,
)
from backend.errors import ValidationFailed
from backend.workdays.overview import read_day

router = APIRouter(prefix="/admin/duty")
SHOWN_DAYS = 28
Text = Annotated[str, Form(max_length=1000)]


@router.get("", response_class=HTMLResponse, name="admin_duty")
def duty_page(
    request: Request,
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
    start: Annotated[Day | None, Query(alias="from")] = None,
) -> HTMLResponse:
    """Show four weeks of duty days from the current one (or `from`), and the forms."""
    return _page(request, session=session, container=container, start=start, values={})


@router.post("/add", response_class=HTMLResponse, name="admin_duty_add")
def add(
    request: Request,
    user: CoordinatorUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    login: Text = "",
    first: Text = "",
    last: Text = "",
) -> Response:
    """Put a coordinator on duty for a day or a range of days."""
    values = {"login": login, "first": first, "last": last}
    try:
        start, end = _range(first, last)
        with all_or_nothing(session):
            added = add_duty(
                session=session,
                login=login,
                first=start,
                last=end,
                clock=container.clock,
                by_staff_id=user.id,
            )
    except ValidationFailed as refused:
        return _refused(request, session, container, values, refused, visit.language)
    params = {"login": login.strip().lower(), "count": str(len(added))}
    done = Flash("duty.added", params | {"first": str(start), "last": str(end or start)})
    return redirect_with_flash(request, console_path(request, "admin_duty"), done)


@router.post("/remove", response_class=HTMLResponse, name="admin_duty_remove")
def remove(
    request: Request,
    user: CoordinatorUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    login: Text = "",
    first: Text = "",
    last: Text = "",
) -> Response:
    """Take a coordinator off duty for a day or a range of days."""
    values = {"login": login, "first": first, "last": last}
    try:
        start, end = _range(first, last)
        with all_or_nothing(session):
            removed = remove_duty(session=session, login=login, first=start, last=end)
    except ValidationFailed as refused:
        return _refused(request, session, container, values, refused, visit.language)
    done = Flash("duty.removed", {"login": login.strip().lower(), "count": str(removed)})
    return redirect_with_flash(request, console_path(request, "admin_duty"), done)


def _range(first: str, last: str) -> tuple[date, date | None]:
    """Read the form's days (the last one optional) as the calendar page reads a day."""
    try:
        start = read_day(first)
    except ValidationFailed as refused:
        refused.field = "first"
        raise
    if not last.strip():
        return start, None
    try:
        end = read_day(last)
    except ValidationFailed as refused:
        refused.field = "last"
        raise
    days_of(start, end)  # refuses a reversed or too long range before anything is read
    return start, end


def _refused(
    request: Request,
    session: SessionDep,
    container: Container,
    values: dict[str, str],
    refused: ValidationFailed,
    language: str,
) -> HTMLResponse:
    error = refused.message(language)
    return _page(
        request,
        session=session,
        container=container,
        start=None,
        values=values,
        error=error,
        status=400,
    )


def _page(
    request: Request,
    *,
    session: SessionDep,
    container: Container,
    start: date | None,
    values: dict[str, str],
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = current_duty_day(container)
    first = start or today
    last = first + timedelta(days=SHOWN_DAYS - 1)
    rows = list_duty(session=session, first=first, last=last)
    days = [(day, [r for r in rows if r.day == day]) for day in days_of(first, last)]
    coordinators = rosterable_accounts(session=session)
    urgent = container.keeper.policy.urgent
    return render_with_flash(
        request,
        "admin/duty.html",
        status_code=status,
        days=days,
        today=today,
        earlier=(first - timedelta(days=SHOWN_DAYS)).isoformat(),
        later=(last + timedelta(days=1)).isoformat(),
        coordinators=coordinators,
        gap=duty_gap(
            session=session, now=container.clock.now(), zone=container.settings.zone, urgent=urgent
        ),
        starts=urgent.duty_day_starts.strftime("%H:%M"),
        values=values,
        error=error,
        max_days=MAX_DAYS,
    )
