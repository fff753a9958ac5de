"""Read the search page's filters from its URL (a GET form, so a view can be bookmarked).

Nothing here decides which cases match: the filters become the `CaseFilter` of
backend.cases.queries, the same the API's list uses. What cannot be read becomes a
`Problem` (a text key of the console catalogue and its values) shown on the page, never an
error page: an unknown status or unit, a date that is not one, a range that ends before it
starts, a number that is not a case number, a phone from a clerk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from backend.actors import Actor
from backend.bounds import FIRST_DAY, LAST_DAY
from backend.cases.models import CASE_CHANNELS, CaseKind, CaseStatus
from backend.cases.numbers import canonical_number
from backend.cases.ordering import CaseOrder
from backend.cases.queries import CaseFilter
from backend.errors import ValidationFailed
from backend.periods import day_start, period
from backend.stats.measures import MeasureFilter, MeasureName, measure_filter
from backend.storable import is_storable
from backend.taxonomy.models import Taxonomy
from backend.unit_scope import refuse_other_unit
from dialogs.parsing import parse_phone

MAX_LENGTH = 200  # the API's limit for `q`
TEXT_FIELDS = ("number", "q", "phone")
CHOICE_FIELDS = ("status", "unit", "category", "street", "kind", "channel")
DATE_FIELDS = ("received_from", "received_to")
# The cases behind one figure of the dashboard (the API list's `measure=` and its dates).
MEASURE_FIELDS = ("measure", "measure_from", "measure_to")
FIELDS = (*TEXT_FIELDS, *CHOICE_FIELDS, *DATE_FIELDS, *MEASURE_FIELDS, "overdue", "sort", "cursor")
COORDINATOR_ONLY = ("unit", "phone")


@dataclass(frozen=True)
class Problem:
    """Something in the filters that cannot be used: a text key and its values."""

    key: str
    name: str  # the field it is about
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Choices:
    """The values each choice field accepts, from the enums and the routing configuration."""

    values: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> Choices:
        """Return the accepted values of every choice field."""
        streets = tuple(s.code for s in taxonomy.streets)
        return cls(
            {
                "status": tuple(s.value for s in CaseStatus),
                "unit": tuple(d.code for d in taxonomy.departments) + streets,
                "category": tuple(c.id for c in taxonomy.categories),
                "street": streets,
                "kind": tuple(k.value for k in CaseKind),
                "channel": CASE_CHANNELS,
            }
        )


# The list's filters as the spreadsheet export names them (backend.exports.filters).
_EXPORTED = {
    "unit": "department",
    "status": "status",
    "category": "category",
    "kind": "kind",
    "channel": "channel",
    "q": "q",
    "measure": "measure",
    "measure_from": "measure_from",
    "measure_to": "measure_to",
    "received_from": "from",
    "received_to": "to",
}
_NOT_EXPORTED = ("street", "phone", "number")


@dataclass(frozen=True)
class Search:
    """The filters as typed (to show them again), as read, and what could not be read."""

    typed: dict[str, str]
    where: CaseFilter
    order: CaseOrder
    cursor: str | None
    number: str | None  # a case number typed loosely, in its stored form
    problems: list[Problem]

    def export_query(self) -> dict[str, str] | None:
        """Return the spreadsheet's query for the same cases (backend.exports.filters names),
        or None when a filter is one the export does not take (street, phone, number): a
        download of more cases than the list would mislead."""
        if self.problems or any(self.typed[name] for name in _NOT_EXPORTED):
            return None
        query = {
            exported: self.typed[name]
            for name, exported in _EXPORTED.items()
            if self.typed.get(name)
        }
        if self.typed["overdue"]:
            query["overdue"] = "true"
        return query

    @property
    def asked(self) -> bool:
        """Return whether any filter was given (a blank form lists nothing yet)."""
        return any(self.typed.get(name) for name in FIELDS if name not in ("sort", "cursor"))


def read_search(
    params: Mapping[str, str],
    *,
    actor: Actor,
    choices: Choices,
    zone: ZoneInfo,
    now: datetime,
) -> Search:
    """Return the search the URL's parameters describe, with what could not be read."""
    typed = {name: params.get(name, "").strip() for name in FIELDS}
    if not typed["unit"]:  # the API's name for it, as the dashboard's links spell it
        typed["unit"] = params.get("department", "").strip()
    refuse_other_unit(actor, typed["unit"])  # a clerk's other unit: 403, as in the API
    problems: list[Problem] = []
    for name in COORDINATOR_ONLY:
        evaluating = name == "unit" and actor.is_evaluator  # reads every unit's cases
        if typed[name] and not (actor.is_coordinator or evaluating):
            if name == "phone":  # a unit never learns who reported: refused, not ignored
                problems.append(Problem("search.phone_refused", name))
            typed[name] = ""
    for name, value in typed.items():
        if len(value) > MAX_LENGTH or not is_storable(value):
            problems.append(Problem("search.too_long", name, {"max": str(MAX_LENGTH)}))
            typed[name] = ""
    for name in CHOICE_FIELDS:
        if typed[name] and typed[name] not in choices.values[name]:
            problems.append(Problem("search.unknown_choice", name))
    if typed["overdue"] not in ("", "1"):  # the checkbox's value, or nothing
        problems.append(Problem("search.unknown_choice", "overdue"))
        typed["overdue"] = ""
    number = canonical_number(typed["number"]) if typed["number"] else None
    if typed["number"] and number is None:
        problems.append(Problem("search.bad_number", "number"))
    phone = parse_phone(typed["phone"]) if typed["phone"] else None
    if typed["phone"] and phone is None:
        problems.append(Problem("search.bad_phone", "phone"))
    since, until = _received(typed, zone, problems)
    order = read_order(typed["sort"], CaseOrder.received, problems)
    measure = _measure(typed, zone=zone, now=now, problems=problems)

    def chosen(name: str) -> str | None:
        return typed[name] or None

    where = CaseFilter(
        department=chosen("unit"),
        status=chosen("status"),
        category=chosen("category"),
        street=chosen("street"),
        kind=chosen("kind"),
        channel=chosen("channel"),
        q=chosen("q"),
        overdue_at=now if typed["overdue"] else None,
        received_since=since,
        received_until=until,
        reporter_phone=phone,
        measure=measure,
    )
    return Search(typed, where, order, chosen("cursor"), number, problems)


