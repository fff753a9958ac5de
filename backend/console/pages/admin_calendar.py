"""The working-day calendar (coordinators only): corrections of single days, provisional years.

The same services as `intake calendar set/unset/confirm-year` and the calendar API: each
change takes the calendar's lock and recomputes the open due dates (backend/workdays/changes).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backend.api.deps import ContainerDep, SessionDep
from backend.bootstrap import Container
from backend.console.deps import CoordinatorUser, VisitDep
from backend.console.flash import Flash, redirect_with_flash, refusal, render_with_flash
from backend.console.rendering import console_path
from backend.db import all_or_nothing
from backend.errors import ValidationFailed
from backend.periods import local_day
from backend.workdays.changes import change_day, confirm_year
from backend.workdays.models import MAX_REASON, CalendarOverride
from backend.workdays.overview import known_years, list_overrides, provisional_years, read_day

router = APIRouter(prefix="/admin/calendar")
KINDS = {"off": False, "working": True}


@router.get("", response_class=HTMLResponse, name="admin_calendar")
def calendar_page(
    request: Request, user: CoordinatorUser, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """Show the corrections, the known years, the provisional years and the forms."""
    return _page(request, session=session, container=container, values={"kind": "off"})


@router.post("/overrides", response_class=HTMLResponse, name="admin_calendar_add")
def add_override(
    request: Request,
    user: CoordinatorUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    day: Annotated[str, Form(max_length=1000)] = "",
    kind: Annotated[str, Form(max_length=100)] = "",
    reason: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """Make a day a holiday (day off) or a make-up working day, with its reason."""
    values = {"day": day, "kind": kind, "reason": reason}
    try:
        when = read_day(day)
        if kind not in KINDS:
            raise ValidationFailed("day_kind_required", field="kind")
        with all_or_nothing(session):
            moved = change_day(
                session=session,
                keeper=container.keeper,
                day=when,
                working=KINDS[kind],
                reason=reason,
                actor=user,
            )
    except ValidationFailed as refused:
        error = refused.message(visit.language)
        return _page(
            request, session=session, container=container, values=values, error=error, status=400
        )
    key = "admin.day_set_working" if KINDS[kind] else "admin.day_set_off"
    done = Flash(key, {"day": when.isoformat(), "moved": str(moved)})
    return redirect_with_flash(request, console_path(request, "admin_calendar"), done)


@router.post("/overrides/{day}/remove", name="admin_calendar_remove")
def remove_override(
    request: Request,
    day: Annotated[str, Path(max_length=40)],
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Drop a correction: the day is again as the published calendar says."""
    back = console_path(request, "admin_calendar")
    try:
        when = read_day(day)
    except ValidationFailed as refused:
        return redirect_with_flash(request, back, refusal(refused.code, refused.params))
    moved = change_day(
        session=session, keeper=container.keeper, day=when, working=None, reason="", actor=user
    )
    done = Flash("admin.day_unset", {"day": when.isoformat(), "moved": str(moved)})
    return redirect_with_flash(request, back, done)


@router.post("/years/{year}/confirm", name="admin_calendar_confirm")
def confirm(
    request: Request,
    year: Annotated[int, Path(ge=2000, le=2100)],
    user: CoordinatorUser,
    session: SessionDep,
    container: ContainerDep,
) -> RedirectResponse:
    """Declare a year's holidays complete; its due dates stop being provisional."""
    back = console_path(request, "admin_calendar")
    try:
        with all_or_nothing(session):
            moved = confirm_year(session=session, keeper=container.keeper, year=year, actor=user)
    except ValidationFailed as refused:
        return redirect_with_flash(request, back, refusal(refused.code, refused.params))
    done = Flash("admin.year_confirmed", {"year": str(year), "moved": str(moved)})
    return redirect_with_flash(request, back, done)


def _page(
    request: Request,
    *,
    session: SessionDep,
    container: Container,
    values: dict[str, str],
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = local_day(container.clock.now(), container.settings.zone)
    overrides: list[CalendarOverride] = list_overrides(session=session)
    return render_with_flash(
        request,
        "admin/calendar.html",
        status_code=status,
        overrides=overrides,
        known=known_years(session=session),
        provisional=provisional_years(session=session, today=today),
        values=values,
        error=error,
        max_reason=MAX_REASON,
    )
