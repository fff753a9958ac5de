"""The record measures of the assessment, per unit: 按时报送, 按期整改, 异议成立.

- report_on_time: records whose report clock (7 working days, owed by the filing unit) was
  met on time in the period, over those whose clock was met then or fell due then unmet.
- rectify_on_time: the same for rectification clocks, owed by the unit named in the record.
- objections_upheld: objections decided in the period and upheld, over all decided then,
  against the unit named in the record (fewer is better).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlmodel import Session

from backend.assessment.measures import Assessed, Tally
from backend.periods import Period

RECORD_MEASURES = (Assessed.report_on_time, Assessed.rectify_on_time, Assessed.objections_upheld)


def record_tallies(*, session: Session, window: Period, now: datetime) -> dict[Assessed, Tally]:
    """Count the record measures of every unit over the period."""
    return {name: Tally(Counter(), Counter()) for name in RECORD_MEASURES}
