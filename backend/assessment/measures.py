"""The assessment's measures: what each counts, and whether more of it is better.

Complaint measures are `backend.stats`' own (签收及时率, 按期办结率, 满意率), counted per unit
by the same queries as the dashboard. Record measures (按时报送, 按期整改, 异议成立) come
from `backend.assessment.record_counts`, over the dishonesty records' clocks and decisions.
Each is a numerator over a denominator; a unit with nothing in the denominator has no data
for it (never 0 %).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session

from backend.periods import Period
from backend.stats.measures import Dimension, MeasureName, count


class Assessed(StrEnum):
    """A measure of the assessment (the names of `policy.yaml`'s `assessment.weights`)."""

    sign_on_time = "sign_on_time"
    resolve_on_time = "resolve_on_time"
    satisfaction = "satisfaction"
    report_on_time = "report_on_time"
    rectify_on_time = "rectify_on_time"
    objections_upheld = "objections_upheld"


# Measures where a higher rate is worse: the score counts 1 - rate.
LOWER_IS_BETTER = frozenset({Assessed.objections_upheld})
COMPLAINT_MEASURES: dict[Assessed, tuple[MeasureName, MeasureName]] = {
    Assessed.sign_on_time: (MeasureName.sign_on_time, MeasureName.sign_due),
    Assessed.resolve_on_time: (MeasureName.resolve_on_time, MeasureName.resolve_due),
    Assessed.satisfaction: (MeasureName.satisfied, MeasureName.rated),
}


@dataclass(frozen=True)
class Ratio:
    """A numerator over a denominator; the rate is None when nothing was due (no data)."""

    numerator: int
    denominator: int

    @property
    def rate(self) -> float | None:
        """Return numerator / denominator, or None when the denominator is 0."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Tally:
    """One measure counted for every unit: numerators and denominators by unit code."""

    numerators: Counter[str]
    denominators: Counter[str]

    def ratio(self, unit: str) -> Ratio:
        """Return one unit's numerator over denominator."""
        return Ratio(self.numerators[unit], self.denominators[unit])


def complaint_tallies(*, session: Session, window: Period, now: datetime) -> dict[Assessed, Tally]:
    """Count the complaint measures of every unit over the period (the dashboard's queries)."""
    found = {}
    for assessed, (above, below) in COMPLAINT_MEASURES.items():
        found[assessed] = Tally(
            _by_unit(session=session, name=above, window=window, now=now),
            _by_unit(session=session, name=below, window=window, now=now),
        )
    return found


def _by_unit(
    *, session: Session, name: MeasureName, window: Period, now: datetime
) -> Counter[str]:
    counted = count(session=session, name=name, window=window, now=now, by=(Dimension.unit,))
    return Counter({str(key[0]): n for key, n in counted.items() if key[0]})
