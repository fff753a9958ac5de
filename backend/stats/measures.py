"""What each measure counts, and the same rows as counts or as the case list's condition.

A measure is made of parts: clocks of some kinds in some states, or ratings, each placed in a
period by one of its moments. Every period is a range of Tianjin dates turned into a UTC range
on an indexed timestamp (backend.periods), never `date(column)`. Only complaints count: a
dishonesty record is the programme's own business (its report clock is measured elsewhere).
A clock is counted with its case's kind, category and channel as copied onto it
(backend.deadlines.case_groups), so no count joins clocks to their cases.

- received: complaints whose sign clock for the unit was opened in the period, i.e. that were
  routed or reassigned (派单/改派) to it then. Distinct cases: one sent back to the same unit
  after a return counts once per period (and once per bucket of a trend).
- sign_on_time / sign_due (签收及时率): sign clocks met by their due moment, over the sign
  clocks whose outcome fell in the period: met on time then (at `met_at`), or due then (on
  `due_date`) and not met on time (met late, or still open past due). Clocks not yet due and
  cancelled clocks (the case was returned, passed on, rejected or closed before the clock was
  met, whether or not it was late by then) are in neither.
- resolve_on_time / resolve_due (按期办结率): the same for resolve clocks (a paused clock is
  undecided until it runs again; a reopened case's new clock counts on its own).
- overdue_now / open_now: as of now, whatever the period: complaints with an open handling
  clock (sign, resolve, rectify) of the unit past due, over the complaints the unit holds now
  routed, signed or in progress (paused ones included; every overdue one is among them).
- satisfied / rated (满意率): complaints rated in the period "satisfied" or "basically
  satisfied", over all complaints rated then; the unit is the one holding the case now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, case, distinct, func, literal, select, union_all
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from backend.cases.models import Case, CaseKind, CaseStatus
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.deadlines.views import STAFF_KINDS
from backend.errors import ValidationFailed
from backend.periods import Period, period

SATISFIED = ("satisfied", "basically_satisfied")
# A unit is handling a case in these; every case with an open handling clock is in one.
HANDLED_STATUSES = (CaseStatus.routed.value, CaseStatus.signed.value, CaseStatus.in_progress.value)


class MeasureName(StrEnum):
    """A set of cases (or clocks) a figure counts; the case list's `measure=` filter."""

    received = "received"
    sign_on_time = "sign_on_time"
    sign_due = "sign_due"
    resolve_on_time = "resolve_on_time"
    resolve_due = "resolve_due"
    overdue_now = "overdue_now"
    open_now = "open_now"
    satisfied = "satisfied"
    rated = "rated"


class Dimension(StrEnum):
    """What counts can be grouped by besides time."""

    unit = "unit"
    category = "category"
    channel = "channel"


@dataclass(frozen=True)
class ClockPart:
    """Clocks of some kinds and states, placed in a period by one of their moments."""

    kinds: tuple[str, ...]
    states: tuple[str, ...] | None  # None: in any state
    moment: str | None  # created_at | met_at | due_at; None: counted as of now
    past_due: bool = False  # only clocks whose due moment has passed by now
    distinct_cases: bool = False  # count cases, not clocks


@dataclass(frozen=True)
class CasePart:
    """Complaints themselves: rated in the period, or held by a unit now in some statuses."""

    rated: bool = False
    satisfied_only: bool = False  # only ratings "satisfied" and "basically satisfied"
    statuses: tuple[str, ...] | None = None  # held now in one of these (no period)
    distinct_cases: bool = True  # one row per case


Part = ClockPart | CasePart

_SIGN, _RESOLVE = (ClockKind.sign.value,), (ClockKind.resolve.value,)
_MET, _NOT_MET_ON_TIME = (
    (ClockState.met.value,),
    (ClockState.met_late.value, ClockState.open.value),
)
_ARRIVED = ClockPart(_SIGN, None, "created_at", distinct_cases=True)
_SIGNED_ON_TIME = ClockPart(_SIGN, _MET, "met_at")
_SIGNED_LATE = ClockPart(_SIGN, _NOT_MET_ON_TIME, "due_at", past_due=True)
_RESOLVED_ON_TIME = ClockPart(_RESOLVE, _MET, "met_at")
_RESOLVED_LATE = ClockPart(_RESOLVE, _NOT_MET_ON_TIME, "due_at", past_due=True)
_OVERDUE = ClockPart(
    STAFF_KINDS, (ClockState.open.value,), None, past_due=True, distinct_cases=True
)
_HANDLED = CasePart(statuses=HANDLED_STATUSES)

PARTS: dict[MeasureName, tuple[Part, ...]] = {
    MeasureName.received: (_ARRIVED,),
    MeasureName.sign_on_time: (_SIGNED_ON_TIME,),
    MeasureName.sign_due: (_SIGNED_ON_TIME, _SIGNED_LATE),
    MeasureName.resolve_on_time: (_RESOLVED_ON_TIME,),
    MeasureName.resolve_due: (_RESOLVED_ON_TIME, _RESOLVED_LATE),
    MeasureName.overdue_now: (_OVERDUE,),
    MeasureName.open_now: (_HANDLED,),
    MeasureName.satisfied: (CasePart(rated=True, satisfied_only=True),),
    MeasureName.rated: (CasePart(rated=True),),
}
NOW_MEASURES = (MeasureName.overdue_now, MeasureName.open_now)


@dataclass(frozen=True)
class MeasureFilter:
    """The case list narrowed to the cases behind one figure of one unit (or the district)."""

    name: MeasureName
    period: Period | None  # None for the measures taken as of now
    now: datetime


