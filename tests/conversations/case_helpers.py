"""Acting on cases and reading what chats were told, for the conversation tests."""

from __future__ import annotations

from sqlmodel import col, select

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.merge import merge_into
from backend.cases.models import Case
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.notifications.models import Notification
from backend.people.models import Role
from backend.scheduler import jobs
from dialogs.model import Button
from tests.conversations.driver import Chat
from tests.fakes import FakeClock

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
ALIKE = "区里的项目做完了，工程款一直拖欠不付，我们公司也是"
# Free text written for the reporter; a real reply can carry the reporter's name and phone.
SECRET = "联系人张三13800000000"
CLERK = Actor("staff", id=None, name="李", role=Role.clerk, department="czj")
COORDINATOR = Actor("staff", id=None, name="王", role=Role.coordinator, department="fgw")


def act(container: Container, number: str, action: Action, actor: Actor, **command: object):
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        return transition(
            session=session,
            case=case,
            actor=actor,
            env=container.case_env,
            command=Command(action=action, version=case.version, **command),  # type: ignore[arg-type]
        )


def merge(container: Container, repeat: str, into: str, reason: str) -> None:
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=repeat, actor=COORDINATOR)
        merge_into(
            session=session,
            case=case,
            into=into,
            version=case.version,
            reason=reason,
            actor=COORDINATOR,
            env=container.case_env,
        )


def follow(chat: Chat, number: str) -> None:
    """Start a complaint like an open one and follow that case instead of filing."""
    chat.command("report")
    chat.say(ALIKE)
    chat.tap("✅ 对")
    chat.tap(f"👀 关注 {number}")
    assert "有进展时会通知您" in chat.text


def numbers(container: Container) -> list[str]:
    with session_scope(container.engine) as session:
        return list(session.exec(select(Case.number).order_by(col(Case.id))).all())


def told(container: Container, chat_id: str) -> list[str]:
    with session_scope(container.engine) as session:
        rows = session.exec(
            select(Notification)
            .where(Notification.chat_id == chat_id)
            .order_by(col(Notification.id))
        ).all()
        return [row.text for row in rows]


def ask_to_rate(container: Container, clock: FakeClock, reporter: Chat) -> None:
    """Let the follow-up (回访) ask a resolved case's reporter; show its buttons in the chat."""
    clock.advance(days=3, hours=1)
    jobs.sweep_job(container)
    with session_scope(container.engine) as session:
        question = session.exec(select(Notification).where(Notification.kind == "follow_up")).one()
    buttons = question.buttons or []
    reporter.shown += [Button(label, payload) for row in buttons for label, payload in row]
