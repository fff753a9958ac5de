"""Calendar endpoints: ask about a day, count working days, correct a day (coordinators)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep, SessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.api.shown import Answer
from backend.errors import Forbidden, ValidationFailed
from backend.storable import StorableStr
from backend.workdays.changes import change_day, confirm_year
from backend.workdays.models import MAX_REASON
from backend.workdays.overview import list_overrides

router = APIRouter(prefix="/calendar", tags=["calendar"], route_class=JsonLimitedRoute)


class DayPublic(BaseModel):
    """One day of the calendar."""

    date: date
    working: bool
    provisional: bool


class OverrideIn(BaseModel):
    """A coordinator's correction of one day."""

    model_config = ConfigDict(extra="forbid")

    date: Day
    working: StrictBool
    reason: StorableStr = Field(min_length=1, max_length=MAX_REASON)


class OverridePublic(Answer):
    """A correction as stored."""

    date: date
    working: bool
    reason: str
    actor_name: str


class OverrideResult(BaseModel):
    """What a correction changed."""

    date: date
    working: bool | None
    moved_deadlines: int


@router.get("/days/{day}", response_model=DayPublic, responses=refusals(401, 422))
def read_day(
    day: Day, session: ReadSessionDep, _: CurrentActor, container: ContainerDep
) -> DayPublic:
    """Tell whether a day is a working day, and whether that is provisional."""
    answer = container.keeper.calendar.get(session).day(day)
    return DayPublic(date=day, working=answer.working, provisional=answer.provisional)


@router.get("/add-working-days", response_model=DayPublic, responses=refusals(401, 422))
def add_working_days(
    session: ReadSessionDep,
    _: CurrentActor,
    container: ContainerDep,
    start: Day,
    days: Annotated[int, Query(ge=0, le=1000)],
) -> DayPublic:
    """Return the day `days` working days after `start` (the start day does not count)."""
    try:
        due = container.keeper.calendar.get(session).add_working_days(start, days)
    except ValueError:  # a period the calendar cannot count (it says so rather than guess)
        raise ValidationFailed("beyond_calendar", field="start") from None
    return DayPublic(date=due.day, working=True, provisional=due.provisional)


@router.get("/overrides", response_model=list[OverridePublic], responses=refusals(401))
def read_overrides(session: ReadSessionDep, _: CurrentActor) -> list[OverridePublic]:
    """List the coordinators' corrections, by date."""
    rows = list_overrides(session=session)
    return [
        OverridePublic(date=r.day, working=r.working, reason=r.reason, actor_name=r.actor_name)
        for r in rows
    ]


@router.post(
    "/overrides", response_model=OverrideResult, responses=refusals(400, 401, 403, 413, 422)
)
def put_override(
    body: OverrideIn, session: SessionDep, actor: CurrentActor, container: ContainerDep
) -> OverrideResult:
    """Make a day a working day or a day off; open due dates move accordingly."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators correct the calendar")
    moved = change_day(
        session=session,
        keeper=container.keeper,
        day=body.date,
        working=body.working,
        reason=body.reason,
        actor=actor,
    )
    return OverrideResult(date=body.date, working=body.working, moved_deadlines=moved)


@router.delete(
    "/overrides/{day}", response_model=OverrideResult, responses=refusals(401, 403, 422)
)
def delete_override(
    day: Day, session: SessionDep, actor: CurrentActor, container: ContainerDep
) -> OverrideResult:
    """Drop a correction: the day is again as the package says."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators correct the calendar")
    moved = change_day(
        session=session, keeper=container.keeper, day=day, working=None, reason="", actor=actor
    )
    return OverrideResult(date=day, working=None, moved_deadlines=moved)


class YearConfirmed(BaseModel):
    """What confirming a year changed."""

    year: int
    moved_deadlines: int


@router.post(
    "/years/{year}/confirm", response_model=YearConfirmed, responses=refusals(401, 403, 422)
)
def confirm_known_year(
    year: Annotated[int, Path(ge=2000, le=2100)],
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
) -> YearConfirmed:
    """Declare a year's days complete once its notice is entered; open due dates follow."""
    if not actor.is_coordinator:
        raise Forbidden("only coordinators correct the calendar")
    moved = confirm_year(session=session, keeper=container.keeper, year=year, actor=actor)
    return YearConfirmed(year=year, moved_deadlines=moved)
