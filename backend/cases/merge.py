"""Merging duplicates (合并): the repeat is closed and points to the case it repeats."""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.env import CaseEnv
from backend.cases.events import record_event
from backend.cases.models import Case
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.errors import NotFound, ValidationFailed


def merge_into(
    *,
    session: Session,
    case: Case,
    into: str | None,
    version: int,
    reason: str | None,
    actor: Actor,
    env: CaseEnv,
) -> Case:
    """Close `case` as a duplicate of the case numbered `into`; both keep their history."""
    if not into:
        raise ValidationFailed("merge_target_required", field="into")
    try:
        target = get_case(session=session, number=into, actor=actor)
    except NotFound:
        raise ValidationFailed("merge_target_unknown", field="into", value=into) from None
    if target.id == case.id:
        raise ValidationFailed("merge_into_itself", field="into")
    if target.merged_into_id is not None:
        raise ValidationFailed("merge_target_merged", field="into", value=target.number)
    command = Command(
        action=Action.merge, version=version, reason=reason, merged_into_id=target.id
    )
    merged = transition(session=session, case=case, command=command, actor=actor, env=env)
    record_event(
        session=session,
        case=target,
        actor=actor,
        action="merged_from",
        at=env.clock.now(),
        reason=reason,
        details={"case": case.number},
    )
    session.flush()
    return merged
