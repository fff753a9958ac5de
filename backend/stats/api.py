"""The measure endpoints: figures per unit and district, trend, breakdown, definitions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, Language, ReadSessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.periods import Grouping, Period, local_day
from backend.stats import service
from backend.stats.schemas import (
    BreakdownPublic,
    MeasureDefinitions,
    StatsPublic,
    TrendPublic,
)
from backend.storable import UnitFilter
from backend.unit_scope import visible_unit

router = APIRouter(prefix="/stats", tags=["measures"], route_class=JsonLimitedRoute)
# Figures may be refused: no token (401), another unit's (403), bad dates or period (422).
REFUSALS = refusals(401, 403, 422)

From = Annotated[
    Day | None,
    Query(alias="from", description="First Tianjin date of the period (default: 30 days ago)."),
]
To = Annotated[
    Day | None, Query(alias="to", description="Last Tianjin date of the period (default: today).")
]
Department = Annotated[
    UnitFilter,
    Query(
        description="One unit's figures (a clerk: only the own unit); none: every unit.",
    ),
]


@dataclass(frozen=True)
class Scope:
    """What a figures request asks about: its Tianjin period and the unit (None: all units)."""

    window: Period
    unit: str | None


def stats_scope(
    actor: CurrentActor,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> Scope:
    """Return the request's period (default: the last 30 days) and the unit it may see."""
    zone = container.settings.zone
    today = local_day(container.clock.now(), zone)
    window = service.stats_period(start=start, end=end, today=today, zone=zone)
    unit = visible_unit(actor=actor, department=department, known=container.taxonomy.unit_codes)
    return Scope(window=window, unit=unit)


ScopeDep = Annotated[Scope, Depends(stats_scope)]


@router.get("", response_model=StatsPublic, responses=REFUSALS)
def read_stats(
    session: ReadSessionDep, actor: CurrentActor, container: ContainerDep, scope: ScopeDep
) -> StatsPublic:
    """Return each unit's figures and the district's over a Tianjin period (clerk: own unit)."""
    window, now = scope.window, container.clock.now()
    data = service.unit_stats(session=session, window=window, now=now, department=scope.unit)
    district = (
        None if actor.is_clerk else service.district_stats(session=session, window=window, now=now)
    )
    return StatsPublic(
        timezone=container.settings.timezone,
        start=window.start,
        end=window.end,
        data=data,
        district=district,
    )


@router.get("/trend", response_model=TrendPublic, responses=REFUSALS)
def read_trend(
    session: ReadSessionDep,
    container: ContainerDep,
    scope: ScopeDep,
    by: Annotated[Grouping, Query(description="Tianjin day, ISO week or month.")] = Grouping.week,
) -> TrendPublic:
    """Return the figures of a unit (or the district) per Tianjin day, ISO week or month."""
    found = service.trend(
        session=session,
        window=scope.window,
        grouping=by,
        zone=container.settings.zone,
        now=container.clock.now(),
        department=scope.unit,
    )
    return TrendPublic(
        timezone=container.settings.timezone,
        start=scope.window.start,
        end=scope.window.end,
        by=by,
        department=scope.unit,
        buckets=found,
    )


@router.get("/breakdown", response_model=BreakdownPublic, responses=REFUSALS)
def read_breakdown(
    session: ReadSessionDep,
    container: ContainerDep,
    language: Language,
    scope: ScopeDep,
    by: Literal["category", "channel"] = "category",
) -> BreakdownPublic:
    """Return the figures of a unit (or the district) per category or per channel."""
    label = service.breakdown_label(by=by, taxonomy=container.taxonomy, language=language)
    rows = service.breakdown(
        session=session,
        window=scope.window,
        by=by,
        now=container.clock.now(),
        label=label,
        department=scope.unit,
    )
    return BreakdownPublic(
        timezone=container.settings.timezone,
        start=scope.window.start,
        end=scope.window.end,
        by=by,
        department=scope.unit,
        rows=rows,
    )


@router.get("/measures", response_model=MeasureDefinitions, responses=REFUSALS)
def read_definitions(actor: CurrentActor, language: Language) -> MeasureDefinitions:
    """Return what each figure counts: numerator, denominator and which cases are in it."""
    return MeasureDefinitions(measures=service.definitions(language=language))
