"""Shape cases for the API, keeping the reporter's identity from everyone but coordinators."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.events import history
from backend.cases.models import Case
from backend.cases.schemas import CaseEventPublic, CasePublic, CaseSummary
from backend.cases.workflow import allowed_actions
from backend.deadlines.views import deadlines_of
from backend.people.models import Reporter, ReporterPublic


def summarise(case: Case) -> CaseSummary:
    """Return the list view of a case (never the reporter)."""
    return CaseSummary(
        number=case.number,
        kind=case.kind,
        status=case.status,
        category=case.category_id,
        department=case.department_code,
        street=case.street_code,
        text=case.text,
        occurred_on=case.occurred_on,
        anonymous=case.anonymous,
        street_needed=case.street_needed,
        version=case.version,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )


def present(*, session: Session, case: Case, actor: Actor, now: datetime) -> CasePublic:
    """Return the full view of a case with its history, as this actor may see it."""
    events = [
        CaseEventPublic(
            at=e.at,
            actor=e.actor_name,
            actor_kind=e.actor_kind,
            action=e.action,
            from_status=e.from_status,
            to_status=e.to_status,
            reason=e.reason,
            details=e.details,
        )
        for e in history(session=session, case=case)
    ]
    return CasePublic(
        **summarise(case).model_dump(),
        location=case.location_text,
        latitude=case.latitude,
        longitude=case.longitude,
        channel=case.channel,
        route_confidence=case.route_confidence,
        return_count=case.return_count,
        merged_into=_merged_into(session, case),
        details=case.details,
        reply=case.reply,
        allowed_actions=[a.value for a in allowed_actions(actor, case)],
        rating=case.rating,
        rating_comment=case.rating_comment,
        deadlines=deadlines_of(session=session, case=case, now=now),
        events=events,
        reporter=_reporter_for(session, case, actor),
    )


def _reporter_for(session: Session, case: Case, actor: Actor) -> ReporterPublic | None:
    if not actor.is_coordinator or case.anonymous or case.reporter_id is None:
        return None
    reporter = session.get(Reporter, case.reporter_id)
    if reporter is None:
        return None
    return ReporterPublic(name=reporter.name, phone=reporter.phone, channel=reporter.channel)


def _merged_into(session: Session, case: Case) -> str | None:
    if case.merged_into_id is None:
        return None
    target = session.get(Case, case.merged_into_id)
    return target.number if target else None
