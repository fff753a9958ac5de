"""Finding cases: one by number, filtered pages with keyset pagination, and their counts.

Pages come newest first (the API's order) or in one of the orders of backend.cases.ordering
(nearest due date, waiting the longest), each with its own cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, func, or_, select

from backend.actors import Actor
from backend.bounds import MAX_ROW_ID
from backend.cases.joint import cases_assisted_by
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.numbers import canonical_number
from backend.cases.ordering import CaseOrder, after_keyed_cursor, keyed_cursor, order_by
from backend.cases.search import can_walk_index, text_matches, walk_index
from backend.cases.workflow import can_see
from backend.contacts import mask_contacts
from backend.deadlines.views import (
    due_soon_condition,
    extension_requested_condition,
    nearest_due_at,
    overdue_condition,
)
from backend.errors import Forbidden, NotFound, ValidationFailed
from backend.people.models import Reporter
from backend.records.models import DishonestyRecord
from backend.stats.measures import MeasureFilter, cases_in

CURSOR_PATTERN = r"^[0-9]{1,10}$"
_CURSOR = re.compile(CURSOR_PATTERN)
# A PostgreSQL search walks the newest 2,000 ids row by row, then reads the GIN index below.
SCANNED_IDS = 2_000


@dataclass(frozen=True)
class CaseFilter:
    """What a list of cases is narrowed to."""

    department: str | None = None
    status: str | None = None
    category: str | None = None
    kind: str | None = None
    q: str | None = None
    overdue_at: datetime | None = None  # only cases with a handling clock past due at this time
    channel: str | None = None
    # Only the cases behind one figure of the dashboard; `department` then names the unit
    # whose figure it is (the clock's unit), not the unit holding the case now.
    measure: MeasureFilter | None = None
    statuses: tuple[str, ...] | None = None  # any of these (besides `status`, if both)
    street: str | None = None  # the street office where it happened
    received_since: datetime | None = None  # filed at or after this moment
    received_until: datetime | None = None  # filed before this moment
    due_soon: tuple[datetime, datetime] | None = None  # an open handling clock due in [a, b)
    returned: bool | None = None  # returned by a unit (退单) at least once, or never
    awaiting_decision: bool = False  # a coordinator must decide: returned to triage, or an
    # extension request waits
    reporter_phone: str | None = None  # a named reporter's phone, as digits (coordinators)
    request_type: str | None = None  # 诉求类型: inquiry, help, complaint, report, suggestion
    # A clerk's cases: True only those the unit assists on (协办), False only its own (主办),
    # None both. Ignored for coordinators, who see every unit's.
    assisting: bool | None = None


@dataclass(frozen=True)
class CasePage:
    """One page of cases and the cursor of the next one (None on the last page)."""

    cases: list[Case]
    next_cursor: str | None


def get_case(
    *,
    session: Session,
    number: str,
    actor: Actor,
    for_update: bool = False,
    lead_office: str | None = None,
) -> Case:
    """Return the case with this number if the actor may see it; NotFound otherwise.

    Given the `lead_office` (to read a case and its files, not to act on it), the case of a
    dishonesty record is also seen by the clerks who see the record: the lead office's and
    those of the unit the record names (`backend.records.service.can_see`).
    """
    canonical = canonical_number(number)
    if canonical is None:
        raise NotFound(number)
    statement = select(Case).where(Case.number == canonical)
    if for_update:
        statement = statement.with_for_update()
    case = session.exec(statement).first()
    if case is None or not (
        can_see(actor, case) or _sees_record(session, actor, case, lead_office)
    ):
        raise NotFound(number)
    return case


def _sees_record(session: Session, actor: Actor, case: Case, lead_office: str | None) -> bool:
    """Whether a clerk sees the case as the lead office or the unit a record names."""
    if lead_office is None or not actor.is_clerk:
        return False
    if case.kind != CaseKind.dishonesty_record.value:
        return False
    record = session.exec(
        select(DishonestyRecord).where(DishonestyRecord.case_id == case.id)
    ).first()
    units = (lead_office, record.department_code) if record is not None else ()
    return actor.department in units


def encode_cursor(case_id: int) -> str:
    """Return the cursor that continues after this case: the case's row id, in digits."""
    return str(case_id)


def decode_cursor(cursor: str) -> int:
    """Return the row id a cursor continues after; every CURSOR_PATTERN string is one."""
    if not _CURSOR.match(cursor):
        raise ValidationFailed("bad_cursor", field="cursor")
    return int(cursor)


