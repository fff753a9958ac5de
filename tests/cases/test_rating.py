"""回访 under concurrency: a rating only lands on the resolved case the reporter saw."""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.models import Case, CaseEvent
from backend.cases.queries import get_case
from backend.cases.rating import rate_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.errors import DomainError
from backend.people.models import Role

CLERK = Actor("staff", id=None, name="clerk", role=Role.clerk, department="czj")
COORDINATOR = Actor("staff", id=None, name="协调员", role=Role.coordinator, department="fgw")


def act(container: Container, number: str, actor: Actor, action: Action, **fields: str) -> None:
    """Take an action on a case at the version it is at now."""
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=action, version=case.version, **fields)  # type: ignore[arg-type]
        transition(
            session=session, case=case, actor=actor, env=container.case_env, command=command
        )


def resolved_case(container: Container) -> str:
    """File a case for the finance bureau and take it to resolved (办结)."""
    with session_scope(container.engine) as session:
        draft = Draft(
            text="区里的项目做完了，工程款一直拖欠不付", anonymous=False, reporter_name="李四"
        )
        number = submit(session=session, draft=draft, actor=SYSTEM, env=container.case_env)
        number_text = number.case.number
    act(container, number_text, CLERK, Action.sign)
    act(container, number_text, CLERK, Action.resolve, reply="已付清")
    return number_text


def test_a_rating_of_a_case_reopened_meanwhile_is_refused_and_records_nothing(
    container: Container,
) -> None:
    number = resolved_case(container)
    with session_scope(container.engine) as session:  # what the reporter's turn read
        seen = get_case(session=session, number=number, actor=SYSTEM)
    act(container, number, COORDINATOR, Action.reopen, reason="回复不完整")  # meanwhile
    with session_scope(container.engine) as session:  # the turn goes on and commits
        session.add(seen)
        with pytest.raises(DomainError):
            rate_case(
                session=session,
                case=seen,
                rating="satisfied",
                comment=None,
                env=container.case_env,
            )
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        actions = [
            e.action for e in session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id))
        ]
    assert (case.status, case.rating, "rate" in actions) == ("in_progress", None, False)


def test_a_case_is_rated_once_even_when_two_ratings_race(container: Container) -> None:
    number = resolved_case(container)
    with session_scope(container.engine) as session:
        first_seen = get_case(session=session, number=number, actor=SYSTEM)
    with session_scope(container.engine) as session:
        second_seen = get_case(session=session, number=number, actor=SYSTEM)
    with session_scope(container.engine) as session:
        session.add(first_seen)
        rate_case(
            session=session,
            case=first_seen,
            rating="dissatisfied",
            comment="没付",
            env=container.case_env,
        )
    with session_scope(container.engine) as session:
        session.add(second_seen)
        with pytest.raises(DomainError):
            rate_case(
                session=session,
                case=second_seen,
                rating="satisfied",
                comment=None,
                env=container.case_env,
            )
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
    assert (case.status, case.rating) == ("in_progress", "dissatisfied")
