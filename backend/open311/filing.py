"""POST requests: an Open311 service request filed through the one intake service.

The request becomes a Draft of channel `open311` and goes through `backend.cases.intake`
(validation, routing, deadlines) like every other channel. `email`, `phone`, `first_name`
and `last_name` are kept as the reporter, never shown to units; with none of them the
report is anonymous and the answer carries its PIN (提取码) once, as the extra field `pin`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.duplicates import find_duplicates
from backend.cases.env import CaseEnv
from backend.cases.idempotency import KEY_FORM
from backend.cases.intake import Draft, Receipt, submit
from backend.cases.models import CaseStatus
from backend.errors import ValidationFailed
from backend.messages import render
from backend.open311 import fields as read
from backend.open311.catalogue import ATTRIBUTES, OCCURRED_AT, STREET, service_category, unit_name
from backend.open311.errors import Open311Error
from backend.open311.keys import client_of
from backend.periods import local_day

CHANNEL = "open311"
MAX_ADDRESS = 200  # the case's location text


@dataclass(frozen=True)
class Filed:
    """The answer to a filed request: the case, the PIN when anonymous, a notice."""

    receipt: Receipt
    notice: str
    account_id: str | None


def file_request(
    *,
    session: Session,
    fields: dict[str, str],
    env: CaseEnv,
    language: str,
    jurisdiction: str,
    idempotency_key: str | None = None,
) -> Filed:
    """File an Open311 request as a case; Open311Error for input the specification refuses.

    Checked in the specification's order: api_key (403), jurisdiction_id (404), service_code
    (400 missing, 404 unknown), then the request's own fields (400). The intake's own
    refusals (text too short, a phone that is no phone, a date in the future) answer 400.
    An `Idempotency-Key` (as on `POST /api/v1/cases`) makes a client's resend answer the case
    its first request filed (`receipt.replayed`, no PIN) instead of filing a second one.
    """
    now = env.clock.now()
    client = client_of(session=session, key=fields.get("api_key", "").strip(), now=now)
    if client is None:
        raise Open311Error(403, "open311_api_key")
    check_jurisdiction(fields, jurisdiction)
    category = service_category(env.taxonomy, fields.get("service_code", "").strip())
    draft = _draft(fields, env, language, category.id)
    if idempotency_key is not None:
        if not KEY_FORM.fullmatch(idempotency_key):
            raise Open311Error(400, "idempotency_key_invalid")
        stored = f"open311:{client.id}:{idempotency_key}"  # one client's keys meet no other's
        draft = replace(draft, idempotency_key=stored)
    account_id = read.text(fields, "account_id", limit=64)  # echoed back, not stored
    actor = Actor("reporter", name=f"open311:{client.name}"[:100])
    try:
        receipt = submit(session=session, draft=draft, actor=actor, env=env)
    except ValidationFailed as exc:
        raise Open311Error(400, exc.code, **exc.params) from None
    notice = _notice(session, receipt, env, language, now)
    return Filed(receipt=receipt, notice=notice, account_id=account_id)


def check_jurisdiction(fields: dict[str, str], jurisdiction: str) -> None:
    """Refuse a jurisdiction_id other than this district's (404); none given is fine."""
    given = fields.get("jurisdiction_id", "").strip()
    if given and given != jurisdiction:
        raise Open311Error(404, "open311_jurisdiction", value=given[:40], ours=jurisdiction)


def _district(env: CaseEnv, language: str) -> str:
    district = env.taxonomy.district
    return district.zh if language == "zh" else district.en


def _draft(fields: dict[str, str], env: CaseEnv, language: str, category: str) -> Draft:
    zone = ZoneInfo(env.timezone)
    point = read.coordinates(fields)
    address = read.text(fields, "address_string", limit=MAX_ADDRESS)
    if point is None and address is None:
        raise Open311Error(400, "open311_location_required")
    if point is not None and env.router.street_at(*point) is None:  # no street office reaches it
        raise Open311Error(400, "open311_outside_district", district=_district(env, language))
    attributes = read.attributes(fields, ATTRIBUTES)
    street = attributes.get(STREET)
    if street is not None and env.taxonomy.street(street) is None:
        raise Open311Error(400, "open311_bad_street", value=street[:40])
    occurred = attributes.get(OCCURRED_AT)
    occurred_on = (
        local_day(read.moment(f"attribute[{OCCURRED_AT}]", occurred, zone), zone)
        if occurred
        else None
    )
    email = read.email(fields)
    phone = read.text(fields, "phone", limit=32)
    name = read.person_name(fields)
    media = read.media_url(fields)
    details: dict[str, Any] | None = {"media_url": media} if media else None
    return Draft(
        text=fields.get("description", ""),
        category=category,
        street=street,
        occurred_on=occurred_on,
        location_text=address,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        anonymous=not (email or phone or name),
        reporter_name=name,
        reporter_phone=phone,
        reporter_email=email,
        channel=CHANNEL,
        language=language,
        details=details,
    )


def _notice(session: Session, receipt: Receipt, env: CaseEnv, language: str, now: datetime) -> str:
    """Say where the case went, and name similar open cases the reporter may follow."""
    case = receipt.case
    if case.status == CaseStatus.routed.value:
        unit = unit_name(env.taxonomy, case.department_code, language) or case.department_code
        parts = [render("open311_notice_routed", language, unit=unit)]
    else:
        parts = [render("open311_notice_triage", language)]
    if case.department_code and case.category_id:
        similar = find_duplicates(
            session=session,
            department=case.department_code,
            category=case.category_id,
            text=case.text,
            words=case.words,
            now=now,
            limit=4,  # the new case itself is one of them
        )
        numbers = [other.number for other, _ in similar if other.id != case.id][:3]
        if numbers:
            parts.append(render("open311_notice_similar", language, numbers=", ".join(numbers)))
    if receipt.pin is not None:
        parts.append(render("open311_notice_pin", language))
    return " ".join(parts)
