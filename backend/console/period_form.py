"""The period form of the dashboard, the ledger and the assessment (one form, one reading).

A Tianjin period (`from`, `to`: dates, both included; default the 30 days up to Tianjin's
today, `backend.stats.service.stats_period`, whose refusals it keeps: `period_reversed`) and,
for a reader who may choose one, a unit (`department`; a clerk's other unit is refused by
`backend.unit_scope`). The form itself is `templates/partials/period_form.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from backend.api.params import Day
from backend.bootstrap import Container
from backend.exports.labels import unit_name
from backend.periods import Period, local_day
from backend.stats.service import stats_period
from backend.storable import UnitFilter

From = Annotated[Day | None, Query(alias="from", description="First Tianjin date")]
To = Annotated[Day | None, Query(alias="to", description="Last Tianjin date")]
Department = Annotated[UnitFilter, Query(description="A unit's code")]


@dataclass(frozen=True)
class PeriodChoice:
    """The period a books page shows, Tianjin's today, and the units its form offers."""

    window: Period
    today: date
    units: list[tuple[str, str]]  # (code, name in the reader's language), by name


def period_choice(
    *, container: Container, language: str, start: date | None, end: date | None
) -> PeriodChoice:
    """Return the period asked (default: the 30 days up to today in Tianjin) and the units."""
    zone = container.settings.zone
    today = local_day(container.clock.now(), zone)
    window = stats_period(start=start, end=end, today=today, zone=zone)
    taxonomy = container.taxonomy
    units = sorted(
        ((code, unit_name(taxonomy, code, language)) for code in taxonomy.unit_codes),
        key=lambda pair: pair[1],
    )
    return PeriodChoice(window=window, today=today, units=units)