def measure_filter(
    *, name: MeasureName, start: date | None, end: date | None, now: datetime, zone: ZoneInfo
) -> MeasureFilter:
    """Return the filter for `measure=` with its Tianjin dates; ValidationFailed if unusable."""
    if name in NOW_MEASURES:
        return MeasureFilter(name, None, now)
    if start is None or end is None:
        raise ValidationFailed("measure_period_required", field="measure_from")
    if start > end:
        raise ValidationFailed("period_reversed", field="measure_from")
    return MeasureFilter(name, period(start, end, zone), now)


@dataclass(frozen=True)
class _Source:
    """Where a part's rows come from: their case, unit, moment and conditions."""

    case_id: Any
    unit: Any
    moment: Any
    ends_day: bool  # the moment is a day's end (due_at): the day it ends is the one counted
    where: list[ColumnElement[bool]]
    # The case's category and channel: on a clock, its copies (backend.deadlines.case_groups),
    # so that no count joins the period's clocks to their cases.
    groups: tuple[Any, Any]


def _source(part: Part, window: Period | None, now: datetime, department: str | None) -> _Source:
    """Return a part's rows, in the window (when it has a moment), of one unit or all."""
    if isinstance(part, CasePart):
        where = [
            col(Case.kind) == CaseKind.complaint.value,
            col(Case.department_code).is_not(None),
        ]
        if part.rated:
            where.append(col(Case.rating).is_not(None))
        if part.satisfied_only:
            where.append(col(Case.rating).in_(SATISFIED))
        if part.statuses is not None:
            where.append(col(Case.status).in_(part.statuses))
        moment = col(Case.rated_at) if part.rated else None
        groups = (col(Case.category_id), col(Case.channel))
        source = _Source(col(Case.id), col(Case.department_code), moment, False, where, groups)
    else:
        where = [
            col(Deadline.case_kind) == CaseKind.complaint.value,  # the case's, copied
            col(Deadline.kind).in_(part.kinds),
            col(Deadline.department_code).is_not(None),
        ]
        if part.states is not None:
            where.append(col(Deadline.state).in_(part.states))
        if part.past_due:
            where.append(col(Deadline.due_at) < now)
        moment = getattr(Deadline, part.moment) if part.moment else None
        source = _Source(
            col(Deadline.case_id),
            col(Deadline.department_code),
            col(moment) if moment is not None else None,
            part.moment == "due_at",
            where,
            (col(Deadline.case_category), col(Deadline.case_channel)),
        )
    if source.moment is not None and window is not None:
        source.where.extend(_within(source, window))
    if department is not None:
        source.where.append(source.unit == department)
    return source


def _within(source: _Source, window: Period) -> list[ColumnElement[bool]]:
    """Return the range condition: [since, until), or (since, until] for a day's end."""
    if source.ends_day:
        return [source.moment > window.since, source.moment <= window.until]
    return [source.moment >= window.since, source.moment < window.until]


def cases_in(measure: MeasureFilter, *, department: str | None) -> ColumnElement[bool]:
    """Return a condition on Case for the cases behind a figure of a unit (None: district)."""
    # One IN over the parts' own indexed ranges (a UNION ALL, so the planner sees one
    # semi-join), so that the list is drawn from the figure's few cases.
    found = []
    for part in PARTS[measure.name]:
        source = _source(part, measure.period, measure.now, department)
        found.append(select(source.case_id).where(*source.where))
    return col(Case.id).in_(found[0] if len(found) == 1 else union_all(*found))


def count(
    *,
    session: Session,
    name: MeasureName,
    window: Period | None,
    now: datetime,
    department: str | None = None,
    by: Sequence[Dimension] = (),
    buckets: Sequence[Period] | None = None,
) -> Counter[tuple[Any, ...]]:
    """Count a measure grouped by dimensions (and by bucket index, last, when given)."""
    totals: Counter[tuple[Any, ...]] = Counter()
    for statement in statements(
        name=name, window=window, now=now, department=department, by=by, buckets=buckets
    ):
        for row in session.execute(statement).all():
            totals[tuple(row[:-1])] += int(row[-1])
    return totals


def statements(
    *,
    name: MeasureName,
    window: Period | None,
    now: datetime,
    department: str | None = None,
    by: Sequence[Dimension] = (),
    buckets: Sequence[Period] | None = None,
) -> list[Select[Any]]:
    """Return the grouped counting queries of a measure, one per part (their sums count)."""
    found = []
    for part in PARTS[name]:
        source = _source(part, window, now, department)
        groups = [_dimension(source, d) for d in by]
        if buckets is not None:
            groups.append(_bucket(source, buckets))
        labelled = [g.label(f"g{i}") for i, g in enumerate(groups)]
        rows = select(source.case_id.label("case_id"), *labelled).where(*source.where).subquery()
        keys = [rows.c[f"g{i}"] for i in range(len(groups))]
        tally = func.count(distinct(rows.c.case_id)) if part.distinct_cases else func.count()
        statement = select(*keys, tally).select_from(rows)
        found.append(statement.group_by(*keys) if keys else statement)
    return found


def _dimension(source: _Source, dimension: Dimension) -> Any:
    if dimension is Dimension.unit:
        return source.unit
    category, channel = source.groups
    return category if dimension is Dimension.category else channel


def _bucket(source: _Source, buckets: Sequence[Period]) -> Any:
    """Return the index of the bucket a row's moment falls in, as one CASE over UTC bounds."""
    if source.moment is None:
        raise ValueError("a measure taken as of now has no buckets")
    if len(buckets) == 1:
        return literal(0)
    moment = source.moment
    whens = [
        (moment <= b.until if source.ends_day else moment < b.until, index)
        for index, b in enumerate(buckets[:-1])
    ]
    return case(*whens, else_=len(buckets) - 1)
