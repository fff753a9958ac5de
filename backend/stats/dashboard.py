"""Everything the console's dashboard shows, gathered from the figure services in one call.

No rule of its own: the figures, trend and breakdowns are `backend.stats.service`'s (the same
as GET /api/v1/stats), with their links pointed at the console's case list instead of the
API's. A clerk sees the own unit only (`backend.unit_scope.visible_unit`); a coordinator
one unit or the whole district, with each unit's row beside the district's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.actors import Actor
from backend.errors import ValidationFailed
from backend.periods import Grouping, Period, buckets
from backend.stats import service
from backend.stats.schemas import BreakdownRow, TrendBucket, UnitStats
from backend.taxonomy.models import Taxonomy
from backend.unit_scope import visible_unit

CONSOLE_CASES = "/console/cases"
WEEKLY_UP_TO = 53  # buckets: a period of up to a year is drawn by ISO week, a longer by month


@dataclass(frozen=True)
class DashboardView:
    """The figures of one unit (or the district) over a Tianjin period."""

    window: Period
    department: str | None  # None: the district
    figures: UnitStats  # the unit's, or the district's (a case counted once)
    units: list[UnitStats]  # each unit's figures beside the district's; empty for one unit
    trend: list[TrendBucket]  # by `grouping`
    grouping: Grouping  # ISO weeks (Monday first, Tianjin dates) up to a year, else months
    categories: list[BreakdownRow]
    channels: list[BreakdownRow]


def trend_grouping(window: Period, zone: ZoneInfo) -> Grouping:
    """Return how the dashboard's trend cuts a period: ISO weeks up to a year, else months.

    Raises ValidationFailed `period_too_long` past MAX_BUCKETS months (over 33 years): the
    dashboard has no other grouping to offer, so the period is what to change.
    """
    if len(buckets(window, Grouping.week, zone)) <= WEEKLY_UP_TO:
        return Grouping.week
    if len(buckets(window, Grouping.month, zone)) > service.MAX_BUCKETS:
        raise ValidationFailed("period_too_long", field="to", months=service.MAX_BUCKETS)
    return Grouping.month


def dashboard_view(
    *,
    session: Session,
    actor: Actor,
    window: Period,
    department: str | None,
    now: datetime,
    zone: ZoneInfo,
    taxonomy: Taxonomy,
    language: str,
    link_base: str = CONSOLE_CASES,
) -> DashboardView:
    """Return the dashboard of a unit (a clerk: the own only) or the district; Forbidden else."""
    unit = visible_unit(actor=actor, department=department, known=taxonomy.unit_codes)
    if unit is None:
        figures = service.district_stats(
            session=session, window=window, now=now, link_base=link_base
        )
        units = service.unit_stats(session=session, window=window, now=now, link_base=link_base)
    else:
        (figures,) = service.unit_stats(
            session=session, window=window, now=now, department=unit, link_base=link_base
        )
        units = []
    grouping = trend_grouping(window, zone)
    trend = service.trend(
        session=session,
        window=window,
        grouping=grouping,
        zone=zone,
        now=now,
        department=unit,
        link_base=link_base,
    )
    by_category, by_channel = (
        service.breakdown(
            session=session,
            window=window,
            by=by,
            now=now,
            label=service.breakdown_label(by=by, taxonomy=taxonomy, language=language),
            department=unit,
            link_base=link_base,
        )
        for by in ("category", "channel")
    )
    return DashboardView(
        window=window,
        department=unit,
        figures=figures,
        units=units,
        trend=trend,
        grouping=grouping,
        categories=by_category,
        channels=by_channel,
    )
