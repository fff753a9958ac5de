"""The dashboard's figures: per unit and for the district, by Tianjin week, by category/channel.

Each figure carries its numerator, denominator, rate (null when nothing is in the
denominator) and links to the case list of exactly the cases behind each (see measures.py for
which cases are in each). A clerk's links leave out cases that have since moved to another
unit: clerks never read another unit's case, although the count includes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.cases.models import CASE_CHANNELS
from backend.errors import ValidationFailed
from backend.messages import render
from backend.periods import Grouping, Period, buckets, period
from backend.stats.measures import NOW_MEASURES, Dimension, MeasureName, count
from backend.stats.schemas import (
    BreakdownRow,
    Measure,
    MeasureCases,
    MeasureDefinition,
    Measures,
    TrendBucket,
    UnitStats,
)
from backend.taxonomy.models import Taxonomy

CASES_LINK = "/api/v1/cases"
DEFAULT_DAYS = 30
MAX_BUCKETS = 400
M = MeasureName


@dataclass(frozen=True)
class Figure:
    """One figure of the dashboard: the measure counted above and the one below the line."""

    name: str
    numerator: MeasureName
    denominator: MeasureName | None
    counts: Literal["cases", "clocks"]


FIGURES = (
    Figure("received", M.received, None, "cases"),
    Figure("sign_on_time", M.sign_on_time, M.sign_due, "clocks"),
    Figure("resolve_on_time", M.resolve_on_time, M.resolve_due, "clocks"),
    Figure("overdue_now", M.overdue_now, M.open_now, "cases"),
    Figure("satisfaction", M.satisfied, M.rated, "cases"),
)
PERIOD_MEASURES = tuple(name for name in MeasureName if name not in NOW_MEASURES)


@dataclass(frozen=True)
class _Links:
    """Builds the case-list link of a measure for one unit, period and group."""

    base: str
    window: Period
    department: str | None
    extra: tuple[tuple[str, str], ...] = ()

    def __call__(self, name: MeasureName) -> str:
        params = [("measure", name.value)]
        if self.department is not None:
            params.append(("department", self.department))
        if name not in NOW_MEASURES:
            params += [
                ("measure_from", self.window.start.isoformat()),
                ("measure_to", self.window.end.isoformat()),
            ]
        return f"{self.base}?{urlencode(params + list(self.extra))}"


def stats_period(*, start: date | None, end: date | None, today: date, zone: ZoneInfo) -> Period:
    """Return the Tianjin period asked for (default: the 30 days up to today) or refuse it."""
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS)
    if start > end:
        raise ValidationFailed("period_reversed", field="from")
    return period(start, end, zone)


def unit_stats(
    *,
    session: Session,
    window: Period,
    now: datetime,
    department: str | None = None,
    link_base: str = CASES_LINK,
) -> list[UnitStats]:
    """Return the figures of each unit with any (of `department` only, always, when given)."""
    tallies = {
        name: count(
            session=session,
            name=name,
            window=window,
            now=now,
            department=department,
            by=(Dimension.unit,),
        )
        for name in MeasureName
    }
    units = {key[0] for tally in tallies.values() for key, n in tally.items() if n}
    if department is not None:
        units = {department}
    return [
        _unit_stats(unit, _values(tallies, (unit,)), _Links(link_base, window, unit))
        for unit in sorted(units)
    ]


def district_stats(
    *, session: Session, window: Period, now: datetime, link_base: str = CASES_LINK
) -> UnitStats:
    """Return the district's figures: a case that reached several units counts once."""
    tallies = {
        name: count(session=session, name=name, window=window, now=now) for name in MeasureName
    }
    return _unit_stats(None, _values(tallies, ()), _Links(link_base, window, None))


def trend(
    *,
    session: Session,
    window: Period,
    grouping: Grouping,
    zone: ZoneInfo,
    now: datetime,
    department: str | None = None,
    link_base: str = CASES_LINK,
) -> list[TrendBucket]:
    """Return the figures of each Tianjin day, ISO week or month of the period (clipped)."""
    cuts = buckets(window, grouping, zone)
    if len(cuts) > MAX_BUCKETS:
        raise ValidationFailed("too_many_buckets", field="by", max=MAX_BUCKETS)
    tallies = {
        name: count(
            session=session,
            name=name,
            window=window,
            now=now,
            department=department,
            buckets=cuts,
        )
        for name in PERIOD_MEASURES
    }
    return [
        TrendBucket(
            label=cut.label,
            start=cut.start,
            end=cut.end,
            measures=_measures(
                _values(tallies, (index,)), _Links(link_base, cut, department), with_now=False
            ),
        )
        for index, cut in enumerate(cuts)
    ]


