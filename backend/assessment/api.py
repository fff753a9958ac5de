"""GET /api/v1/assessment: 考核评价 of every unit over a Tianjin period (a clerk: its own)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import Session

from backend.actors import Actor
from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.assessment.measures import LOWER_IS_BETTER
from backend.assessment.schemas import AssessmentPublic, RatioPublic, UnitAssessmentPublic
from backend.assessment.service import Assessment, assess
from backend.bootstrap import Container
from backend.periods import local_day
from backend.stats.service import stats_period
from backend.storable import UnitFilter
from backend.unit_scope import visible_unit

router = APIRouter(prefix="/assessment", tags=["assessment"], route_class=JsonLimitedRoute)

From = Annotated[Day | None, Query(alias="from", description="First Tianjin date (30 days ago).")]
To = Annotated[Day | None, Query(alias="to", description="Last Tianjin date (today).")]
Department = Annotated[UnitFilter, Query()]


@router.get("", response_model=AssessmentPublic, responses=refusals(401, 403, 422))
def read_assessment(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> AssessmentPublic:
    """Return each unit's measures, weighted score and rank over the period."""
    found = assessment_for(
        session=session,
        actor=actor,
        container=container,
        start=start,
        end=end,
        department=department or None,
    )
    return public(found, container.settings.timezone)


def assessment_for(
    *,
    session: Session,
    actor: Actor,
    container: Container,
    start: date | None,
    end: date | None,
    department: str | None,
) -> Assessment:
    """Return the assessment the actor may read (API, console and export share it)."""
    zone, now = container.settings.zone, container.clock.now()
    window = stats_period(start=start, end=end, today=local_day(now, zone), zone=zone)
    units = container.taxonomy.unit_codes
    unit = visible_unit(actor=actor, department=department, known=units)
    return assess(
        session=session,
        window=window,
        now=now,
        units=units,
        weights=container.policy.assessment.weights,
        department=unit,
    )


def public(found: Assessment, timezone: str) -> AssessmentPublic:
    """Return the assessment as the API shows it."""
    return AssessmentPublic(
        timezone=timezone,
        start=found.window.start,
        end=found.window.end,
        weights={name.value: weight for name, weight in found.weights.items()},
        lower_is_better=sorted(name.value for name in LOWER_IS_BETTER),
        data=[
            UnitAssessmentPublic(
                department=row.department,
                rank=row.rank,
                score=round(row.score, 2) if row.score is not None else None,
                measures={
                    name.value: RatioPublic(
                        numerator=r.numerator, denominator=r.denominator, rate=r.rate
                    )
                    for name, r in row.measures.items()
                },
            )
            for row in found.units
        ],
    )
