"""Shape cases for the API, keeping the reporter's identity from everyone but coordinators.

A clerk reads nothing of another unit's cases: an event that names one (a merge) shows a
neutral note instead, and a case number quoted in free text is replaced (see redaction.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from backend.actors import Actor
from backend.attachments.evidence import attachments_of
from backend.attachments.names import file_name_of
from backend.cases.env import CaseEnv
from backend.cases.events import history
from backend.cases.idempotency import without_stamp
from backend.cases.intake import Receipt
from backend.cases.joint import assisting_units
from backend.cases.models import Case, CaseEvent
from backend.cases.redaction import Redactor
from backend.cases.schemas import (
    AttachmentPublic,
    CaseCreated,
    CaseEventPublic,
    CasePublic,
    CaseSummary,
)
from backend.cases.workflow import allowed_actions, can_see
from backend.deadlines.views import deadlines_of, held_deadlines
from backend.messages import render
from backend.people.models import Reporter, ReporterPublic

# Events that name another case, and the note shown instead to whom that case is hidden.
NEUTRAL_NOTES = {
    "merge": "merged_with_another",
    "merged_from": "another_merged_in",
    "record_filed": "record_filed_elsewhere",
}


def summarise(case: Case, redactor: Redactor | None = None) -> CaseSummary:
    """Return the list view of a case (never the reporter), redacted for the reader."""
    return CaseSummary(**_summary_fields(case, redactor))


def _summary_fields(case: Case, redactor: Redactor | None) -> dict[str, Any]:
    """Return the fields of a case's list view, for CaseSummary or a view that extends it."""
    return {
        "number": case.number,
        "kind": case.kind,
        "status": case.status,
        "category": case.category_id,
        "department": case.department_code,
        "street": case.street_code,
        "text": (redactor.text(case.text) or "") if redactor else case.text,
        "occurred_on": case.occurred_on,
        "anonymous": case.anonymous,
        "street_needed": case.street_needed,
        "version": case.version,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "urgent": case.urgent,
        "request_type": case.request_type,
    }


def present(
    *,
    session: Session,
    case: Case,
    actor: Actor,
    env: CaseEnv,
    now: datetime,
    language: str = "en",
) -> CasePublic:
    """Return the full view of a case with its history, as this actor may see it."""
    redactor = Redactor(session=session, actor=actor, language=language)
    events = [
        _event_for(session, case, e, actor, redactor) for e in history(session=session, case=case)
    ]
    target = session.get(Case, case.merged_into_id) if case.merged_into_id else None
    return CasePublic(
        **summarise(case, redactor).model_dump(),
        location=redactor.text(case.location_text),
        latitude=case.latitude,
        longitude=case.longitude,
        channel=case.channel,
        route_confidence=case.route_confidence,
        return_count=case.return_count,
        merged_into=target.number if target and can_see(actor, target) else None,
        source_case=_visible(session, actor, str((case.details or {}).get("complaint") or "")),
        records=_records_from(session, case, actor),
        details=redactor.details(case.details),
        reply=redactor.text(case.reply),
        allowed_actions=[
            a.value for a in allowed_actions(session=session, case=case, actor=actor, env=env)
        ],
        rating=case.rating,
        rating_comment=redactor.text(case.rating_comment),
        deadlines=deadlines_of(session=session, case=case, now=now),
        events=events,
        reporter=_reporter_for(session, case, actor),
        attachments=[
            AttachmentPublic(
                id=a.id or 0, filename=file_name_of(a), content_type=a.content_type, size=a.size
            )
            for a in attachments_of(session=session, case=case)
            if not actor.is_evaluator  # evidence may show the reporter
        ],
        lead_unit=case.department_code,
        assisting_units=assisting_units(session=session, case=case),
    )


