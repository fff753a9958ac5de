"""考核评价: every unit's measures over a Tianjin period, its weighted score and its rank.

The score is 100 × Σ(weight × rate) / Σ(weight) over the measures the unit has data for
(a measure with nothing due neither helps nor hurts it); a measure where fewer is better
(objections upheld) counts 1 − rate. A unit with no data at all has no score and no rank.
Equal scores share a rank (1, 2, 2, 4). Weights come from `policy.yaml` (`assessment`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from backend.assessment.measures import LOWER_IS_BETTER, Assessed, Ratio, complaint_tallies
from backend.assessment.record_counts import record_tallies
from backend.periods import Period

SCORE_DIGITS = 2  # scores equal to this many decimals share a rank


@dataclass(frozen=True)
class UnitAssessment:
    """One unit's assessment: each measure's ratio, the weighted score, the rank."""

    department: str
    measures: dict[Assessed, Ratio]
    score: float | None  # 0 to 100; None: no measure has data
    rank: int | None


@dataclass(frozen=True)
class Assessment:
    """The assessment of a period: the units in rank order (unranked last), the weights."""

    window: Period
    weights: dict[Assessed, float]
    units: list[UnitAssessment]


def assess(
    *,
    session: Session,
    window: Period,
    now: datetime,
    units: Collection[str],
    weights: Mapping[str, float],
    department: str | None = None,
) -> Assessment:
    """Return the assessment of every unit (ranked among all), or of `department` only."""
    tallies = {
        **complaint_tallies(session=session, window=window, now=now),
        **record_tallies(session=session, window=window, now=now),
    }
    weighed = {name: float(weights.get(name.value, 0.0)) for name in Assessed}
    rows = []
    for unit in sorted(units):
        measures = {name: tallies[name].ratio(unit) for name in Assessed}
        rows.append((unit, measures, score_of(measures, weighed)))
    ranked = _ranked(rows)
    if department is not None:
        ranked = [row for row in ranked if row.department == department]
    return Assessment(window=window, weights=weighed, units=ranked)


def score_of(
    measures: Mapping[Assessed, Ratio], weights: Mapping[Assessed, float]
) -> float | None:
    """Return the weighted score (0 to 100) over the measures with data; None without any."""
    total = weighed = 0.0
    for name, ratio in measures.items():
        rate, weight = ratio.rate, weights.get(name, 0.0)
        if rate is None or weight <= 0:
            continue
        total += weight * ((1 - rate) if name in LOWER_IS_BETTER else rate)
        weighed += weight
    return 100 * total / weighed if weighed else None


def _ranked(
    rows: list[tuple[str, dict[Assessed, Ratio], float | None]],
) -> list[UnitAssessment]:
    scored = sorted(
        (row for row in rows if row[2] is not None), key=lambda row: (-(row[2] or 0), row[0])
    )
    found: list[UnitAssessment] = []
    rank, previous = 0, None
    for position, (unit, measures, score) in enumerate(scored, start=1):
        key = round(score or 0, SCORE_DIGITS)
        if key != previous:
            rank, previous = position, key
        found.append(UnitAssessment(unit, measures, score, rank))
    found += [UnitAssessment(u, m, None, None) for u, m, s in rows if s is None]
    return found
