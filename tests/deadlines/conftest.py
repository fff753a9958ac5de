"""Fixtures for clocks and the scheduler: a notifier that records, staff with bound chats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.intake import Draft, Receipt, submit
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.notifications.unit_notices import UnitNotices
from backend.people.models import Role, StaffAccount
from backend.people.service import bind_chat, create_staff
from backend.scheduler import jobs
from tests.fakes import FakeClock, RecordingNotifier

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"


TIANJIN = ZoneInfo("Asia/Shanghai")


def tianjin(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """Return the UTC moment of a Tianjin wall-clock time."""
    return datetime(year, month, day, hour, minute, tzinfo=TIANJIN).astimezone(UTC)


@dataclass
class World:
    """The container with a recording notifier, and staff whose chats are bound."""

    container: Container
    clock: FakeClock
    notifier: RecordingNotifier
    clerk: Actor
    coordinator: Actor

    def file(self, text: str = ARREARS, **draft: object) -> Receipt:
        with session_scope(self.container.engine) as session:
            return submit(
                session=session,
                draft=Draft(text=text, **draft),  # type: ignore[arg-type]
                actor=SYSTEM,
                env=self.container.case_env,
            )

    def act(self, number: str, action: Action, actor: Actor | None = None, **command: object):
        actor = actor or self.clerk
        with session_scope(self.container.engine) as session:
            case = get_case(session=session, number=number, actor=actor)
            return transition(
                session=session,
                case=case,
                actor=actor,
                env=self.container.case_env,
                command=Command(action=action, version=case.version, **command),
            )  # type: ignore[arg-type]

    def tick(self) -> None:
        """One scheduler round at the clock's time: sweep, then deliver."""
        jobs.sweep_job(self.container)

    def texts(self, chat_id: str) -> list[str]:
        return [m.text for m in self.notifier.sent if m.chat_id == chat_id]


@pytest.fixture
def world(container: Container, clock: FakeClock) -> World:
    notifier = RecordingNotifier()
    container.notifier = notifier
    # These specs are about the clocks: the notice of a new case has its own
    # (tests/notifications/test_reaching_staff.py).
    container.listeners = [x for x in container.listeners if not isinstance(x, UnitNotices)]
    with session_scope(container.engine) as session:
        clerk, _ = create_staff(
            session=session, name="财政局 李", role="clerk", department="czj", clock=clock
        )
        boss, _ = create_staff(
            session=session, name="协调员 王", role="coordinator", department="fgw", clock=clock
        )
        bind_chat(
            session=session,
            staff=clerk,
            channel="telegram",
            chat_id="clerk-chat",
            language="zh",
            clock=clock,
        )
        bind_chat(
            session=session,
            staff=boss,
            channel="telegram",
            chat_id="boss-chat",
            language="zh",
            clock=clock,
        )
        clerk_actor, boss_actor = Actor.staff(clerk), Actor.staff(boss)
    assert isinstance(clerk, StaffAccount) and clerk_actor.role is Role.clerk
    return World(container, clock, notifier, clerk_actor, boss_actor)
