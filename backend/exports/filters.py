"""The case list's filters read from a query string, shared by the API's and console's exports.

The same names as `GET /api/v1/cases` (department, status, category, kind, q, overdue,
channel, measure, measure_from, measure_to) plus `from` and `to`: the Tianjin dates the cases
were received (filed) between, both included (issue 11, item 7). A malformed value is refused
before any query: the API answers 422 with its usual body, the console a readable page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Query

from backend.api.params import Day
from backend.cases.models import CaseKind, CaseStatus
from backend.cases.queries import CaseFilter
from backend.errors import ValidationFailed
from backend.periods import day_start
from backend.stats.measures import MeasureName, measure_filter
from backend.storable import BLANK_IS_NONE, CategoryFilter, ChannelFilter, StorableStr, UnitFilter
from backend.taxonomy.checks import check_list_values
from backend.taxonomy.models import Taxonomy


@dataclass(frozen=True)
class ListQuery:
    """The filters of a case list as the query string gave them (checked for shape only)."""

    department: str | None = None
    status: CaseStatus | None = None
    category: str | None = None
    kind: CaseKind | None = None
    q: str | None = None
    overdue: bool | None = None
    channel: str | None = None
    measure: MeasureName | None = None
    measure_from: date | None = None
    measure_to: date | None = None
    received_from: date | None = None
    received_to: date | None = None

    def case_filter(self, *, now: datetime, zone: ZoneInfo, taxonomy: Taxonomy) -> CaseFilter:
        """Return the list's filter; ValidationFailed for a period that runs backwards.

        Also ValidationFailed for a department, category or channel that does not exist.
        """
        check_list_values(
            taxonomy, department=self.department, category=self.category, channel=self.channel
        )
        figure = None
        if self.measure is None:
            if self.measure_from is not None or self.measure_to is not None:
                raise ValidationFailed("measure_period_without_measure", field="measure")
        else:
            figure = measure_filter(
                name=self.measure, start=self.measure_from, end=self.measure_to, now=now, zone=zone
            )
        start, end = self.received_from, self.received_to
        if start is not None and end is not None and start > end:
            raise ValidationFailed("period_reversed", field="from")
        return CaseFilter(
            received_since=day_start(start, zone) if start else None,
            received_until=day_start(end + timedelta(days=1), zone) if end else None,
            department=self.department,
            status=self.status,
            category=self.category,
            kind=self.kind,
            q=self.q,
            overdue_at=now if self.overdue else None,
            channel=self.channel,
            measure=figure,
        )


def list_query(
    department: Annotated[UnitFilter, Query()] = None,
    status: Annotated[CaseStatus | None, BLANK_IS_NONE] = None,
    category: Annotated[CategoryFilter, Query()] = None,
    kind: Annotated[CaseKind | None, BLANK_IS_NONE] = None,
    q: Annotated[StorableStr | None, Query(max_length=200)] = None,
    overdue: bool | None = None,
    channel: Annotated[ChannelFilter, Query()] = None,
    measure: Annotated[MeasureName | None, BLANK_IS_NONE] = None,
    measure_from: Day | None = None,
    measure_to: Day | None = None,
    received_from: Annotated[
        Day | None, Query(alias="from", description="First Tianjin date the cases were received.")
    ] = None,
    received_to: Annotated[
        Day | None, Query(alias="to", description="Last Tianjin date the cases were received.")
    ] = None,
) -> ListQuery:
    """Read the list's filters from the query string (a FastAPI dependency)."""
    return ListQuery(
        department=department,
        status=status,
        category=category,
        kind=kind,
        q=q,
        overdue=overdue,
        channel=channel,
        measure=measure,
        measure_from=measure_from,
        measure_to=measure_to,
        received_from=received_from,
        received_to=received_to,
    )
