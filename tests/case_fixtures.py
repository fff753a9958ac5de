"""Cases for the case page's tests: filed through the service, with evidence and a reporter."""

from __future__ import annotations

from sqlmodel import select

from backend.actors import SYSTEM, Actor
from backend.attachments.store import ContentStore, attach
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.models import Attachment, Case
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.notifications.models import Notification
from backend.people.models import StaffAccount

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # routed to czj
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>\n第二行：工程款拖欠不付"
UNCLEAR = "有个事情想反映一下情况请处理"  # goes to triage
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082"
)
HTML = b"<html><body><script>alert('evidence')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg")</script></svg>'


def file_case(
    container: Container,
    text: str = ARREARS,
    *,
    category: str | None = None,
    reporter_chat: str | None = None,
    named: bool = False,
    latitude: float | None = None,
    longitude: float | None = None,
) -> str:
    """File a complaint through the intake service; return its number.

    `reporter_chat` makes the reporter a web-chat user (updates go to that chat); `named`
    gives the reporter a name and phone (a named report).
    """
    with session_scope(container.engine) as session:
        draft = Draft(
            text=text,
            category=category,
            anonymous=not named,
            reporter_name="张三" if named else None,
            reporter_phone="13812345678" if named else None,
            channel="web" if reporter_chat else "api",
            chat_id=reporter_chat,
            latitude=latitude,
            longitude=longitude,
        )
        case = submit(session=session, draft=draft, actor=SYSTEM, env=container.case_env).case
        return case.number


def act(
    container: Container, number: str, account: StaffAccount, action: Action, **kw: object
) -> None:
    """Take an action as a staff member through the workflow (at the case's version)."""
    with session_scope(container.engine) as session:
        actor = Actor.staff(account)
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=action, version=case.version, **kw)  # type: ignore[arg-type]
        transition(
            session=session, case=case, command=command, actor=actor, env=container.case_env
        )


def add_evidence(container: Container, number: str, data: bytes, name: str, kind: str) -> int:
    """Attach a file to a case; return the attachment's id."""
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        row = attach(
            session=session,
            store=ContentStore.under(container.settings.data_dir),
            case=case,
            data=data,
            filename=name,
            content_type=kind,
            clock=container.clock,
        )
        assert row.id is not None
        return row.id


def attachment_count(container: Container) -> int:
    with session_scope(container.engine) as session:
        return len(session.exec(select(Attachment)).all())


def updates_for_chat(container: Container, chat_id: str) -> list[str]:
    """Return the texts the outbox holds for a reporter's chat, oldest first."""
    with session_scope(container.engine) as session:
        rows = session.exec(
            select(Notification).where(Notification.chat_id == chat_id).order_by(Notification.id)  # type: ignore[arg-type]
        ).all()
        return [row.text for row in rows]
