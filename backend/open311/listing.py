"""GET requests: complaints as GeoReport v2 service requests, public fields only.

Never the reporter, never internal notes or events: the request's text, where (the point
to about 100 m, never the address typed: it may be a home) and when, its category and
unit, its status (open / closed after STATUS below) with a note of how a closed one ended
(`status_notes`: resolved or not taken up, never the reply, which is written to the reporter
and read with the case's PIN or chat), and the handle clock's due time (`expected_datetime`).
Dishonesty records are not service requests and are never listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseKind, CaseStatus
from backend.contacts import mask_contacts
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.messages import render
from backend.open311 import fields as read
from backend.open311.catalogue import category_name, unit_name
from backend.open311.errors import Open311Error
from backend.taxonomy.models import Taxonomy
from dialogs.parsing import parse_case_number

# The case states each Open311 status stands for (the README's table).
STATUS: dict[str, tuple[CaseStatus, ...]] = {
    "open": (
        CaseStatus.received,
        CaseStatus.triage,
        CaseStatus.routed,
        CaseStatus.signed,
        CaseStatus.in_progress,
    ),
    "closed": (CaseStatus.resolved, CaseStatus.closed, CaseStatus.rejected),
}
WINDOW_DAYS = 90  # the specification's default window, and the longest one asked for
MAX_REQUESTS = 1000  # the most requests one answer holds (the `limit` parameter's maximum)
MAX_IDS = 100  # service_request_id values in one query
_NOTES = {
    CaseStatus.resolved.value: "open311_notes_resolved",
    CaseStatus.closed.value: "open311_notes_resolved",
    CaseStatus.rejected.value: "open311_notes_rejected",
}


@dataclass(frozen=True)
class RequestQuery:
    """What GET requests asks for, checked."""

    numbers: tuple[str, ...] | None  # given: every other parameter is ignored
    service_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    limit: int = MAX_REQUESTS


def read_query(
    fields: dict[str, str], *, taxonomy: Taxonomy, zone: ZoneInfo, now: datetime
) -> RequestQuery:
    """Check GET requests' parameters; Open311Error 400 (404 for an unknown service_code)."""
    ids = _list(fields.get("service_request_id", ""))
    if ids:
        if len(ids) > MAX_IDS:
            raise Open311Error(400, "open311_too_many_ids", max=MAX_IDS)
        return RequestQuery(numbers=tuple(parse_case_number(i) or i for i in ids))
    codes = _list(fields.get("service_code", ""))
    for code in codes:
        if taxonomy.category(code) is None:
            raise Open311Error(404, "open311_service_code_unknown", value=code[:40])
    statuses = _list(fields.get("status", "").lower())
    if any(s not in STATUS for s in statuses):
        raise Open311Error(400, "open311_bad_status", value=fields["status"][:40])
    start, end = _window(fields, zone, now)
    return RequestQuery(
        numbers=None,
        service_codes=tuple(codes),
        statuses=tuple(statuses),
        start=start,
        end=end,
        limit=_limit(fields.get("limit", "")),
    )


def find_requests(
    *, session: Session, query: RequestQuery, taxonomy: Taxonomy, language: str, zone: ZoneInfo
) -> list[dict[str, Any]]:
    """Return the requests asked for, newest first, as the specification's records."""
    statement = select(Case).where(col(Case.kind) == CaseKind.complaint.value)
    if query.numbers is not None:
        statement = statement.where(col(Case.number).in_(query.numbers))
    else:
        if query.service_codes:
            statement = statement.where(col(Case.category_id).in_(query.service_codes))
        if query.statuses:
            wanted = [s.value for status in query.statuses for s in STATUS[status]]
            statement = statement.where(col(Case.status).in_(wanted))
        if query.start is not None:
            statement = statement.where(col(Case.created_at) >= query.start)
        if query.end is not None:
            statement = statement.where(col(Case.created_at) <= query.end)
    statement = statement.order_by(col(Case.created_at).desc(), col(Case.id).desc())
    cases = list(session.exec(statement.limit(query.limit)).all())
    due = _handle_due(session, cases)
    return [present(case, due.get(case.id or 0), taxonomy, language, zone) for case in cases]


