"""The on-duty roster (值班表) for coordinators: list it, put a coordinator on or off duty."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from backend.actors import Actor
from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep, SessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.api.shown import Answer
from backend.bootstrap import Container
from backend.duty.roster import add_duty, days_of, duty_day, list_duty, remove_duty, uncovered
from backend.errors import Forbidden
from backend.storable import StorableStr

router = APIRouter(prefix="/duty", tags=["duty"], route_class=JsonLimitedRoute)
SHOWN_DAYS = 28  # days listed when no end is asked for

From = Annotated[Day | None, Query(alias="from", description="First duty day (YYYY-MM-DD).")]
To = Annotated[Day | None, Query(alias="to", description="Last duty day (YYYY-MM-DD).")]


class ShiftPublic(Answer):
    """One coordinator on duty for one duty day (the night after the date included)."""

    date: date
    login: str
    name: str


class RosterPublic(Answer):
    """The roster of a range of duty days, and the days nobody is on duty for."""

    model_config = ConfigDict(populate_by_name=True)

    first: date = Field(serialization_alias="from")
    last: date = Field(serialization_alias="to")
    shifts: list[ShiftPublic]
    uncovered: list[date]


class DutyChange(BaseModel):
    """A coordinator (login) put on or taken off duty from `from` to `to` (default: `from`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    login: StorableStr = Field(min_length=1, max_length=64)
    first: Day = Field(alias="from")
    last: Day | None = Field(default=None, alias="to")


class DutyAdded(BaseModel):
    """The days the coordinator was put on duty for (days already rostered not repeated)."""

    added: list[date]


class DutyRemoved(BaseModel):
    """How many duty days the coordinator was taken off."""

    removed: int


def _coordinator(actor: Actor) -> None:
    if not actor.is_coordinator:
        raise Forbidden("only coordinators keep the duty roster")


def current_duty_day(container: Container) -> date:
    """Return the duty day of now (a night belongs to the day it starts)."""
    starts = container.keeper.policy.urgent.duty_day_starts
    return duty_day(container.clock.now(), zone=container.settings.zone, starts=starts)


@router.get(
    "",
    response_model=RosterPublic,
    response_model_by_alias=True,
    responses=refusals(401, 403, 422),
)
def read_roster(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    first: From = None,
    last: To = None,
) -> RosterPublic:
    """List who is on duty, by day: four weeks from the current duty day unless asked."""
    _coordinator(actor)
    start = first or current_duty_day(container)
    end = last or start + timedelta(days=SHOWN_DAYS - 1)
    days_of(start, end)  # refuses a reversed or too long range (422)
    rows = list_duty(session=session, first=start, last=end)
    return RosterPublic(
        first=start,
        last=end,
        shifts=[ShiftPublic(date=r.day, login=r.login, name=r.name) for r in rows],
        uncovered=uncovered(rows, start, end),
    )


@router.post(
    "",
    response_model=DutyAdded,
    status_code=status.HTTP_201_CREATED,
    responses=refusals(400, 401, 403, 413, 422),
)
def add_to_roster(
    body: DutyChange, session: SessionDep, actor: CurrentActor, container: ContainerDep
) -> DutyAdded:
    """Put an active coordinator on duty for a day or a range of days (422: unknown login)."""
    _coordinator(actor)
    added = add_duty(
        session=session,
        login=body.login,
        first=body.first,
        last=body.last,
        clock=container.clock,
        by_staff_id=actor.id,
    )
    return DutyAdded(added=added)


@router.post("/remove", response_model=DutyRemoved, responses=refusals(400, 401, 403, 413, 422))
def remove_from_roster(body: DutyChange, session: SessionDep, actor: CurrentActor) -> DutyRemoved:
    """Take a coordinator off duty for a day or a range of days."""
    _coordinator(actor)
    removed = remove_duty(session=session, login=body.login, first=body.first, last=body.last)
    return DutyRemoved(removed=removed)
