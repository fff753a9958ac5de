"""Concurrent creation gives unique numbers; concurrent actions on one case: exactly one wins."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.errors import InvalidTransition, NotFound, StaleVersion
from backend.people.models import Role
from tests.conftest import open_engine

CLERK = Actor("staff", id=None, name="clerk", role=Role.clerk, department="czj")


def test_cases_filed_at_once_get_unique_numbers(container: Container) -> None:
    env = container.case_env
    engine = open_engine(container.settings.database_url)  # a second "process" joins in

    def file(index: int) -> str:
        target = engine if index % 2 else container.engine
        with session_scope(target) as session:
            draft = Draft(
                text=f"工程款拖欠第{index}次，一直不付",
                anonymous=False,
                reporter_phone="13800000000",
            )
            return submit(session=session, draft=draft, actor=SYSTEM, env=env).case.number

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = list(pool.map(file, range(40)))
    engine.dispose()
    assert len(set(numbers)) == 40
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, 41))


def test_concurrent_actions_on_one_case_exactly_one_wins(container: Container) -> None:
    env = container.case_env
    with session_scope(container.engine) as session:
        draft = Draft(
            text="区里的项目做完了，工程款一直拖欠不付", anonymous=False, reporter_name="李四"
        )
        number = submit(session=session, draft=draft, actor=SYSTEM, env=env).case.number

    def sign(_: int) -> str:
        try:
            with session_scope(container.engine) as session:
                case = get_case(session=session, number=number, actor=CLERK)
                transition(
                    session=session,
                    case=case,
                    actor=CLERK,
                    env=env,
                    command=Command(action=Action.sign, version=1),
                )
            return "won"
        except StaleVersion:
            return "stale"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(sign, range(12)))
    assert sorted(outcomes).count("won") == 1
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=CLERK)
        assert (case.status, case.version) == ("signed", 2)


COORDINATOR = Actor("staff", id=None, name="协调员", role=Role.coordinator, department="fgw")


def act(container: Container, number: str, actor: Actor, action: Action, **fields: str) -> None:
    """Take an action on a case at the version it is at now."""
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=action, version=case.version, **fields)  # type: ignore[arg-type]
        transition(
            session=session, case=case, actor=actor, env=container.case_env, command=command
        )


def test_returns_sent_at_once_are_counted_once_and_the_cap_holds(container: Container) -> None:
    env = container.case_env
    with session_scope(container.engine) as session:
        draft = Draft(
            text="区里的项目做完了，工程款一直拖欠不付", anonymous=False, reporter_name="李四"
        )
        number = submit(session=session, draft=draft, actor=SYSTEM, env=env).case.number
    for _ in range(2):  # the first two returns: the third dispatch may still be returned
        act(container, number, CLERK, Action.return_, reason="不归我们")
        act(container, number, COORDINATOR, Action.reassign, department="czj")
    version = case_version(container, number)
    engine = open_engine(container.settings.database_url)

    def return_(index: int) -> str:
        try:
            with session_scope(engine if index % 2 else container.engine) as session:
                case = get_case(session=session, number=number, actor=CLERK)
                command = Command(action=Action.return_, version=version, reason="还是不归")
                transition(session=session, case=case, actor=CLERK, env=env, command=command)
            return "returned"
        except (StaleVersion, NotFound):  # NotFound: back at the lead office already
            return "refused"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(return_, range(12)))
    engine.dispose()
    act(container, number, COORDINATOR, Action.reassign, department="czj")
    with pytest.raises(InvalidTransition):  # the fourth dispatch stands
        act(container, number, CLERK, Action.return_, reason="第四次")
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=COORDINATOR)
        assert (outcomes.count("returned"), case.return_count) == (1, 3)


def case_version(container: Container, number: str) -> int:
    with session_scope(container.engine) as session:
        return get_case(session=session, number=number, actor=COORDINATOR).version