def list_cases(
    *,
    session: Session,
    actor: Actor,
    where: CaseFilter,
    cursor: str | None,
    limit: int,
    order: CaseOrder = CaseOrder.received,
) -> CasePage:
    """Return one page of the cases the actor may see, newest first or in another order.

    Refuses a cursor not made for this order (`bad_cursor`) and a search by the reporter's
    phone from anyone but a coordinator (Forbidden: units never learn who reported).
    """
    if order is not CaseOrder.received:
        return _keyed_page(session, actor, where, cursor, limit, order)
    walked = can_walk_index(session, where.q)
    assisted = _assisted(session, actor)
    statement = _narrowed(select(Case), actor, where, assisted, walked=walked)
    before = decode_cursor(cursor) if cursor else None
    if statement is None:
        return CasePage([], None)
    # A received period on SQLite is read through ix_cases_created_at_id, every page: with a
    # cursor's `id < ?` usable, SQLite walked the primary key down from the cursor to the
    # first case ever stored instead (the ledger of a month: 2.5x at 1,000,000 cases).
    by_period = (
        where.received_since is not None
        and not where.q
        and session.get_bind().dialect.name == "sqlite"
    )
    if before is not None and before <= MAX_ROW_ID:  # past every id, it bounds nothing
        statement = statement.where((col(Case.id) + 0 if by_period else col(Case.id)) < before)
    newest_first = col(Case.id).desc()
    if by_period:
        newest_first = (col(Case.id) + 0).desc()  # the same order, sorted, not walked
    if walked:
        statement, newest_first = walk_index(
            statement, before if before is not None and before <= MAX_ROW_ID else None
        )
    if where.measure is not None:
        # Sort a figure's cases instead of walking every case newest first to find them: they
        # are few and often old (measured on PostgreSQL with 1,000,000 cases: 5 s walking,
        # 30 ms sorting). `id + 0` is the same order without the primary key's index.
        newest_first = (col(Case.id) + 0).desc()
    elif where.q and session.get_bind().dialect.name == "postgresql":
        # Likewise a search: with statistics PostgreSQL walked the primary key and computed
        # every text's tsvector to find a rare word (5.5 s at 200,000 cases, measured), and
        # the GIN index hands over every match of a common word however old (265,543 of
        # 1,000,000 for 拖欠: 28 ms, 9x the 10,000's). So the newest ids are walked row by
        # row first (a common word fills the page there), and the GIN index reads the rest.
        scanned = _narrowed(select(Case), actor, where, assisted, scanned=True)
        rows = _newest_matches(session, statement, scanned, limit + 1, before)
        page, more = rows[:limit], len(rows) > limit
        last_id = page[-1].id if page else None
        return CasePage(page, encode_cursor(last_id) if more and last_id is not None else None)
    rows = list(session.exec(statement.order_by(newest_first).limit(limit + 1)).all())
    page, more = rows[:limit], len(rows) > limit
    last_id = page[-1].id if page else None
    return CasePage(page, encode_cursor(last_id) if more and last_id is not None else None)


def _newest_matches(
    session: Session, statement: Any, scanned: Any, wanted: int, before: int | None
) -> list[Case]:
    """Return up to `wanted` matches below `before`, newest first (PostgreSQL's search).

    First the newest SCANNED_IDS ids, walked down the primary key with each row tested
    (`scanned`), stopping when the page is full: the same rows at any size of the table.
    Then, when the page is not full, the ids below through the GIN index (`statement`):
    a rare word's or a missing word's list is short. Only a word in fewer than about one
    text in forty, among the newest, reads the index's whole list of it.
    """
    upper = before if before is not None and before <= MAX_ROW_ID else None
    if upper is None:
        upper = int(session.exec(select(func.max(Case.id))).one() or 0) + 1
    lower = upper - SCANNED_IDS
    newest = scanned.where(col(Case.id) < upper, col(Case.id) >= lower)
    rows = list(session.exec(newest.order_by(col(Case.id).desc()).limit(wanted)).all())
    if len(rows) >= wanted or lower <= 1:
        return rows
    older = statement.where(col(Case.id) < lower).order_by((col(Case.id) + 0).desc())
    return rows + list(session.exec(older.limit(wanted - len(rows))).all())


def count_cases(*, session: Session, actor: Actor, where: CaseFilter) -> int:
    """Return how many cases the actor may see match the filter (a queue's count)."""
    statement = _narrowed(
        select(func.count()).select_from(Case), actor, where, _assisted(session, actor)
    )
    return 0 if statement is None else int(session.exec(statement).one())


