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
from backend.cases.workflow import Action, Command, transition


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
    ValidationFailed (a missing reason, reply, unit, days or merge target).
    """
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
