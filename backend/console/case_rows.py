"""Cases as the console's lists show them (templates/partials/case_row.html): one row each.

A row names no reporter and shows no text: number, category, unit, street, status, when it
was received, its nearest due date (from the open handling and hand-off clocks,
deadlines.views.LIST_KINDS; with its time for a clock counted in minutes) and how long it
has waited since its last change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.cases.models import Case
from backend.deadlines.views import LIST_KINDS, nearest_clocks
from backend.taxonomy.models import Taxonomy


@dataclass(frozen=True)
class Waited:
    """How long a case has waited: whole days and hours (under an hour: both zero)."""

    days: int
    hours: int

    @classmethod
    def between(cls, since: datetime, now: datetime) -> Waited:
        """Return the time from `since` to `now` (nothing, if `since` is later)."""
        span = max(now - since, timedelta(0))
        return cls(span.days, span.seconds // 3600)


@dataclass(frozen=True)
class CaseRow:
    """One case in a list, ready for the template."""

    number: str
    kind: str
    status: str
    category: str  # the category's name in the reader's language ("" when none)
    unit: str
    street: str
    received: datetime  # in Tianjin time
    due_date: date | None  # the nearest due date of an open handling clock
    due_provisional: bool  # counted over days the calendar does not know yet
    overdue: bool
    due_kind: str | None  # the kind of that clock (sign, resolve, dispatch, urgent_sign, ...)
    waited: Waited
    due_time: datetime | None = None  # a clock counted in minutes: its moment, Tianjin time


@dataclass(frozen=True)
class Names:
    """Names of categories and units in one language, from the routing configuration."""

    categories: dict[str, str]
    units: dict[str, str]

    @classmethod
    def of(cls, taxonomy: Taxonomy, language: str) -> Names:
        """Return the names in a language (Chinese where an English one is missing)."""
        english = language == "en"
        units = {d.code: d.en if english else d.zh for d in taxonomy.departments}
        units |= {s.code: (s.en or s.zh) if english else s.zh for s in taxonomy.streets}
        categories = {c.id: c.en if english else c.zh for c in taxonomy.categories}
        return cls(categories=categories, units=units)


def case_rows(
    *, session: Session, cases: Sequence[Case], names: Names, now: datetime, zone: ZoneInfo
) -> list[CaseRow]:
    """Return the rows of a page of cases (one query for their clocks)."""
    ids = [c.id for c in cases if c.id is not None]
    clocks = nearest_clocks(session=session, case_ids=ids, kinds=LIST_KINDS)
    rows = []
    for case in cases:
        clock = clocks.get(case.id) if case.id is not None else None
        rows.append(
            CaseRow(
                number=case.number,
                kind=case.kind,
                status=case.status,
                category=names.categories.get(case.category_id or "", case.category_id or ""),
                unit=names.units.get(case.department_code or "", case.department_code or ""),
                street=names.units.get(case.street_code or "", case.street_code or ""),
                received=case.created_at.astimezone(zone),
                due_date=clock.due_date if clock else None,
                due_provisional=bool(clock and clock.provisional),
                overdue=bool(clock and clock.due_at < now),
                due_kind=clock.kind if clock else None,
                waited=Waited.between(case.updated_at, now),
                due_time=clock.due_at.astimezone(zone)
                if clock and clock.unit == "minutes"
                else None,
            )
        )
    return rows