def _measure(
    typed: dict[str, str], *, zone: ZoneInfo, now: datetime, problems: list[Problem]
) -> MeasureFilter | None:
    """Return the figure's filter `measure=` names (with its Tianjin dates), if any."""
    if not typed["measure"]:
        return None
    try:
        name = MeasureName(typed["measure"])
    except ValueError:
        problems.append(Problem("search.unknown_choice", "measure"))
        return None
    start, end = (_day(typed, field, problems) for field in MEASURE_FIELDS[1:])
    try:
        return measure_filter(name=name, start=start, end=end, now=now, zone=zone)
    except ValidationFailed:
        problems.append(Problem("search.bad_measure", "measure"))
        return None


def read_order(raw: str, default: CaseOrder, problems: list[Problem]) -> CaseOrder:
    """Return the order a `sort` parameter names (the default when none is given)."""
    if not raw:
        return default
    try:
        return CaseOrder(raw)
    except ValueError:
        problems.append(Problem("search.bad_sort", "sort"))
        return default


def _received(
    typed: dict[str, str], zone: ZoneInfo, problems: list[Problem]
) -> tuple[datetime | None, datetime | None]:
    """Return the UTC range of the Tianjin dates received_from to received_to (both kept)."""
    start, end = (_day(typed, name, problems) for name in DATE_FIELDS)
    if start and end and end < start:
        problems.append(Problem("search.reversed", "received_to"))
        return None, None
    if start and end:
        whole = period(start, end, zone)
        return whole.since, whole.until
    if start:
        return day_start(start, zone), None
    if end:
        return None, period(end, end, zone).until
    return None, None


def _day(typed: dict[str, str], name: str, problems: list[Problem]) -> date | None:
    raw = typed[name]
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        problems.append(Problem("search.bad_date", name))
        return None
    return day