def _keyed_page(
    session: Session,
    actor: Actor,
    where: CaseFilter,
    cursor: str | None,
    limit: int,
    order: CaseOrder,
) -> CasePage:
    key = nearest_due_at() if order is CaseOrder.due else col(Case.updated_at)
    after = after_keyed_cursor(order, cursor) if cursor else None
    statement = _narrowed(select(Case, key), actor, where, _assisted(session, actor))
    if statement is None:
        return CasePage([], None)
    if after is not None:
        statement = statement.where(after)
    rows = list(session.exec(statement.order_by(*order_by(order)).limit(limit + 1)).all())
    page, more = rows[:limit], len(rows) > limit
    following = keyed_cursor(order, page[-1][0], page[-1][1]) if more and page else None
    return CasePage([case for case, _ in page], following)


def _assisted(session: Session, actor: Actor) -> list[int]:
    """Return the ids of the cases a clerk's unit assists on (协办); none for anyone else."""
    if not actor.is_clerk:
        return []
    return list(session.exec(cases_assisted_by(actor.department)).all())


def _narrowed(
    statement: Any,
    actor: Actor,
    where: CaseFilter,
    assisted: list[int] | None = None,
    *,
    walked: bool = False,
    scanned: bool = False,
) -> Any:
    """Return the statement narrowed to what the actor may see and the filter asks for
    (None when that is nothing at all). `assisted`: the cases a clerk's unit assists on;
    `walked`: the search's index is joined to it; `scanned`: the search is tested row by
    row (PostgreSQL, see `_newest_matches`)."""
    measured_unit = where.department
    if where.reporter_phone is not None and not actor.is_coordinator:
        raise Forbidden("only coordinators may search by the reporter's phone")
    if actor.is_evaluator and where.q and mask_contacts(where.q) != where.q:
        # The evaluator reads every text with its contacts masked; a search by one would
        # tell which case holds it (a phone, an ID card, an e-mail address).
        raise ValidationFailed("evaluator_contact_search", field="q")
    if actor.is_clerk:
        if where.department not in (None, actor.department):
            return None
        # The unit's own cases and those it assists on (协办, backend/cases/joint.py): the ids
        # as a list, so each side of the OR keeps its index (a subquery made it a scan).
        own = Case.department_code == actor.department
        helping = col(Case.id).in_(assisted or [])
        if where.assisting is True:
            if not assisted:
                return None
            statement = statement.where(helping)
        elif where.assisting is False or not assisted:
            statement = statement.where(own)
        else:
            statement = statement.where(or_(own, helping))
        measured_unit = actor.department
    elif where.department and where.measure is None:
        statement = statement.where(Case.department_code == where.department)
    if where.measure is not None:
        statement = statement.where(cases_in(where.measure, department=measured_unit))
    for column, value in (
        (Case.channel, where.channel),
        (Case.status, where.status),
        (Case.category_id, where.category),
        (Case.kind, where.kind),
        (Case.street_code, where.street),
        (Case.request_type, where.request_type),
    ):
        if value:
            statement = statement.where(column == value)
    if where.statuses is not None:
        statement = statement.where(col(Case.status).in_(where.statuses))
    if where.q:
        statement = statement.where(_matches(where.q, walked=walked, scanned=scanned))
    if where.overdue_at is not None:
        statement = statement.where(overdue_condition(where.overdue_at))
    if where.due_soon is not None:
        statement = statement.where(due_soon_condition(*where.due_soon))
    if where.received_since is not None:
        statement = statement.where(col(Case.created_at) >= where.received_since)
    if where.received_until is not None:
        statement = statement.where(col(Case.created_at) < where.received_until)
    if where.returned is not None:
        returned = col(Case.return_count) > 0
        statement = statement.where(returned if where.returned else ~returned)
    if where.awaiting_decision:
        statement = statement.where(or_(returned_to_triage(), extension_requested_condition()))
    if where.reporter_phone is not None:
        named = select(Reporter.id).where(Reporter.phone == where.reporter_phone)
        statement = statement.where(~col(Case.anonymous), col(Case.reporter_id).in_(named))
    return statement


def returned_to_triage() -> Any:
    """Return a WHERE clause for cases a unit returned (退单) that wait in triage to be placed
    again by a coordinator."""
    return (col(Case.status) == CaseStatus.triage.value) & (col(Case.return_count) > 0)


def _matches(q: str, *, walked: bool = False, scanned: bool = False):  # type: ignore[no-untyped-def]
    """Match the words of a search in the text (full-text index), or a case's number."""
    number = canonical_number(q)
    text_match = text_matches(q, joined=walked, scanned=scanned)
    return or_(text_match, Case.number == number) if number else text_match
