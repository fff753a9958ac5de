"""A reporter's email address gets updates only once its owner confirmed it by the link sent.

An address typed into a chat or given by an Open311 request used to get the case's updates at
once, the complaint's words among them, whoever's it was.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from backend.actors import Actor
from backend.api.app import create_app
from backend.bootstrap import Container
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.conversations.dialog_email import EmailDialogServices
from backend.db import session_scope
from backend.notifications.email_confirmation import SUBJECT
from backend.people.models import Reporter
from dialogs.model import ChatRef
from tests.notifications.conftest import District

REPORTER = "zhang@mail.test"
SIGNED = "已由区财政局签收"


def _sign(d: District, number: str) -> None:
    actor = Actor.staff(d.clerk)
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=Action.sign, version=case.version)
        transition(
            session=session, case=case, actor=actor, env=d.container.case_env, command=command
        )


def _filed_by_open311(d: District, address: str = REPORTER) -> str:
    return d.file(channel="open311", reporter_email=address, anonymous=False).case.number


def test_an_open311_address_is_sent_a_confirmation_link_and_no_update_before_it_is_confirmed(
    district: District,
) -> None:
    d = district
    number = _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)
    _sign(d, number)
    d.tick()

    mails = d.smtp.to(REPORTER)
    assert [m.subject for m in mails] == [SUBJECT]  # the update was not sent there
    assert "请确认您的电子邮箱" in mails[0].part("plain") and "Confirm" in mails[0].part("plain")
    assert f'href="https://intake.hongqiao.test{link}"' in mails[0].part("html")
    assert "工程款" not in mails[0].part("plain")  # nothing of the complaint before confirming


def test_the_link_shows_the_address_and_only_its_button_confirms_it_then_updates_come(
    district: District,
) -> None:
    d = district
    number = _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)

    with TestClient(create_app(d.container)) as client:
        shown = client.get(link)
        shown_again = client.get(link + "?lang=en")
        assert _confirmed(d.container) == [None]  # opening the link (a mail scanner) is not it
        pressed = client.post(link)
        after = client.get(link)
    _sign(d, number)
    d.tick()

    assert (
        shown.status_code == 200 and REPORTER in shown.text and '<form method="post"' in shown.text
    )
    assert "Confirm your email address" in shown_again.text
    assert pressed.status_code == 200 and "已确认" in pressed.text
    assert after.status_code == 200 and "<form" not in after.text
    assert _confirmed(d.container) != [None]
    assert [m.subject for m in d.smtp.to(REPORTER)][1:] == [
        f"您的投诉 {number} {SIGNED}，正在办理。"
    ]


def test_an_altered_expired_or_outdated_link_is_refused_with_a_page_and_confirms_nothing(
    district: District,
) -> None:
    d = district
    _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)
    reporter_id, expires, signature = link.rsplit("/", 1)[1].split(".")
    other = f"{int(reporter_id) + 1}.{expires}.{signature}"
    cut = f"{reporter_id}.{expires}.{signature[:-2]}"
    base = link.rsplit("/", 1)[0]

    with TestClient(create_app(d.container)) as client:
        refused = [client.post(f"{base}/{token}") for token in (other, cut, "x", "1.2.签名")]
        d.clock.current = d.clock.now() + timedelta(days=8)
        expired = client.post(link)

    for page in [*refused, expired]:
        assert page.status_code == 404 and "该确认链接无效或已过期" in page.text
    assert _confirmed(d.container) == [None]


def test_a_chat_address_waits_for_its_owner_and_the_same_address_again_stays_confirmed(
    district: District,
) -> None:
    d = district
    chat = ChatRef("telegram", "5001")
    with session_scope(d.container.engine) as session:
        services = _services(session, d.container)
        services.set_reporter_email(chat, REPORTER, "zh")
        assert services.email_confirmed(chat) is False
    d.confirm_reporter_email(REPORTER)
    with session_scope(d.container.engine) as session:
        services = _services(session, d.container)
        assert services.email_confirmed(chat) is True
        services.set_reporter_email(chat, REPORTER, "zh")  # sent again: nothing to confirm
        assert services.email_confirmed(chat) is True
        services.set_reporter_email(chat, "li@mail.test", "zh")  # a new address waits again
        assert services.email_confirmed(chat) is False
    d.tick()
    assert len(d.smtp.to(REPORTER)) == 1 and len(d.smtp.to("li@mail.test")) == 1


def test_the_old_addresss_link_stops_working_once_the_chat_changed_its_address(
    district: District,
) -> None:
    d = district
    chat = ChatRef("web", "visitor-1")
    with session_scope(d.container.engine) as session:
        _services(session, d.container).set_reporter_email(chat, REPORTER, "zh")
    old = d.confirmation_link(REPORTER)
    with session_scope(d.container.engine) as session:
        _services(session, d.container).set_reporter_email(chat, "li@mail.test", "zh")

    with TestClient(create_app(d.container)) as client:
        assert client.post(old).status_code == 404


def test_one_confirmation_message_an_hour_however_often_the_address_is_given(
    district: District,
) -> None:
    d = district
    chat = ChatRef("telegram", "5002")
    for _ in range(5):
        with session_scope(d.container.engine) as session:
            _services(session, d.container).set_reporter_email(chat, REPORTER, "zh")
            _services(session, d.container).set_reporter_email(chat, None, "zh")
    with session_scope(d.container.engine) as session:
        _services(session, d.container).set_reporter_email(chat, REPORTER, "zh")
    d.tick()
    assert len(d.smtp.to(REPORTER)) == 1


def _services(session: Session, container: Container) -> EmailDialogServices:
    """The `/email` part of the dialogs' services, over the caller's session."""
    services = EmailDialogServices()
    services.session, services.container = session, container
    return services


def _confirmed(container: Container) -> list[object]:
    with session_scope(container.engine) as session:
        return [
            r.email_confirmed_at
            for r in session.exec(select(Reporter).where(Reporter.email == REPORTER))
        ]
