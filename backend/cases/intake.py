"""Intake (受理): validate a draft, route it, store case, reporter and first events at once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.actors import Actor, refuse_evaluator
from backend.bulk import insert_all, new_row
from backend.cases import system_reasons as reasons
from backend.cases.env import CaseEnv
from backend.cases.events import new_event
from backend.cases.idempotency import DETAIL, filed_with
from backend.cases.models import Case, CaseEvent, CaseKind, CaseStatus
from backend.cases.numbers import hash_pin, new_pin, next_case_number
from backend.cases.queries import get_case
from backend.cases.search import inner_words, search_words
from backend.cases.text import check_text, visible_length
from backend.errors import NotFound, ValidationFailed
from backend.notifications.email_confirmation import ask_confirmation
from backend.observability.context import bind_case
from backend.people.models import Reporter
from backend.periods import local_day
from backend.request_types.catalogue import REQUEST_TYPES, RequestType
from backend.routing.router import RouteResult
from backend.storable import is_storable
from dialogs.dates import OLDEST_YEARS, earliest_day
from dialogs.parsing import parse_phone, without_direction_controls

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """A complaint or a dishonesty record as the reporter or clerk filled it in."""

    text: str
    kind: CaseKind = CaseKind.complaint
    category: str | None = None
    street: str | None = None
    occurred_on: date | None = None
    location_text: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    anonymous: bool = True
    reporter_name: str | None = None
    reporter_phone: str | None = None
    reporter_email: str | None = None  # Open311's `email`; kept with the reporter, never shown
    channel: str = "api"
    chat_id: str | None = None
    language: str = "zh"
    details: dict[str, Any] | None = None  # a dishonesty record's fields (person, unit, ...)
    # The reporter's explicit answers, which the router's guess never replaces: "none of
    # these" categories (the case goes to triage with no category), "not sure" of the street.
    category_declined: bool = False
    street_unsure: bool = False
    source_case: str | None = None  # a record: the number of the complaint it came from
    idempotency_key: str | None = None  # the caller's key (backend.cases.idempotency)
    # Immediate danger (issue 12): the reporter's answer or the staff's mark; None: the
    # words of danger in the text decide (CaseEnv.danger). A record is never urgent.
    urgent: bool | None = None
    request_type: str | None = None  # 诉求类型 as chosen; None: detected from the text


@dataclass(frozen=True)
class Receipt:
    """What the reporter gets back: the case, and the PIN when anonymous (shown once)."""

    case: Case
    pin: str | None
    route: RouteResult | None  # None for a dishonesty record, which is not routed
    replayed: bool = False  # the case an earlier request with the same key filed (no PIN)
    # What filing wrote, for the answer (none of it when replayed): the case's first events,
    # its reporter and, for a record, the complaint it came from.
    events: tuple[CaseEvent, ...] = ()
    reporter: Reporter | None = None
    source: Case | None = None


def normalise_phone(raw: str) -> str:
    """Return a phone number as digits (read as the chat reads it), or refuse it."""
    phone = parse_phone(raw)
    if phone is None:
        raise ValidationFailed("bad_phone", field="phone", value=raw)
    return phone


def submit(*, session: Session, draft: Draft, actor: Actor, env: CaseEnv) -> Receipt:
    """File a draft as a new case; route it or send it to triage at the lead office.

    One write transaction, each row written once in its final state: the reporter, the day's
    number (one upsert), the case already routed or in triage, its events in one statement,
    then the listeners (the clocks, in one statement). The receipt carries what was written,
    so the answer needs no read of it.
    """
    refuse_evaluator(actor, "file a case")
    text = check_text(draft.text, min_length=env.min_text_length, max_length=env.max_text_length)
    for field in ("location_text", "reporter_name", "reporter_phone", "reporter_email"):
        value = getattr(draft, field)
        if value is not None and not is_storable(value):  # whatever channel it came through
            raise ValidationFailed("unstorable_form_text", field=field)
    pin = new_pin() if draft.anonymous else None
    pin_hash = hash_pin(pin, env.pin_key) if pin else None
    words = search_words(text)  # jieba's cut, also before the write transaction
    now = env.clock.now()
    today = local_day(now, ZoneInfo(env.timezone))  # the case number's day is Tianjin's
    _check_references(draft, env, today)
    if draft.idempotency_key is not None:
        earlier = filed_with(session=session, key=draft.idempotency_key, now=now)
        if earlier is not None and earlier.text != text:  # the key names another request
            raise ValidationFailed("idempotency_key_reused", field="Idempotency-Key")
        if earlier is not None:
            return Receipt(case=earlier, pin=None, route=None, replayed=True)
    location = (
        (draft.latitude, draft.longitude)
        if draft.latitude is not None and draft.longitude is not None
        else None
    )
    source = _source_complaint(session, draft, actor)
    # A dishonesty record is not a complaint: it is not routed (no complaint category).
    is_record = draft.kind is CaseKind.dishonesty_record
    route = None if is_record else env.router.route(text, draft.street, location)
    placement = _placement(draft, route, env)
    first = _first_step(placement, route, env)
    reporter = _reporter(draft, now)
    if reporter is not None:
        insert_all(session, [reporter])  # one INSERT ... RETURNING id, no flush
        if reporter.email and env.sends_email:  # Open311's: used once its owner confirms it
            ask_confirmation(session=session, reporter=reporter, now=now)
    case = new_row(
        Case,
        number=next_case_number(
            session=session, prefix=env.taxonomy.district.case_prefix, day=today
        ),
        kind=draft.kind.value,
        status=first.to_status,
        category_id=placement.category,
        department_code=first.department,
        street_code=placement.street,
        text=text,
        words=words,
        subwords=inner_words(words),
        occurred_on=draft.occurred_on,
        location_text=(
            without_direction_controls(draft.location_text) if draft.location_text else None
        ),
        latitude=draft.latitude,
        longitude=draft.longitude,
        anonymous=draft.anonymous,
        pin_hash=pin_hash,
        reporter_id=reporter.id if reporter else None,
        channel=draft.channel,
        route_confidence=round(route.confidence, 3) if route else None,
        details={**(draft.details or {}), "complaint": source.number} if source else draft.details,
        street_needed=placement.street_needed,
        created_at=now,
        updated_at=now,
        urgent=_urgent(draft, text, env),
        request_type=None if is_record else _request_type(draft, text, env),
    )
    insert_all(session, [case])
    received: dict[str, object] = {"channel": draft.channel, "kind": draft.kind.value}
    if draft.idempotency_key:
        received[DETAIL] = draft.idempotency_key
    if case.urgent:
        received["urgent"] = True
    events = [
        new_event(
            case=case,
            actor=actor,
            action="receive",
            to_status="received",
            at=now,
            details=received,
        ),
        new_event(
            case=case,
            actor=actor,
            action=first.action,
            from_status="received",
            to_status=first.to_status,
            at=now,
            reason=first.reason,
            details=first.details,
        ),
    ]
    if source is not None:  # linked both ways: the complaint shows the record filed from it
        events.append(
            new_event(
                case=source,
                actor=actor,
                action="record_filed",
                at=now,
                details={"case": case.number},
            )
        )
    insert_all(session, events)
    bind_case(case.number)  # the request's log lines name the case from here on
    log.info(
        "case %s received",
        case.number,
        extra={"case": case.number, "channel": draft.channel, "kind": draft.kind.value},
    )
    for listener in env.listeners:
        listener.case_created(session=session, case=case)
        listener.case_changed(session=session, case=case, event=events[1])
    return Receipt(
        case=case, pin=pin, route=route, events=tuple(events[:2]), reporter=reporter, source=source
    )


def _urgent(draft: Draft, text: str, env: CaseEnv) -> bool:
    """Return whether a new case is urgent: as said, else by its words of danger."""
    if draft.kind is CaseKind.dishonesty_record:
        return False
    if draft.urgent is not None:
        return draft.urgent
    return env.danger.flag(text) is not None


def _request_type(draft: Draft, text: str, env: CaseEnv) -> str:
    """Return the request type the reporter chose, else the one its text reads as."""
    if draft.request_type is not None:
        return draft.request_type
    if env.request_types is None:
        return RequestType.complaint.value
    return env.request_types.classify(text).value


def _source_complaint(session: Session, draft: Draft, actor: Actor) -> Case | None:
    """Return the complaint a record names as its source, if the actor may see it."""
    if draft.source_case is None:
        return None
    if draft.kind is not CaseKind.dishonesty_record:
        raise ValidationFailed("source_case_only_records", field="source_case")
    try:
        source = get_case(session=session, number=draft.source_case, actor=actor)
    except NotFound:
        raise ValidationFailed("source_case_unknown", field="source_case") from None
    if source.kind != CaseKind.complaint.value:
        raise ValidationFailed("source_case_unknown", field="source_case")
    return source


def _check_references(draft: Draft, env: CaseEnv, today: date) -> None:
    taxonomy = env.taxonomy
    if draft.category is not None and draft.kind is CaseKind.dishonesty_record:
        raise ValidationFailed("record_takes_no_category", field="category")
    if draft.category is not None and taxonomy.category(draft.category) is None:
        raise ValidationFailed("unknown_category", field="category", value=draft.category)
    if draft.request_type is not None and draft.kind is CaseKind.dishonesty_record:
        raise ValidationFailed("record_takes_no_request_type", field="request_type")
    if draft.request_type is not None and draft.request_type not in REQUEST_TYPES:
        raise ValidationFailed(
            "unknown_request_type", field="request_type", value=draft.request_type
        )
    if draft.street is not None and taxonomy.street(draft.street) is None:
        raise ValidationFailed("unknown_street", field="street", value=draft.street)
    if draft.occurred_on is not None and draft.occurred_on > today:
        raise ValidationFailed("occurred_in_future", field="occurred_on")
    if draft.occurred_on is not None and draft.occurred_on < earliest_day(today):
        oldest = earliest_day(today).isoformat()
        raise ValidationFailed(
            "occurred_too_old", field="occurred_on", earliest=oldest, years=OLDEST_YEARS
        )
    if draft.kind is CaseKind.dishonesty_record and draft.occurred_on is None:
        raise ValidationFailed("record_needs_date", field="occurred_on")
    if (
        not draft.anonymous
        and not visible_length(draft.reporter_name or "")
        and not draft.reporter_phone
        and not draft.reporter_email
    ):
        raise ValidationFailed("named_needs_contact", field="reporter")


@dataclass(frozen=True)
class _Placement:
    category: str | None
    department: str | None  # None: nobody to route to, so triage
    street: str | None
    confident: bool  # sure enough of the unit to route without asking
    street_needed: bool = False
    triage_reason: str | None = None  # why it goes to triage when it does, if not the router
    # False when only the unit was certain: the unit confirms or corrects the category.
    category_confirmed: bool = True


def _placement(draft: Draft, route: RouteResult | None, env: CaseEnv) -> _Placement:
    """Decide category, owning unit and street from the draft and the router's proposal.

    What the reporter chose explicitly stands: a category picked is kept, "none of these"
    leaves the case without one, "not sure" of the street leaves it without one; the router
    fills in only what the reporter was not asked. A dishonesty record never gets a
    complaint category: it goes to the lead office, which keeps the ledger (台账).
    """
    taxonomy = env.taxonomy
    if route is None:  # a dishonesty record
        return _Placement(None, taxonomy.lead_office, draft.street, True)
    street = None if draft.street_unsure else (draft.street or route.street)
    if draft.category_declined:
        reason = reasons.NONE_CHOSEN
        return _Placement(None, None, street, False, triage_reason=reason)
    chosen = taxonomy.category(draft.category or route.category)
    assert chosen is not None  # checked in _check_references, or the router's own
    # Issue 12: the leading candidates agreeing on one unit is enough to send the case there;
    # the category then waits for the unit to confirm it.
    confirmed = draft.category is not None or route.confident
    confident = confirmed or (route.unit_certain and street == route.street)
    if chosen.street_level:
        return _Placement(
            chosen.id,
            street,
            street,
            confident,
            street_needed=street is None,
            category_confirmed=confirmed,
        )
    return _Placement(chosen.id, chosen.owner, street, confident, category_confirmed=confirmed)


def _reporter(draft: Draft, now: datetime) -> Reporter | None:
    if draft.anonymous and draft.chat_id is None:
        return None
    phone = normalise_phone(draft.reporter_phone) if draft.reporter_phone else None
    typed = without_direction_controls(draft.reporter_name or "")
    name = typed if visible_length(typed) else None
    return new_row(
        Reporter,
        name=None if draft.anonymous else name,
        phone=None if draft.anonymous else phone,
        email=None if draft.anonymous else draft.reporter_email,
        channel=draft.channel,
        chat_id=draft.chat_id,
        language=draft.language,
        created_at=now,
    )


@dataclass(frozen=True)
class _FirstStep:
    """Where a new case goes at once: routed to its unit (派单), or to triage."""

    action: str  # route | triage
    to_status: str
    department: str | None
    reason: str | None
    details: dict[str, Any]


def _first_step(placement: _Placement, route: RouteResult | None, env: CaseEnv) -> _FirstStep:
    """Decide the new case's first step: route it (派单) or put it in the triage queue."""
    department = placement.department
    triage_category = env.taxonomy.triage_category
    confidence = route.confidence if route else 1.0
    if department is None or not placement.confident or placement.category == triage_category:
        if placement.triage_reason is not None:
            reason = placement.triage_reason
        elif placement.street_needed:
            reason = reasons.STREET_NEEDED
        elif placement.category == triage_category:
            reason = reasons.NO_CATEGORY
        else:
            reason = reasons.NOT_CONFIDENT
        return _FirstStep(
            "triage",
            CaseStatus.triage.value,
            env.taxonomy.lead_office,
            reason,
            {"category": placement.category},
        )
    details: dict[str, Any] = {
        "department": department,
        "category": placement.category,
        "confidence": round(confidence, 3),
        **({} if placement.category_confirmed else {"category_confirmed": False}),
    }
    return _FirstStep("route", CaseStatus.routed.value, department, None, details)
