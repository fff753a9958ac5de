"""The append-only history of a case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.bulk import new_row
from backend.cases.models import Case, CaseEvent


def record_event(
    *,
    session: Session,
    case: Case,
    actor: Actor,
    action: str,
    at: datetime,
    from_status: str | None = None,
    to_status: str | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> CaseEvent:
    """Append one event to a case's history."""
    event = new_event(
        case=case,
        actor=actor,
        action=action,
        at=at,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        details=details,
    )
    session.add(event)
    return event


def new_event(
    *,
    case: Case,
    actor: Actor,
    action: str,
    at: datetime,
    from_status: str | None = None,
    to_status: str | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> CaseEvent:
    """Return one event of a case, not yet written (intake writes several in one statement)."""
    assert case.id is not None
    return new_row(
        CaseEvent,
        case_id=case.id,
        at=at,
        actor_kind=actor.kind,
        actor_id=actor.id if actor.kind == "staff" else None,
        actor_name=actor.name if actor.kind == "staff" else actor.kind,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        details=details,
    )


def history(*, session: Session, case: Case) -> list[CaseEvent]:
    """Return a case's events, oldest first."""
    statement = select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))
    return list(session.exec(statement).all())
