"""The measures endpoint."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, SessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.deadlines.stats import UnitStats, unit_stats
from backend.errors import ValidationFailed

router = APIRouter(tags=["measures"], route_class=JsonLimitedRoute)


class StatsPublic(BaseModel):
    """Measures per unit over a period."""

    start: date
    end: date
    data: list[UnitStats]


@router.get("/stats", response_model=StatsPublic, responses=refusals(401, 422))
def read_stats(
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    start: Annotated[Day | None, Query(alias="from")] = None,
    end: Annotated[Day | None, Query(alias="to")] = None,
) -> StatsPublic:
    """Return each unit's measures (a clerk sees the own unit's only); default: last 30 days."""
    now = container.clock.now()
    end = end or now.astimezone(container.settings.zone).date()
    start = start or end - timedelta(days=30)
    if start > end:
        raise ValidationFailed("from_after_to", field="from")
    department = actor.department if actor.is_clerk else None
    data = unit_stats(session=session, start=start, end=end, now=now, department=department)
    return StatsPublic(start=start, end=end, data=data)
