"""Merging duplicates (合并): the repeat is closed and points to the case it repeats.

The case merged into must be open and of the same kind: a closed, resolved or rejected case
is nobody's work any more, and a complaint and a dishonesty record are never one another's
repeat. A case that others were merged into may itself be merged later; its repeats'
reporters and followers then watch the case at the end of the chain (backend.cases.chain).
"""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.env import CaseEnv
from backend.cases.events import record_event
from backend.cases.models import Case
from backend.cases.queries import get_case
from backend.cases.workflow import OPEN_STATES, Action, Command, refusal, transition
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
    """Close `case` as a duplicate of the open case numbered `into`; both keep their history.

    Refuses (before looking at `into`) what the workflow refuses for the case, then a target
    that is missing, unknown to the actor, the case itself, merged, not open, or of the
    other kind (ValidationFailed, field `into`).
    """
    refused = refusal(
        session=session, case=case, action=Action.merge, actor=actor, env=env, version=version
    )
    if refused is not None:
        raise refused
    target = _target(session, case, into, actor)
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


def _target(session: Session, case: Case, into: str | None, actor: Actor) -> Case:
    """Return the case to merge into, or refuse it."""
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
    if target.status not in OPEN_STATES:
        raise ValidationFailed("merge_target_not_open", field="into", value=target.number)
    if target.kind != case.kind:
        raise ValidationFailed("merge_target_other_kind", field="into", value=target.number)
    return target
