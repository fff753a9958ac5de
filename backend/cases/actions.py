"""Take one action on a case as the API and the console both ask for it.

A merge names the case it repeats by number (merge.py finds and checks it); every other
action is a workflow transition. One function, so the two adapters cannot drift apart.
"""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.env import CaseEnv
from backend.cases.merge import merge_into
from backend.cases.models import Case
from backend.cases.rating import rate_case
from backend.cases.workflow import Action, Command, refusal, transition
from backend.errors import ValidationFailed


def take_action(
    *,
    session: Session,
    case: Case,
    command: Command,
    actor: Actor,
    env: CaseEnv,
    into: str | None = None,
) -> Case:
    """Apply an action to a case (a merge into the case numbered `into`); return the case.

    Raises what the workflow raises: NotFound, Forbidden, StaleVersion, InvalidTransition,
    ValidationFailed (a missing reason, reply, unit, days, merge target or rating). A rating
    taken by phone goes through rating.py, like one given in the chat.
    """
    if command.action is Action.rate_by_phone:
        return _rate_by_phone(session=session, case=case, command=command, actor=actor, env=env)
    if command.action is Action.merge:
        return merge_into(
            session=session,
            case=case,
            into=into,
            version=command.version,
            reason=command.reason,
            actor=actor,
            env=env,
        )
    return transition(session=session, case=case, command=command, actor=actor, env=env)


def _rate_by_phone(
    *, session: Session, case: Case, command: Command, actor: Actor, env: CaseEnv
) -> Case:
    """Record a rating a coordinator took by phone (电话回访), as the reporter's own."""
    refused = refusal(
        session=session,
        case=case,
        action=command.action,
        actor=actor,
        env=env,
        version=command.version,
    )
    if refused is not None:
        raise refused
    if command.rating is None:
        raise ValidationFailed("rating_required", field="rating")
    return rate_case(
        session=session,
        case=case,
        rating=command.rating,
        comment=command.reason,
        env=env,
        actor=actor,
        channel="phone",
    )