def breakdown(
    *,
    session: Session,
    window: Period,
    by: Literal["category", "channel"],
    now: datetime,
    label: Callable[[str | None], str],
    department: str | None = None,
    link_base: str = CASES_LINK,
) -> list[BreakdownRow]:
    """Return the figures per category or channel, the most received first."""
    dimension = Dimension(by)
    tallies = {
        name: count(
            session=session,
            name=name,
            window=window,
            now=now,
            department=department,
            by=(dimension,),
        )
        for name in MeasureName
    }
    keys = {key[0] for tally in tallies.values() for key, n in tally.items() if n}
    rows = []
    for key in keys:
        extra = ((by, key),) if key is not None else ()
        links = _Links(link_base, window, department, extra)
        rows.append(
            BreakdownRow(
                key=key,
                label=label(key),
                measures=_measures(_values(tallies, (key,)), links, with_now=True),
            )
        )
    return sorted(rows, key=lambda r: (-r.measures.received.numerator, r.key or ""))


def breakdown_label(
    *, by: Literal["category", "channel"], taxonomy: Taxonomy, language: str
) -> Callable[[str | None], str]:
    """Return how a category or channel is named in the caller's language."""

    def name(key: str | None) -> str:
        if key is None:
            return render("stats_none", language)
        if by == "category":
            category = taxonomy.category(key)
            return (category.zh if language == "zh" else category.en) if category else key
        return render(f"channel_{key}", language) if _known_channel(key) else key

    return name


def definitions(*, language: str) -> list[MeasureDefinition]:
    """Return what each figure counts, in the caller's language."""
    return [
        MeasureDefinition(
            name=figure.name,
            title=render(f"measure_{figure.name}", language),
            numerator=render(f"measure_{figure.name}_numerator", language),
            denominator=(
                render(f"measure_{figure.name}_denominator", language)
                if figure.denominator
                else None
            ),
            cases=render(f"measure_{figure.name}_cases", language),
            counts=figure.counts,
        )
        for figure in FIGURES
    ]


def _known_channel(key: str) -> bool:
    return key in CASE_CHANNELS


def _values(
    tallies: Mapping[MeasureName, Counter[tuple[Any, ...]]], key: tuple[Any, ...]
) -> dict[MeasureName, int]:
    return {name: tally.get(key, 0) for name, tally in tallies.items()}


def _measures(values: Mapping[MeasureName, int], links: _Links, *, with_now: bool) -> Measures:
    figures = {}
    for figure in FIGURES:
        if figure.numerator in NOW_MEASURES and not with_now:
            continue
        part = values.get(figure.numerator, 0)
        whole = values.get(figure.denominator, 0) if figure.denominator else None
        figures[figure.name] = Measure(
            numerator=part,
            denominator=whole,
            rate=round(part / whole, 4) if whole else None,
            counts=figure.counts,
            cases=MeasureCases(
                numerator=links(figure.numerator),
                denominator=links(figure.denominator) if figure.denominator else None,
            ),
        )
    return Measures(**figures)


def _unit_stats(unit: str | None, values: Mapping[MeasureName, int], links: _Links) -> UnitStats:
    measures = _measures(values, links, with_now=True)
    return UnitStats(
        department=unit,
        received=values[M.received],
        signed_on_time=values[M.sign_on_time],
        signed_late=values[M.sign_due] - values[M.sign_on_time],
        resolved_on_time=values[M.resolve_on_time],
        resolved_late=values[M.resolve_due] - values[M.resolve_on_time],
        overdue_now=values[M.overdue_now],
        rated=values[M.rated],
        satisfied=values[M.satisfied],
        sign_on_time_rate=measures.sign_on_time.rate,
        resolve_on_time_rate=measures.resolve_on_time.rate,
        satisfaction_rate=measures.satisfaction.rate,
        measures=measures,
    )