def present_filed(
    *,
    session: Session,
    receipt: Receipt,
    actor: Actor,
    env: CaseEnv,
    now: datetime,
    language: str = "en",
) -> CaseCreated:
    """Return the answer to filing a case, from what filing wrote (no read of it).

    A new case has no attachments, no records filed from it, no merge, no assisting unit (its
    lead unit is the one it was placed with); its events are the receipt's, its clocks those
    the session holds for it, its reporter the receipt's. Built once as the answer's model
    (with the PIN and the routing), so it is validated once.
    """
    case = receipt.case
    redactor = Redactor(session=session, actor=actor, language=language)
    events = [_event_for(session, case, e, actor, redactor) for e in receipt.events]
    reporter = receipt.reporter
    shown_reporter = (
        ReporterPublic(
            name=reporter.name,
            phone=reporter.phone,
            channel=reporter.channel,
            email=reporter.email,
        )
        if reporter is not None and actor.is_coordinator and not case.anonymous
        else None
    )
    source = receipt.source
    return CaseCreated(
        **_summary_fields(case, redactor),
        location=redactor.text(case.location_text),
        latitude=case.latitude,
        longitude=case.longitude,
        channel=case.channel,
        route_confidence=case.route_confidence,
        return_count=case.return_count,
        merged_into=None,
        source_case=source.number if source is not None and can_see(actor, source) else None,
        records=[],
        details=redactor.details(case.details),
        reply=redactor.text(case.reply),
        allowed_actions=[
            a.value for a in allowed_actions(session=session, case=case, actor=actor, env=env)
        ],
        rating=case.rating,
        rating_comment=redactor.text(case.rating_comment),
        deadlines=held_deadlines(session=session, case=case, now=now),
        events=events,
        reporter=shown_reporter,
        attachments=[],
        lead_unit=case.department_code,
        assisting_units=[],  # a unit assists once a coordinator adds it (assist)
        pin=receipt.pin,
        routing=receipt.route.as_dict() if receipt.route else None,
    )


def _visible(session: Session, actor: Actor, number: str) -> str | None:
    """Return a case number if that case exists and the actor may see it."""
    if not number:
        return None
    other = session.exec(select(Case).where(Case.number == number)).first()
    return other.number if other is not None and can_see(actor, other) else None


def _records_from(session: Session, case: Case, actor: Actor) -> list[str]:
    """Return the numbers of the dishonesty records filed from a complaint that the actor sees."""
    filed = [e for e in history(session=session, case=case) if e.action == "record_filed"]
    numbers = (_visible(session, actor, str((e.details or {}).get("case") or "")) for e in filed)
    return [number for number in numbers if number]


def _reporter_for(session: Session, case: Case, actor: Actor) -> ReporterPublic | None:
    if not actor.is_coordinator or case.anonymous or case.reporter_id is None:
        return None
    reporter = session.get(Reporter, case.reporter_id)
    if reporter is None:
        return None
    return ReporterPublic(
        name=reporter.name, phone=reporter.phone, channel=reporter.channel, email=reporter.email
    )


def _event_for(
    session: Session, case: Case, event: CaseEvent, actor: Actor, redactor: Redactor
) -> CaseEventPublic:
    """Return an event as the actor may read it: a merge with a hidden case, neutrally."""
    shown = CaseEventPublic(
        at=event.at,
        actor=event.actor_name,
        actor_kind=event.actor_kind,
        action=event.action,
        from_status=event.from_status,
        to_status=event.to_status,
        reason=redactor.text(event.reason),
        details=redactor.details(without_stamp(event.details)),
    )
    note = NEUTRAL_NOTES.get(event.action)
    if note is None or actor.is_coordinator:
        return shown
    other = _other_case(session, case, event)
    if other is not None and can_see(actor, other):
        return shown
    # The reason is dropped as well: it may describe the other case in words.
    neutral = render(note, redactor.language)
    return shown.model_copy(update={"reason": neutral, "details": None})


def _other_case(session: Session, case: Case, event: CaseEvent) -> Case | None:
    """Return the case an event names besides its own (None if it is gone)."""
    if event.action == "merge":
        return session.get(Case, case.merged_into_id) if case.merged_into_id else None
    number = str((event.details or {}).get("case") or "")
    return session.exec(select(Case).where(Case.number == number)).first()