def present(
    case: Case, due: datetime | None, taxonomy: Taxonomy, language: str, zone: ZoneInfo
) -> dict[str, Any]:
    """Return one case as a GeoReport v2 service request, in the specification's order."""
    category = taxonomy.category(case.category_id) if case.category_id else None
    open_ = case.status in {s.value for s in STATUS["open"]}
    notes = _NOTES.get(case.status)
    return {
        "service_request_id": case.number,
        "status": "open" if open_ else "closed",
        "status_notes": render(notes, language) if notes else None,
        "service_name": category_name(category, language) if category else None,
        "service_code": case.category_id,
        # Published to anyone: contact details typed into the text are masked.
        "description": mask_contacts(case.text),
        "agency_responsible": unit_name(taxonomy, case.department_code, language),
        "service_notice": None,
        "requested_datetime": w3c(case.created_at, zone),
        "updated_datetime": w3c(case.updated_at, zone),
        "expected_datetime": w3c(due, zone) if due else None,
        # Anyone reads these: never the address the reporter typed (it may be a home), and
        # the point to three decimals (about 100 m), as public maps of reports blur it.
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": _blurred(case.latitude),
        "long": _blurred(case.longitude),
        "media_url": (case.details or {}).get("media_url"),
    }


PUBLIC_DECIMALS = 3  # of a published coordinate: about 100 m in Tianjin


def _blurred(degrees: float | None) -> float | None:
    """Return a coordinate as published: rounded to PUBLIC_DECIMALS (None stays None)."""
    return None if degrees is None else round(degrees, PUBLIC_DECIMALS)


def w3c(moment: datetime, zone: ZoneInfo) -> str:
    """Return a moment as ISO 8601 with its offset, in the district's time (…T08:15:30+08:00)."""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def _handle_due(session: Session, cases: Sequence[Case]) -> dict[int, datetime]:
    """Return the due time of each case's latest handle clock (办结), cancelled ones left out."""
    ids = [case.id for case in cases if case.id is not None]
    if not ids:
        return {}
    statement = (
        select(Deadline)
        .where(
            col(Deadline.case_id).in_(ids),
            col(Deadline.kind) == ClockKind.resolve.value,
            col(Deadline.state) != ClockState.cancelled.value,
        )
        .order_by(col(Deadline.id))
    )
    return {row.case_id: row.due_at for row in session.exec(statement).all()}


def _list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _window(
    fields: dict[str, str], zone: ZoneInfo, now: datetime
) -> tuple[datetime, datetime | None]:
    """Return the requested_datetime window: 90 days back by default, never longer."""
    raw_start, raw_end = fields.get("start_date", ""), fields.get("end_date", "")
    start = read.moment("start_date", raw_start, zone) if raw_start.strip() else None
    end = read.moment("end_date", raw_end, zone) if raw_end.strip() else None
    span = timedelta(days=WINDOW_DAYS)
    if start is not None and end is not None:
        if end < start:
            raise Open311Error(400, "open311_bad_date_range")
        if end - start > span:
            raise Open311Error(400, "open311_window_too_long", days=WINDOW_DAYS)
        return start, end
    if start is not None:
        return start, start + span
    if end is not None:
        return end - span, end
    return now - span, None


def _limit(raw: str) -> int:
    if not raw.strip():
        return MAX_REQUESTS
    try:
        value = int(raw.strip())
    except ValueError:
        raise Open311Error(400, "open311_bad_limit", max=MAX_REQUESTS) from None
    if not 1 <= value <= MAX_REQUESTS:
        raise Open311Error(400, "open311_bad_limit", max=MAX_REQUESTS)
    return value
